"""Every user-facing string of the planner, app and CLI alike, Chinese first, with English.

One catalogue of namespaced keys (``kpi.profit``, ``notice.bad_value``, ``budget.title``), each
holding its Chinese and English side by side, and one lookup: ``t(key, lang, **values)``. The
model's errors and notes carry a key and values, never prose; whoever shows them (a page, a
terminal) looks the text up here in the reader's language. Parameter labels, units, help and
notes stay in the parameter registry (``planner.params``), next to the facts they describe.

The catalogue is written in sections, one per part of the product, merged into ``CATALOGUE``;
a key may live in one section only (checked at import).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from string import Formatter

LANGS: tuple[str, ...] = ("zh", "en")
DEFAULT_LANG = "zh"

Entry = tuple[str, str]  # (zh, en)

# --- the model: errors, notices and notes raised by planner/ (scenario, links, budget, calibration)
_MODEL: dict[str, Entry] = {
    # link.*: what the codec (planner/link.py) and the pages' own link keys say about a link
    "link.replaced": ("参数 {name}={given} 无效（允许：{allowed}），已改用 {used}。",
                      "{name}={given} is not valid (allowed: {allowed}); used {used} instead."),
    "link.ignored": ("参数 {name}={given} 已忽略：{allowed}。", "{name}={given} was ignored: {allowed}."),
    "link.list_sep": ("、", ", "),
    "link.reason_sep": ("；", "; "),
    "link.sentence_sep": ("", " "),
    "link.too_many_pairs": ("链接含 {n} 个参数，只读取了前 {max} 个。",
                            "The link has {n} parameters; only the first {max} were read."),
    "link.more_notices": ("链接中另有 {n} 个问题未列出。", "{n} more problems in the link are not listed."),
    "link.each_key_once": ("每个参数只出现一次", "each key once"),
    "link.last_value": ("最后一个值 {value}", "the last value {value}"),
    "link.one_of": ("以下之一：{options}", "one of {options}"),
    "link.used_defaults": ("默认值", "the defaults"),
    "link.version": ("版本 {version}", "version {version}"),
    "link.version_rules": ("v={version} 规则", "v={version} rules"),
    "link.not_a_parameter": ("不是规划参数", "not a planner parameter"),
    "link.number_between": ("{low} 到 {high} 之间的{kind}", "{kind} from {low} to {high}"),
    "link.an_integer": ("整数", "an integer"),
    "link.a_number": ("数值", "a number"),
    "link.integers": ("整数", "integers"),
    "link.numbers": ("数值", "numbers"),
    "link.range_not_uncertain": ("{name} 不是不确定参数，不能设区间", "{name} is not uncertain and has no range"),
    "link.range_ends": ("低,高：{low} 到 {high} 之间的两个{kind}，且低 ≤ 高",
                        "low,high: two {kind} from {low} to {high} with low ≤ high"),
    "link.no_range": ("不设区间（用点值）", "no range (the point value)"),
    "link.split_shares": ("{n}个以逗号分隔的非负份额，每个账号一个，总和为有限数",
                          "{n} comma-separated non-negative shares, one per account, with a finite sum"),
    "link.even_split": ("在播账号平均分配", "an even split over live accounts"),
    "link.draws_budget": ("{accounts} 个账号 × {days} 天最多 {used} 次抽样；计算预算为 抽样 × 账号 × 天数 ≤ "
                          "{max_account_days}、抽样 × 天数 ≤ {max_days}",
                          "at most {used} draws for {accounts} accounts × {days} days: the compute budget is "
                          "draws × accounts × days ≤ {max_account_days} and draws × days ≤ {max_days}"),
    "link.draws_used": ("{used} 次抽样", "{used} draws"),
    "link.true_or_false": ("true 或 false", "true or false"),
    "link.page_default": ("页面默认值", "the page's default"),
    "link.v1_intro": ("此链接由旧版模型（v1）生成；含义未变的参数已沿用。",
                      "This link was made with the earlier model (v1); its parameters were carried over where "
                      "they still mean the same thing."),
    "link.v1_converted": ("已换算为新单位：{keys}。", "Converted to the new units: {keys}."),
    "link.v1_dropped": ("已舍弃（改用新默认值）：{items}。", "Dropped (new defaults used): {items}."),
    "link.v1_dropped_item": ("{name}（{why}）", "{name} ({why})"),
    "link.v1_why_weight0": ("初始权重现在由旗舰号粉丝数决定", "the starting weight now follows the flagship's followers"),
    "link.v1_why_weight_speed": ("权重现在按场、从平台送来的陌生观众中学习",
                                 "the weight now learns per session, from the strangers the platform sends"),
    "link.v1_why_repurchase": ("原为每次看播的复购概率；v2 为12个月内复购的买家比例",
                               "it was a chance per watched session; v2's is the share of buyers who buy again "
                               "in 12 months"),
    "link.v1_why_overlap": ("矩阵现在共用一个私域", "the matrix now shares one private domain"),
    "link.v1_why_sat_pool": ("新号不再自带私域人群", "a new account brings no people of its own now"),
    "link.v1_why_caps": ("上限现在按开播小时计", "ceilings are now per live hour"),
    # scenario.*: why a Scenario refuses its values (planner/scenario.py)
    "scenario.not_a_number": ("{name} 必须是数值，收到的是 {type}。", "{name} must be a number, got {type}."),
    "scenario.too_large": ("{name} 必须在 {low}..{high} 之内，收到的数值过大。",
                           "{name} must be within {low}..{high}, got a number too large."),
    "scenario.not_finite": ("{name} 必须是有限数，收到 {value}。", "{name} must be finite, got {value}."),
    "scenario.not_integer": ("{name} 必须是整数，收到 {value}。", "{name} must be an integer, got {value}."),
    "scenario.out_of_range": ("{name} 必须在 {low}..{high} 之内，收到 {value}。",
                              "{name} must be within {low}..{high}, got {value}."),
    "scenario.integer_within": ("{name} 必须是 {low}..{high} 之内的整数，收到 {value}。",
                                "{name} must be an integer within {low}..{high}, got {value}."),
    "scenario.range_not_uncertain": ("{name} 不能设区间；不确定参数为：{keys}。",
                                     "{name} cannot carry a range; uncertain parameters are: {keys}."),
    "scenario.range_twice": ("{name} 有两个区间。", "{name} has two ranges."),
    "scenario.range_not_finite": ("{name} 区间两端必须是有限数，收到 {low}, {high}。",
                                  "{name} range ends must be finite numbers, got {low}, {high}."),
    "scenario.range_order": ("{name} 区间必须满足 {min} <= 低 <= 高 <= {max}，收到 {low}, {high}。",
                             "{name} range must satisfy {min} <= low <= high <= {max}, got {low}, {high}."),
    "scenario.range_not_integer": ("{name} 区间两端必须是整数，收到 {low}, {high}。",
                                   "{name} range ends must be integers, got {low}, {high}."),
    "scenario.split_tools": ("split 必须给出这些工具的份额：{tools}。", "split must give shares for the tools {tools}."),
    "scenario.split_count": ("{name} 需要 {n} 个份额，每个账号一个，收到 {got} 个。",
                             "{name} needs {n} shares, one per account, got {got}."),
    "scenario.split_values": ("{name} 的份额必须是有限、非负且不全为零的数。",
                              "{name} shares must be finite, non-negative and not all zero."),
    "scenario.split_sum": ("{name} 的份额之和必须是有限数。", "{name} shares must add up to a finite number."),
}

# --- the command line (planner/cli)
_CLI: dict[str, Entry] = {
}

# --- the app: shell, navigation, sidebar, notices shown by pages
_APP: dict[str, Entry] = {
}

# --- KPIs: names and the words around them (planner/kpis.py)
_KPI: dict[str, Entry] = {
}

# --- pages: one section per page
_PAGES: dict[str, Entry] = {
}

# --- the projection card and exports
_CARD: dict[str, Entry] = {
}

_SECTIONS: tuple[dict[str, Entry], ...] = (_MODEL, _CLI, _APP, _KPI, _PAGES, _CARD)


def _merge(sections: tuple[dict[str, Entry], ...]) -> dict[str, Entry]:
    merged: dict[str, Entry] = {}
    for section in sections:
        twice = merged.keys() & section.keys()
        if twice:
            raise ValueError(f"text keys in two sections: {sorted(twice)}")
        merged.update(section)
    return merged


CATALOGUE: dict[str, Entry] = _merge(_SECTIONS)


def normalize_lang(lang: object) -> str:
    """``lang`` if the catalogue has it, else the default (Chinese)."""
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str, **values) -> str:
    """The text of ``key`` in ``lang`` ("zh" or "en"), with ``values`` filled in. A value that is
    itself a ``Message`` is put into words in the same language first."""
    zh, en = CATALOGUE[key]
    text = en if lang == "en" else zh
    if not values:
        return text
    return text.format(**{name: _in_words(value, lang) for name, value in values.items()})


def _in_words(value, lang: str):
    return value.text(lang) if isinstance(value, Message) else value


@dataclass(frozen=True)
class Message:
    """What the model says, before it is put into words: a catalogue key and its values. Errors,
    notices and notes carry one of these; the page or the terminal calls ``text(lang)``."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return t(self.key, lang, **self.values)


def message(key: str, **values) -> Message:
    return Message(key, values)


class PlannerError(ValueError):
    """An error the planner raises on purpose: one sentence, held as a key and its values so that
    each reader gets it in their language (``text(lang)``); ``str()`` is the English."""

    def __init__(self, key: str, **values):
        self.message = Message(key, values)
        super().__init__(self.message.text("en"))

    def text(self, lang: str) -> str:
        return self.message.text(lang)


def placeholders(text: str) -> set[str]:
    """The names of the ``{placeholders}`` in ``text`` (for the test that both languages of a key
    take the same values)."""
    return {name for _, name, _, _ in Formatter().parse(text) if name}
