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
    "overview_caption": ("{days} 天 · {accounts} 个账号 · 每周 {sessions} 场、每场 {hours} 小时 · 客单价 {aov} · "
                         "公域转化率 {cvr}（按此客单价）",
                         "{days} days · {accounts} account(s) · {sessions} sessions a week of {hours} h · AOV {aov} · "
                         "public CVR {cvr} (at this AOV)"),
    "kpi_gmv": ("GMV", "GMV"),
    "kpi_net_gmv": ("退货后净成交", "Net GMV"),
    "kpi_profit": ("投流后利润", "Profit after spend"),
    "kpi_roi": ("投产比 ROI", "ROI"),
    "kpi_public_share": ("公域占比（UV）", "Public share (UV)"),
    "kpi_stage": ("最高阶段", "Stage reached"),
    "kpi_unspent": ("未花出预算", "Unspent budget"),
    "kpi_viewers_per_session": ("场均观看人数（UV）", "Viewers a session (UV)"),
    "kpi_gmv_per_viewer": ("UV价值（元/人）", "GMV per viewer (UV)"),
    "kpi_gpm": ("GPM（元/千次PV）", "GPM (per 1,000 PV)"),
    "kpi_unspent_help": ("投流预算中花不出去的部分：直播间接不住的流量（超过每小时上限）、凑不满500豆一单的微信豆。"
                         "未花出的不计消耗（微信豆会退回）。",
                         "Paid budget that could not be spent: traffic the room could not absorb (beyond the "
                         "per-hour ceiling) and beans short of a 500-bean order. It is not counted as spend "
                         "(beans are refunded)."),
    "kpi_viewers_per_session_help": ("每场直播的观看人数（UV，按人计），所有账号所有场次的平均。",
                                     "Viewers (people, UV) of one session, averaged over every account's "
                                     "sessions."),
    "kpi_gmv_per_viewer_help": ("GMV ÷ 观看人数（UV，逐场累计）。按阶段表推算，日播的万人场约3元/人，头部约1.7–3.3元/人。",
                                "GMV ÷ viewers (UV, summed over sessions). The stage table implies about 3 元 "
                                "for a daily room of 10,000 and 1.7–3.3 元 for a head room."),
    "kpi_gpm_help": ("官方口径：每千次看播（观看人次，PV）的成交额 = GMV ÷ 看播人次 × 1000；看播人次 = 观看人数 × 人均观看次数。",
                     "The official measure: GMV per 1,000 watch PV (visits) = GMV ÷ watch PV × 1,000; watch PV = "
                     "viewers × visits per viewer."),
    "kpi_gmv_help": ("预测期内整个矩阵的成交总额 = Σ 场观 × 转化率 × 客单价。",
                     "Total GMV of the matrix over the horizon = Σ PV × CVR × AOV."),
    "kpi_net_gmv_help": ("GMV × (1 − 退货率)。", "GMV × (1 − return rate)."),
    "kpi_profit_help": ("净成交 × 毛利率 − 投流消耗（投流消耗合计 {spend}）。",
                        "Net GMV × margin − paid spend (total spend {spend})."),
    "kpi_roi_help": ("GMV ÷ 投流消耗；不投流时无定义，显示 —。",
                     "GMV ÷ paid spend; undefined (—) without spend."),
    "kpi_public_share_help": ("公域观看人数（推荐、粉丝、短视频、溢出、导流）占全部观看人数的比例；成熟的好直播间超过80%，"
                              "没学会承接的直播间只有两三成。",
                              "Public viewers (recommended, followers, videos, spill-over, hand-off) as a share of "
                              "all viewers (UV); good mature rooms exceed 80%, rooms that have not learned to catch "
                              "public traffic have 20–30%."),
    "kpi_stage_help": ("按阶段表：冷启动与出冷启动看开播2小时的观看人数，万人场与头部看整场观看人数；取所有账号、所有场次的最高值。",
                       "As the stage table reads them: cold start and out of cold start from viewers two hours "
                       "in, 10,000+ and head from viewers of the whole session; the best over every account "
                       "and session."),
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
    "col_pv": ("观看人数（UV，逐场累计）", "Viewers (UV, summed over sessions)"),
    "col_cvr": ("转化率", "CVR"),
    "col_aov": ("客单价", "AOV"),
    "col_buyers": ("成交人数", "Buyers"),
    "col_gmv": ("GMV", "GMV"),
    "col_gmv_share": ("GMV占比", "GMV share"),
    "total": ("合计", "Total"),
    "daily_gmv_title": ("每日GMV（按来源堆叠）", "Daily GMV by source (stacked)"),
    "mix_title": ("流量结构随时间变化", "Traffic mix over time"),
    "mix_caption": ("堆叠面积为每天各来源观看人数（UV），折线为公域占比（右轴；不开播的日子空白），"
                    "虚线为成熟直播间80%公域基准。",
                    "Stacked areas are daily viewers (UV) per source; the line is the public share (right "
                    "axis; blank on days without a session); the dashed line is the 80% benchmark of a "
                    "mature room."),
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
    "axis_viewers_session": ("每场观看人数（UV，对数轴）", "Viewers a session (UV, log scale)"),
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
    "matrix_caption": ("{accounts} 个账号：旗舰号第1天开播，新号每 {every} 天开一个；共用同一个私域。",
                       "{accounts} accounts: the flagship goes live on day 1, a new account "
                       "every {every} days; all share one private domain."),
    "matrix_caption_same": ("{accounts} 个账号同时在第1天开播，共用同一个私域。",
                            "{accounts} accounts, all live from day 1, sharing one private domain."),
    "heat_gmv_title": ("每个账号每周 GMV（元）", "Weekly GMV per account (yuan)"),
    "heat_pv_title": ("每个账号每周观看人数（UV，逐场累计）", "Weekly viewers per account (UV, summed over sessions)"),
    "accounts_table_title": ("账号明细", "Accounts"),
    "col_account": ("账号", "Account"),
    "col_launch": ("开播日", "Launch day"),
    "col_sessions": ("场次", "Sessions"),
    "col_per_session": ("场均观看（UV）", "Viewers a session (UV)"),
    "after_day": ("第{n}天后（预测期内未开播）", "after day {n} (not within the horizon)"),
    "col_best_stage": ("最高阶段", "Stage reached"),
    "col_final_stage": ("期末阶段", "Final stage"),
    "col_public_share": ("公域占比", "Public share"),
    "col_viewers": ("观看人数（UV，逐场累计）", "Viewers (UV, summed)"),
    "col_handoff": ("承接导流（人）", "Hand-off received"),
    "col_final_followers": ("期末粉丝（人）", "Followers at the end"),
    "day_n": ("第{n}天", "Day {n}"),
    "sankey_title": ("流量从哪里来：来源 → 账号，旗舰号 → 新号", "Where viewers come from: sources → "
                     "accounts, flagship → satellites"),
    "sankey_caption": ("旗舰号把 {share} 的公域观众导给同一天开播的新号（大号带小号），旗舰号自己的观看不减少。",
                       "The flagship sends {share} of its public viewers on to satellites streaming the same "
                       "day; its own viewers are not reduced."),
    "stage_title": ("各账号每场观看人数与阶段", "Each account's viewers a session, and its stage"),
    "stage_caption": ("阶段：{bands}。虚线是整场1万、10万人的门槛；悬停可看开播2小时的观看人数和当场阶段。",
                      "Stages: {bands}. The dashed lines are the whole-session thresholds of 10,000 and "
                      "100,000; hover for viewers two hours in and the session's stage."),
    "stage_measure_2h": ("开播2小时", "two hours in"),
    "stage_measure_session": ("整场", "whole session"),
    "stage_first_title": ("首次到达各阶段的日期", "First day at each stage"),
    "never": ("未到达", "not reached"),
    "cases_title": ("模型与报道案例对比", "How the model compares with reported cases"),
    "cases_caption": ("每个案例的输入按报道的描述设置（报道没说的取默认值），从不按答案调参；模型落在报道值的0.5–2倍之内即通过。"
                      "报道值是区间时，比值按最近的一端计算，区间内为1。",
                      "Each case's inputs are set as the report describes it (what it does not say keeps the "
                      "default), never tuned to the answer; the model passes within 0.5–2× of the reported "
                      "figure. For a reported range the ratio is to its nearest end, 1 inside it."),
    "col_case": ("案例", "Case"),
    "col_reported": ("报道值", "Reported"),
    "col_model": ("模型", "Model"),
    "col_ratio": ("模型/报道", "Model / reported"),
    "col_inputs": ("输入如何设置", "How the inputs were set"),
    "col_pass": ("0.5–2倍内", "Within 0.5–2×"),
    "v1_link": ("此链接由旧版模型生成。", "This link was made with the earlier model."),
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
    "formulas_caption": ("与 planner/engine.py 一致（模型 v2）。账号 a；每场的量乘以当天场次就是当天的量。",
                         "As in planner/engine.py (model v2). Account a; a day's figures are a session's "
                         "times the day's sessions."),
    "f_schedule_title": ("直播排期与时长", "Schedule and hours"),
    "f_schedule_words": ("新号按间隔开播；每个账号每周开播 s 场（均匀分布，开播当天一场）；不开播的日子没有直播成交，"
                         "但私域、粉丝照常变化。观众随单场时长边际递减地累积。",
                         "Satellites launch at intervals; each account holds s sessions a week, evenly spaced, "
                         "the first on launch day. Days without a session sell nothing live; the private domain "
                         "and followers still change. Viewers build up over a session with diminishing returns."),
    "f_private_title": ("私域（邀约 → 到场 → 裂变）", "Private domain (invites → viewers → shares)"),
    "f_private_words": ("整个矩阵共用一个私域 P（其中 C 人买过）。旗舰号可邀约全部，新号只能邀约其中重叠的一部分；"
                        "所有账号的邀约决定每人每周被邀约几次，越频繁到场率越低。到场观众中有一部分会分享，带来二度观众。"
                        "开新号不会增加私域里的人。",
                        "The whole matrix shares one private domain P (C of whom have bought). The flagship can "
                        "invite all of it, a satellite an overlapping part; every account's invites set how "
                        "often a person is invited a week, and the more often, the lower the show rate. Some "
                        "viewers share and bring second-degree viewers. Opening an account adds no people."),
    "f_quality_title": ("直播间质量分（平台评判的五个信号）", "Room quality (the platform's five signals)"),
    "f_quality_words": ("五个信号各自折算到0–1后加权求和：私域观看量、直播广场点击率、陌生人停留、"
                        "GPM（每千次看播PV成交额）、互动。账号权重 w 是平台对直播间接得住的信任：每场向质量分靠拢，"
                        "速度取决于平台送来的陌生观众多少；有粉丝的老号起步就有权重，新号从0开始。",
                        "Five signals, each scaled to 0–1, weighted and summed: private volume, live-square CTR, "
                        "strangers' dwell, GPM (GMV per 1,000 watch PV), interaction. The account weight w is "
                        "how far the platform trusts the room to catch: each session it moves toward the "
                        "quality, as fast as the strangers the platform sends allow; an account with followers "
                        "starts with some, a new one at 0."),
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
    "f_public_words": ("公域有自己的来源：开场测试推流、粉丝开播提醒、短视频引流、旗舰号导流——不需要邀约。"
                       "平台按质量分给出撬动比 λ，再乘以账号权重（接得住的程度），把这些“自带观众”连同私域观众一起放大"
                       "（私域撬动公域）。整个矩阵共享一个有限的受众，公域观众向它饱和。",
                       "Public traffic has sources of its own: the platform's test wave, followers' live "
                       "notices, short videos, the flagship's hand-off — no invites needed. The platform's "
                       "leverage λ, set by quality and times the account's weight (how well it catches), "
                       "multiplies these seeds together with the private viewers (private leverages public). "
                       "The matrix shares one finite audience, toward which public viewers saturate."),    "f_paid_title": ("投流（三种工具，边际递减）", "Paid traffic (three tools, diminishing returns)"),
    "f_paid_words": ("每多买一个观看就贵一点：起价 cpv，到每场上限（每小时上限 × 时长）时为 cpv × (1 + 涨幅)；"
                     "超出上限的预算花不出去，不计消耗（未花出预算）。微信豆按充值渠道折算豆数、按500豆整单购买。"
                     "当场私域观众达到{min_private}人时平台赠送流量券观看（不足按比例）。付费观看带来的自然溢出在72小时内分三天到达。",
                     "Each extra viewer costs a little more: from the opening cpv up to cpv × (1 + rise) at a "
                     "session's ceiling (per-hour ceiling × hours); budget beyond it is not spent and not "
                     "counted (unspent budget). Beans are converted by where they were bought and bought in "
                     "whole 500-bean orders. The platform grants coupon viewers when a session brings "
                     "{min_private}+ private viewers (in proportion below). Paid viewers' natural spill-over arrives over 72 hours, "
                     "spread over three days."),
    "f_conv_title": ("转化与成交", "Conversion and GMV"),
    "f_conv_words": ("客单价越高转化越低（以200元为参照）。私域新客按公域转化率的倍数转化；老客12个月内复购的比例为复购率，"
                     "需求等一个月左右的直播，看得越频繁每场复购概率越低；粉丝和短视频来的观众按粉丝倍数；"
                     "投流观众按各自精准度。每个来源 GMV = 观看人数 × 转化率 × 客单价。",
                     "Dearer orders convert less (against a 200 元 reference). First-time private viewers "
                     "convert at a multiple of the public CVR; past buyers buy again at the 12-month "
                     "repurchase rate, a need waiting about a month for a session, so the more often they "
                     "watch, the lower the chance per session; followers and viewers from videos at the "
                     "followers' multiple; paid viewers at their tool's precision. Per source, GMV = viewers "
                     "× CVR × AOV."),
    "f_dyn_title": ("状态演化（私转公再转私）", "Dynamics (the private → public → private snowball)"),
    "f_dyn_words": ("陌生人成交后一部分沉淀回私域（私转公再转私），新客成为老客；新来的人和短视频观众中有人关注。"
                    "私域和粉丝都向受众上限饱和，每天按流失率减少，不会无限增长。",
                    "Some strangers who buy are captured back into the private domain (the snowball) and "
                    "first-time buyers become past buyers; some new viewers and video viewers follow. The "
                    "private domain and followers saturate toward the audience and churn daily: nothing "
                    "grows without bound."),
    "f_money_title": ("利润与投产比", "Profit and ROI"),
    "f_matrix_title": ("矩阵号", "Account matrix"),
    "f_matrix_words": ("账号0是旗舰号，第0天开播；第k个新号在第 k × 间隔 天开播，权重和粉丝从0开始，可邀约共享私域的一部分，"
                       "短视频播放为旗舰号的一定比例。同一天开播时，旗舰号公域观众按比例导给新号。投流预算在开播的日子"
                       "平均分给当天开播的账号，除非链接给出按账号的分配比例（gdt_split 等）。",
                       "Account 0 is the flagship, live from day 0; satellite k goes live on day k × interval "
                       "with weight and followers at 0, inviting part of the shared private domain, its videos "
                       "reaching a share of the flagship's plays. On days both stream, a share of the "
                       "flagship's public viewers is handed to the satellites. Budgets are spent on streaming "
                       "days, split evenly over the accounts streaming that day unless the link gives "
                       "per-account shares (gdt_split…)."),
    "stages_title": ("账号阶段（按阶段表）", "Account stages (the stage table)"),
    "col_stage": ("阶段", "Stage"),
    "col_stage_measure": ("看什么", "Measured by"),
    "col_viewers_2h": ("观看人数", "Viewers"),
    "stage_range_first": ("少于 {hi}", "under {hi}"),
    "stage_range_mid": ("{lo} – {hi}", "{lo} – {hi}"),
    "stage_range_last": ("{lo} 以上", "{lo} and more"),
    "constants_title": ("其他事实常量", "Other constants from facts"),
    "const_beans": ("1元 = {android} 豆（安卓/网页），{ios} 豆（iOS）；加热以 {order} 豆为单位。",
                    "1 yuan = {android} beans (Android/web), {ios} (iOS); heating orders come in "
                    "{order}-bean steps."),
    "const_push": ("开播初始推流 {lo}–{hi} 人，随账号权重增加。",
                   "Opening push of {lo}–{hi} viewers, rising with account weight."),
    "const_hours": ("单场时长的边际递减（假设）：h 小时的直播接到全天的 1 − e^(−h/{tau}) 份；推荐量以 {ref} 小时为参照。",
                    "Diminishing returns over hours (an assumption): a session of h hours catches "
                    "1 − e^(−h/{tau}) of a day-long one; recommendation is referenced to {ref}-hour sessions."),
    "const_trust": ("老号初始权重 = 质量分 × 粉丝 / (粉丝 + {half})；平台每场从陌生观众中学习，{evidence}人时速度减半（假设）。",
                    "An established account starts at weight = quality × followers / (followers + {half}); "
                    "the platform learns from strangers, at half speed with {evidence} a session (assumptions)."),
    "const_repeat": ("老客的复购需求等约 {days} 天的直播，之后在别处满足（假设）。",
                     "A past buyer's repeat need waits about {days} days for a session, then is met elsewhere "
                     "(an assumption)."),
    "const_aov_ref": ("转化率随客单价变化的参照客单价：{aov}元（事实：平台客单价超过200元）。",
                      "The order value conversion is referenced to: {aov} 元 (fact: AOV is over 200 元 "
                      "platform-wide)."),
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
