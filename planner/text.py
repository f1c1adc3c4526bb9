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
    # preset.*: the named presets (planner/presets.py): a label, and the case it is drawn from
    "preset.apparel_matrix.label": ("服装矩阵（6号，爆款短视频，零投流）",
                                    "Apparel matrix (6 accounts, viral videos, no paid traffic)"),
    "preset.apparel_matrix.story": (
        "做了18年线下门店的服装企业，2023年2月8日开播，约两个月开出6个矩阵号，不投流月成交约5500万元。"
        "方法是爆款情绪短视频把观众带进直播间，再由大号带小号。这里：新账号、爆款级短视频播放、"
        "每12天开一个新号，私域取门店顾客的量级（假设）；报道没说的取默认值。",
        "An apparel company that had only sold in its stores for 18 years started streaming on 8 February "
        "2023, ran 6 matrix accounts by mid-April and sold about 55 million yuan a month with no paid "
        "traffic: viral emotional short videos led viewers into the room, then the big account brought up "
        "the small ones. Here: new accounts, viral-level video plays, a new account every 12 days, and a "
        "private domain of store customers (an assumption); what the report does not say keeps its default."),
    "preset.store_chain.label": ("连锁品牌店播（门店顾客私域）", "Store chain broadcasting from its stores"),
    "preset.store_chain.story": (
        "企业品牌店播：旗舰号先做起来，再把标准打法复制到矩阵号；私域是门店顾客。单号月销100–300万元，"
        "矩阵品牌千万以上。这里：30万门店顾客（假设）、每场3万邀约、日更短视频、每月开一个新号。",
        "A brand chain broadcasting from its stores: the flagship first, then a standard playbook copied to "
        "matrix accounts; its private domain is store customers. A single account sells 1–3 million yuan a "
        "month, a matrix brand over 10 million. Here: 300,000 store customers (an assumption), 30,000 "
        "invites a session, daily short videos and a new account every month."),
    "preset.retail_guides.label": ("零售连锁（2万导购私域）", "Retail chain driven by shopping guides"),
    "preset.retail_guides.story": (
        "像屈臣氏一样，约2万名导购触达约300万消费者，只在视频号直播。私域大、邀约量大，疲劳是主要约束。"
        "这里：每位导购每场邀约约10人（假设）。",
        "Like Watsons: about 20,000 shopping guides reach about 3 million consumers and the brand streams "
        "only on 视频号. A huge private domain and heavy invites; fatigue is the limit. Here: each guide "
        "invites about 10 people a session (an assumption)."),
    "preset.private_kol.label": ("私域KOL（每月几场）", "Private-domain KOL streaming a few times a month"),
    "preset.private_kol.story": (
        "有的私域KOL一个月只播几次：每场集中邀约自己的社群，直播是私域的集中成交日。",
        "Some private-domain KOLs stream only a few times a month: each session rallies their own groups, "
        "and the live is the private domain's day of sales."),
    "preset.coffee_funnel.label": ("咖啡连锁（直播间做私域漏斗）",
                                   "Coffee chain: the live room as a private-domain funnel"),
    "preset.coffee_funnel.story": (
        "店员在真实门店开播，用优惠券把观众沉淀进私域，再定期发券驱动复购。直播间是私域漏斗，不是主要收入来源。"
        "这里：成交沉淀率高、定期发券让私域流失慢（假设）。",
        "A clerk streams from a real store; coupons push viewers into the private domain, and scheduled "
        "coupons there drive repurchase. The room is a funnel, not the main revenue."),
    "preset.expert_high_aov.label": ("达人单号（高客单）", "Single expert account, high-AOV goods"),
    "preset.expert_high_aov.story": (
        "一位行业达人单号直播高价商品（如珠宝、茶），客单价数千元，转化率低；专业内容吸粉，"
        "用广点通和微信豆补充公域。",
        "One expert account selling high-value goods (jewellery, tea) at thousands of yuan an order, with "
        "low conversion; expertise content wins followers, and Tencent Ads and beans top up public traffic."),
    "preset.cold_start_beans.label": ("新品牌冷启动（微信豆加热）", "New brand cold start, heated with beans"),
    "preset.cold_start_beans.story": (
        "新品牌私域很小，全新账号从冷启动开始，用微信豆加热把开播前30–60分钟的数据做起来。",
        "A new brand with a small private domain and a new account, starting cold, heating the room with "
        "beans to lift the first 30–60 minutes."),
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
    "calibration.note.no_spend_column": (
        "文件没有“{column:zh}”列，不说明这部分付费流量：拟合时把观众都当作非付费；应用时保留计划中的投放",
        "the file has no {column:en} column ({column:zh}) and says nothing about this paid traffic: the fit reads "
        "its viewers as unpaid, and applying the fit keeps the plan's spend"),
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
    # reports (planner/report.py): sources, stages, accounts, the daily table's headers; a paid
    # tool's name is in its row of planner/tools.py
    "source.private": ("私域", "Private"),
    "source.public": ("公域推荐", "Public"),
    "report.not_live": ("未开播", "Not live"),
    "report.stage.cold_start": ("冷启动", "Cold start"),
    "report.stage.warming_up": ("起量中", "Warming up"),
    "report.stage.out_of_cold_start": ("出冷启动", "Out of cold start"),
    "report.stage.ten_thousand": ("万人场", "10,000+ a session"),
    "report.stage.head": ("头部", "Head"),
    "report.flagship": ("旗舰号", "Flagship"),
    "report.satellite": ("新号{n}", "Satellite {n}"),
    # when the satellites go live (report.launch_schedule): beside the account count everywhere
    "report.launch_day": ("{name} 第{day}天", "{name} from day {day}"),
    "report.launch_after": ("{name} 第{day}天（预测期{days}天之外）", "{name} from day {day} (after the {days}-day horizon)"),
    "report.launch_gap": ("…", "…"),
    "report.list_sep": ("、", ", "),
    "report.launch_schedule": ("{items}开播", "{items}"),
    "report.launch_all_day1": ("全部第1天开播", "all live from day 1"),
    "report.accounts": ("{accounts}个账号", "{accounts} account(s)"),
    "report.accounts_schedule": ("{accounts}个账号（{schedule}）", "{accounts} accounts ({schedule})"),
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
    "compare.how_many": ("可比较1到{most}个方案，收到{got}个。", "compare 1 to {most} scenarios, got {got}."),
    # breakdowns and uncertainty (planner/breakdown.py, planner/uncertainty.py)
    "breakdown.what": ("what 须为 'gmv' 或 'pv'，收到 {what!r}。", "what must be 'gmv' or 'pv', got {what!r}."),
    "uncertainty.metric": ("指标须为 {metrics} 之一，收到 {metric!r}。",
                           "metric must be one of {metrics}, got {metric!r}."),
    "uncertainty.day": ("天数须在 1..{days} 之内，收到 {day}。", "day must be within 1..{days}, got {day}."),
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
    # help: what --help says (in the environment's language)
    "cli.help.description": ("视频号直播 what-if 规划器", "What-if planner for WeChat Channels (视频号) live commerce"),
    "cli.help.help": ("显示本帮助并退出", "show this help message and exit"),
    "cli.help.epilog": (
        "链接：以 '-' 开头的链接放在 '--' 之后（python -m planner report --format json -- "
        "'-invites=5000'），或以 '?' 开头。选项从不缩写。",
        "Links: put a link that starts with '-' after '--' (python -m planner report --format json -- "
        "'-invites=5000') or begin it with '?'. Options are never abbreviated."),
    "cli.help.link": (
        "完整的分享链接，或只是其中的查询参数；以 '-' 开头的放在 '--' 之后（report -- '-invites=5000'），"
        "或以 '?' 开头",
        "a whole share link or just its query string; one that starts with '-' goes after '--' "
        "(report -- '-invites=5000') or begins with '?'"),
    "cli.help.preset": ("从一个预设开始：{presets}", "start from a named preset: {presets}"),
    "cli.help.format": ("输出格式", "output format"),
    "cli.help.lang": ("表格的语言（默认中文）；给出时错误和提示也用它，否则跟随环境（LANG）",
                      "language of the tables (Chinese by default); errors and notices use it when it is "
                      "given, else the environment's (LANG)"),
    "cli.help.lenient": ("遇到无效取值时改用默认值（与网页相同）", "use defaults for bad values, as the app does"),
    "cli.help.report": ("推演一个以分享链接或查询参数给出的场景", "project a scenario given as a share link or query string"),
    "cli.help.draws": ("蒙特卡洛抽样次数：每个不确定参数从默认区间（params 列出）或链接里的区间抽样，"
                       "以 'percentiles' 给出 P10/P50/P90（链接含区间时也会给出）",
                       "Monte Carlo draws, every uncertain parameter from its default range (see params) or "
                       "the link's: adds P10/P50/P90 as 'percentiles' (also when the link has ranges)"),
    "cli.help.draws_seed": ("抽样的随机种子（默认：链接中的，或 0）", "random seed of the draws (default: the link's, or 0)"),
    "cli.help.params": ("列出参数表中的每个参数", "list every parameter of the registry"),
    "cli.help.presets": ("列出预设场景及其分享链接参数", "list the named presets and their share queries"),
    "cli.help.cases": ("把模型与 DOMAIN.md 中报道的案例对照", "the model held against the reported cases in DOMAIN.md"),
    "cli.help.compare": ("对比两个场景：指标、差值和 GMV 差异拆解",
                         "compare two scenarios: KPIs, deltas and the GMV waterfall"),
    "cli.help.compare_link": ("场景 {side}：{link}", "scenario {side}: {link}"),
    "cli.help.calibrate": ("用历史场次文件（CSV 或 .xlsx）校准规划器",
                           "fit the planner to a CSV or .xlsx file of past live sessions"),
    "cli.help.calibrate_file": ("历史场次：CSV（UTF-8 或 GBK）、.xlsx 或 JSON；支持的导出格式和列名见 README",
                                "past sessions: CSV (UTF-8 or GBK), .xlsx or JSON; see the README for the exports "
                                "and columns it reads"),
    "cli.help.calibrate_seed": ("多起点拟合的随机种子（默认 0）", "seed of the multi-start (default 0)"),
    "cli.help.optimize": ("把每日投流预算分配到各工具和账号", "split a daily 投流 budget over tools and accounts"),
    "cli.help.budget": ("每日预算（元；与 --target-gmv、--min-roi 同用时为上限）",
                        "daily budget in 元 (a ceiling with --target-gmv, --min-roi)"),
    "cli.help.objective": ("最大化预测期内的净成交（默认）或利润", "maximise net GMV (default) or profit over the horizon"),
    "cli.help.up_to": ("预算是上限：少花更好时就少花", "the budget is a ceiling: spend less if that is better"),
    "cli.help.add": ("增量：每天再多 N 元该投到哪里", "incremental: where the next N 元 a day should go"),
    "cli.help.target_gmv": ("达到 G 元 GMV 的最低预算", "the smallest budget reaching G 元 GMV"),
    "cli.help.min_roi": ("ROI ≥ X 时的最大 GMV（需要 --budget）", "the largest GMV with ROI ≥ X (needs --budget)"),
    "cli.help.tool_min": ("{tool} 每天最少投入（元）", "minimum daily 元 on {tool}"),
    "cli.help.tool_max": ("{tool} 每天最多投入（元）", "maximum daily 元 on {tool}"),
    "cli.help.goal": ("一个参数取何值时能达到 GMV 目标", "the value of one parameter that reaches a GMV target"),
    "cli.help.param": ("参数表中的键（见 `params`），如 invites、cvr、gdt",
                       "a registry key (see `params`), e.g. invites, cvr, gdt"),
    "cli.help.gmv": ("GMV 目标（元）", "GMV target in 元"),
    "cli.help.day": ("在第几天前达到（从 1 数起；默认：预测期末）", "reach it by this day (1-based; default: the horizon)"),
    # error: bad input, one line on stderr after "planner: error:". {message} is argparse's own
    # words, which are English only.
    "cli.error.usage": ("命令行参数有误：{message}", "{message}"),
    "cli.error.unrecognized": (
        "命令行参数有误：{message}；以 '-' 开头的链接放在 '--' 之后，或以 '?' 开头",
        "{message}; a link that starts with '-' goes after '--', or begin it with '?'"),
    "cli.error.not_integer": ("{text!r} 不是整数", "{text!r} is not an integer"),
    "cli.error.not_within": ("{text} 不在 {low}..{high} 之内", "{text} is not within {low}..{high}"),
    "cli.error.not_number": ("不是有限数：{text!r}", "not a finite number: {text!r}"),
    "cli.error.not_day": ("不是整数天：{text!r}", "not a whole day number: {text!r}"),
    "cli.error.unknown_preset": ("未知预设 {preset!r}；可选：{presets}", "unknown preset {preset!r}; choose one of: {presets}"),
    "cli.error.link_notices": ("{notices}（加 --lenient 则改用默认值）", "{notices} (use --lenient to accept)"),
    "cli.error.notice_sep": ("；", "; "),
    "cli.error.unknown_param": ("未知参数 {param!r}；见 `python -m planner params`",
                                "unknown parameter {param!r}; see `python -m planner params`"),
    "cli.error.gmv_positive": ("--gmv 必须是正数（元），收到 {gmv:g}", "--gmv must be a positive number of 元, got {gmv:g}"),
    "cli.error.non_negative": ("{option} 不能为负，收到 {value:g}", "{option} must be non-negative, got {value:g}"),
    "cli.error.add_alone": ("--add（增量）不能与 --budget、--target-gmv 或 --min-roi 同用",
                            "--add (incremental) cannot be combined with --budget, --target-gmv or --min-roi"),
    "cli.error.target_or_roi": ("--target-gmv 与 --min-roi 只能选一个", "choose one of --target-gmv and --min-roi"),
    "cli.error.needs_budget": ("请给出 --budget N（或 --add N，或 --target-gmv G）",
                               "give --budget N (or --add N, or --target-gmv G)"),
    "cli.error.cannot_read": ("无法读取 {file}：{reason}", "cannot read {file}: {reason}"),
    "cli.error.file_problems": ("{file}：{problems}", "{file}: {problems}"),
    "cli.error.bug": ("内部错误（程序缺陷；设 PLANNER_DEBUG=1 可看到出错位置）：{error}",
                      "internal error (a bug; PLANNER_DEBUG=1 shows where): {error}"),
    # words every table uses
    "cli.share_query": ("分享链接参数: {query}", "Share query: {query}"),
    "cli.account": ("账号", "Account"),
    "cli.yes": ("是", "yes"),
    "cli.no": ("否", "no"),
    # params
    "cli.params.key": ("键", "key"),
    "cli.params.default": ("默认值", "default"),
    "cli.params.min": ("最小", "min"),
    "cli.params.max": ("最大", "max"),
    "cli.params.source": ("依据", "source"),
    "cli.params.label": ("名称（单位）", "label (unit)"),
    "cli.params.fact": ("事实", "fact"),
    "cli.params.assumption": ("假设", "assumption"),
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
    # app.*: the app's shell
    "app.title": ("视频号直播规划", "Channels live planner"),
    "app.browser_title": ("视频号直播规划 · Channels live planner", "视频号直播规划 · Channels live planner"),
    "app.label_with_unit": ("{label}（{unit}）", "{label} ({unit})"),
    "app.value_with_unit": ("{value}{unit}", "{value} {unit}"),
    # unit.*: the registry's words for a kind of number rather than a unit (planner/params.py writes
    # them): the app shows a fraction as % and writes nothing after an elasticity
    "unit.fraction": ("比例", "fraction"),
    "unit.elasticity": ("弹性", "elasticity"),
    "app.list_separator": ("；", "; "),
    # nav.*: navigation (one title per page)
    "nav.overview": ("总览", "Overview"),
    "nav.matrix": ("矩阵", "Matrix"),
    "nav.assumptions": ("假设", "Assumptions"),
    "nav.budget": ("投流预算", "Budget"),
    "nav.calibrate": ("校准", "Calibrate"),
    "nav.ranges": ("区间", "Ranges"),
    "nav.compare": ("对比", "Compare"),
    # sidebar.*: the sidebar
    "sidebar.lang_label": ("语言 / Language", "语言 / Language"),
    "sidebar.lang_zh": ("中文", "中文"),
    "sidebar.lang_en": ("English", "English"),
    "sidebar.scenario": ("场景参数", "Scenario"),
    "sidebar.preset_label": ("预设场景", "Preset"),
    "sidebar.preset_none": ("—", "—"),
    "sidebar.preset_help": (
        "选择一个行业案例，所有参数会改为该案例的取值；之后仍可继续拖动。",
        "Pick an industry case: every parameter is set to its values; you can keep adjusting "
        "afterwards."),
    "sidebar.beans_caption": (
        "每天约 {android} 豆（安卓 {a_rate}豆/元），可下 {android_orders} "
        "个加热单（每单{per_order}豆）；iOS {ios} 豆（{i_rate}豆/元），{ios_orders} "
        "个加热单",
        "A day: about {android} beans on Android ({a_rate}/yuan) = {android_orders} heating orders "
        "of {per_order}; {ios} on iOS ({i_rate}/yuan) = {ios_orders} orders"),
    "sidebar.share_button": ("复制分享链接", "Copy share link"),
    "sidebar.share_caption": (
        "链接只记下与默认值不同的参数和版本号（v=），默认值日后调整也不改变它的含义：点右上角复制，"
        "粘贴到微信群，打开即是同一组数字。",
        "The link holds only what differs from the defaults, with its version (v=), so it keeps its "
        "meaning when a default changes: copy it with the button at the top right and paste it into a "
        "WeChat group; it opens with the same numbers."),
    "sidebar.reset_button": ("恢复默认值", "Reset to defaults"),
    # notice.*: notices and errors shown above a page
    "notice.link_problems": (
        "链接中有 {n} 个参数有问题，已按下面的方式处理（数字按处理后的参数计算）：",
        "{n} parameter(s) in the link had a problem and were handled as below (the numbers use the "
        "corrected values):"),
    "notice.link_dropped": (
        "这个链接有 {fields} 个参数、约 {kib} KiB，超过了 Streamlit 能读取"
        "的上限（{max_fields} "
        "个参数或 {max_kib} KiB），整条链接都被忽略了：下面的数字用的是默认值。",
        "This link has {fields} fields and about {kib} KiB, more than Streamlit reads ({max_fields} "
        "fields or {max_kib} KiB), so the whole link was ignored: the numbers below use the defaults."),
    "notice.heavy_waiting": (
        "服务器正在进行 {n} 项大计算，这一项排队中，稍候会自动开始……",
        "The server is running {n} heavy computations; this one is queued and starts as soon as one "
        "finishes…"),
    "notice.page_error": (
        "这一步无法计算，原因如下；请换一个取值再试：",
        "This could not be computed, for the reason below; try another value:"),
    "notice.page_bug": (
        "这一页出错了，详细信息已记录在服务器日志中。请换一个取值或刷新页面再试。",
        "Something went wrong on this page; the details are in the server's log. Try another value "
        "or reload the page."),
    # table.*: column headers several tables share
    "table.gmv": ("GMV", "GMV"),
    "table.total": ("合计", "Total"),
    "table.account": ("账号", "Account"),
    "table.launch_day": ("开播日", "Launch day"),
    "table.param": ("参数", "Parameter"),
    "table.key": ("链接键", "Link key"),
    "table.unit": ("单位", "Unit"),
    "table.default": ("默认值", "Default"),
    "table.current": ("当前值", "Current"),
    "table.metric": ("指标", "KPI"),
    # chart.*: words several charts share
    "chart.axis_day": ("天", "Day"),
    "chart.axis_share": ("公域占比（%）", "Public share (%)"),
    "chart.axis_viewers_session": ("每场观看人数（UV，对数轴）", "Viewers a session (UV, log scale)"),
    "chart.axis_week": ("周", "Week"),
    "chart.public_share": ("公域占比", "Public share"),
    "chart.benchmark": ("80% 基准", "80% benchmark"),
    "chart.week_label": ("第{n}周", "W{n}"),
    "chart.week_label_partial": ("第{n}周<br>（{days}天）", "W{n}<br>({days} d)"),
    "chart.week_hover": ("第{n}周（第{first}–{last}天）", "Week {n} (days {first}–{last})"),
    "chart.day_hover": ("第{day}天", "Day {day}"),
    "chart.handoff_node": ("旗舰号导流", "Flagship hand-off"),
    "chart.satellites_node": ("新号（合计）", "Satellites (all)"),
    "chart.save_png": ("保存为图片（2倍）", "Save as PNG (2×)"),
    "chart.unit_yuan": ("元", "元"),
    "chart.unit_viewers": ("人", "viewers"),
}

