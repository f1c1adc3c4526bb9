"""``python -m planner calibrate FILE``: fit the planner to a file of past live sessions.

Prints each parameter's fitted value with its 95% interval and whether the data identify it,
the fit quality, the back-test error (MAPE) and the fitted scenario's share query. A file that
cannot be used exits with code 2 and one line on stderr naming the problem.
"""

from __future__ import annotations

import os

from .. import fmt
from ..calibration import MAX_BYTES, Calibration, FileProblems, calibrate, read_sessions
from ..calibration.reader import check_size
from ..calibration.schema import BY_KEY as COLUMN
from ..params import BY_KEY as PARAM
from ..scenario import MAX_SEED
from .common import UsageError, add_output_arguments, fitted_widths, int_in, json_text, row


def add_parser(subparsers) -> None:
    cal = subparsers.add_parser("calibrate", help="fit the planner to a CSV or .xlsx file of past live sessions")
    cal.add_argument("file", help="past sessions, CSV (UTF-8 or GBK) or .xlsx; see the README for the columns")
    add_output_arguments(cal)
    cal.add_argument("--seed", type=int_in(0, MAX_SEED), default=0, help="seed of the multi-start (default 0)")
    cal.set_defaults(run=run)


def run(args) -> str:
    try:
        check_size(os.path.getsize(args.file))  # before reading a huge file into memory
        with open(args.file, "rb") as f:
            data = f.read(MAX_BYTES + 1)
        sessions = read_sessions(data, os.path.basename(args.file))
    except OSError as exc:
        raise UsageError(f"cannot read {args.file}: {exc.strerror or exc}") from None
    except FileProblems as exc:
        raise UsageError(f"{args.file}: {exc.summary('en')}") from None
    result = calibrate(sessions, seed=args.seed)
    if args.format == "json":
        return json_text({"file": args.file, **result.as_dict()})
    return table(result, args.lang, args.file)


def _value(key: str, value: float | None) -> str:
    if value is None:
        return ""
    p = PARAM[key]
    if p.percent:
        return f"{100 * value:.3g}%"
    return f"{value:,.0f}" if p.integer else f"{value:.4g}"


def table(cal: Calibration, lang: str = "zh", name: str = "") -> str:
    zh = lang == "zh"
    s, b = cal.sessions, cal.backtest
    out = [(f"{name}：{len(s)}场，{len(s.account_names)}个账号，{s.date.min()} 至 {s.date.max()}" if zh else
            f"{name}: {len(s)} sessions, {len(s.account_names)} account(s), {s.date.min()} to {s.date.max()}"), ""]
    head = ("参数", "拟合值", "95%区间", "可识别", "来源") if zh else ("parameter", "value", "95% interval",
                                                                 "identifiable", "status")
    status_zh = {"fitted": "拟合", "data": "取自文件", "default": "默认值"}
    rows = []
    for e in cal.fit.estimates:
        interval = f"{_value(e.key, e.low)} – {_value(e.key, e.high)}" if e.low is not None else ""
        ident = ("是" if e.identifiable else "否") if zh else ("yes" if e.identifiable else "no")
        rows.append(((e.key, _value(e.key, e.value), interval, ident, status_zh[e.status] if zh else e.status),
                     e.note(lang)))
    widths = fitted_widths([head, *(c for c, _ in rows)])
    out.append(row(head, widths))
    out += [row(cells, widths) + (f"  {note}" if note else "") for cells, note in rows]
    out += ["", "拟合质量（逐场）" if zh else "Fit quality (per session)"]
    qhead = ("", "R²", "RMSE", "MAPE")
    qrows = [(COLUMN[k].label(lang), fmt.number(q["r2"], 3), fmt.number(q["rmse"], 1), fmt.percent(q["mape"]))
             for k, q in cal.fit.quality.items()]
    qwidths = fitted_widths([qhead, *qrows])
    out += ["  " + row(r, qwidths) for r in [qhead, *qrows]]
    out += ["", (f"回测：用前{b.train_days}天拟合，预测后{b.test_days}天（自{b.cutoff}起）" if zh else
                 f"Back-test: fitted on the first {b.train_days} days, projected the last {b.test_days} "
                 f"(from {b.cutoff})"),
            f"  MAPE {'每日成交金额' if zh else 'daily GMV'} {fmt.percent(b.mape_gmv)}, "
            f"{'每日场观' if zh else 'daily viewers'} {fmt.percent(b.mape_viewers)}"]
    out += [("提示：" if zh else "Note: ") + n.message(lang) for n in cal.notices]
    out += ["", ("分享链接参数: " if zh else "Share query: ") + cal.query]
    return "\n".join(out) + "\n"
