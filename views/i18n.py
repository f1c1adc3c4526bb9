"""Every UI string of the app, Chinese first, with English. Pure Python: no streamlit import.

``t(key, lang, **values)`` returns the string for ``lang`` ("zh" or "en"), formatted with
``values``. Parameter labels, units, help and notes live in ``planner.params``; preset labels
and stories in ``planner.presets``; stage and account names in ``planner.report``.
"""

from __future__ import annotations

from planner.engine import SOURCE_LABELS

LANGS: tuple[str, ...] = ("zh", "en")
DEFAULT_LANG = "zh"

STRINGS: dict[str, tuple[str, str]] = {
    # --- app and navigation
    "app_title": ("视频号直播规划", "Channels live planner"),
    "page_title": ("视频号直播 What-if 规划", "WeChat Channels live what-if planner"),
    "nav_overview": ("总览", "Overview"),
    "nav_matrix": ("矩阵", "Matrix"),
    "nav_assumptions": ("假设", "Assumptions"),
    "nav_budget": ("投流预算", "Budget"),
    "nav_calibrate": ("校准", "Calibrate"),
    "lang_label": ("语言 / Language", "语言 / Language"),
    "lang_zh": ("中文", "中文"),
    "lang_en": ("English", "English"),
    # --- sidebar
    "sidebar_scenario": ("场景参数", "Scenario"),
    "preset_label": ("预设场景", "Preset"),
    "preset_none": ("—", "—"),
    "preset_help": ("选择一个行业案例，所有参数会改为该案例的取值；之后仍可继续拖动。",
                    "Pick an industry case: every parameter is set to its values; you can keep "
                    "adjusting afterwards."),
    "beans_caption": ("每天约 {android} 豆（安卓 {a_rate}豆/元），可下 {android_orders} 个加热单（每单{per_order}豆）；"
                      "iOS {ios} 豆（{i_rate}豆/元），{ios_orders} 个加热单",
                      "A day: about {android} beans on Android ({a_rate}/yuan) = {android_orders} "
                      "heating orders of {per_order}; {ios} on iOS ({i_rate}/yuan) = {ios_orders} orders"),
    "share_button": ("复制分享链接", "Copy share link"),
    "share_caption": ("完整快照链接（含全部参数）：点右上角复制，粘贴到微信群，打开即是同一组数字。",
                      "Full snapshot link (every parameter): copy it with the button at the top "
                      "right and paste it into a WeChat group; it opens with the same numbers."),
    "reset_button": ("恢复默认值", "Reset to defaults"),
    # --- notices
    "notices_title": ("链接中有 {n} 个参数有问题，已按下面的方式处理（数字按处理后的参数计算）：",
                      "{n} parameter(s) in the link had a problem and were handled as below "
                      "(the numbers use the corrected values):"),
    "link_dropped": ("这个链接有 {fields} 个参数、约 {kib} KiB，超过了 Streamlit 能读取的上限（{max_fields} 个参数"
                     "或 {max_kib} KiB），整条链接都被忽略了：下面的数字用的是默认值。",
                     "This link has {fields} fields and about {kib} KiB, more than Streamlit reads ({max_fields} "
                     "fields or {max_kib} KiB), so the whole link was ignored: the numbers below use the defaults."),
    "heavy_waiting": ("服务器正在进行 {n} 项大计算，这一项排队中，稍候会自动开始……",
                      "The server is running {n} heavy computations; this one is queued and starts "
                      "as soon as one finishes…"),
    # --- a page that fails (views.errors): one short line, never a traceback
    "page_error": ("这一步无法计算，原因如下；请换一个取值再试：",
                   "This could not be computed, for the reason below; try another value:"),
    "page_bug": ("这一页出错了，详细信息已记录在服务器日志中。请换一个取值或刷新页面再试。",
                 "Something went wrong on this page; the details are in the server's log. "
                 "Try another value or reload the page."),
    # --- overview
    "overview_title": ("总览", "Overview"),
    "overview_caption": ("{days} 天 · {accounts} 个账号 · 客单价 {aov} · 公域转化率 {cvr}",
                         "{days} days · {accounts} account(s) · AOV {aov} · public CVR {cvr}"),
    "kpi_gmv": ("GMV", "GMV"),
    "kpi_net_gmv": ("退货后净成交", "Net GMV"),
    "kpi_profit": ("投流后利润", "Profit after spend"),
    "kpi_roi": ("投产比 ROI", "ROI"),
    "kpi_public_share": ("公域占比", "Public share"),
    "kpi_stage": ("最高阶段", "Stage reached"),
    "kpi_gmv_help": ("预测期内整个矩阵的成交总额 = Σ 场观 × 转化率 × 客单价。",
                     "Total GMV of the matrix over the horizon = Σ PV × CVR × AOV."),
    "kpi_net_gmv_help": ("GMV × (1 − 退货率)。", "GMV × (1 − return rate)."),
    "kpi_profit_help": ("净成交 × 毛利率 − 投流消耗（投流消耗合计 {spend}）。",
                        "Net GMV × margin − paid spend (total spend {spend})."),
    "kpi_roi_help": ("GMV ÷ 投流消耗；不投流时无定义，显示 —。",
                     "GMV ÷ paid spend; undefined (—) without spend."),
    "kpi_public_share_help": ("公域推荐观看占全部场观的比例；成熟直播间超过80%。",
                              "Public recommended viewers as a share of all viewers; mature rooms "
                              "exceed 80%."),
    "kpi_stage_help": ("按开播2小时场观判断的账号阶段，取矩阵中所有账号、所有天的最高值。",
                       "Account stage read from viewers two hours in; the best over every "
                       "account and day."),
    "kpi_delta_caption": ("箭头为相对本次会话上一个场景的变化。",
                          "Arrows show the change from the previous scenario of this session."),
    "decomp_title": ("GMV = 场观 × 转化率 × 客单价（按流量来源）",
                     "GMV = PV × CVR × AOV by traffic source"),
    "decomp_caption": ("每一行都满足 GMV = 场观 × 转化率 × 客单价，看哪个因子在推动 GMV。",
                       "Every row satisfies GMV = PV × CVR × AOV: see which factor moves GMV."),
    "decomp_delta_caption": ("每一行都满足 GMV = 场观 × 转化率 × 客单价。右侧四列是与上一个场景相比的 GMV 变化，"
                             "以及其中来自场观、转化率、客单价的部分（Shapley 拆分，三者相加等于 GMV 变化）。",
                             "Every row satisfies GMV = PV × CVR × AOV. The four columns on the right are "
                             "the change in GMV from the previous scenario and the parts of it from PV, CVR "
                             "and AOV (a Shapley split: the three add up to the change)."),
    "col_from_pv": ("其中：场观", "from PV"),
    "col_from_cvr": ("其中：转化率", "from CVR"),
    "col_from_aov": ("其中：客单价", "from AOV"),
    "col_d_gmv": ("GMV变化", "ΔGMV"),
    "col_source": ("来源", "Source"),
    "col_pv": ("场观（人次）", "PV (viewers)"),
    "col_cvr": ("转化率", "CVR"),
    "col_aov": ("客单价", "AOV"),
    "col_buyers": ("成交人数", "Buyers"),
    "col_gmv": ("GMV", "GMV"),
    "col_gmv_share": ("GMV占比", "GMV share"),
    "total": ("合计", "Total"),
    "daily_gmv_title": ("每日GMV（按来源堆叠）", "Daily GMV by source (stacked)"),
    "mix_title": ("流量结构随时间变化", "Traffic mix over time"),
    "mix_caption": ("堆叠面积为每天各来源场观，折线为公域占比（右轴），虚线为成熟直播间80%公域基准。",
                    "Stacked areas are daily viewers per source; the line is the public share "
                    "(right axis); the dashed line is the 80% benchmark of a mature room."),
    "downloads_title": ("下载", "Downloads"),
    "dl_card": ("下载预测图", "Download projection card"),
    "dl_csv": ("下载日报 CSV", "Download daily CSV"),
    "dl_xlsx": ("下载日报 Excel", "Download daily Excel"),
    "dl_card_missing": ("预测图导出尚未安装（views/card.py）。", "The projection card export "
                        "(views/card.py) is not installed yet."),
    "file_card": ("视频号预测_{date}.png", "shipinhao_projection_{date}.png"),
    "file_csv": ("视频号日报_{date}.csv", "shipinhao_daily_{date}.csv"),
    "file_xlsx": ("视频号日报_{date}.xlsx", "shipinhao_daily_{date}.xlsx"),
    # --- charts
    "axis_day": ("天", "Day"),
    "axis_gmv": ("GMV（元）", "GMV (yuan)"),
    "axis_share": ("公域占比（%）", "Public share (%)"),
    "axis_viewers_2h": ("开播2小时场观（人，对数轴）", "Viewers two hours in (log scale)"),
    "axis_week": ("周", "Week"),
    "axis_account": ("账号", "Account"),
    "public_share": ("公域占比", "Public share"),
    "benchmark": ("80% 基准", "80% benchmark"),
    "week_label": ("第{n}周", "W{n}"),
    "week_label_partial": ("第{n}周<br>（{days}天）", "W{n}<br>({days} d)"),
    "week_hover": ("第{n}周（第{first}–{last}天）", "Week {n} (days {first}–{last})"),
    "day_hover": ("第{day}天", "Day {day}"),
    "hover_accounts_live": ("在播账号", "accounts live"),
    "handoff_node": ("旗舰号导流", "Flagship hand-off"),
    "satellites_node": ("新号（合计）", "Satellites (all)"),
    # --- matrix
    "matrix_title": ("矩阵", "Matrix"),
    "matrix_single": ("当前矩阵只有 1 个账号（旗舰号），没有新号可比较。把侧边栏“矩阵号”里的"
                      "“矩阵账号数”调到 2 个以上，即可看到按周热力图和大号带小号的导流。",
                      "The matrix has one account (the flagship), so there is nothing to "
                      "compare. Set “Accounts in matrix” under “Account matrix” in the sidebar "
                      "to 2 or more to see the weekly heatmaps and the flagship's hand-off."),
    "matrix_caption": ("{accounts} 个账号：旗舰号第1天开播，新号每 {every} 天开一个。",
                       "{accounts} accounts: the flagship goes live on day 1, a new account "
                       "every {every} days."),
    "matrix_caption_same": ("{accounts} 个账号同时在第1天开播。",
                            "{accounts} accounts, all live from day 1."),
    "heat_gmv_title": ("每个账号每周 GMV（元）", "Weekly GMV per account (yuan)"),
    "heat_pv_title": ("每个账号每周场观（人次）", "Weekly viewers per account"),
    "accounts_table_title": ("账号明细", "Accounts"),
    "col_account": ("账号", "Account"),
    "col_launch": ("开播日", "Launch day"),
    "col_best_stage": ("最高阶段", "Stage reached"),
    "col_final_stage": ("期末阶段", "Final stage"),
    "col_public_share": ("公域占比", "Public share"),
    "col_viewers": ("场观（人次）", "Viewers"),
    "col_handoff": ("承接导流（人次）", "Hand-off received"),
    "col_final_pool": ("期末私域池（人）", "Final private pool"),
    "day_n": ("第{n}天", "Day {n}"),
    "after_day_n": ("第{n}天后", "After day {n}"),  # an account that is not live within the horizon
    "sankey_title": ("流量从哪里来：来源 → 账号，旗舰号 → 新号", "Where viewers come from: sources → "
                     "accounts, flagship → satellites"),
    "sankey_caption": ("旗舰号把 {share} 的公域观众导给在播新号（大号带小号），旗舰号自己的观看不减少。",
                       "The flagship sends {share} of its public viewers on to live satellites; its "
                       "own viewers are not reduced."),
    "stage_title": ("各账号阶段随时间变化", "Each account's stage over time"),
    "stage_caption": ("按开播2小时场观划分阶段：{bands}。", "Stages by viewers two hours in: {bands}."),
    "stage_first_title": ("首次到达各阶段的日期", "First day at each stage"),
    "never": ("未到达", "not reached"),
    # --- assumptions
    "assumptions_title": ("假设与公式", "Assumptions and formulas"),
    "assumptions_caption": ("每个参数的含义、单位、默认值、当前值、范围，以及默认值来自公开报道的事实"
                            "还是假设。所有数字直接读自模型的参数表和常量。",
                            "Every parameter's meaning, unit, default, current value and range, "
                            "and whether the default is a reported fact or an assumption. Every "
                            "number is read from the model's registry and constants."),
    "col_param": ("参数", "Parameter"),
    "col_key": ("链接键", "Link key"),
    "col_meaning": ("含义", "Meaning"),
    "col_unit": ("单位", "Unit"),
    "col_default": ("默认值", "Default"),
    "col_current": ("当前值", "Current"),
    "col_range": ("范围", "Range"),
    "col_source_kind": ("来源", "Basis"),
    "col_note": ("事实 / 假设说明", "Fact / assumption note"),
    "fact": ("事实", "Fact"),
    "assumption": ("假设", "Assumption"),
    "changed_mark": ("（已改）", " (changed)"),
    "formulas_title": ("公式", "Formulas"),
    "formulas_caption": ("与 planner/engine.py 一致。账号 a、第 t 天；每个在播账号每天直播一场。",
                         "As in planner/engine.py. Account a, day t; each live account streams "
                         "once a day."),
    "f_private_title": ("私域（邀约 → 到场 → 裂变）", "Private domain (invites → viewers → shares)"),
    "f_private_words": ("每个账号的邀约，加上其他账号落在同一私域池里的邀约，决定每人每天被邀约的次数；"
                        "越频繁到场率越低。到场观众中有一部分会分享，带来二度观众。",
                        "An account's invites, plus the share of other accounts' invites landing "
                        "in the same pool, set how often each member is invited today; the more "
                        "often, the lower the show rate. Some viewers share and bring second-"
                        "degree viewers."),
    "f_quality_title": ("直播间质量分（平台评判的五个信号）", "Room quality (the platform's five signals)"),
    "f_quality_words": ("五个信号各自折算到0–1后加权求和：私域观看量、直播广场点击率、陌生人停留、"
                        "GPM（每千次观看成交额）、互动。",
                        "Five signals, each scaled to 0–1, weighted and summed: private volume, "
                        "live-square CTR, strangers' dwell, GPM (GMV per 1,000 viewers), "
                        "interaction."),
    "f_quality_table": ("信号、权重与满分值", "Signals, weights and full-score values"),
    "col_signal": ("信号", "Signal"),
    "col_weight": ("权重", "Weight"),
    "col_scaling": ("折算", "Scaling"),
    "sig_private": ("私域观看量", "Private volume"),
    "sig_ctr": ("直播广场点击率", "Live-square CTR"),
    "sig_dwell": ("陌生人停留", "Stranger dwell"),
    "sig_gpm": ("GPM", "GPM"),
    "sig_interact": ("互动率", "Interaction"),
    "scale_half": ("x / (x + {half})：{half} 时得半分", "x / (x + {half}): half score at {half}"),
    "scale_full": ("min(x / {full}, 1)：{full} 计满分", "min(x / {full}, 1): full score at {full}"),
    "f_public_title": ("公域推荐（私域撬动公域）", "Public recommendation (private leverages public)"),
    "f_public_words": ("质量分决定平台给出的撬动比：每个私域观众换来多少公域观众；直播间能接住（接得住）"
                       "其中多少，取决于账号已挣得的权重，所以冷启动的号主要靠私域，成熟的号公域占比超过80%。"
                       "账号权重也决定开播初始推流；粉丝开播提醒、付费流量的自然溢出和旗舰号导流也计入公域。",
                       "Quality sets the leverage the platform offers (public viewers per private viewer); "
                       "the room keeps the share its account weight has earned (接得住), so a cold account "
                       "lives on its private domain and a mature one passes 80% public. Weight also sets "
                       "the opening push; followers' live notices, paid spill-over and the flagship's "
                       "hand-off count as public too."),    "f_paid_title": ("投流（三种工具，边际递减）", "Paid traffic (three tools, diminishing returns)"),
    "f_paid_words": ("每种工具的观看数随消耗上升但趋于上限；微信豆按充值渠道折算豆数；当场私域观众达到"
                     "{min_private}人时平台赠送流量券观看。",
                     "Each tool's viewers rise with spend toward a ceiling; beans are converted by "
                     "where they were bought; the platform grants coupon viewers when a session "
                     "brings {min_private}+ private viewers."),
    "f_conv_title": ("转化与成交", "Conversion and GMV"),
    "f_conv_words": ("私域观众按公域转化率的倍数转化，老客按复购率（至少不低于私域转化率）；公域按公域"
                     "转化率；投流观众按各自精准度。C 为一度观众中的老客（已购用户）。每个来源 GMV = 场观 × 转化率 × 客单价。",
                     "Private viewers convert at a multiple of the public CVR, past buyers at the "
                     "repurchase rate (never below the private CVR); public viewers at the public "
                     "CVR; paid viewers at their tool's precision. C is the past buyers among first-degree "
                     "viewers. Per source, GMV = PV × CVR × AOV."),
    "f_dyn_title": ("状态演化（私转公再转私）", "Dynamics (the private → public → private snowball)"),
    "f_dyn_words": ("成交用户一部分沉淀回私域池，扩大下一场的邀约池；观众一部分关注账号；账号权重每天"
                    "向当天质量分靠拢。",
                    "Some buyers are captured back into the private pool for the next session; "
                    "some viewers follow; account weight moves toward the day's quality each day."),
    "f_money_title": ("利润与投产比", "Profit and ROI"),
    "f_matrix_title": ("矩阵号", "Account matrix"),
    "f_matrix_words": ("账号0是旗舰号，第0天开播；第k个新号在第 k × 间隔 天开播，权重从0开始，私域池为"
                       "旗舰号的一定比例。旗舰号公域观众按比例导给在播新号，平均分配。投流平均分给在播账号，"
                       "除非链接给出按账号的分配比例（gdt_split 等）。",
                       "Account 0 is the flagship, live from day 0; satellite k goes live on day "
                       "k × interval with weight 0 and a share of the flagship's pool. A share of "
                       "the flagship's public viewers is handed to live satellites, split evenly. "
                       "Spend is split evenly over live accounts unless the link gives per-account shares "
                       "(gdt_split…)."),
    "stages_title": ("账号阶段（按开播2小时场观）", "Account stages (viewers two hours in)"),
    "col_stage": ("阶段", "Stage"),
    "col_viewers_2h": ("开播2小时场观", "Viewers two hours in"),
    "stage_range_first": ("少于 {hi}", "under {hi}"),
    "stage_range_mid": ("{lo} – {hi}", "{lo} – {hi}"),
    "stage_range_last": ("{lo} 以上", "{lo} and more"),
    "constants_title": ("其他事实常量", "Other constants from facts"),
    "const_beans": ("1元 = {android} 豆（安卓/网页），{ios} 豆（iOS）；加热以 {order} 豆为单位。",
                    "1 yuan = {android} beans (Android/web), {ios} (iOS); heating orders come in "
                    "{order}-bean steps."),
    "const_push": ("开播初始推流 {lo}–{hi} 人，随账号权重增加。",
                   "Opening push of {lo}–{hi} viewers, rising with account weight."),
    "const_benchmark": ("成熟直播间公域占比基准：{share}。", "Mature-room public share benchmark: {share}."),
    "group_accounts_note": ("（矩阵账号数在侧边栏“矩阵号”中调整）",
                            "(“Accounts in matrix” is in the sidebar's “Account matrix” section)"),
}