# --- KPIs: names and the words around them (planner/kpis.py)
_KPI: dict[str, Entry] = {
    # kpi.*: the KPIs (planner/kpis.py): names, tooltips and the units of a change
    "kpi.gmv": ("GMV", "GMV"),
    "kpi.net_gmv": ("退货后净成交", "Net GMV"),
    "kpi.profit": ("投流后利润", "Profit after spend"),
    "kpi.roi": ("直播间ROI", "Room ROI"),
    "kpi.paid_roi": ("投流ROI", "Paid ROI"),
    "kpi.public_share": ("公域占比（UV）", "Public share (UV)"),
    "kpi.stage": ("最高阶段", "Stage reached"),
    "kpi.unspent": ("未花出预算", "Unspent budget"),
    "kpi.viewers_per_session": ("场均观看人数（UV）", "Viewers a session (UV)"),
    "kpi.gmv_per_viewer": ("UV价值（元/人）", "GMV per viewer (UV)"),
    "kpi.gpm": ("GPM（元/千次PV）", "GPM (per 1,000 PV)"),
    "kpi.unspent_help": (
        "投流预算中花不出去的部分：直播间接不住的流量（超过每小时上限）、凑不满500豆一单的微信豆。未花"
        "出的不计消耗（微信豆会退回）"
        "。",
        "Paid budget that could not be spent: traffic the room could not absorb (beyond the per-hour "
        "ceiling) and beans short of a 500-bean order. It is not counted as spend (beans are "
        "refunded)."),
    "kpi.viewers_per_session_help": (
        "每场直播的观看人数（UV，按人计），所有账号所有场次的平均。",
        "Viewers (people, UV) of one session, averaged over every account's sessions."),
    "kpi.gmv_per_viewer_help": (
        "GMV ÷ 观看人数（UV，逐场累计）。按阶段表推算，日播的万人场约3元/人，头部约1.7–3.3元/人。",
        "GMV ÷ viewers (UV, summed over sessions). The stage table implies about 3 元 for a daily "
        "room of 10,000 and 1.7–3.3 元 for a head room."),
    "kpi.gpm_help": (
        "官方口径：每千次看播（观看人次，PV）的成交额 = GMV ÷ 看播人次 × 1000；看播人次 "
        "= 观看人数 × 人均观看次数。",
        "The official measure: GMV per 1,000 watch PV (visits) = GMV ÷ watch PV × 1,000; watch PV = "
        "viewers × visits per viewer."),
    "kpi.gmv_help": (
        "预测期内整个矩阵的成交总额 = Σ 场观 × 转化率 × 客单价。",
        "Total GMV of the matrix over the horizon = Σ PV × CVR × AOV."),
    "kpi.net_gmv_help": ("GMV × (1 − 退货率)。", "GMV × (1 − return rate)."),
    "kpi.profit_help": (
        "净成交 × 毛利率 − 投流消耗（投流消耗合计 {spend}）。",
        "Net GMV × margin − paid spend (total spend {spend})."),
    "kpi.roi_help": ("整场GMV（含私域与公域推荐）÷ 投流消耗：这笔投流在整个直播间的产出。不投流时无定义，显示 —。",
                     "The whole room's GMV (private domain and recommendation included) ÷ paid spend. Undefined (—) "
                     "without spend."),
    "kpi.paid_roi_help": ("投流工具自己带来的观众成交的GMV ÷ 投流消耗，不含私域和公域推荐：投放后台报的ROI对应这个。"
                          "不投流时无定义，显示 —。",
                          "GMV from the viewers the paid tools bring ÷ paid spend, private domain and recommendation "
                          "excluded: what an ad platform's dashboard reports. Undefined (—) without spend."),
    "kpi.public_share_help": (
        "公域观看人数（推荐、粉丝、短视频、溢出、导流）占全部观看人数的比例；成熟的好直播间超过80%，没"
        "学会承接的直播间只有两三成。",
        "Public viewers (recommended, followers, videos, spill-over, hand-off) as a share of all "
        "viewers (UV); good mature rooms exceed 80%, rooms that have not learned to catch public "
        "traffic have 20–30%."),
    "kpi.stage_help": (
        "按阶段表：冷启动与出冷启动看开播2小时的观看人数，万人场与头部看整场观看人数；取所有账号、所有场次的最高值。",
        "As the stage table reads them: cold start and out of cold start from viewers two hours in, "
        "10,000+ and head from viewers of the whole session; the best over every account and session."),
    "kpi.spend": ("投流消耗（预测期合计）", "Paid spend (horizon)"),
    "kpi.pv": ("观看人数（UV，逐场累计）", "Viewers (UV, summed over sessions)"),
    "kpi.sessions": ("直播场次", "Sessions"),
    "kpi.watch_pv": ("看播人次（PV）", "Watch PV"),
    "kpi.buyers": ("成交人数", "Buyers"),
    "kpi.change_points": ("{value} 个百分点", "{value} pp"),
    "kpi.change_stages": ("{value} 级", "{value} stage(s)"),
}

