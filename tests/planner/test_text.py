"""planner.text: one catalogue of every user-facing string, both languages, and nothing outside it.

Three checks: every key has Chinese and English, non-empty, taking the same values; every key the
code names (``t("…")``, ``message("…")``, ``PlannerError("…")``) exists; and no user-facing text
sits in the code outside the catalogue, the registries that keep their own labels, and data that
is Chinese because the world is (a cited source sentence, a header a file carries). Text is found
two ways: a string literal with Chinese in it, and a choice by language (``lang == "zh"``), which
is how English text hides beside its Chinese.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from planner import cases, report
from planner.calibration.schema import COLUMNS, ColumnRef
from planner.engine import SOURCES, STAGE_KEYS
from planner.params import BY_KEY as PARAMS_BY_KEY
from planner.params import PARAMS
from planner.presets import PRESETS
from planner.text import CATALOGUE, LANGS, Message, PlannerError, message, placeholders, t

ROOT = Path(__file__).resolve().parents[2]
CODE = sorted([*ROOT.glob("planner/**/*.py"), *ROOT.glob("views/**/*.py"), *ROOT.glob("pages/**/*.py"),
               *ROOT.glob("server/**/*.py"),
               ROOT / "app.py"])
# Chinese characters, and the CJK and full-width punctuation that only Chinese text uses.
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")

# Chinese that belongs where it is, by file and top-level name ("*": the whole file), with why.
ALLOWED: dict[str, dict[str, str]] = {
    "planner/text.py": {"*": "the catalogue itself"},
    "planner/params.py": {"*": "the parameter registry keeps its own labels, units, help and notes"},
    "planner/tools.py": {
        "*": "the tools table keeps its labels and notes in its rows, so a fifth tool is one row; "
             "they feed the parameter registry's spend, price, ceiling and precision parameters"},
    "planner/calibration/schema.py": {
        "COLUMNS": "the column registry: its Chinese labels and aliases are the headers a file carries",
        "_BRACKETED": "the brackets Chinese headers put units in, which the reader strips",
        "_SEPARATORS": "the full-width colon Chinese headers may carry, which the reader ignores",
        "_COUNT_UNITS": "units Chinese headers name for counts (人, 万), which scale the cells",
        "HEADER_UNITS": "units Chinese headers name (万元, 分, 分钟, 秒), which scale the cells",
        "_BRACKET_TEXT": "the brackets Chinese headers put units in, which the reader reads",
    },
    "planner/calibration/reader.py": {
        "TOTAL_MARKS": "the words a totals row starts with in Chinese exports",
        "_SENTENCE_ENDS": "the Chinese full stop, dropped where sentences are joined on one line",
        "_NUMBER_JUNK": "units Chinese exports write in number cells (元, 人, 单, 次)",
        "_DATE": "Chinese dates (2024年3月1日)",
        "parse_number": "万 and 亿 in number cells",
        "_DATE_IN_TEXT": "Chinese dates (2024年3月1日) inside the live list's 直播信息 cell",
        "_DURATION_PART": "lengths as the live list writes them (3小时12分)",
        "_DURATION_HOURS": "the units of such lengths (小时, 分钟, 秒)",
    },
    "planner/calibration/spend.py": {
        "SPEND_HEADERS": "the headers of the ads platform's report and the bean order list, as they carry them"},
    "planner/calibration/simulator.py": {
        "*": "the simulated export files: headers, titles and account names as Chinese back offices write them"},
    "planner/calibration/sample.py": {
        "SAMPLE_ACCOUNTS": "account names in the sample file, as a merchant's would be",
        "SAMPLE_COLUMNS": "the sample file's headers, as a Chinese back office writes them",
        "sample_rows": "the name of an account beyond SAMPLE_ACCOUNTS, in the sample file",
    },
    "planner/cases.py": {"CASES": "each case's source sentence, quoted from DOMAIN as written there"},
    "planner/cli/common.py": {
        "_OPENING": "Chinese opening brackets, which a line of help does not end with",
        "_CLOSING": "Chinese punctuation and closing brackets, which a line of help does not start with",
    },
}


# Choices by language that are not a choice of words, by file and top-level name, with why.
LANGUAGE_CHOICES: dict[str, dict[str, str]] = {
    "planner/report.py": {"daily_header": "a per-source CSV header names its source in Chinese, by key in English"},
    "planner/calibration/sample.py": {"sample_csv": "the sample's headers: a Chinese export's, or the schema's English"},
    "planner/calibration/schema.py": {
        "Column": "the column registry's own labels, units and notes",
        "schema_rows": "which of the registry's labels is the other language's, in 'also accepted'",
    },
    "views/state.py": {"share_url": "the link's lang flag, not words"},
    "server/snapshot.py": {
        "Link": "the link's lang flag, not words",
        "page": "the html lang attribute and the other language's link, not words",
    },
    "planner/budget/errors.py": {
        "ParamName": "a parameter named in a budget message: the registry's Chinese label, or the key the CLI and links use",
        "ParamUnit": "the registry's English unit after a value; Chinese labels already say what the number is",
    },
}


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are statements of their own (docstrings): documentation
    for developers, in the language the code is written in."""
    return {id(node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)}


