"""The per-session comparison of a calibration, actual vs fitted, as rows for a download.

The app writes these rows to CSV and .xlsx (``views.calibrate``), passing every text cell
through ``views.exports.safe_text``: account names come from the merchant's file, and a cell
that begins with ``=``, ``+``, ``-`` or ``@`` would run as a formula in a spreadsheet.
"""

from __future__ import annotations

import numpy as np

from ..text import t
from .fit import SERIES, Calibration
from .schema import BY_KEY


def sessions_table(cal: Calibration, lang: str = "zh") -> tuple[list[str], list[list]]:
    """Header and rows: one row per session (by date) with each observed series, actual and fitted."""
    s, predicted = cal.sessions, cal.fit.predicted
    series = [k for k in SERIES if k in s.values]
    header = [t("calibration.export.date", lang), t("calibration.export.account", lang),
              t("calibration.export.row", lang)]
    for k in series:
        label = BY_KEY[k].label(lang)
        header += [label, t("calibration.export.fitted", lang, label=label)]
    rows = []
    for i in np.argsort(s.date, kind="stable"):
        row = [str(s.date[i]), s.account_names[s.account[i]], int(s.rows[i])]
        for k in series:
            row += [_cell(s.values[k][i]), _cell(predicted[k][i])]
        rows.append(row)
    return header, rows


def _cell(x) -> float | None:
    x = float(x)
    return round(x, 2) if np.isfinite(x) else None