# --- pages: one section per page
_PAGES: dict[str, Entry] = {
    # overview.*: 总览 Overview
    "overview.title": ("总览", "Overview"),
    "overview.caption": (
        "{days} 天 · {accounts} · 每周 {sessions} 场、每场 {hours} "
        "小时 · 客单价 {aov} · 公域转化率 {cvr}（按此客单价）",
        "{days} days · {accounts} · {sessions} sessions a week of {hours} h · AOV {aov} · "
        "public CVR {cvr} (at this AOV)"),
    "overview.decomp_title": ("GMV = 场观 × 转化率 × 客单价（按流量来源）", "GMV = PV × CVR × AOV by traffic source"),
    "overview.decomp_caption": (
        "每一行都满足 GMV = 场观 × 转化率 × 客单价，看哪个因子在推动 GMV。",
        "Every row satisfies GMV = PV × CVR × AOV: see which factor moves GMV."),
    "overview.decomp_delta_caption": (
        "每一行都满足 GMV = 场观 × 转化率 × 客单价。右侧四列是较基准的 GMV 变化，"
        "以及其中来自场观、转化率、客单价的部分（Shapley 拆分，三者相加等于 GMV 变化）。",
        "Every row satisfies GMV = PV × CVR × AOV. The four columns on the right are the change in "
        "GMV vs the baseline and the parts of it from PV, CVR and AOV (a Shapley split: "
        "the three add up to the change)."),
    "overview.col_from_pv": ("其中：场观", "from PV"),
    "overview.col_from_cvr": ("其中：转化率", "from CVR"),
    "overview.col_from_aov": ("其中：客单价", "from AOV"),
    "overview.col_d_gmv": ("较基准GMV变化", "ΔGMV vs baseline"),
    "overview.col_source": ("来源", "Source"),
    "overview.col_pv": ("观看人数（UV，逐场累计）", "Viewers (UV, summed over sessions)"),
    "overview.col_cvr": ("转化率", "CVR"),
    "overview.col_aov": ("客单价", "AOV"),
    "overview.col_buyers": ("成交人数", "Buyers"),
    "overview.col_gmv_share": ("GMV占比", "GMV share"),
    "overview.daily_gmv_title": ("每日GMV（按来源堆叠）", "Daily GMV by source (stacked)"),
    "overview.mix_title": ("流量结构随时间变化", "Traffic mix over time"),
    "overview.charts_folded": ("图表：每日GMV与流量结构", "Charts: daily GMV and traffic mix"),
    "overview.mix_caption": (
        "堆叠面积为每天各来源观看人数（UV），折线为公域占比（右轴；不开播的日子空白），虚线为成熟直播间80%公域基准。",
        "Stacked areas are daily viewers (UV) per source; the line is the public share (right axis; "
        "blank on days without a session); the dashed line is the 80% benchmark of a mature room."),
    "overview.downloads_title": ("下载", "Downloads"),
    # the two charts' axes and tooltips, in 元 or viewers scaled by {unit} (万/亿, K/M, or nothing)
    "overview.money_noun": ("{unit}元", "{unit} yuan"),
    "overview.viewers_noun": ("{unit}人", "{unit} viewers"),
    "overview.axis_gmv": ("GMV（{noun}/天）", "GMV ({noun} per day)"),
    "overview.axis_pv": ("观看人数（人/天）", "Viewers (UV per day)"),
    "overview.axis_pv_scaled": ("观看人数（{unit}人/天）", "Viewers (UV, {unit} per day)"),
    # matrix.*: 矩阵 Matrix
    "matrix.title": ("矩阵", "Matrix"),
    "matrix.single": (
        "当前矩阵只有 1 个账号（旗舰号），没有新号可比较。把侧边栏“矩阵号”里的“矩阵账号数”调到 2 "
        "个以上，即可看到按周热力图和大号带小号的导流。",
        "The matrix has one account (the flagship), so there is nothing to compare. Set “Accounts in "
        "matrix” under “Account matrix” in the sidebar to 2 or more to see the weekly heatmaps and "
        "the flagship's hand-off."),
    "matrix.caption": (
        "{accounts} 个账号：旗舰号第1天开播，新号每 {every} 天开一个（{schedule}）；共用同一个私域。",
        "{accounts} accounts: the flagship goes live on day 1, a new account every {every} days ({schedule}); "
        "all share one private domain."),
    "matrix.caption_same": (
        "{accounts} 个账号同时在第1天开播，共用同一个私域。",
        "{accounts} accounts, all live from day 1, sharing one private domain."),
    "matrix.heat_gmv_title": ("每个账号每周 GMV（元）", "Weekly GMV per account (yuan)"),
    "matrix.heat_pv_title": ("每个账号每周观看人数（UV，逐场累计）", "Weekly viewers per account (UV, summed over sessions)"),
    "matrix.accounts_title": ("账号明细", "Accounts"),
    "matrix.col_sessions": ("场次", "Sessions"),
    "matrix.col_per_session": ("场均观看（UV）", "Viewers a session (UV)"),
    "matrix.after_day": ("第{n}天后（预测期内未开播）", "after day {n} (not within the horizon)"),
    "matrix.col_best_stage": ("最高阶段", "Stage reached"),
    "matrix.col_final_stage": ("期末阶段", "Final stage"),
    "matrix.col_public_share": ("公域占比", "Public share"),
    "matrix.col_viewers": ("观看人数（UV，逐场累计）", "Viewers (UV, summed)"),
    "matrix.col_handoff": ("承接导流（人）", "Hand-off received"),
    "matrix.col_final_followers": ("期末粉丝（人）", "Followers at the end"),
    "matrix.day_n": ("第{n}天", "Day {n}"),
    "matrix.sankey_title": (
        "流量从哪里来：来源 → 账号，旗舰号 → 新号",
        "Where viewers come from: sources → accounts, flagship → satellites"),
    "matrix.sankey_caption": (
        "旗舰号把 {share} 的公域观众导给同一天开播的新号（大号带小号），旗舰号自己的观看不减少。",
        "The flagship sends {share} of its public viewers on to satellites streaming the same day; "
        "its own viewers are not reduced."),
    "matrix.stage_title": ("各账号每场观看人数与阶段", "Each account's viewers a session, and its stage"),
    "matrix.stage_caption": (
        "阶段：{bands}。虚线是整场1万、10万人的门槛；悬停可看开播2小时的观看人数和当场阶段。",
        "Stages: {bands}. The dashed lines are the whole-session thresholds of 10,000 and 100,000; "
        "hover for viewers two hours in and the session's stage."),
    "matrix.stage_measure_2h": ("开播2小时", "two hours in"),
    "matrix.stage_measure_session": ("整场", "whole session"),
    "matrix.stage_first_title": ("首次到达各阶段的日期", "First day at each stage"),
    "matrix.never": ("未到达", "not reached"),
    # assumptions.*: 假设 Assumptions (parameters, formulas, reported cases)
    "assumptions.cases_title": ("模型与报道案例对比", "How the model compares with reported cases"),
    "assumptions.cases_caption": (
        "每个案例的输入按报道的描述设置（报道没说的取默认值），从不按答案调参；模型落在报道值的0.5–2倍之内即通过。"
        "报道值是区间时，比值按最近的一端计算，区间内为1。",
        "Each case's inputs are set as the report describes it (what it does not say keeps the "
        "default), never tuned to the answer; the model passes within 0.5–2× of the reported figure. "
        "For a reported range the ratio is to its nearest end, 1 inside it."),
    "assumptions.col_case": ("案例", "Case"),
    "assumptions.col_reported": ("报道值", "Reported"),
    "assumptions.col_model": ("模型", "Model"),
    "assumptions.col_ratio": ("模型/报道", "Model / reported"),
    "assumptions.col_inputs": ("输入如何设置", "How the inputs were set"),
    "assumptions.col_pass": ("0.5–2倍内", "Within 0.5–2×"),
    "assumptions.title": ("假设与公式", "Assumptions and formulas"),
    "assumptions.caption": (
        "每个参数的含义、单位、默认值、当前值、范围，以及默认值来自公开报道的事实还是假设。所有数字直接读自模型的参数表和常量。",
        "Every parameter's meaning, unit, default, current value and range, and whether the default "
        "is a reported fact or an assumption. Every number is read from the model's registry and "
        "constants."),
    "assumptions.col_meaning": ("含义", "Meaning"),
    "assumptions.col_range": ("范围", "Range"),
    "assumptions.col_source_kind": ("来源", "Basis"),
    "assumptions.col_note": ("事实 / 假设说明", "Fact / assumption note"),
    "assumptions.fact": ("事实", "Fact"),
    "assumptions.assumption": ("假设", "Assumption"),
    "assumptions.changed_mark": ("（已改）", " (changed)"),
    "assumptions.formulas_title": ("公式", "Formulas"),
    "assumptions.formulas_caption": (
        "与 planner/engine.py 一致（模型 v2）。账号 a；每场的量乘以当天场次就是当天的量。",
        "As in planner/engine.py (model v2). Account a; a day's figures are a session's times the "
        "day's sessions."),
    "assumptions.f_schedule_title": ("直播排期与时长", "Schedule and hours"),
    "assumptions.f_schedule_words": (
        "新号按间隔开播；每个账号每周开播 s 场（均匀分布，开播当天一场）；不开播的日子没有直播成交，但私域、"
        "粉丝照常变化。观众随单场时长边际递减地累积。",
        "Satellites launch at intervals; each account holds s sessions a week, evenly spaced, the "
        "first on launch day. Days without a session sell nothing live; the private domain and "
        "followers still change. Viewers build up over a session with diminishing returns."),
    "assumptions.f_private_title": ("私域（邀约 → 到场 → 裂变）", "Private domain (invites → viewers → shares)"),
    "assumptions.f_private_words": (
        "整个矩阵共用一个私域 P（其中 C 人买过）。旗舰号可邀约全部，新号只能邀约其中重叠的一部分；所"
        "有账号的邀约决定每人每周被邀约几次，"
        "越频繁到场率越低。到场观众中有一部分会分享，带来二度观众。开新号不会增加私域里的人。",
        "The whole matrix shares one private domain P (C of whom have bought). The flagship can "
        "invite all of it, a satellite an overlapping part; every account's invites set how often a "
        "person is invited a week, and the more often, the lower the show rate. Some viewers share "
        "and bring second-degree viewers. Opening an account adds no people."),
    "assumptions.f_quality_title": ("直播间质量分（平台评判的五个信号）", "Room quality (the platform's five signals)"),
    "assumptions.f_quality_words": (
        "五个信号各自折算到0–1后加权求和：私域观看量、直播广场点击率、陌生人停留、GPM（每千次看播PV成交额）"
        "、互动。账号权重 w 是平台对直播间接得住的信任：每场向质量分靠拢，速度取决于平台送来的陌生观众多少；"
        "有粉丝的老号起步就有权重，新号从0开始。",
        "Five signals, each scaled to 0–1, weighted and summed: private volume, live-square CTR, "
        "strangers' dwell, GPM (GMV per 1,000 watch PV), interaction. The account weight w is how "
        "far the platform trusts the room to catch: each session it moves toward the quality, as "
        "fast as the strangers the platform sends allow; an account with followers starts with some, "
        "a new one at 0."),
    "assumptions.f_quality_table": ("信号、权重与满分值", "Signals, weights and full-score values"),
    "assumptions.col_signal": ("信号", "Signal"),
    "assumptions.col_weight": ("权重", "Weight"),
    "assumptions.col_scaling": ("折算", "Scaling"),
    "assumptions.sig_private": ("私域观看量", "Private volume"),
    "assumptions.sig_ctr": ("直播广场点击率", "Live-square CTR"),
    "assumptions.sig_dwell": ("陌生人停留", "Stranger dwell"),
    "assumptions.sig_gpm": ("GPM", "GPM"),
    "assumptions.sig_interact": ("互动率", "Interaction"),
    "assumptions.scale_half": ("x / (x + {half})：{half} 时得半分", "x / (x + {half}): half score at {half}"),
    "assumptions.scale_full": ("min(x / {full}, 1)：{full} 计满分", "min(x / {full}, 1): full score at {full}"),
    "assumptions.minutes": ("{n} 分钟", "{n} min"),
    "assumptions.f_public_title": ("公域推荐（私域撬动公域）", "Public recommendation (private leverages public)"),
    "assumptions.f_public_words": (
        "公域有自己的来源：开场测试推流、粉丝开播提醒、短视频引流、旗舰号导流——不需要邀约。平台按质量分给出撬动比 "
        "λ，再乘以账号权重（接得住的程度），把这些“自带观众”连同私域观众一起放大（私域撬动公域）。整个矩阵共享一个有限的受众，"
        "公域观众向它饱和。",
        "Public traffic has sources of its own: the platform's test wave, followers' live notices, "
        "short videos, the flagship's hand-off — no invites needed. The platform's leverage λ, set "
        "by quality and times the account's weight (how well it catches), multiplies these seeds "
        "together with the private viewers (private leverages public). The matrix shares one finite "
        "audience, toward which public viewers saturate."),
    "assumptions.f_paid_title": ("投流（三种工具，边际递减）", "Paid traffic (three tools, diminishing returns)"),
    "assumptions.f_paid_words": (
        "每多买一个观看就贵一点：起价 cpv，到每场上限（每小时上限 × 时长）时为 cpv × (1 "
        "+ 涨幅)；超出上限的预算花不出去，不计消耗（未花出预算）。微信豆按充值渠道折算豆数、按500豆整单购买。"
        "当场私域观众达到{min_private}人时平台赠送流量券观看（不足按比例）。付费观看带来的自"
        "然溢出在72小时内分三天到达。",
        "Each extra viewer costs a little more: from the opening cpv up to cpv × (1 + rise) at a "
        "session's ceiling (per-hour ceiling × hours); budget beyond it is not spent and not counted "
        "(unspent budget). Beans are converted by where they were bought and bought in whole "
        "500-bean orders. The platform grants coupon viewers when a session brings {min_private}+ "
        "private viewers (in proportion below). Paid viewers' natural spill-over arrives over 72 "
        "hours, spread over three days."),
    "assumptions.f_conv_title": ("转化与成交", "Conversion and GMV"),
    "assumptions.f_conv_words": (
        "客单价越高转化越低（以200元为参照）。私域新客按公域转化率的倍数转化；老客12个月内复购的比例为复购率，"
        "需求等一个月左右的直播，看得越频繁每场复购概率越低；粉丝和短视频来的观众按粉丝倍数；投流观众按各自精准度。"
        "每个来源 GMV = 观看人数 × 转化率 × 客单价。",
        "Dearer orders convert less (against a 200 元 reference). First-time private viewers convert "
        "at a multiple of the public CVR; past buyers buy again at the 12-month repurchase rate, a "
        "need waiting about a month for a session, so the more often they watch, the lower the "
        "chance per session; followers and viewers from videos at the followers' multiple; paid "
        "viewers at their tool's precision. Per source, GMV = viewers × CVR × AOV."),
    "assumptions.f_dyn_title": ("状态演化（私转公再转私）", "Dynamics (the private → public → private snowball)"),
    "assumptions.f_dyn_words": (
        "陌生人成交后一部分沉淀回私域（私转公再转私），新客成为老客；新来的人和短视频观众中有人关注。私域和粉丝都向受众上限饱和，"
        "每天按流失率减少，不会无限增长。",
        "Some strangers who buy are captured back into the private domain (the snowball) and "
        "first-time buyers become past buyers; some new viewers and video viewers follow. The "
        "private domain and followers saturate toward the audience and churn daily: nothing grows "
        "without bound."),
    "assumptions.f_money_title": ("利润与投产比", "Profit and ROI"),
    "assumptions.f_matrix_title": ("矩阵号", "Account matrix"),
    "assumptions.f_matrix_words": (
        "账号0是旗舰号，第0天开播；第k个新号在第 k × 间隔 天开播，权重和粉丝从0开始，可邀约共享私域的一部分，"
        "短视频播放为旗舰号的一定比例。同一天开播时，旗舰号公域观众按比例导给新号。投流预算在开播的日子平均分给当天开播的账号，"
        "除非链接给出按账号的分配比例（gdt_split 等）。",
        "Account 0 is the flagship, live from day 0; satellite k goes live on day k × interval with "
        "weight and followers at 0, inviting part of the shared private domain, its videos reaching "
        "a share of the flagship's plays. On days both stream, a share of the flagship's public "
        "viewers is handed to the satellites. Budgets are spent on streaming days, split evenly over "
        "the accounts streaming that day unless the link gives per-account shares (gdt_split…)."),
    "assumptions.stages_title": ("账号阶段（按阶段表）", "Account stages (the stage table)"),
    "assumptions.col_stage": ("阶段", "Stage"),
    "assumptions.col_stage_measure": ("看什么", "Measured by"),
    "assumptions.col_viewers_2h": ("观看人数", "Viewers"),
    "assumptions.stage_range_first": ("少于 {hi}", "under {hi}"),
    "assumptions.stage_range_mid": ("{lo} – {hi}", "{lo} – {hi}"),
    "assumptions.stage_range_last": ("{lo} 以上", "{lo} and more"),
    "assumptions.constants_title": ("其他事实常量", "Other constants from facts"),
    "assumptions.const_beans": (
        "1元 = {android} 豆（安卓/网页），{ios} 豆（iOS）；加热以 {order} "
        "豆为单位。",
        "1 yuan = {android} beans (Android/web), {ios} (iOS); heating orders come in {order}-bean "
        "steps."),
    "assumptions.const_push": (
        "开播初始推流 {lo}–{hi} 人，随账号权重增加。",
        "Opening push of {lo}–{hi} viewers, rising with account weight."),
    "assumptions.const_hours": (
        "单场时长的边际递减（假设）：h 小时的直播接到全天的 1 − e^(−h/{tau}) 份；推荐量以 "
        "{ref} 小时为参照。",
        "Diminishing returns over hours (an assumption): a session of h hours catches 1 − "
        "e^(−h/{tau}) of a day-long one; recommendation is referenced to {ref}-hour sessions."),
    "assumptions.const_trust": (
        "老号初始权重 = 质量分 × 粉丝 / (粉丝 + {half})；平台每场从陌生观众中学习，{"
        "evidence}人时速度减半（假设）"
        "。",
        "An established account starts at weight = quality × followers / (followers + {half}); the "
        "platform learns from strangers, at half speed with {evidence} a session (assumptions)."),
    "assumptions.const_repeat": (
        "老客的复购需求等约 {days} 天的直播，之后在别处满足（假设）。",
        "A past buyer's repeat need waits about {days} days for a session, then is met elsewhere (an "
        "assumption)."),
    "assumptions.const_aov_ref": (
        "转化率随客单价变化的参照客单价：{aov}元（事实：平台客单价超过200元）。",
        "The order value conversion is referenced to: {aov} 元 (fact: AOV is over 200 元 "
        "platform-wide)."),
    "assumptions.const_benchmark": ("成熟直播间公域占比基准：{share}。", "Mature-room public share benchmark: {share}."),
    "assumptions.roi_undefined": ("无投流时不适用", "undefined without spend"),
    # budget_page.*: 投流 Budget (budget.* is the budget model's)
    "budget_page.title": ("投流预算", "投流 Budget (paid traffic)"),
    "budget_page.caption": (
        "下一笔投流该投哪里、投流到底值不值：以下数字全部由同一个模型逐日模拟得出（含私域沉淀、权重、自然流量溢出）"
        "。预算按“元/天”计，在整个预测期内每天花出。",
        "Where should the next 元 of paid traffic go, and is it worth it at all? Every number below "
        "comes from the same day-by-day model (captured buyers, account weight, natural spill-over). "
        "Budgets are 元 a day, spent every day of the horizon."),
    "budget_page.curves_title": ("响应曲线：每个工具多花一元能带来什么", "Response curves: what one more 元 on each tool buys"),
    "budget_page.curves_caption": (
        "横轴是该工具每天的总消耗（其余参数保持当前值）。边际ROI = 下一元带来的GMV；红色虚线为保本线："
        "利润 = 净成交 × 毛利率 − 投流消耗 = 0，即边际ROI ≥ {be} 时下一元才赚钱。",
        "The x axis is the tool's daily spend (everything else as now). Marginal ROI = GMV of the "
        "next 元; the red dashed line is break-even: profit = net GMV × margin − spend = 0, so the "
        "next 元 pays only while the marginal ROI is at least {be}."),
    "budget_page.curve_summary": (
        "当前 {now}/天：下一元带来 GMV {mroi} 元（保本 {be}）。{payback}",
        "Now {now}/day: the next 元 brings {mroi} 元 GMV (break-even {be}). {payback}"),
    "budget_page.payback_at": ("超过 {spend}/天 后，下一元不再赚钱。", "Beyond {spend}/day the next 元 no longer pays."),
    "budget_page.payback_never_here": ("在图示范围内每一元都赚钱。", "Every 元 pays within the range shown."),
    "budget_page.payback_zero": ("从第一元起就不赚钱。", "It does not pay from the first 元."),
    "budget_page.row_viewers": ("观看人数（UV，预测期逐场累计）", "Viewers (UV, horizon total over sessions)"),
    "budget_page.row_money": ("GMV 与利润（预测期合计，元）", "GMV and profit (horizon total, 元)"),
    "budget_page.row_mroi": ("边际ROI（下一元带来的GMV）", "Marginal ROI (GMV of the next 元)"),
    "budget_page.axis_spend": ("{tool}日消耗（元/天）", "{tool} daily spend (元/day)"),
    "budget_page.axis_viewers": ("人（UV）", "viewers (UV)"),
    "budget_page.axis_money": ("元", "元"),
    "budget_page.axis_roi": ("GMV/元", "GMV per 元"),
    "budget_page.trace_paid": ("{tool}观看", "{tool} viewers"),
    "budget_page.trace_all": ("全部场观", "All viewers"),
    "budget_page.trace_breakeven_gmv": ("保本GMV（利润=0）", "Break-even GMV (profit = 0)"),
    "budget_page.trace_mroi": ("边际ROI", "Marginal ROI"),
    "budget_page.trace_breakeven_roi": ("保本边际ROI", "Break-even marginal ROI"),
    "budget_page.current": ("当前", "now"),
    "budget_page.curve_title": ("{tool}：响应曲线", "{tool}: response curve"),
    "budget_page.opt_title": ("预算优化：把钱分到工具和账号", "Optimiser: split the budget over tools and accounts"),
    "budget_page.mode": ("问题", "Question"),
    "budget_page.mode_fixed": ("固定预算怎么分", "How to split a fixed budget"),
    "budget_page.mode_incremental": ("再加一笔钱投哪里", "Where the next 元 should go"),
    "budget_page.mode_target_gmv": ("达到GMV目标最少要多少预算", "Smallest budget to reach a GMV target"),
    "budget_page.mode_min_roi": ("ROI不低于下限时GMV最大", "Largest GMV with ROI at or above a floor"),
    "budget_page.budget_fixed": ("每日预算（元/天）", "Daily budget (元/day)"),
    "budget_page.budget_incremental": ("新增预算（元/天，在今天的分配之上）", "Extra budget (元/day, on top of today's split)"),
    "budget_page.budget_ceiling": ("预算上限（元/天）", "Budget ceiling (元/day)"),
    "budget_page.objective": ("优化目标", "Objective"),
    "budget_page.objective_gmv": ("净成交（退货后GMV）", "Net GMV (after returns)"),
    "budget_page.up_to": ("预算只是上限（不赚钱就少花）", "Budget is a ceiling (spend less if it does not pay)"),
    "budget_page.target_gmv": ("GMV目标（预测期合计，元）", "GMV target (horizon total, 元)"),
    "budget_page.min_roi": ("ROI下限（GMV÷投流消耗）", "ROI floor (GMV ÷ paid spend)"),
    "budget_page.bounds": ("每个工具的上下限（元/天，留空=不限）", "Per-tool bounds (元/day; empty = none)"),
    "budget_page.min_of": ("{tool}下限", "{tool} minimum"),
    "budget_page.max_of": ("{tool}上限", "{tool} maximum"),
    "budget_page.bean_step": (
        "微信豆按500豆一单加热：按当前iOS充值占比，每单 {step}。",
        "Beans heat in orders of 500: at the current iOS share, one order costs {step}."),
    "budget_page.result_title": ("优化结果", "Result"),
    "budget_page.before": ("当前", "Before"),
    "budget_page.after": ("优化后", "After"),
    "budget_page.change": ("变化", "Change"),
    "budget_page.alloc_title": ("分配（元/天，按被加热账号）", "Allocation (元/day, by account heated)"),
    "budget_page.col_orders": ("微信豆加热单/天", "Bean orders/day"),
    "budget_page.col_next": ("下一元边际ROI", "Next 元 marginal ROI"),
    "budget_page.apply": ("采用这个分配", "Use this allocation"),
    "budget_page.apply_help": (
        "把侧边栏的广点通、微信豆、流量券日消耗改为优化结果，并把每个账号的份额写进链接。",
        "Set the sidebar's Tencent Ads, beans and coupons spend to this result and write each "
        "account's share into the link."),
    "budget_page.applied": (
        "已采用：侧边栏和地址栏现在就是这个分配。",
        "Applied: the sidebar and the address bar now hold this allocation."),
    "budget_page.not_reached": ("未达到：", "Not reached: "),
    "budget_page.next_best": (
        "每天再多一元预算最该投：{account} · {tool}，预测期GMV再增加 {gain}（实际每花一元带来 "
        "{mroi} 元GMV）。",
        "One more 元 a day is best spent on {account} · {tool}: {gain} more GMV over the horizon "
        "({mroi} 元 GMV per 元 actually spent)."),
    "budget_page.after_curves": ("优化后的响应曲线", "Response curves after optimising"),
    "budget_page.alloc_chart": ("每个账号的日预算", "Daily budget per account"),
    "budget_page.cum_chart": ("累计GMV：当前 vs 优化后", "Cumulative GMV: before vs after"),
    "budget_page.axis_yuan_day": ("元/天", "元/day"),
    "budget_page.axis_cum_gmv": ("累计GMV（元）", "Cumulative GMV (元)"),
    "budget_page.goal_title": (
        "单变量反推：要达到GMV目标，某个参数要到多少",
        "Goal seek: what one parameter must be to reach a GMV target"),
    "budget_page.goal_param": ("参数", "Parameter"),
    "budget_page.goal_gmv": ("GMV目标（元）", "GMV target (元)"),
    "budget_page.goal_day": ("到第几天（留空=预测期末）", "By day (empty = end of horizon)"),
    "budget_page.goal_apply": ("采用这个取值", "Use this value"),
    "budget_page.goal_chart": ("第 {day} 天累计GMV 随 {param} 变化", "GMV by day {day} against {param}"),
    "budget_page.goal_target": ("目标", "target"),
    "budget_page.goal_answer": ("答案", "answer"),
    "budget_page.error": ("无法计算：{msg}", "Cannot compute: {msg}"),
    "budget_page.note": ("注：{text}", "Note: {text}"),
    "budget_page.per_day": ("{money}/天", "{money}/day"),
    # uncertainty_page.*: 区间 Ranges (uncertainty.* is the model's)
    "uncertainty_page.ranges_title": ("区间与敏感性", "Ranges and sensitivity"),
    "uncertainty_page.ranges_intro": (
        "每个不确定的参数都有一个默认区间（已报道的区间，或注明的假设，见下表和假设页）；规划器从这些区间抽样 {draws} 次"
        "（三角分布，最可能的值=当前滑块值，各参数相互独立，随机种子 {seed}），给出 P10 / P50 / P90。"
        "想换某个参数的区间，在下面选它。同一个链接（含种子和抽样次数）总是得到同样的区间。",
        "Every uncertain parameter has a default range (a reported range, or a stated assumption: see the "
        "table below and the Assumptions page); the planner draws {draws} times from them (triangular, the "
        "most likely value at the slider's value, parameters independent, seed {seed}) and shows P10 / P50 / "
        "P90. Pick a parameter below to set its range yourself. The same link (seed and draws included) "
        "always gives the same bands."),
    "uncertainty_page.ranges_settings": ("抽样设置", "Sampling"),
    "uncertainty_page.draws_label": ("抽样次数", "Draws"),
    "uncertainty_page.draws_help": (
        "蒙特卡洛抽样次数（1–10,000）；越多越稳，越慢。",
        "Monte Carlo draws (1–10,000): more is steadier and slower."),
    "uncertainty_page.seed_label": ("随机种子", "Random seed"),
    "uncertainty_page.ranged_label": ("自己设区间的参数", "Parameters with your own range"),
    "uncertainty_page.ranged_placeholder": ("都用默认区间", "All at their default range"),
    "uncertainty_page.ranged_help": (
        "选中的参数用你拖出的区间（两端拖到一起 = 这个参数不再变动）；没选的用默认区间。投放金额、账号数和天数是决策，"
        "每次抽样都相同。",
        "A parameter picked here uses the range you drag (both ends together: it no longer varies); the "
        "others keep their default range. Spend, accounts and days are decisions, the same in every draw."),
    "uncertainty_page.range_label": ("{label} 区间", "{label} range"),
    "uncertainty_page.bands_title": ("{metric}：P10–P90 区间（每天）", "{metric}: P10–P90 band (per day)"),
    "uncertainty_page.bands_cum_title": ("累计{metric}：P10–P90 区间", "Cumulative {metric}: P10–P90 band"),
    "uncertainty_page.band_p10_p90": ("P10–P90（十次有八次落在这里）", "P10–P90 (8 draws in 10 land here)"),
    "uncertainty_page.band_p50": ("P50（一半高于、一半低于）", "P50 (half above, half below)"),
    "uncertainty_page.band_point": ("点估计（滑块值）", "Point estimate (slider values)"),
    "uncertainty_page.bands_caption": (
        "每天单独取分位数：P50 曲线不是某一次抽样的轨迹。",
        "Percentiles are taken day by day: the P50 line is not the path of one draw."),
    "uncertainty_page.axis_money_day": ("{metric}（元/天）", "{metric} (yuan/day)"),
    "uncertainty_page.axis_money_cum": ("累计{metric}（元）", "Cumulative {metric} (yuan)"),
    "uncertainty_page.axis_mix": ("占当天场观（%）", "Share of the day's viewers (%)"),
    "uncertainty_page.axis_chance": ("达成概率（%）", "Chance (%)"),
    "uncertainty_page.axis_gmv_change": (
        "总 GMV 相对点估计的变化（元）",
        "Total GMV change from the point estimate (yuan)"),
    "uncertainty_page.axis_elasticity": ("弹性（GMV 变化% ÷ 参数变化%）", "Elasticity (% GMV per % parameter)"),
    "uncertainty_page.totals_title": ("预测期合计", "Over the horizon"),
    "uncertainty_page.mix_fan_title": (
        "流量结构：各来源占比的 P10–P90 区间",
        "Traffic mix: P10–P90 of each source's share"),
    "uncertainty_page.target_title": ("GMV 目标达成概率", "Chance of reaching a GMV target"),
    "uncertainty_page.target_label": ("GMV 目标（元）", "GMV target (yuan)"),
    "uncertainty_page.target_day_label": ("截至第几天", "By day"),
    "uncertainty_page.target_result": (
        "到第 {day} 天累计 GMV 达到 {target} 的概率",
        "Chance cumulative GMV reaches {target} by day {day}"),
    "uncertainty_page.target_chart_title": (
        "累计 GMV 达到 {target} 的概率（按天）",
        "Chance cumulative GMV has reached {target}, by day"),
    "uncertainty_page.tornado_title": (
        "龙卷风图：每个参数在区间两端时的总 GMV",
        "Tornado: total GMV with each parameter at either end"),
    "uncertainty_page.tornado_caption": (
        "其余参数保持滑块值。每个参数在它的区间（你设的或默认的）两端各算一次；区间没有宽度的参数在滑块值 ±{span} 之间变动"
        "（不超出允许范围，值为 0 的参数不变）。按摆幅排序，显示前 {n} 个。",
        "Every other parameter stays at its slider value. Each parameter goes to either end of its range "
        "(yours or its default); one whose range has no width moves ±{span} around its slider value "
        "(within its allowed limits; a parameter at 0 does not move). Ranked by swing; the top {n} shown."),
    "uncertainty_page.tornado_low": ("低端", "Low end"),
    "uncertainty_page.tornado_high": ("高端", "High end"),
    "uncertainty_page.elasticity_title": (
        "弹性：参数变化 1% 时总 GMV 变化百分之几",
        "Elasticity: % change of total GMV per 1% change"),
    "uncertainty_page.elasticity_caption": (
        "在滑块值上下各 1% 做中心差分（一次引擎调用算完全部参数）。",
        "Central finite difference at ±1% of the slider value (one engine call for every parameter)."),
    "uncertainty_page.col_value": ("当前值", "Value"),
    "uncertainty_page.col_low": ("低端", "Low"),
    "uncertainty_page.col_high": ("高端", "High"),
    "uncertainty_page.col_gmv_low": ("低端时 GMV", "GMV at low"),
    "uncertainty_page.col_gmv_high": ("高端时 GMV", "GMV at high"),
    "uncertainty_page.col_swing": ("两端 GMV 相差", "GMV gap between the ends"),
    "uncertainty_page.col_elasticity": ("弹性（参数+1% 时 GMV 变化%）", "Elasticity (% GMV per +1%)"),
    "uncertainty_page.col_span": ("区间来源", "Span from"),
    "uncertainty_page.span_range": ("你设的区间", "your range"),
    "uncertainty_page.span_default": ("默认 ±{span}", "default ±{span}"),
    # compare_page.*: 对比 Compare (compare.* is the model's)
    "compare_page.compare_title": ("场景对比", "Compare scenarios"),
    "compare_page.compare_intro": (
        "最多三个场景并排：当前场景、任意粘贴的分享链接、任意预设。差值都相对于第一个（当前）场景。",
        "Up to three scenarios side by side: the current one, any pasted share link, any preset. "
        "Differences are against the first (current) scenario."),
    "compare_page.slot_current": ("A · 当前场景", "A · Current scenario"),
    "compare_page.slot_label": ("{slot} · 对比场景", "{slot} · Scenario to compare"),
    "compare_page.slot_none": ("（不对比）", "(none)"),
    "compare_page.slot_link": ("粘贴分享链接…", "Paste a share link…"),
    "compare_page.slot_pasted": ("粘贴的链接", "the pasted link"),
    "compare_page.slot_preset": ("预设：{name}", "Preset: {name}"),
    "compare_page.link_label": ("{slot} 的分享链接", "Share link for {slot}"),
    "compare_page.link_placeholder": ("粘贴完整链接或只粘贴 ? 后面的参数", "Paste a whole link or just the part after ?"),
    "compare_page.link_empty": ("粘贴一个链接来对比。", "Paste a link to compare."),
    "compare_page.link_notices": (
        "{slot} 的链接中有 {n} 个参数有问题，已按下面的方式处理：",
        "{n} parameter(s) in {slot}'s link had a problem and were handled as below:"),
    "compare_page.only_one": (
        "选一个预设或粘贴一个链接，与当前场景对比。",
        "Pick a preset or paste a link to compare with the current scenario."),
    "compare_page.kpi_title": ("关键指标", "Key numbers"),
    "compare_page.overlay_title": ("每日 GMV 对比", "Daily GMV compared"),
    "compare_page.waterfall_title": ("GMV 差异拆解：{a} → {b}", "Where the GMV difference comes from: {a} → {b}"),
    "compare_page.waterfall_caption": (
        "每个来源的 GMV = 场观 × 转化率 × 客单价。差异按 Shapley 方法（三个因子按所有先后顺序变化的平均）"
        "拆给每个来源的场观、转化率和客单价，各部分相加正好等于总差异。某来源在一侧没有场观时，它的 GMV "
        "全部算作场观效应。",
        "Each source's GMV = PV × CVR × AOV. The difference is split by the Shapley method (each "
        "factor's change averaged over every order in which the three can change) into PV, CVR and "
        "AOV effects per source; the parts add up exactly to the difference. A source with no "
        "viewers on one side counts all of its GMV as a PV effect."),
    "compare_page.factor_pv": ("场观", "PV"),
    "compare_page.factor_cvr": ("转化率", "CVR"),
    "compare_page.factor_aov": ("客单价", "AOV"),
    "compare_page.gmv_of": ("{name} GMV", "{name} GMV"),
    "compare_page.by_factor": (
        "按因子合计：场观 {pv} · 转化率 {cvr} · 客单价 {aov}",
        "By factor: PV {pv} · CVR {cvr} · AOV {aov}"),
    "compare_page.delta_vs": ("{b} − {a}", "{b} − {a}"),
    "compare_page.axis_effect": ("GMV（元）", "GMV (yuan)"),
    # calibrate.*: 校准 Calibrate
    "calibrate.title": ("用历史场次校准", "Calibrate from your past sessions"),
    "calibrate.caption": (
        "上传后台导出的历史直播数据（视频号助手直播列表、第三方表格、API导出或本规划器的模板；CSV、Excel .xlsx 或 JSON），"
        "规划器读出文件本身的比率（转化、客单价……），再用同一个模型逐场重演这些场次，拟合能被数据识别的参数，"
        "给出95%区间、拟合优度和回测误差；“应用到当前计划”只写入拟合出的参数，保留你的天数、账号、投放和排期，可一键撤销。",
        "Upload past live sessions as your back office exports them (the 视频号助手 live list, a third-party sheet, an "
        "API dump or this planner's template; CSV, Excel .xlsx or JSON). The planner reads the file's own ratios "
        "(conversion, AOV…), replays the sessions with its model and fits what the data can identify, with 95% "
        "intervals, fit quality and a back-test. “Apply onto the plan” writes only the fitted parameters and keeps "
        "your horizon, accounts, spend and schedule; one click undoes it."),
    "calibrate.schema_title": ("文件格式：列名与单位", "File format: columns and units"),
    "calibrate.schema_caption": (
        "表头可用中文或英文，容许空格、全角字符和括号里的单位；“成交金额（万）”按万元读、“pay_amount_fen”按分读、"
        "“直播时长(分钟)”按分钟读。每行是一个账号一天的一场直播（直播列表从新到旧也可以）。上限 {mb} MB、{rows} 行。"
        "文件中的公式不会被执行。",
        "Headers may be Chinese or English, with spaces, full-width characters and units in brackets: 成交金额（万） "
        "is read in 万, pay_amount_fen in 分, 直播时长(分钟) in minutes. One row per account and day (a live list "
        "newest first is fine). Up to {mb} MB and {rows} rows. Formulas in a file are never run."),
    "calibrate.upload": ("上传历史场次（CSV / XLSX / JSON）", "Upload past sessions (CSV / XLSX / JSON)"),
    "calibrate.use_sample": ("使用示例文件", "Use the sample file"),
    "calibrate.download_sample": ("下载示例文件", "Download the sample file"),
    "calibrate.sample_caption": (
        "“模型自身”示例由本模型从已知场景加2%噪声生成，拟合应还原它；其余示例由一个与模型无关的简单模拟器生成"
        "（planner/calibration/simulator.py），格式仿照各类后台导出，拟合与回测误差如实显示。",
        "The “model's own” sample was made by this model from a known scenario plus 2% noise, so the fit should "
        "recover it; the others come from a simple simulator that is not the model "
        "(planner/calibration/simulator.py), laid out as back offices export, and their fit and back-test errors "
        "are shown as they are."),
    "calibrate.waiting": ("上传一个文件，或点“使用示例文件”。", "Upload a file, or click “Use the sample file”."),
    "calibrate.file_line": (
        "{name}：{rows} 场，{accounts} 个账号，{first} 至 {last}",
        "{name}: {rows} sessions, {accounts} account(s), {first} to {last}"),
    "calibrate.bad_file": (
        "文件无法使用，发现 {n} 个问题（行号按表格软件显示的行号）：",
        "The file cannot be used; {n} problem(s) found (rows as your spreadsheet numbers them):"),
    "calibrate.notices": ("读取时的提示：", "Notes from reading the file:"),
    "calibrate.params_title": ("拟合结果", "Fitted parameters"),
    "calibrate.params_caption": (
        "“拟合”= 由文件估计（客单价、退货率来自文件比率，转化率由成交人数÷观看人数折算，其余为最小二乘，95%区间来自雅可比矩阵）；"
        "“取自文件”= 直接从数据读出；“默认值”= 数据无法识别或没有对应列，保留原值并说明原因；“文件未提供”= 文件没有这项投放，"
        "应用时保留计划中的投放。区间以保留原值的参数为前提。",
        "“fitted” = estimated from the file (AOV and return rate are the file's ratios, the CVR maps its buyers ÷ "
        "viewers, the rest is least squares with 95% intervals from the Jacobian); “from file” = read straight from "
        "the data; “default” = not identifiable or no column, so the value is kept, with the reason; “not in file” "
        "= the file has no such spend, and applying keeps the plan's. Intervals assume the values kept are right."),
    "calibrate.col_value": ("取值", "Value"),
    "calibrate.col_interval": ("95%区间", "95% interval"),
    "calibrate.col_identifiable": ("可识别", "Identifiable"),
    "calibrate.col_status": ("来源", "Source"),
    "calibrate.col_note": ("说明", "Note"),
    "calibrate.yes": ("是", "yes"),
    "calibrate.no": ("否", "no"),
    "calibrate.status_fitted": ("拟合", "fitted"),
    "calibrate.status_data": ("取自文件", "from file"),
    "calibrate.status_default": ("默认值", "default"),
    "calibrate.apply": ("应用到当前计划", "Apply onto the plan"),
    "calibrate.apply_help": (
        "只写入从文件拟合或读出的参数（转化率、客单价、触达……）；天数、账号数、开号间隔、投放、邀约和排期保持你的计划。"
        "侧边栏和地址栏随之更新。",
        "Writes only what the file informed (conversion, AOV, reach…); your horizon, accounts, launch interval, "
        "spend, invites and schedule stay as planned. The sidebar and the address bar follow."),
    "calibrate.applied": (
        "已应用到当前计划：拟合参数已写入，天数、账号、投放和排期保持不变。可点“撤销”恢复。",
        "Applied onto the plan: the fitted parameters are in; horizon, accounts, spend and schedule are unchanged. "
        "“Undo” puts the plan back."),
    "calibrate.quality_title": ("拟合优度（逐场）", "Fit quality (per session)"),
    "calibrate.col_series": ("数据列", "Column"),
    "calibrate.backtest_title": (
        "回测：用前80%的天数拟合，预测其余天数",
        "Back-test: fit on the first 80% of days, project the rest"),
    "calibrate.backtest_caption": (
        "前 {train} 天拟合，后 {test} 天（{cutoff} 起）为预测；开播计划和日均投"
        "流按整份文件（计划中已知的决策）"
        "。",
        "Fitted on the first {train} days, projected the last {test} (from {cutoff}); the launch "
        "schedule and average spend come from the whole file (decisions a plan knows)."),
    "calibrate.mape_gmv": ("回测MAPE：每日成交金额", "Back-test MAPE: daily GMV"),
    "calibrate.mape_viewers": ("回测MAPE：每日场观", "Back-test MAPE: daily viewers"),
    "calibrate.r2_gmv": ("拟合R²：逐场成交金额", "Fit R²: GMV per session"),
    "calibrate.fig_gmv": ("每日成交金额：实际 vs 回测预测（MAPE {mape}）", "Daily GMV: actual vs back-test (MAPE {mape})"),
    "calibrate.fig_viewers": (
        "每日场观：实际 vs 回测预测（MAPE {mape}）",
        "Daily viewers: actual vs back-test (MAPE {mape})"),
    "calibrate.fig_residuals": (
        "残差：每日成交金额 (实际 − 预测) ÷ 预测",
        "Residuals: daily GMV (actual − projected) ÷ projected"),
    "calibrate.trace_actual": ("实际", "Actual"),
    "calibrate.trace_projected": ("模型（前80%拟合）", "Model (fitted on first 80%)"),
    "calibrate.trace_train": ("拟合期", "Fit period"),
    "calibrate.trace_test": ("回测期", "Back-test period"),
    "calibrate.axis_date": ("日期", "Date"),
    "calibrate.axis_gmv": ("成交金额（元/天）", "GMV (yuan/day)"),
    "calibrate.axis_viewers": ("观看人数（UV，人/天）", "Viewers (UV per day)"),
    "calibrate.axis_residual": ("相对误差（%）", "Relative error (%)"),
    "calibrate.test_band": ("回测期", "back-test"),
    "calibrate.downloads": ("下载逐场对比（实际 vs 拟合）", "Download the per-session comparison (actual vs fitted)"),
    "calibrate.file_csv": ("视频号_校准_{date}.csv", "shipinhao_calibration_{date}.csv"),
    "calibrate.file_xlsx": ("视频号_校准_{date}.xlsx", "shipinhao_calibration_{date}.xlsx"),
    "calibrate.share_query": ("拟合场景的分享链接参数", "Share query of the fitted scenario"),
    "calibrate.sheet": ("校准", "Calibration"),
}

