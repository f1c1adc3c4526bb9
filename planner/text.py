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
    # budget: questions that cannot be asked (planner.budget.questions)
    "budget.name.budget": ("预算", "budget"),
    "budget.name.extra": ("追加预算", "the extra budget"),
    "budget.name.ceiling": ("预算上限", "the maximum budget"),
    "budget.not_a_budget": ("{name}必须是不小于0的有限数（元/天），收到 {budget:g}。",
                            "{name} must be a finite, non-negative number of 元 a day, got {budget:g}."),
    "budget.unknown_objective": ("优化目标必须是 {choices} 之一，收到 {objective!r}。",
                                 "objective must be one of {choices}, got {objective!r}."),
    "budget.unknown_mode": ("问题必须是 {choices} 之一，收到 {mode!r}。", "mode must be one of {choices}, got {mode!r}."),
    "budget.unknown_tool": ("未知投流工具 {tool!r}；工具有 {tools}。", "unknown tool {tool!r}; tools are {tools}."),
    "budget.bounds_not_finite": ("{tool}的上下限必须是不小于0的有限数。", "bounds for {tool} must be finite and non-negative."),
    "budget.min_above_max": ("{tool}：下限 {low:g} 元/天 高于上限 {high:g} 元/天。",
                             "{tool}: minimum {low:g} 元/day is above its maximum {high:g}."),
    "budget.min_above_registry": ("{tool}：下限 {low:g} 元/天 超出参数范围上限 {high:g}。",
                                  "{tool}: minimum {low:g} 元/day is above the registry's {high:g}."),
    "budget.gmv_target_positive": ("GMV 目标必须是正数（元），收到 {gmv:g}。",
                                   "the GMV target must be a positive number of 元, got {gmv:g}."),
    "budget.roi_floor_positive": ("ROI 下限必须是正数，收到 {roi:g}。", "the ROI floor must be a positive number, got {roi:g}."),
    "budget.minimums_above_ceiling": ("各工具下限合计 {low:,.2f} 元/天，高于预算上限。",
                                      "the tools' minimums add up to {low:,.2f} 元/day, above the maximum budget."),
    # budget: what the optimiser cannot do (planner.budget.optimiser, curves)
    "budget.minimums_above_budget": ("各工具下限合计 {low:,.2f} 元/天，高于预算 {budget:,.2f} 元/天。",
                                     "the tools' minimums add up to {low:,.2f} 元/day, above the budget {budget:,.2f} 元/day."),
    "budget.maximums_below_budget": ("各工具上限合计 {high:,.2f} 元/天，低于预算 {budget:,.2f} 元/天。",
                                     "the tools' maximums add up to {high:,.2f} 元/day, below the budget {budget:,.2f} 元/day."),
    "budget.no_bean_order_in_bounds": ("微信豆上下限之间放不下整数个500豆加热单（每单 {step:,.2f} 元）。",
                                       "no whole number of 500-bean orders ({step:,.2f} 元 each) lies within the beans bounds."),
    "budget.no_bean_order_fits": ("微信豆按500豆整单加热，没有整单数能同时满足微信豆上下限和预算。",
                                  "no whole number of 500-bean heating orders fits the beans bounds and the budget."),
    "budget.curve_points": ("响应曲线至少需要 2 个点。", "a response curve needs at least 2 points."),
    # budget: notes on a plan (planner.budget.plan, questions)
    "budget.note.unallocated": ("微信豆只能按500豆整单加热（每单{step:,.2f}元），其余工具已到上限：预算中有 {left:,.2f} 元/天未分配。",
                                "Beans come in whole 500-bean orders ({step:,.2f} 元 each) and the other tools are at their "
                                "maximums: {left:,.2f} 元/day of the budget is left unallocated."),
    "budget.note.unabsorbed": ("直播间每场能接住的投流有上限：预算中 {unabsorbed:,.2f} 元/天 超出各账号各工具的上限，花不出去，"
                               "计划只分配能花出的 {budget:,.2f} 元/天。",
                               "Rooms can absorb only so much paid traffic a session: {unabsorbed:,.2f} 元/day of the budget "
                               "is beyond every account's and tool's ceiling and could not be spent, so the plan allocates "
                               "the {budget:,.2f} 元/day that can."),
    "budget.note.satellite_launch": ("分给新号的预算从它开播当天起才花出，开播前不计消耗。",
                                     "Budget allocated to a satellite is spent only from its launch day; nothing before."),
    "budget.note.streaming_days": ("每个账号的日预算只在它开播的日子花出；不开播的日子不花。",
                                   "An account's daily budget is spent only on the days it streams; nothing on the others."),
    "budget.note.last_yuan_loses": ("最后一元的投流已不赚钱（边际ROI低于保本线）：少花一些利润会更高，可把预算作为上限。",
                                    "The last 元 no longer pays for itself (marginal ROI below break-even): spending less "
                                    "would raise profit; try the budget as a ceiling."),
    "budget.note.even_split_held": ("当前链接把投流平均分给当天在播账号（新号开播后重新分配），无法按固定份额保持；"
                                    "这里按每个账号1/N的固定份额保持今天的分配，“之前”指标按此计算。",
                                    "The link splits spend evenly over the accounts live each day (re-spread as satellites "
                                    "launch), which fixed shares cannot hold; today's split is held as 1/N per account, and "
                                    "'before' is computed that way."),
    "budget.note.minimum_reaches": ("最低预算已达到目标。", "The minimum budget already reaches the target."),
    "budget.note.ceiling_short": ("预算上限 {budget:,.0f} 元/天 也只能做到 GMV {gmv:,.0f} 元，达不到目标 {target:,.0f} 元。",
                                  "Even the maximum budget of {budget:,.0f} 元/day reaches only {gmv:,.0f} 元 GMV, short of "
                                  "the target {target:,.0f} 元."),
    "budget.note.roi_below_at_minimum": ("即使只花最低预算，ROI 也低于 {roi:g}。", "Even the minimum budget gives an ROI below {roi:g}."),
    # budget: goal seek (planner.budget.goal); {param} is a parameter's label in Chinese, its key in English
    "budget.goal.unknown_param": ("未知参数 {param!r}；参数列表见 `python -m planner params`。",
                                  "unknown parameter {param!r}; see `python -m planner params`."),
    "budget.goal.days_with_day": ("以 days 为参数时，目标天数就是预测天数本身；请去掉 --day。",
                                  "with --param days the target day is the horizon itself; drop --day."),
    "budget.goal.day_range": ("天数必须在 1 到 {days}（预测天数）之间，收到 {day}。",
                              "day must be within 1..{days} (the horizon), got {day}."),
    "budget.goal.flat": ("第 {day} 天累计 GMV 不随{param}变化（{gmv:,.0f} 元），达不到目标 {target:,.0f} 元。",
                         "GMV by day {day} does not depend on {param} ({gmv:,.0f} 元); it cannot reach the target "
                         "{target:,.0f} 元."),
    "budget.goal.out_of_range": ("{param}在取值范围内达不到目标：范围内最好的取值 {value}{unit} 时，第 {day} 天累计 GMV 为 "
                                 "{gmv:,.0f} 元，低于目标 {target:,.0f} 元。",
                                 "{param} cannot reach the target within its range: at its best, {value}{unit}, GMV by day "
                                 "{day} is {gmv:,.0f} 元, below the target {target:,.0f} 元."),
    "budget.goal.all_reach": ("整个取值范围都能达到目标；{end}值 {value}{unit} 时 GMV 为 {gmv:,.0f} 元。",
                              "The whole range reaches the target; at its {end}, {value}{unit}, GMV is {gmv:,.0f} 元."),
    "budget.goal.reached": ("{param} 取 {value}{unit}（{direction}达标值）时，第 {day} 天累计 GMV 为 {gmv:,.0f} 元，达到目标 "
                            "{target:,.0f} 元。",
                            "{param} = {value}{unit} (the {direction} value that reaches it) gives {gmv:,.0f} 元 GMV by "
                            "day {day}, reaching the target {target:,.0f} 元."),
    "budget.goal.minimum": ("最小", "minimum"),
    "budget.goal.maximum": ("最大", "maximum"),
    "budget.goal.smallest": ("最小", "smallest"),
    "budget.goal.largest": ("最大", "largest"),
}

