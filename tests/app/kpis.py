"""The overview's KPI cards as the tests expect them, in the order shown (three rows: money, what
it returns, the room): labels, and values formatted from the planner's totals with
``planner.fmt``, so the app must show what the CLI prints."""

from __future__ import annotations

from planner import fmt
from planner.report import stage_label

KPI_LABELS = {
    "zh": ("GMV", "退货后净成交", "投流后利润", "未花出预算", "直播间ROI", "投流ROI", "UV价值（元/人）",
           "GPM（元/千次PV）", "场均观看人数（UV）", "公域占比（UV）", "最高阶段"),
    "en": ("GMV", "Net GMV", "Profit after spend", "Unspent budget", "Room ROI", "Paid ROI", "GMV per viewer (UV)",
           "GPM (per 1,000 PV)", "Viewers a session (UV)", "Public share (UV)", "Stage reached"),
}


def kpi_texts(t: dict, lang: str) -> dict[str, str]:
    """Label → shown value for the totals ``t`` (``planner.report.totals`` or the CLI's JSON)."""
    values = (fmt.money(t["gmv"], lang), fmt.money(t["net_gmv"], lang), fmt.money(t["profit"], lang),
              fmt.money(t["unspent"], lang), fmt.roi(t["roi"]), fmt.roi(t["paid_roi"]),
              fmt.price(t["gmv_per_viewer"], lang), fmt.money(t["gpm"], lang),
              fmt.count(t["viewers_per_session"], lang), fmt.percent(t["public_share"]),
              stage_label(t["stage_reached_index"], lang))
    return dict(zip(KPI_LABELS[lang], values, strict=True))