# --- the projection card and exports
_CARD: dict[str, Entry] = {
    # card.*: the projection card (PNG)
    "card.date": ("{year}年{month}月{day}日", "{year}-{month:02d}-{day:02d}"),
    "card.split": ("{tool}按账号分配 *", "{tool} split by account *"),
    "card.title": ("视频号直播带货 · 经营预测", "WeChat Channels (视频号) live commerce · Projection"),
    "card.subtitle": (
        "{days}天 · {accounts} · 生成于 {date}",
        "{days} days · {accounts} · made on {date}"),
    "card.chart": ("每日GMV（按流量来源）", "Daily GMV by traffic source"),
    "card.assumptions": ("关键假设", "Key assumptions"),
    "card.changed": ("* 与默认值不同", "* differs from the default"),
    "card.more": ("……另有 {n} 项与默认值不同，见链接", "… and {n} more changed from the defaults: see the link"),
    "card.link": ("分享链接（扫码或复制打开同一情景）", "Share link (scan or open it to see this scenario)"),
    "card.no_qr": ("链接过长，无法生成二维码", "The link is too long for a QR code"),
    "card.disclaimer": (
        "本卡片为模型推演，默认值标注事实或假设，不是平台数据或承诺。",
        "A model projection: defaults are labelled fact or assumption; not platform data or a "
        "promise."),
    "card.pv_buyers": ("观看人数(UV) {pv} · 成交 {buyers}人", "Viewers (UV) {pv} · {buyers} buyers"),
    "card.returns_note": ("退货率 {returns}", "Return rate {returns}"),
    "card.spend_note": ("投流消耗 {spend}", "Paid spend {spend}"),
    "card.roi_note": ("投流ROI {paid}（只算投流带来的GMV）", "Paid ROI {paid} (the paid viewers' GMV only)"),
    "card.private_note": ("私域占比 {private}", "Private share {private}"),
    "card.stage_note": ("早期看开播2小时、后期看整场观看人数", "Early stages 2 h in, later ones by the session"),
    # export.*: downloads: file names, sheets, chart PNG names
    "export.dl_card": ("下载预测图", "Download projection card"),
    "export.dl_csv": ("下载日报 CSV", "Download daily CSV"),
    "export.dl_xlsx": ("下载日报 Excel", "Download daily Excel"),
    "export.dl_card_missing": (
        "预测图导出尚未安装（views/card.py）。",
        "The projection card export (views/card.py) is not installed yet."),
    "export.file_card": ("视频号预测_{date}.png", "shipinhao_projection_{date}.png"),
    "export.file_csv": ("视频号日报_{date}.csv", "shipinhao_daily_{date}.csv"),
    "export.file_xlsx": ("视频号日报_{date}.xlsx", "shipinhao_daily_{date}.xlsx"),
    "export.sheet_daily": ("日报", "Daily"),
    "export.sheet_scenario": ("场景", "Scenario"),
    "export.file_prefix": ("视频号", "shipinhao"),
    "export.part_overview": ("总览", "overview"),
    "export.part_matrix": ("矩阵", "matrix"),
    "export.part_daily_gmv": ("每日GMV", "daily-gmv"),
    "export.part_traffic_mix": ("流量结构", "traffic-mix"),
    "export.part_heat_gmv": ("每周GMV热力图", "weekly-gmv-heatmap"),
    "export.part_heat_pv": ("每周场观热力图", "weekly-viewers-heatmap"),
    "export.part_sankey": ("导流桑基图", "flows-sankey"),
    "export.part_stages": ("账号阶段", "account-stages"),
    "export.part_budget": ("投流", "budget"),
    "export.part_calibrate": ("校准", "calibration"),
    "export.part_ranges": ("区间", "ranges"),
    "export.part_compare": ("对比", "compare"),
    "export.part_gmv_daily": ("每日GMV区间", "daily-gmv-bands"),
    "export.part_gmv_cumulative": ("累计GMV区间", "cumulative-gmv-bands"),
    "export.part_net_gmv_daily": ("每日净成交区间", "daily-net-gmv-bands"),
    "export.part_net_gmv_cumulative": ("累计净成交区间", "cumulative-net-gmv-bands"),
    "export.part_profit_daily": ("每日利润区间", "daily-profit-bands"),
    "export.part_profit_cumulative": ("累计利润区间", "cumulative-profit-bands"),
    "export.part_mix": ("流量结构区间", "traffic-mix-bands"),
    "export.part_target": ("目标达成概率", "target-chance"),
    "export.part_tornado": ("龙卷风图", "tornado"),
    "export.part_elasticity": ("弹性", "elasticities"),
    "export.part_overlay": ("每日GMV对比", "daily-gmv-compared"),
    "export.part_waterfall": ("GMV差异拆解", "gmv-difference-waterfall"),
}