# --- the command line (planner/cli)
_CLI: dict[str, Entry] = {
    # KPIs as the CLI's tables name them (planner/cli/common.py)
    "cli.kpi.gmv": ("GMV", "GMV"),
    "cli.kpi.net_gmv": ("退货后净成交", "Net GMV"),
    "cli.kpi.profit": ("投流后利润", "Profit after spend"),
    "cli.kpi.spend": ("投流消耗", "Paid spend"),
    "cli.kpi.unspent": ("未花出预算", "Unspent budget"),
    "cli.kpi.roi": ("投产比 ROI", "ROI"),
    "cli.kpi.sessions": ("直播场次", "Sessions"),
    "cli.kpi.pv": ("观看人数(UV)", "Viewers (UV)"),
    "cli.kpi.viewers_per_session": ("场均观看人数（UV）", "Viewers a session (UV)"),
    "cli.kpi.watch_pv": ("看播人次（PV）", "Watch PV"),
    "cli.kpi.buyers": ("成交人数", "Buyers"),
    "cli.kpi.gmv_per_viewer": ("UV价值（元/观看人数）", "GMV per viewer (UV)"),
    "cli.kpi.gpm": ("GPM（元/千次看播PV）", "GPM (per 1,000 watch PV)"),
    "cli.kpi.public_share": ("公域占比", "Public share"),
    "cli.kpi.stage_reached_index": ("最高阶段", "Stage reached"),
    "cli.kpi.report.pv": ("观看人数（UV，逐场累计）", "Viewers (UV, summed)"),
    "cli.kpi.report.public_share": ("公域占比（UV）", "Public share (UV)"),
    # words every table uses
    "cli.share_query": ("分享链接参数: {query}", "Share query: {query}"),
    "cli.kpi": ("指标", "KPI"),
    "cli.account": ("账号", "Account"),
    "cli.yes": ("是", "yes"),
    "cli.no": ("否", "no"),
    # report
    "cli.report.source": ("来源", "Source"),
    "cli.report.viewers": ("观看人数", "Viewers"),
    "cli.report.cvr": ("转化率", "CVR"),
    "cli.report.launch": ("开播日", "Launch"),
    "cli.report.sessions": ("场次", "Sessions"),
    "cli.report.a_session": ("场均观看", "A session"),
    "cli.report.public": ("公域占比", "Public"),
    "cli.report.final_stage": ("最终阶段", "Final stage"),
    "cli.report.after_day": ("第{day}天后", "after day {day}"),
    "cli.report.draws": ("{draws} 次抽样（种子 {seed}）", "{draws} draws (seed {seed})"),
    # cases
    "cli.cases.case": ("案例", "Case"),
    "cli.cases.reported": ("报道", "Reported"),
    "cli.cases.model": ("模型", "Model"),
    "cli.cases.ratio": ("模型/报道", "Ratio"),
    "cli.cases.pass": ("通过", "Pass"),
    "cli.cases.failed": ("否", "NO"),
    # compare
    "cli.compare.change": ("变化", "change"),
    "cli.compare.waterfall": ("GMV 差异拆解（Shapley：各部分相加等于差异）",
                              "GMV difference by source and factor (Shapley: the parts add up to the difference)"),
    "cli.compare.gmv_of": ("{side} 的 GMV", "GMV of {side}"),
    "cli.compare.difference": ("差异", "Difference"),
    "cli.compare.by_factor": ("按因子：{parts}", "By factor: {parts}"),
    "cli.compare.factor.pv": ("场观", "PV"),
    "cli.compare.factor.cvr": ("转化率", "CVR"),
    "cli.compare.factor.aov": ("客单价", "AOV"),
    # calibrate
    "cli.calibrate.file": ("{name}：{sessions}场，{accounts}个账号，{first} 至 {last}",
                           "{name}: {sessions} sessions, {accounts} account(s), {first} to {last}"),
    "cli.calibrate.parameter": ("参数", "parameter"),
    "cli.calibrate.value": ("拟合值", "value"),
    "cli.calibrate.interval": ("95%区间", "95% interval"),
    "cli.calibrate.identifiable": ("可识别", "identifiable"),
    "cli.calibrate.status": ("来源", "status"),
    "cli.calibrate.status.fitted": ("拟合", "fitted"),
    "cli.calibrate.status.data": ("取自文件", "data"),
    "cli.calibrate.status.default": ("默认值", "default"),
    "cli.calibrate.quality": ("拟合质量（逐场）", "Fit quality (per session)"),
    "cli.calibrate.backtest": ("回测：用前{train}天拟合，预测后{test}天（自{cutoff}起）",
                               "Back-test: fitted on the first {train} days, projected the last {test} (from {cutoff})"),
    "cli.calibrate.mape": ("  MAPE 每日成交金额 {gmv}, 每日场观 {viewers}", "  MAPE daily GMV {gmv}, daily viewers {viewers}"),
    "cli.calibrate.note": ("提示：{text}", "Note: {text}"),
    # optimize
    "cli.optimize.mode.fixed": ("固定预算", "Fixed budget"),
    "cli.optimize.mode.incremental": ("增量预算", "Incremental budget"),
    "cli.optimize.mode.target_gmv": ("达到GMV目标的最低预算", "Smallest budget reaching the GMV target"),
    "cli.optimize.mode.min_roi": ("ROI不低于下限的最大GMV", "Largest GMV with ROI at or above the floor"),
    "cli.optimize.objective.gmv": ("净成交", "net GMV"),
    "cli.optimize.objective.profit": ("利润", "profit"),
    "cli.optimize.title": ("{mode} · 目标: {objective} · 每日预算 {budget}",
                           "{mode} · objective: {objective} · daily budget {budget}"),
    "cli.optimize.target_gmv": ("目标: {value} ({reached})", "target: {value} ({reached})"),
    "cli.optimize.min_roi": ("ROI下限: {value} ({reached})", "ROI floor: {value} ({reached})"),
    "cli.optimize.reached": ("已达到", "reached"),
    "cli.optimize.not_reached": ("未达到", "not reached"),
    "cli.optimize.before": ("之前", "Before"),
    "cli.optimize.after": ("之后", "After"),
    "cli.optimize.change": ("变化", "Change"),
    "cli.optimize.tool_per_day": ("{tool}(元/天)", "{tool} (元/day)"),
    "cli.optimize.bean_orders": ("加热单", "Bean orders"),
    "cli.optimize.total": ("合计", "Total"),
    "cli.optimize.next_best": ("下一元/天预算最该投: {account} · {tool} (预测期GMV +{gain}, 边际ROI {mroi:.2f})",
                               "Next 元/day is best spent on: {account} · {tool} (+{gain} GMV over the horizon, "
                               "marginal ROI {mroi:.2f})"),
    "cli.optimize.note": ("注: {text}", "Note: {text}"),
    # goal
    "cli.goal.current": ("当前值: {value:g} → 第 {day} 天累计 GMV {gmv}", "Current value: {value:g} → GMV by day {day}: {gmv}"),
    "cli.goal.target": ("目标: {gmv}", "Target: {gmv}"),
    "cli.goal.result": ("结果: {value}", "Result: {value}"),
    "cli.goal.unreachable": ("达不到", "cannot be reached"),
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
