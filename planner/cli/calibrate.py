"""``python -m planner calibrate FILE``: fit the planner to a file of past live sessions.

Prints each parameter's fitted value with its 95% interval and whether the data identify it,
the fit quality, the back-test error (MAPE) and the fitted scenario's share query. A file that
cannot be used exits with code 2 and one line on stderr naming the problem.
"""

from __future__ import annotations

import os

from .. import fmt
from ..calibration import MAX_BYTES, Calibration, FileProblems, calibrate
from ..calibration.reader import check_size
from ..calibration.schema import BY_KEY as COLUMN
from ..calibration.spend import read_with_spend
from ..params import BY_KEY as PARAM
from ..scenario import MAX_SEED
from ..text import t
from .common import (
    UsageError,
    add_command,
    add_output_arguments,
    fitted_widths,
    int_in,
    json_text,
    row,
    share_query,
)


def add_parser(subparsers, lang: str) -> None:
    cal = add_command(subparsers, "calibrate", lang)
    cal.add_argument("file", help=t("cli.help.calibrate_file", lang))
    add_output_arguments(cal, lang)
    cal.add_argument("--seed", type=int_in(0, MAX_SEED, lang), default=0, help=t("cli.help.calibrate_seed", lang))
    cal.add_argument("--spend", action="append", default=[], metavar="FILE", help=t("cli.help.calibrate_spend", lang))
    cal.set_defaults(run=run)


def _read(path: str) -> bytes:
    try:
        check_size(os.path.getsize(path))  # before reading a huge file into memory
        with open(path, "rb") as f:
            return f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise UsageError("cli.error.cannot_read", file=path, reason=exc.strerror or str(exc)) from None
    except FileProblems as exc:
        raise UsageError("cli.error.file_problems", file=path, problems=exc.summary) from None


def run(args) -> str:
    data = _read(args.file)
    spend = tuple((_read(path), os.path.basename(path)) for path in args.spend)
    try:
        sessions = read_with_spend(data, os.path.basename(args.file), spend)
    except FileProblems as exc:
        raise UsageError("cli.error.file_problems", file=args.file, problems=exc.summary) from None
    result = calibrate(sessions, seed=args.seed)
    if args.format == "json":
        return json_text({"file": args.file, **result.as_dict()})
    return table(result, args.lang, args.file)


def _value(key: str, value: float | None, lang: str) -> str:
    return "" if value is None else fmt.param_value(PARAM[key], value, lang)


def table(cal: Calibration, lang: str = "zh", name: str = "") -> str:
    s, b = cal.sessions, cal.backtest
    out = [t("cli.calibrate.file", lang, name=name, sessions=len(s), accounts=len(s.account_names),
             first=s.date.min(), last=s.date.max()), ""]
    head = tuple(t(f"cli.calibrate.{key}", lang) for key in ("parameter", "value", "interval", "identifiable", "status"))
    rows = []
    for e in cal.fit.estimates:
        interval = f"{_value(e.key, e.low, lang)} – {_value(e.key, e.high, lang)}" if e.low is not None else ""
        ident = t("cli.yes" if e.identifiable else "cli.no", lang)
        rows.append(((e.key, _value(e.key, e.value, lang), interval, ident, t(f"cli.calibrate.status.{e.status}", lang)),
                     e.note(lang)))
    widths = fitted_widths([head, *(c for c, _ in rows)])
    out.append(row(head, widths))
    out += [row(cells, widths) + (f"  {note}" if note else "") for cells, note in rows]
    if cal.fit.observed:
        out += ["", t("cli.calibrate.observed", lang)]
        orows = [(t(f"cli.calibrate.observed.{name}", lang), o.text(lang),
                  f"{o.text(lang, o.low)} – {o.text(lang, o.high)}")
                 for name, o in cal.fit.observed.items()]
        owidths = fitted_widths(orows)
        out += ["  " + row(r, owidths) for r in orows]
    out += ["", t("cli.calibrate.quality", lang)]
    qhead = ("", "R²", "RMSE", "MAPE")
    qrows = [(COLUMN[k].label(lang), fmt.number(q["r2"], 3), fmt.number(q["rmse"], 1), fmt.percent(q["mape"]))
             for k, q in cal.fit.quality.items()]
    qwidths = fitted_widths([qhead, *qrows])
    out += ["  " + row(r, qwidths) for r in [qhead, *qrows]]
    out += ["", t("cli.calibrate.backtest", lang, train=b.train_days, test=b.test_days, cutoff=b.cutoff),
            t("cli.calibrate.mape", lang, gmv=fmt.percent(b.mape_gmv), viewers=fmt.percent(b.mape_viewers))]
    out += [t("cli.calibrate.note", lang, text=n.message(lang)) for n in cal.notices]
    out += ["", share_query(cal.query, lang)]
    return "\n".join(out) + "\n"