# --- ranges by default, the glossary, exports (issue 16: items 2, 6, 7) -------------------------
_RANGES: dict[str, Entry] = {
    "cli.params.range": ("默认区间", "default range"),
    "cli.params.range_at": ("{low}–{high}（在 {at} 时）", "{low}–{high} (at {at})"),
    "cli.report.ranges_used": (
        "区间：{set} 个参数用链接里的区间，{default} 个用默认区间（python -m planner params 列出）；三角分布，各参数独立。",
        "Ranges from the link: {set}; default ranges: {default} (python -m planner params lists them); "
        "triangular, parameters independent."),
    # the 区间 page: where each range comes from, the targets worth asking about
    "ranges.table_title": ("每个参数的区间从哪来（{set} 个你设的，{default} 个默认）",
                           "Where each range comes from ({set} yours, {default} default)"),
    "ranges.col_from": ("区间来源", "Range from"),
    "ranges.col_why": ("依据", "Why"),
    "ranges.from_set": ("你设的（链接里）", "yours (in the link)"),
    "ranges.from_default_fact": ("默认：报道的区间", "default: reported range"),
    "ranges.from_default_assumption": ("默认：假设", "default: assumption"),
    "ranges.pinned": ("不变（两端相同）", "fixed (both ends equal)"),
    "ranges.ladder_title": ("哪些 GMV 目标稳、哪些要冲刺", "Which GMV targets are safe, which are a stretch"),
    "ranges.ladder_caption": (
        "从区间里取三个整数目标：P10 向下取整（至少九成抽样达到）、P50 取整（大约一半）、P90 向上取整（至多一成）。"
        "下面可以输入你自己的目标。",
        "Three round targets from the bands: the P10 rounded down (at least 9 draws in 10 reach it), the P50 "
        "rounded (about half), the P90 rounded up (at most 1 in 10). Type your own target below."),
    "ranges.col_target": ("到第 {day} 天累计 GMV 目标", "Cumulative GMV target by day {day}"),
    "ranges.col_chance": ("达成概率", "Chance"),
    "ranges.col_reading": ("怎么读", "Reading"),
    "ranges.rung_safe": ("稳妥：可以承诺的数", "Safe: a number to commit to"),
    "ranges.rung_middle": ("中位：一半对一半", "Middle: even odds"),
    "ranges.rung_stretch": ("冲刺：要运气或更多投入", "Stretch: needs luck or more effort"),
    "ranges.chance_none": ("{draws} 次抽样中没有一次达到：按这些区间，这个目标几乎不可能。",
                           "None of the {draws} draws reaches it: with these ranges the target is out of reach."),
    "ranges.chance_all": ("{draws} 次抽样每一次都达到：按这些区间，这个目标几乎肯定能完成。",
                          "All {draws} draws reach it: with these ranges the target is all but certain."),
    "ranges.chance_never_text": ("0（没有一次抽样达到）", "0 (no draw reaches it)"),
    "ranges.chance_always_text": ("100%（每次抽样都达到）", "100% (every draw reaches it)"),
    "ranges.span_default_range": ("默认区间", "default range"),
    "ranges.col_default_range": ("默认区间", "Default range"),
    "ranges.default_range": ("{low} – {high}（{kind}）", "{low} – {high} ({kind})"),
    "ranges.default_range_at": ("{low} – {high}（{kind}，在 {at} 时；随设定值缩放）",
                                "{low} – {high} ({kind}, at {at}; scales with the value set)"),
    "ranges.target_answer": ("{question}：{answer}", "{question}: {answer}"),
    # exports: the link they came from, the totals row, the Summary sheet
    "export.link_label": ("分享链接", "Share link"),
    "export.total": ("合计", "Total"),
    "export.sheet_summary": ("汇总", "Summary"),
    "export.col_value": ("数值", "Value"),
    "export.col_wan": ("万元", "10,000 yuan (万)"),
    # Excel number formats that write a unit: money in 元, and a value already divided by 10,000 in 万
    "export.format_yuan": ('#,##0.00" 元"', '#,##0.00" 元"'),
    "export.format_wan": ('#,##0.00"万"', '#,##0.00"万"'),
}