def _top_level_name(node: ast.stmt) -> str:
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return node.name
    if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
        return node.targets[0].id
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return node.target.id
    return ""


def chinese_literals(path: Path) -> list[tuple[int, str, str]]:
    """(line, top-level name, text) of every string constant with Chinese in it, docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    found = []
    for statement in tree.body:
        name = _top_level_name(statement)
        for node in ast.walk(statement):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
                    and CJK.search(node.value)):
                found.append((node.lineno, name, node.value))
    return found


def language_choices(path: Path) -> list[tuple[int, str]]:
    """(line, top-level name) of every comparison with "zh" or "en"."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for statement in tree.body:
        for node in ast.walk(statement):
            if isinstance(node, ast.Compare) and any(
                    isinstance(side, ast.Constant) and side.value in LANGS for side in (node.left, *node.comparators)):
                found.append((node.lineno, _top_level_name(statement)))
    return found


def test_every_key_has_both_languages_with_the_same_placeholders():
    for key, entry in CATALOGUE.items():
        assert len(entry) == len(LANGS) == 2, key
        zh, en = entry
        if key.endswith("_sep"):  # a separator joins other texts: Chinese joins some with nothing
            assert en, key
        else:
            assert zh.strip() and en.strip(), key
        assert placeholders(zh) == placeholders(en), key
        assert re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)+", key), f"{key}: keys are namespaced, lower case"


def _catalogue_names(tree: ast.Module) -> set[str]:
    """The local names a module binds to ``t``, ``message`` and ``PlannerError`` of planner.text,
    and to the CLI's ``UsageError`` (planner.cli.common, which defines it), which also takes a key
    and values."""
    names = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        module = node.module or ""
        if module.split(".")[-1] == "text" and (node.level > 0 or module == "planner.text"):
            names |= {alias.asname or alias.name for alias in node.names
                      if alias.name in ("t", "message", "PlannerError")}
        if module.split(".")[-1] == "common" and (node.level > 0 or module == "planner.cli.common"):
            names |= {alias.asname or alias.name for alias in node.names if alias.name == "UsageError"}
    names |= {node.name for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "UsageError"}
    return names