def translator(strings: dict[str, tuple[str, str]], fallback=None):
    """``t(key, lang, **values)`` over a table of ``key → (zh, en)`` strings, with ``values``
    filled in; keys the table lacks go to ``fallback`` (another such function), if given."""

    def t(key: str, lang: str, **values) -> str:
        if key not in strings and fallback is not None:
            return fallback(key, lang, **values)
        zh, en = strings[key]
        text = zh if lang == "zh" else en
        return text.format(**values) if values else text

    return t


t = translator(STRINGS)  # the app's strings


def source_label(source: str, lang: str) -> str:
    """私域 / 公域推荐 / 广点通 / 微信豆 / 流量券, or Private / Public / Tencent Ads / Beans / Coupons."""
    if source == "total":
        return t("total", lang)
    return SOURCE_LABELS["zh" if lang == "zh" else "en"][source]


def unit(p, lang: str) -> str:
    """A parameter's unit as shown to people: fractions shown as percentages say "%"."""
    u = p.unit(lang)
    if p.percent:
        u = u.replace("比例", "%").replace("fraction", "%")
    return u


def param_label(p, lang: str) -> str:
    """A control's label: the parameter's name and its unit."""
    u = unit(p, lang)
    return f"{p.label(lang)}（{u}）" if lang == "zh" else f"{p.label(lang)} ({u})"


def param_help(p, lang: str) -> str:
    """A control's tooltip: what the parameter means, then whether it is a fact or an assumption."""
    kind = t("fact" if p.source == "fact" else "assumption", lang)
    return f"{p.help(lang)}\n\n{kind} · {p.note(lang)}"


def normalize_lang(lang: object) -> str:
    return lang if lang in LANGS else DEFAULT_LANG