# --- the glossary: the words a founder meets, in plain words (issue 16, item 6) -----------------
_GLOSSARY: dict[str, Entry] = {
    "nav.glossary": ("术语表", "Glossary"),
    "glossary.title": ("术语表：规划器里的词，一句话说清", "Glossary: the planner's words in plain terms"),
    "glossary.caption": (
        "每个词一句话；例子用的是你当前场景（侧栏里的设置）算出的数字，换了设置例子也跟着变。",
        "One line per word; the examples are worked with your current scenario (the sidebar's settings) and "
        "change with it."),
    "glossary.example": ("例：{text}", "Example: {text}"),
    "glossary.where": ("在哪里见到：{pages}", "Where you meet it: {pages}"),
    "glossary.pages_sep": ("、", ", "),
    "glossary.sidebar": ("侧栏“公域推荐”分组的滑块", "the sidebar's public-recommendation sliders"),
    "glossary.no_example": ("当前场景里没有可举的例子：{why}", "No example in the current scenario: {why}"),
    "glossary.leverage.term": ("撬动比（私域撬动公域）", "Leverage (撬动比: private levers public)"),
    "glossary.leverage.meaning": (
        "直播间自己带来的每个观众（私域、粉丝、短视频、开场推流），平台再推荐来几个陌生观众。好的直播间 1 个换 4 个，"
        "有的 1 个换 9 个。",
        "For every viewer the room brings itself (private domain, followers, videos, the opening wave), how many "
        "strangers the platform recommends on top. Good rooms get 4 for 1, some 9 for 1."),
    "glossary.leverage.example": (
        "按当前设置，旗舰号 {days} 天里自己带来 {brought} 人次观众，平台另外推荐了 {recommended} 人次："
        "每个自带观众带来 {ratio} 个推荐观众。",
        "with the current settings the flagship brings {brought} viewers itself over {days} days and the "
        "platform recommends {recommended} more: {ratio} recommended viewers per viewer brought."),
    "glossary.catch.term": ("接得住（账号权重）", "Catching traffic (接得住, the account's weight)"),
    "glossary.catch.meaning": (
        "平台送来陌生观众后，直播间能不能留住他们、让他们下单。接得住，平台下次送得更多（账号权重上升）；接不住就少送。"
        "权重在 0 到 1 之间。",
        "When the platform sends strangers, does the room keep them and sell to them? If it does, the platform "
        "sends more next time (the account's weight rises, between 0 and 1); if not, fewer."),
    "glossary.catch.example": (
        "按当前设置，旗舰号的权重从第 1 天的 {first} 变到第 {days} 天的 {last}。",
        "with the current settings the flagship's weight goes from {first} on day 1 to {last} on day {days}."),
    "glossary.percentiles.term": ("P10 / P50 / P90", "P10 / P50 / P90"),
    "glossary.percentiles.meaning": (
        "把不确定的参数在各自区间里抽样很多次：P10 是十次里只有一次更低的结果，P50 是一半高一半低，"
        "P90 是十次里只有一次更高。十次里有八次落在 P10 和 P90 之间。",
        "Draw the uncertain parameters from their ranges many times: P10 is the result only 1 draw in 10 falls "
        "below, P50 the middle one, P90 the one only 1 in 10 exceeds. 8 draws in 10 land between P10 and P90."),
    "glossary.percentiles.example": (
        "按当前设置，{days} 天的 GMV：P10 {p10}、P50 {p50}、P90 {p90}（{draws} 次抽样）。",
        "with the current settings, GMV over {days} days: P10 {p10}, P50 {p50}, P90 {p90} ({draws} draws)."),
    "glossary.elasticity.term": ("弹性", "Elasticity"),
    "glossary.elasticity.meaning": (
        "一个参数变 1% 时结果变百分之几。弹性 0.5：参数涨 1%，GMV 涨 0.5%；负数表示往反方向变。",
        "How many percent the result moves when a parameter moves 1%. An elasticity of 0.5: the parameter up "
        "1%, GMV up 0.5%; a negative one moves the other way."),
    "glossary.elasticity.example": (
        "按当前设置，对总 GMV 影响最大的是{param}，弹性 {value}：它提高 1%，总 GMV 变化约 {value}%。",
        "with the current settings the parameter that moves total GMV most is {param}, elasticity {value}: "
        "1% more of it changes total GMV by about {value}%."),
    "glossary.seed.term": ("随机种子", "Random seed"),
    "glossary.seed.meaning": (
        "抽样的起点编号。同一个种子、同样的区间，总是抽出同样的结果，所以一个链接能复现同样的区间；"
        "换一个种子，看结果变多少，就知道抽样本身的误差有多大。",
        "Where the random draws start. The same seed and ranges always give the same draws, so a link "
        "reproduces its bands; change the seed and see how much the results move to know the sampling noise."),
    "glossary.seed.example": (
        "当前链接用种子 {seed}，抽样 {draws} 次。",
        "the current link uses seed {seed} and {draws} draws."),
    "glossary.shapley.term": ("Shapley 拆分", "Shapley split"),
    "glossary.shapley.meaning": (
        "GMV = 场观 × 转化率 × 客单价。GMV 变了，把变化公平地分给这三个因子（按它们所有先后顺序变化取平均），"
        "三部分相加正好等于总变化。",
        "GMV = PV × CVR × AOV. When GMV changes, the change is shared fairly between the three (averaged over "
        "every order in which they could change), and the three parts add up to the change exactly."),
    "glossary.shapley.example": (
        "把邀约量从 {before} 提到 {after}，GMV 变化 {diff}：来自场观 {pv}、转化率 {cvr}、客单价 {aov}。",
        "raising invites from {before} to {after} changes GMV by {diff}: {pv} from PV, {cvr} from CVR, {aov} "
        "from AOV."),
    "glossary.mape.term": ("MAPE（平均绝对百分比误差）", "MAPE (mean absolute percentage error)"),
    "glossary.mape.meaning": (
        "拿模型的预测和你过去的实际数据逐天比，偏差占实际的百分之几，再取平均。越小越准：10% 表示平均每天差一成。",
        "Compare the model's projection with your past days one by one: how far off, as a share of the actual, "
        "averaged. Smaller is better: 10% means a day is off by a tenth on average."),
    "glossary.r2.term": ("R²（拟合优度）", "R² (goodness of fit)"),
    "glossary.r2.meaning": (
        "模型解释了实际数据起伏的多少。1 表示完全吻合；0 表示和只用平均数去猜一样好；负数表示还不如平均数。",
        "How much of the ups and downs in your data the model explains. 1 is a perfect fit; 0 is no better than "
        "guessing the average; below 0 is worse than the average."),
    "glossary.identifiable.term": ("可识别", "Identifiable"),
    "glossary.identifiable.meaning": (
        "你的数据能不能把这个参数定下来。可识别：数据给出的 95% 区间很窄（在拟合值 ±10% 以内），采用拟合值；"
        "不可识别：数据说不清，保留默认值。",
        "Whether your data pin this parameter down. Identifiable: the data's 95% interval is narrow (within "
        "±10% of the fitted value) and the fit is used; not identifiable: the data cannot tell, so the default "
        "stays."),
}