def keys_named_in_code() -> list[tuple[str, int, str]]:
    """(file, line, key) of every literal key passed to the catalogue's t, message, PlannerError."""
    out = []
    for path in CODE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = _catalogue_names(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                out.append((_relative(path), node.lineno, node.args[0].value))
    return out


def test_every_key_the_code_names_exists():
    named = keys_named_in_code()
    assert len(named) > 50  # the scan finds the model's calls; an import it cannot see would drop them
    missing = [f"{path}:{line} {key}" for path, line, key in named if key not in CATALOGUE]
    assert not missing, missing


def test_keys_built_from_a_name_exist():
    """Keys the code builds from a row of a table (a stage, a daily column, a case) render."""
    for lang in LANGS:
        assert [report.stage_label(i, lang) for i in range(-1, len(STAGE_KEYS))]
        headers = report.daily_headers(lang)
        assert len(headers) == len(set(headers)) == len(report.DAILY_KEYS)
        for case in cases.CASES:
            assert case.title(lang) and case.inputs.text(lang)
        for preset in PRESETS.values():
            assert preset.label(lang) and preset.story(lang)
    assert report.daily_header("pv_gdt", "zh") != report.daily_header("pv_gdt", "en")
    assert all(f"pv_{s}" in report.DAILY_KEYS for s in SOURCES)


def test_the_registry_names_a_kind_of_number_in_the_catalogues_words():
    """The app writes a fraction as % and nothing after an elasticity by finding the catalogue's
    unit.fraction and unit.elasticity in a parameter's unit: the registry must use those words."""
    for lang in LANGS:
        assert all(t("unit.fraction", lang) in p.unit(lang) for p in PARAMS if p.percent)
        assert PARAMS_BY_KEY["aov_elasticity"].unit(lang) == t("unit.elasticity", lang)


def test_a_message_is_put_into_words_in_each_language():
    found = message("calibration.found.text", text="x")
    assert t("calibration.expected_account", "zh", found=found) == "应为账号名称，实际为“x”。"
    assert t("calibration.expected_account", "en", found=found) == "expected an account name, found 'x'."
    err = PlannerError("compare.how_many", most=3, got=4)
    assert isinstance(err, ValueError) and str(err) == err.text("en") and err.text("zh") != err.text("en")
    assert isinstance(err.message, Message)


def test_a_sentence_names_a_column_by_the_schemas_words():
    for c in COLUMNS:
        ref = ColumnRef(c.key)
        assert f"{ref:zh}|{ref:en}|{ref:unit_zh}|{ref:unit_en}" == f"{c.label_zh}|{c.label_en}|{c.unit_zh}|{c.unit_en}"
        assert c.label_zh in f"{ref:headers_zh}" and c.key in f"{ref:headers_en}"
    with pytest.raises(ValueError):
        format(ColumnRef("gmv"), "colour_zh")


def test_no_chinese_literal_outside_the_catalogue_the_registries_and_cited_data():
    stray = []
    for path in CODE:
        name = _relative(path)
        allowed = ALLOWED.get(name, {})
        if "*" in allowed:
            continue
        stray += [f"{name}:{line} ({scope or 'module'}) {text[:40]!r}"
                  for line, scope, text in chinese_literals(path) if scope not in allowed]
    assert not stray, "user-facing text belongs in planner/text.py:\n" + "\n".join(stray)


def test_no_choice_of_words_by_language_outside_the_catalogue_and_the_registries():
    stray = []
    for path in CODE:
        name = _relative(path)
        if "*" in ALLOWED.get(name, {}):
            continue
        allowed = LANGUAGE_CHOICES.get(name, {})
        stray += [f"{name}:{line} ({scope or 'module'})" for line, scope in language_choices(path) if scope not in allowed]
    assert not stray, "t(key, lang) chooses the language; these choose it themselves:\n" + "\n".join(stray)


# UTF-8 read as Latin-1: a Chinese character becomes a letter with an accent and two characters
# from U+0080–U+00BF (元 → å, U+0085, U+0083), which no scan for Chinese sees.
DOUBLE_DECODED = re.compile(r"[\u00c2-\u00f4][\u0080-\u00bf]")


def test_no_text_was_decoded_twice():
    """A merge once wrote 元 that way (the weekly GMV heatmap's colour bar showed it) and the
    Chinese of a test; the code and the tests hold no such text."""
    files = [*CODE, *ROOT.glob("tests/**/*.py")]
    bad = [_relative(path) for path in files if DOUBLE_DECODED.search(path.read_text(encoding="utf-8"))]
    assert not bad, bad


def test_every_allowance_is_still_needed():
    for name, scopes in ALLOWED.items():
        path = ROOT / name
        assert path.exists(), f"{name} is gone: drop it from ALLOWED"
        used = {scope for _, scope, _ in chinese_literals(path)}
        unused = [scope for scope in scopes if scope != "*" and scope not in used]
        assert not unused, f"{name}: {unused} hold no Chinese any more; drop them from ALLOWED"
    for name, scopes in LANGUAGE_CHOICES.items():
        used = {scope for _, scope in language_choices(ROOT / name)}
        unused = [scope for scope in scopes if scope not in used]
        assert not unused, f"{name}: {unused} choose nothing by language any more; drop them from LANGUAGE_CHOICES"
