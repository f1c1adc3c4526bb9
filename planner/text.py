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
    # calibration (planner/calibration): a past-sessions file's problems, the fit's notes, tables.
    # A problem is either always placed (``calibration.at``: "row 5, column D (成交金额): …", so its
    # English starts in lower case) or never (a whole sentence).
    # ``{column:zh}``/``{column:en}`` is a column's Chinese/English label from the schema,
    # ``{column:unit_zh}``/``{column:unit_en}`` its unit, ``{column:headers_zh}``/``{column:headers_en}``
    # every header it accepts (``calibration.schema.ColumnRef``).
    "calibration.where.row": ("第{row}行", "row {row}"),
    "calibration.where.row_column": ("第{row}行，{letter}列（{header}）", "row {row}, column {letter} ({header})"),
    "calibration.at": ("{where}：{problem}", "{where}: {problem}"),
    "calibration.problem_separator": ("；", "; "),
    "calibration.header_separator": ("、", ", "),
    "calibration.more_problems": ("另有{n}个问题", "and {n} more problem(s)"),
    "calibration.found.empty": ("空单元格", "an empty cell"),
    "calibration.found.text": ("“{text}”", "'{text}'"),
    "calibration.not_text": (
        "无法读取文件：既不是UTF-8也不是GBK编码。请另存为CSV（UTF-8）或Excel .xlsx文件。",
        "The file could not be read as text: it is neither UTF-8 nor GBK. "
        "Save it as CSV (UTF-8) or as an Excel .xlsx workbook."),
    "calibration.not_text_at": (
        "无法读取文件：既不是UTF-8也不是GBK编码（位置{position}的字节0x{byte:02x}）。请另存为CSV（UTF-8）或Excel .xlsx文件。",
        "The file could not be read as text: it is neither UTF-8 nor GBK (byte 0x{byte:02x} at position {position}). "
        "Save it as CSV (UTF-8) or as an Excel .xlsx workbook."),
    "calibration.too_many_rows": ("文件超过{limit:,}行场次数据，上限是{limit:,}行。",
                                  "The file has more than {limit:,} rows of sessions; the limit is {limit:,}."),
    "calibration.too_many_cells": ("这一行有{cells:,}个或更多单元格，表格最多{limit:,}列。",
                                   "the row has {cells:,} cells or more; a sheet has at most {limit:,} columns."),
    "calibration.bad_csv": ("CSV格式错误（{error}）。", "the CSV text is malformed ({error})."),
    "calibration.not_a_workbook": ("无法作为.xlsx工作簿读取（{error}）。", "The file is not a readable .xlsx workbook ({error})."),
    "calibration.unpacks_too_big": (
        "工作簿解压后为{mb:,.0f} MB，上限是{limit} MB。请减少行或列，或另存为CSV。",
        "The workbook unpacks to {mb:,.0f} MB; the limit is {limit} MB. Save fewer rows or columns, or save it as CSV."),
    "calibration.part_too_big": (
        "工作簿的部件{part}解压后为{mb:,.1f} MB，上限是{limit} MB。请用Excel重新保存，或另存为CSV。",
        "The workbook's part {part} unpacks to {mb:,.1f} MB; the limit is {limit} MB. Re-save it from Excel, or as CSV."),
    "calibration.packed_too_tight": (
        "工作簿的部件{part}解压后是压缩大小的{ratio:,.0f}倍（最多{limit}倍），疑似压缩炸弹。请用Excel重新保存，或另存为CSV。",
        "The workbook's part {part} unpacks to {ratio:,.0f} times the size it is stored in (at most {limit}); "
        "it looks like a decompression bomb. Re-save it from Excel, or as CSV."),
    "calibration.too_big": ("文件大小为{mb:.1f} MB，上限是{limit} MB。", "The file is {mb:.1f} MB; the limit is {limit} MB."),
    "calibration.empty": ("文件是空的。", "The file is empty."),
    "calibration.old_excel": ("不支持旧版Excel .xls文件，请另存为.xlsx或CSV。",
                              "Old Excel .xls files are not read; save the sheet as .xlsx or CSV."),
    "calibration.no_header": (
        "前{rows}行中没有找到表头：应包含 日期、场观、成交人数、成交金额 等列，实际为“{found}”。",
        "No header row found in the first {rows} rows: expected columns such as "
        "日期 (date), 场观 (viewers), 成交人数 (buyers), 成交金额 (GMV); found '{found}'."),
    "calibration.ignored_column": ("不是校准使用的列，已忽略。", "not a column the planner reads; ignored."),
    "calibration.duplicate_column": (
        "与{letter}列（{header}）重复，都表示{column:zh}，请只保留一列。",
        "means the same as column {letter} ({header}): {column:zh} ({column:en}); keep one of them."),
    "calibration.missing_column": (
        "缺少必填列“{column:zh}”（{column:en}）；可用的表头：{column:headers_zh}。",
        "missing required column {column:zh} ({column:en}); accepted headers: {column:headers_en}."),
    "calibration.totals_row": ("合计行，已跳过。", "a totals row; skipped."),
    "calibration.expected_date": ("应为日期（如2024-03-01），实际为{found}。", "expected a date like 2024-03-01, found {found}."),
    "calibration.expected_account": ("应为账号名称，实际为{found}。", "expected an account name, found {found}."),
    "calibration.expected_number": ("应为数字（{column:unit_zh}），实际为{found}。",
                                    "expected a number ({column:unit_en}), found {found}."),
    "calibration.expected_non_negative": ("应为不小于0的数字（{column:unit_zh}），实际为{found}。",
                                          "expected a number ≥ 0 ({column:unit_en}), found {found}."),
    "calibration.no_sessions": ("文件只有表头，没有场次数据。", "The file has a header but no sessions."),
    "calibration.more_than_viewers": ("{column:zh}（{part:g}）多于场观（{viewers:g}）。",
                                      "{column:en} ({part:g}) is more than the session's viewers ({viewers:g})."),
    "calibration.refunds_over_gmv": ("退款金额（{refunds:g}）大于成交金额（{gmv:g}）。",
                                     "refunds ({refunds:g}) are more than GMV ({gmv:g})."),
    "calibration.of_account": ("账号“{account}”的", " of account '{account}'"),
    "calibration.same_day": (
        "{who}日期须逐行递增、每天一场：{date}与第{prev_row}行的{prev}是同一天。",
        "dates{who} must go forward, one session a day: {date} is the same day as {prev} in row {prev_row}."),
    "calibration.earlier_day": (
        "{who}日期须逐行递增、每天一场：{date}排在第{prev_row}行的{prev}之后。",
        "dates{who} must go forward, one session a day: {date} comes after {prev} in row {prev_row}."),
    "calibration.span_too_long": ("场次跨越{span}天，规划器最多模拟{limit}天。",
                                  "The sessions span {span} days; the planner models at most {limit}."),
    "calibration.too_few_dates": ("文件只有{dates}个不同日期，拟合至少需要{limit}个。",
                                  "The file has {dates} distinct dates; a fit needs at least {limit}."),
    "calibration.too_many_accounts": ("文件有{accounts}个账号，规划器最多模拟{limit}个。",
                                      "The file has {accounts} accounts; the planner models at most {limit}."),
    # the fit's notes: what it read, what it could not tell, where a value landed
    "calibration.note.accounts": ("文件中有{accounts}个账号", "{accounts} account(s) in the file"),
    "calibration.note.days": ("文件跨越{days}天", "the file spans {days} days"),
    "calibration.note.launch_every": ("各账号首播日期的平均间隔", "mean interval between the accounts' first sessions"),
    "calibration.note.launched_off_grid": (
        "账号“{account}”在第{day}天开播；规划器按等间隔在第{planned}天开播。",
        "account '{account}' went live on day {day}; the planner launches it on day {planned} "
        "(accounts launch at even intervals)."),
    "calibration.note.no_spend_column": ("文件无此列，按0计", "no column: taken as 0"),
    "calibration.note.spend_split": ("日均消耗，按文件中各账号占比分配（{shares}）",
                                     "mean daily spend, split over the accounts as in the file ({shares})"),
    "calibration.note.spend_even": ("整个矩阵的日均消耗，平均分给在播账号",
                                    "mean daily spend over the matrix, split evenly over live accounts"),
    "calibration.note.invites": ("每场平均邀约量", "mean invites per session"),
    "calibration.note.session_hours": ("单场时长中位数", "median session length"),
    "calibration.note.no_column": ("文件没有“{column:zh}”列", "no {column:en} column ({column:zh})"),
    "calibration.note.invites_read": ("取自文件", "read from the file"),
    "calibration.note.show_as_invites": (
        "文件没有“邀约量”列：只能识别邀约量×到场率，已拟合为邀约量",
        "no invites column (邀约量): only invites × show is identified, and it is fitted as invites"),
    "calibration.note.no_spend": ("文件中没有{column:zh}", "no {column:en} in the file"),
    "calibration.note.too_wide": (
        "数据无法识别：文件提示约{value:g}（95%区间{low:g}–{high:g}），宽于±{limit:.0%}",
        "not identifiable: the file suggests {value:g} (95% interval {low:g}–{high:g}), wider than ±{limit:.0%}"),
    "calibration.note.confounded": ("数据无法识别：文件无法把它与其他参数区分开",
                                    "not identifiable: the file does not tell it apart from the other parameters"),
    "calibration.note.invites_for_show": ("文件无邀约量列：代表邀约量×到场率，到场率保持{show:g}",
                                          "no invites column: stands for invites × show, with show kept at {show:g}"),
    "calibration.note.at_lower_limit": ("处于取值范围下限：文件要求的超出模型允许范围",
                                        "at the lower limit of its range: the file asks for less than the model allows"),
    "calibration.note.at_upper_limit": ("处于取值范围上限：文件要求的超出模型允许范围",
                                        "at the upper limit of its range: the file asks for more than the model allows"),
    "calibration.note.from_file": ("取自文件：{what}", "read from the file: {what}"),
    "calibration.note.kept_default": ("{why}；保留默认值", "{why}; kept the default"),
    # the schema table (app page, README) and the per-session download
    "calibration.schema.column": ("列", "column"),
    "calibration.schema.also": ("英文名/别名", "also accepted"),
    "calibration.schema.unit": ("单位", "unit"),
    "calibration.schema.required": ("必填", "required"),
    "calibration.schema.note": ("说明", "note"),
    "calibration.schema.yes": ("是", "yes"),
    "calibration.schema.no": ("否", "no"),
    "calibration.export.date": ("日期", "date"),
    "calibration.export.account": ("账号", "account"),
    "calibration.export.row": ("原表行号", "row in file"),
    "calibration.export.fitted": ("{label}_拟合", "{label} fitted"),
    # numbers (planner/fmt.py): a language's scale steps, largest first, as suffix=size
    "fmt.scales": ("亿=1e8 万=1e4", "B=1e9 M=1e6 K=1e3"),
    "fmt.yuan": ("{amount}元", "{amount} 元"),
    # reports (planner/report.py): stages, accounts, the daily table's headers
    "report.not_live": ("未开播", "Not live"),
    "report.stage.cold_start": ("冷启动", "Cold start"),
    "report.stage.warming_up": ("起量中", "Warming up"),
    "report.stage.out_of_cold_start": ("出冷启动", "Out of cold start"),
    "report.stage.ten_thousand": ("万人场", "10,000+ a session"),
    "report.stage.head": ("头部", "Head"),
    "report.flagship": ("旗舰号", "Flagship"),
    "report.satellite": ("新号{n}", "Satellite {n}"),
    "report.needs_by_account": ("按账号的明细需要用 by_account=True 模拟的预测。",
                                "per-account rows need a projection simulated with by_account=True."),
    "report.daily.day": ("天", "day"),
    "report.daily.accounts_live": ("已开播账号", "accounts launched"),
    "report.daily.sessions": ("直播场次", "sessions"),
    "report.daily.pv_source": ("观看人数UV_{source}", "viewers UV {source}"),
    "report.daily.pv": ("观看人数UV合计", "viewers UV total"),
    "report.daily.gmv_source": ("GMV_{source}", "GMV {source}"),
    "report.daily.gmv": ("GMV合计(元)", "GMV total (yuan)"),
    "report.daily.buyers": ("成交人数", "buyers"),
    "report.daily.net_gmv": ("退货后净成交(元)", "net GMV (yuan)"),
    "report.daily.spend": ("投流消耗(元)", "paid spend (yuan)"),
    "report.daily.unspent": ("未花出预算(元)", "unspent budget (yuan)"),
    "report.daily.profit": ("投流后利润(元)", "profit after spend (yuan)"),
    "report.daily.public_share": ("公域占比", "public share"),
    # comparisons (planner/compare.py)
    "compare.points": ("{value} 个百分点", "{value} pp"),
    "compare.stages": ("{value} 级", "{value} stage(s)"),
    "compare.how_many": ("可比较1到{most}个方案，收到{got}个。", "compare 1 to {most} scenarios, got {got}."),
    # breakdowns and uncertainty (planner/breakdown.py, planner/uncertainty.py)
    "breakdown.what": ("what 须为 'gmv' 或 'pv'，收到 {what!r}。", "what must be 'gmv' or 'pv', got {what!r}."),
    "uncertainty.metric": ("指标须为 {metrics} 之一，收到 {metric!r}。",
                           "metric must be one of {metrics}, got {metric!r}."),
    "uncertainty.day": ("天数须在 1..{days} 之内，收到 {day}。", "day must be within 1..{days}, got {day}."),
    "uncertainty.draws_allowed": (
        "{accounts} 个账号 × {days} 天最多 {used:,} 次抽样；计算预算为 抽样 × 账号 × 天数 ≤ {most_account_days:,}、"
        "抽样 × 天数 ≤ {most_days:,}",
        "at most {used:,} draws for {accounts} accounts × {days} days: the compute budget is draws × accounts × "
        "days ≤ {most_account_days:,} and draws × days ≤ {most_days:,}"),
    "uncertainty.draws_used": ("{used:,} 次抽样", "{used:,} draws"),
    # reported cases (planner/cases.py): titles, how each description became inputs, figures
    "cases.per_viewer": ("{price}/人", "{price}/viewer"),
    "cases.per_month": ("{money}/月", "{money}/month"),
    "cases.over": ("超过 {figure}", "over {figure}"),
    "cases.column.case": ("案例", "Case"),
    "cases.column.reported": ("报道", "Reported"),
    "cases.column.model": ("模型", "Model"),
    "cases.column.ratio": ("模型/报道", "Model / reported"),
    "cases.column.ok": ("0.5–2倍内", "Within 0.5–2×"),
    "cases.column.inputs": ("输入如何设置", "How the inputs were set"),
    "cases.markdown.yes": ("yes", "yes"),
    "cases.markdown.no": ("**no**", "**no**"),
    "cases.room": (
        "日播单号；找出使末月场均观看人数达到{viewers}的粉丝数，以及使私域观众占两成（好的直播间2:8）的私域规模；"
        "日更短视频；{rest}",
        "One account streaming daily; the followers that give {viewers} viewers a session in the last month "
        "are found, and a private domain that brings a fifth of them (good rooms reach 2:8); daily short "
        "videos; {rest}"),
    "cases.room.10k": ("1万", "10,000"),
    "cases.room.100k": ("10万", "100,000"),
    "cases.room.head": ("10万（头部）", "100,000 (a head)"),
    "cases.room.waist": ("3万（腰部，假设）", "30,000 (a waist, an assumption)"),
    "cases.room.mid": ("3万（中腰部，假设）", "30,000 (a mid-tier, an assumption)"),
    "cases.aov": ("客单价{aov}元。", "AOV {aov} 元."),
    "cases.aov.middle": ("客单价300元（常见的200–400元的中间）。", "AOV 300 元 (the middle of the ordinary 200–400)."),
    "cases.aov.default": ("客单价取默认。", "the default AOV."),
    "cases.content.strong": ("专业内容（强内容，周播放100万）；客单价取默认。",
                             "expertise content (strong, 1 million plays a week); the default AOV."),
    "cases.content.expertise": ("专业内容；客单价取默认。", "expertise content; the default AOV."),
    "cases.content.persona": ("强人设内容；客单价取默认。", "strong persona content; the default AOV."),
    "cases.stage_10k.title": ("万人场 → 月销百万", "10,000 a session → a million a month"),
    "cases.stage_100k.title": ("头部：场均10万 → 月销500–1000万", "Head: 100,000 a session → 5–10 million a month"),
    "cases.uv_aov_200.title": ("UV价值（客单价200元）", "GMV per viewer at AOV 200"),
    "cases.uv_aov_400.title": ("UV价值（客单价400元）", "GMV per viewer at AOV 400"),
    "cases.store_single.title": ("企业品牌店播：单号", "Store-broadcast brand: one account"),
    "cases.store_single.inputs": (
        "单号；私域30万门店顾客（假设：几百家门店×每店约1000位企微顾客），60%买过；每场邀约3万；品牌号2万粉丝；日更短视频。",
        "One account; a private domain of 300,000 store customers (an assumption: a few hundred stores × "
        "about 1,000 WeCom customers each), 60% of whom have bought; 30,000 invites a session; a brand "
        "account with 20,000 followers; daily short videos."),
    "cases.store_matrix.title": ("企业品牌店播：矩阵", "Store-broadcast brand: a matrix"),
    "cases.store_matrix.inputs": (
        "全国连锁（假设：100万门店顾客，60%买过）；旗舰号先开，标准打法每两周复制到一个新号，共8个号；"
        "每号每场邀约3万；其余同单号。取全部开播后的一个月。",
        "A national chain (an assumption: 1,000,000 store customers, 60% of whom have bought); the flagship "
        "first, the standard playbook copied to a new account every two weeks, 8 in all; 30,000 invites an "
        "account a session; the rest as for one account. The month after all have launched."),
    "cases.clearance_head.title": ("品牌撤柜：头部", "Brand clearance: head"),
    "cases.clearance_waist.title": ("品牌撤柜：腰部", "Brand clearance: waist"),
    "cases.stylist_head.title": ("穿搭师人设：头部", "Stylist-buyer persona: head"),
    "cases.stylist_mid.title": ("穿搭师人设：中腰部", "Stylist-buyer persona: mid-tier"),
    "cases.founder_head.title": ("创始人人设+源头工厂（美妆）：头部", "Founder persona + factory (beauty): head"),
    "cases.founder_many.title": ("创始人人设+源头工厂（美妆）：多数号", "Founder persona + factory (beauty): many accounts"),
    "cases.education_head.title": ("教培：头部", "Education: head"),
    "cases.apparel_matrix.title": ("服装企业6个矩阵号，零投流", "Apparel company, 6 matrix accounts, no paid traffic"),
    "cases.apparel_matrix.inputs": (
        "2月8日开播的新账号（0粉丝）；约两个月开出6个号（每12天一个）；爆款短视频（参考档位3000万/周）；"
        "不投流；私域取门店顾客量级（10万人，一半买过，每场邀约1万，假设）；客单价取默认；取第三个月。",
        "New accounts from 8 February (0 followers); 6 accounts in about two months (one every 12 days); "
        "viral short videos (the reference level, 30 million plays a week); no paid traffic; a private domain "
        "of store customers (100,000 people, half of whom have bought, 10,000 invites a session: an "
        "assumption); the default AOV; the third month."),
    "cases.early_private.title": ("未学会承接的直播间：私域占七到八成", "Rooms that have not learned to catch: 70–80% private"),
    "cases.early_private.inputs": (
        "新账号（0粉丝、权重从0起）；有私域（5万人，每场邀约5000）；偶尔发短视频；第一个月。",
        "A new account (0 followers, its weight starting at 0); a private domain (50,000 people, 5,000 "
        "invites a session); occasional short videos; the first month."),
    "cases.good_room_public.title": ("好的直播间：公域八成以上", "Good rooms: over 80% public"),
    "cases.good_room_public.inputs": (
        "成熟账号（30万粉丝）；五个信号都好：广场点击率30%（“算好”）、停留15分钟、互动14%；"
        "私域5万人、每场邀约5000；日更短视频；日播一年，取最后一个月。",
        "A mature account (300,000 followers); good on all five signals: live-square CTR 30% (\"good\"), "
        "15 minutes' dwell, 14% interaction; a private domain of 50,000 with 5,000 invites a session; daily "
        "short videos; streaming daily for a year, the last month."),
    "cases.private_orders.title": ("20%私域观众贡献80–95%订单", "20% private viewers, 80–95% of orders"),
    "cases.private_orders.inputs": (
        "品牌的直播间：找出使私域观众占两成的私域规模（场均1万观看，日播）；私域里一半是买过的顾客（假设）。",
        "A brand's room: the private domain that makes private viewers a fifth is found (10,000 viewers a "
        "session, daily); half of the private domain has bought before (an assumption)."),
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