# --- calibrate v2 (issue 14): other exports, spend files, apply onto the plan, undo
_CALIBRATE_V2: dict[str, Entry] = {
    "calibration.note.no_buyers_aov": (
        "文件没有“{column:zh}”列，成交金额÷观看人数只给出客单价×转化率，无法分开",
        "no {column:en} column ({column:zh}): GMV ÷ viewers is AOV × conversion, which cannot be told apart"),
    "calibration.note.cvr_from_gmv": (
        "文件没有成交人数，只有成交金额÷观看人数＝{rate:,.2f}元（95%区间{low:,.2f}–{high:,.2f}元）；客单价保持{aov:,.0f}元，"
        "转化率设为使模型的UV价值与之相同：客单价200元时的公域转化率{cvr:.3%}（客单价不同，它也不同，故不算可识别）",
        "the file has no buyers, only GMV ÷ viewers = {rate:,.2f} yuan (95% interval {low:,.2f}–{high:,.2f}); the "
        "AOV keeps {aov:,.0f} yuan and the CVR is set so the model's GMV per viewer matches: a public CVR at a "
        "200 yuan order of {cvr:.3%} (another AOV would give another, so it is not called identifiable)"),
    "calibrate.upload_button": ("选择文件", "Choose file"),
    "calibrate.upload_instructions": ("或拖放到此处 · 每个文件不超过 {mb} MB · CSV、XLSX、JSON",
                                      "or drop it here · up to {mb} MB a file · CSV, XLSX, JSON"),
    "calibrate.upload_spend": ("可选：消耗表（广点通报表、微信豆订单），按日期和账号并入",
                               "Optional: spend files (Tencent Ads report, bean orders), joined by date and account"),
    "calibrate.sample_pick": ("示例文件", "Sample file"),
    "calibrate.sample.engine": ("模型自身（模板，4个账号）", "The model's own (template, 4 accounts)"),
    "calibrate.sample.assistant": ("视频号助手直播列表（1个账号，无投放）", "视频号助手 live list (1 account, no spend)"),
    "calibrate.sample.live_list": ("只有直播列表（无成交人数）", "The live list alone (no buyers)"),
    "calibrate.sample.third_party": ("第三方表格（两行表头，金额单位万）", "Third-party sheet (two header rows, 万)"),
    "calibrate.sample.api": ("API导出（JSON，金额单位分）", "API dump (JSON, money in 分)"),
    "calibrate.sample.template": ("规划器模板（含投放和私域）", "Planner template (spend and private viewers)"),
    "calibrate.sample.template_spend": ("规划器模板＋广点通报表＋微信豆订单", "Template + Tencent Ads report + bean orders"),
    "calibrate.observed_title": ("文件本身的比率", "What the file says by itself"),
    "calibrate.observed_caption": (
        "不经模型，直接由各列的合计相除；95%区间来自按场次的自助抽样（同一周内的场次并不独立，区间可能偏窄）。"
        "模型的“客单价”即成交金额÷成交人数；“公域转化率”由成交人数÷观看人数按模型的流量构成折算，见下表说明。",
        "No model: sums of the file's columns divided; 95% intervals by resampling sessions (sessions in one week are "
        "not independent, so they may be narrow). The model's AOV is GMV ÷ buyers; its public CVR is buyers ÷ viewers "
        "converted through the model's mix of viewers, as the note below says."),
    "calibrate.col_ratio": ("比率", "Ratio"),
    "calibrate.apply_all": ("全部替换为拟合场景", "Replace everything with the fit"),
    "calibrate.apply_all_help": (
        "文件给出的一切都写入，包括天数、账号、开号间隔、排期、邀约和文件中的投放；文件没有的投放保留计划值。",
        "Writes everything the file gives, horizon, accounts, launch interval, schedule, invites and the file's "
        "spend included; spend the file has no column for keeps the plan's."),
    "calibrate.applied_all": ("已全部替换为拟合场景（文件没有的投放保留计划值）。可点“撤销”恢复。",
                              "Replaced with the fitted scenario (spend the file lacks kept from the plan). "
                              "“Undo” puts the plan back."),
    "calibrate.undo": ("撤销上次应用", "Undo the last apply"),
    "calibrate.undone": ("已撤销：恢复为应用之前的场景。", "Undone: the scenario from before the apply is back."),
    "calibrate.changes_title": ("“应用到当前计划”会改变：", "“Apply onto the plan” changes:"),
    "calibrate.no_changes": ("“应用到当前计划”不会改变当前计划。", "“Apply onto the plan” changes nothing in the current plan."),
    "calibrate.col_now": ("当前", "Now"),
    "calibrate.col_after": ("应用后", "After"),
    "calibration.spend.in_file": ("消耗表{file}：{problem}", "spend file {file}: {problem}"),
    "cli.help.calibrate_spend": ("消耗表（广点通报表、微信豆订单等），按日期和账号并入；可多次给出",
                                 "a spend file (Tencent Ads report, bean orders…) joined by date and account; may be "
                                 "given more than once"),
    "cli.calibrate.observed": ("文件本身的比率（不经模型；95%区间为按场次自助抽样）",
                               "The file's own ratios (no model; 95% intervals by resampling sessions)"),
    "cli.calibrate.observed.buyer_rate": ("成交人数÷观看人数", "buyers ÷ viewers"),
    "cli.calibrate.observed.aov": ("客单价：成交金额÷成交人数", "AOV: GMV ÷ buyers"),
    "cli.calibrate.observed.order_value": ("每单金额：成交金额÷成交订单数", "value per order: GMV ÷ orders"),
    "cli.calibrate.observed.orders_per_buyer": ("人均单数：成交订单数÷成交人数", "orders per buyer: orders ÷ buyers"),
    "cli.calibrate.observed.gmv_per_viewer": ("UV价值：成交金额÷观看人数", "GMV per viewer: GMV ÷ viewers"),
    "cli.calibrate.observed.private_share": ("私域占比：私域观看÷观看人数", "private share: private viewers ÷ viewers"),
    "cli.calibrate.observed.return_rate": ("退款率：退款金额÷成交金额", "return rate: refunds ÷ GMV"),
    "calibration.spend.no_header": (
        "前{rows}行中没有消耗表的表头：需要日期列和至少一列消耗（如“日期、推广账号、消耗(元)”或“下单时间、视频号、加热金额(元)”）。",
        "No spend header in the first {rows} rows: a date column and at least one spend column are needed "
        "(such as 日期, 推广账号, 消耗(元), or 下单时间, 视频号, 加热金额(元))."),
    "calibration.spend.unmatched": (
        "消耗表中有{yuan:,.2f}元{column:zh}落在{days}天场次文件里没有对应场次的日期或账号上，未计入。",
        "{yuan:,.2f} yuan of {column:en} in the spend file fall on {days} day(s) or accounts without a session in "
        "the sessions file; not counted."),
    "calibration.spend.joined": ("已从消耗表并入{column:zh}共{yuan:,.2f}元（{by}）。",
                                 "Joined {yuan:,.2f} yuan of {column:en} from the spend file ({by})."),
    "calibration.spend.by_account": ("按日期和账号对应", "matched by date and account"),
    "calibration.spend.by_date": ("按日期对应，当天多场平均分摊", "matched by date, split evenly over the day's sessions"),
    "calibration.bad_json": ("JSON格式错误（{error}）。", "The JSON text is malformed ({error})."),
    "calibration.no_records": ("JSON中没有场次记录（应为对象列表，如 [{{…}}, …] 或 {{\"data\": {{\"list\": [...]}}}}）。",
                               "The JSON holds no list of session records (a list of objects, such as [{{…}}, …] "
                               "or {{\"data\": {{\"list\": [...]}}}})."),
    "calibration.scaled_column": ("按“{unit}”读取，已换算为{column:unit_zh}。",
                                  "read in {unit}, converted to {column:unit_en}."),
    "calibration.note.aov": ("成交金额÷成交人数＝{aov:,.1f}元（模型按人计成交）",
                             "GMV ÷ buyers = {aov:,.1f} yuan (the model counts buyers)"),
    "calibration.note.aov_orders": (
        "成交金额÷成交人数＝{aov:,.1f}元（模型按人计成交）；每单{per_order:,.1f}元，人均{orders:.2f}单",
        "GMV ÷ buyers = {aov:,.1f} yuan (the model counts buyers); {per_order:,.1f} yuan an order, "
        "{orders:.2f} orders a buyer"),
    "calibration.note.return_rate": ("退款金额÷成交金额＝{rate:.1%}", "refunds ÷ GMV = {rate:.1%}"),
    "calibration.note.cvr_from_rate": (
        "文件中成交人数÷观看人数＝{rate:.2%}（95%区间{low:.2%}–{high:.2%}）；按模型的流量构成（私域、粉丝、付费观众转化更高）"
        "和客单价{aov:,.0f}元，折算为客单价200元时的公域转化率{cvr:.3%}",
        "the file's buyers ÷ viewers = {rate:.2%} (95% interval {low:.2%}–{high:.2%}); with the model's mix of "
        "viewers (private, followers and paid convert better) and AOV {aov:,.0f} yuan, that is a public CVR at a "
        "200 yuan order of {cvr:.3%}"),
    "calibration.note.level_kept": (
        "区间宽于±{limit:.0%}，数据无法精确识别；但它是文件观看人数水平的唯一来源，保留拟合值而不退回默认",
        "its interval is wider than ±{limit:.0%}, so the data do not pin it; but it is all that sets the file's "
        "level of viewers, so the fitted value is kept rather than the default"),
    "calibration.note.sessions_week": ("各账号从首场到末场每周开播场次的中位数",
                                       "median over accounts of sessions a week from first to last session"),
    "cli.calibrate.status.not_in_file": ("文件未提供", "not in file"),
    "calibrate.status_not_in_file": ("文件未提供", "not in file"),
}

# --- the phone layout and the type-in numbers (views.controls)
_PHONE: dict[str, Entry] = {
    "phone.kpi_strip": ("当前场景的关键数字", "This scenario's key numbers"),
    "phone.more_settings": ("更多参数（矩阵、时长、公域…）", "More settings (matrix, horizon, public traffic…)"),
    "phone.headline_inputs": ("调整核心数字（邀约、转化率、客单价、投流）", "Change the headline numbers (invites, CVR, AOV, spend)"),
    "typein.label": ("输入{label}", "Type {label}"),
    "typein.spend_slider": ("拖动设置{label}（0–{span}，更大的数请在上面输入）",
                            "Drag to set {label} (0–{span}; type larger amounts above)"),
}

_BASELINE: dict[str, Entry] = {
    # baseline.*: the pinned scenario the overview, its decomposition and the card compare with
    # (planner/baseline.py, views/baseline.py); the compare page's link keys and horizons
    "baseline.set": ("设为基准", "Set as baseline"),
    "baseline.set_help": (
        "把当前场景固定为基准：指标卡、GMV 拆分表和预测图都显示较基准的变化；基准随分享链接（base=）一起带走。",
        "Pin the current scenario as the baseline: the KPI cards, the GMV split table and the projection card "
        "show the change vs it; the baseline travels with the share link (base=)."),
    "baseline.clear": ("清除基准", "Clear baseline"),
    "baseline.none": (
        "未设基准：点「设为基准」固定当前场景，之后调整滑块，指标卡和拆分表会显示较基准的变化。",
        "No baseline: Set as baseline pins the current scenario; move the sliders afterwards and the cards and "
        "the split table show the change vs it."),
    "baseline.is_current": (
        "当前场景就是基准：调整滑块后，这里显示较基准的变化。",
        "The current scenario is the baseline: move a slider to see the change vs it."),
    "baseline.compared": (
        "箭头和「较基准」列为当前场景相对基准的变化；基准已写入分享链接。",
        "Arrows and the vs-baseline columns compare the current scenario with the baseline, which the share "
        "link carries."),
    "baseline.delta": ("{change}（较基准）", "{change} vs baseline"),
    "baseline.card_caption": ("彩色数字：较基准的变化（基准随链接分享）", "Coloured figures: change vs the baseline"),
    "baseline.allowed": ("以 ; 分隔的 参数:值（如 invites:5000;gdt:2000），或 default",
                         "parameter:value pairs joined by ; (e.g. invites:5000;gdt:2000), or default"),
    "baseline.dropped": ("不设基准", "no baseline"),
    "compare_page.link_too_long": ("不超过 {most} 个字符的分享链接", "a share link of at most {most} characters"),
    "budget_page.live_days_of": ("{account} {days} 天", "{account} {days} days"),
    "budget_page.mroi_launch": (
        "为什么各账号的边际ROI不同：预算按“元/天”分配，而新号开播晚，每天的 1 元只在开播后的日子花出（{days}）。"
        "优化让每一“元/天”预算带来的预测期 GMV 在各账号相等，折算成实际花出的每 1 元，开播越晚的账号越高。",
        "Why the marginal ROI differs by account: the budget is split in 元 a day, and a later account spends its "
        "daily 元 only on the days after its launch ({days}). The split makes one more 元 a day return the same GMV "
        "over the horizon on every account; per 元 actually spent, that is more on the accounts that launch later."),
    "budget_page.mroi_granularity": (
        "为什么各账号的边际ROI不同：有账号已到投流上限（多出的钱花不出去）或受上下限约束，"
        "或微信豆只能按整单（500豆，约 {step}）分配，优化无法把它们拉平。",
        "Why the marginal ROI differs by account: an account is at its ceiling (money beyond it is not spent) "
        "or held by a bound, or beans come only in whole orders of 500 (about {step}), so the split cannot even "
        "them out."),
    "budget_page.goal_gmv_placeholder": ("例如 5000000", "e.g. 5000000"),
    "budget_page.goal_ask": ("填入目标 GMV，就会算出所选参数要到多少才能达到。",
                             "Enter a GMV target to find the value of the chosen parameter that reaches it."),
    # d3 time formats for Plotly's date axes (views.charts.date_axis); %-m is the month without a 0
    "chart.date_tick": ("%-m月%-d日", "%b %-d"),
    "chart.date_hover": ("%Y年%-m月%-d日", "%b %-d, %Y"),
    "compare_page.spend_average": ("投流消耗", "Paid spend"),
    "compare_page.slot_baseline": ("基准", "The baseline"),
    "compare_page.no_baseline": ("还没有基准：在总览点「设为基准」。", "No baseline yet: Set as baseline on the overview."),
    "compare_page.horizon_of": ("{name} {days} 天", "{name} {days} days"),
    "compare_page.horizons_differ": (
        "注意：各场景的周期不同（{horizons}），总量不可直接相比（多出的天数不是更多的观众）。"
        "下面的指标和 GMV 拆解按各自周期的平均每 {month} 天计算；直播间随时间成长，周期更长的场景平均值仍会偏高。",
        "Note: the scenarios run over different horizons ({horizons}), so their totals are not comparable (extra "
        "days are not extra viewers). The figures and the GMV split below are averages per {month} days of each "
        "one's own horizon; rooms grow over time, so a longer horizon still averages higher."),
    "compare_page.kpi_title_month": ("关键指标（平均每 {month} 天）", "Key numbers (average per {month} days)"),
    "compare_page.per_day_of": ("{name} {gmv}/天", "{name} {gmv} a day"),
    "compare_page.per_day": ("平均每天 GMV：{parts}", "GMV per day on average: {parts}"),
    "compare_page.waterfall_caption_month": (
        "GMV 差异按平均每 {month} 天拆解：先按来源，再按场观、转化率、客单价（Shapley 拆分，各部分相加等于差异）。",
        "The GMV difference per {month} days on average, split by source and then into PV, CVR and AOV "
        "(a Shapley split: the parts add up to the difference)."),
}

_SERVING: dict[str, Entry] = {
    # The server-rendered snapshot page (server/snapshot.py) and the WeChat hints.
    "snapshot.title": ("视频号直播预测", "WeChat Channels live-commerce projection"),
    "snapshot.og_title": ("视频号直播预测：{days}天 GMV {gmv}", "Live-commerce projection: GMV {gmv} in {days} days"),
    "snapshot.og_description": ("{accounts}，{days}天。{assumptions}", "{accounts}, {days} days. {assumptions}"),
    "snapshot.og_sep": ("，", ", "),
    "snapshot.days": ("{days}天", "{days} days"),
    "snapshot.kpis": ("关键指标", "Key figures"),
    "snapshot.assumptions": ("关键假设", "Key assumptions"),
    "snapshot.changed_note": ("* 与默认值不同", "* differs from the default"),
    "snapshot.more": ("另有 {n} 项与默认值不同，见交互版。", "{n} more differ from the defaults: see the planner."),
    "snapshot.card_alt": ("预测图：关键指标、每日 GMV 与关键假设", "Projection card: key figures, daily GMV and key assumptions"),
    "snapshot.open": ("打开交互规划器", "Open the interactive planner"),
    "snapshot.lang_switch": ("English", "中文"),
    "snapshot.notices": ("链接里有 {n} 处无法使用，已改用默认值：{notices}", "{n} part(s) of the link could not be used; defaults used instead: {notices}"),
    "snapshot.notice_sep": (" ", " "),
    "snapshot.long_press": ("长按预测图可保存到手机或转发。", "Press and hold the card to save or forward it."),
    "snapshot.old_wechat": (
        "这个微信内置浏览器太旧，打不开交互版规划器：点右上角「···」，选「在浏览器打开」。",
        "WeChat's built-in browser on this phone is too old for the interactive planner: tap ··· at the top right, then Open in Browser."),
    "snapshot.needs_browser": (
        "交互版需要较新的浏览器：Chrome、Edge 119 或 Firefox 121 以上，iPhone 需 iOS 17.4 以上。",
        "The interactive planner needs a current browser: Chrome or Edge 119+, Firefox 121+, iOS 17.4+ on an iPhone."),
    "snapshot.card_failed": ("预测图暂时无法生成。", "The projection card cannot be made right now."),
    "serving.download_in_browser": (
        "在浏览器打开以下载：微信不能保存这里生成的文件，点右上角「···」，选「在浏览器打开」。",
        "Open in the browser to download: WeChat cannot save files made here; tap ··· at the top right, then Open in Browser."),
    "serving.card_image": ("打开预测图（长按保存）", "Open the projection card (press and hold to save)"),
}

_SECTIONS: tuple[dict[str, Entry], ...] = (_MODEL, _CLI, _APP, _KPI, _PAGES, _CARD, _RANGES, _GLOSSARY, _CALIBRATE_V2, _PHONE, _BASELINE, _SERVING)


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
