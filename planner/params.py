"""The one registry of scenario parameters.

Every parameter of the planner is listed once in ``PARAMS``: its URL key, labels, unit,
default, range, slider step, the group it is shown in, and whether its default is a
reported fact (with the fact, from ``shared/DOMAIN.md``) or an assumption. The scenario
dataclass, the URL codec, the app's controls, the assumptions page, the CLI's ``params``
listing and the tests all read this list; nothing else defines a parameter.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

# The bean constants are re-exported: they are facts the registry's notes and the views quote.
from .tools import (  # noqa: F401
    BEANS_PER_HEATING_ORDER,
    BEANS_PER_YUAN_ANDROID,
    BEANS_PER_YUAN_IOS,
    TOOLS,
    Tool,
    beans_per_yuan,
)
from .tools import KEYS as TOOL_KEYS

FACT = "fact"
ASSUMPTION = "assumption"


@dataclass(frozen=True)
class Param:
    key: str  # URL key and Scenario attribute name
    label_zh: str
    label_en: str
    unit_zh: str
    unit_en: str
    default: float
    min: float
    max: float
    step: float
    group: str
    source: str  # FACT or ASSUMPTION
    note_zh: str  # the reported fact, or why the assumption
    note_en: str
    help_zh: str
    help_en: str
    integer: bool = False
    percent: bool = False  # a fraction shown to people as a percentage
    uncertain: bool = False  # not known in advance: may carry a low–high range (planner.uncertainty)
    # An uncertain parameter's default range (DEFAULT_RANGES): low and high as quoted at the value
    # ``range_at`` (the default unless said), whether they are a reported fact or an assumption, and
    # why. planner.uncertainty scales it with the point value: see ``default_range``.
    default_range: tuple[float, float] | None = None
    range_at: float | None = None
    range_source: str = ""
    range_note_zh: str = ""
    range_note_en: str = ""

    def label(self, lang: str) -> str:
        return self.label_zh if lang == "zh" else self.label_en

    def unit(self, lang: str) -> str:
        return self.unit_zh if lang == "zh" else self.unit_en

    def help(self, lang: str) -> str:
        return self.help_zh if lang == "zh" else self.help_en

    def note(self, lang: str) -> str:
        return self.note_zh if lang == "zh" else self.note_en

    def range_note(self, lang: str) -> str:
        return self.range_note_zh if lang == "zh" else self.range_note_en


# Group keys in display order, with their labels.
GROUPS: dict[str, tuple[str, str]] = {
    "core": ("核心参数", "Headline"),
    "horizon": ("预测周期与直播排期", "Horizon and schedule"),
    "private": ("私域", "Private domain"),
    "public": ("公域推荐、内容与直播间质量", "Public recommendation, content & room quality"),
    "paid": ("投流工具", "Paid tools"),
    "conversion": ("转化与售后", "Conversion & after-sale"),
    "matrix": ("矩阵号", "Account matrix"),
}


def group_label(group: str, lang: str) -> str:
    """A group's name (the sidebar's expanders, the assumptions page's sections, ``params``)."""
    zh, en = GROUPS[group]
    return en if lang == "en" else zh


def _p(key, label_zh, label_en, unit_zh, unit_en, default, lo, hi, step, group, source,
       note_zh, note_en, help_zh, help_en, integer=False, percent=False, uncertain=False) -> Param:
    return Param(key, label_zh, label_en, unit_zh, unit_en, default, lo, hi, step, group,
                 source, note_zh, note_en, help_zh, help_en, integer, percent, uncertain)


A, F = ASSUMPTION, FACT


def _spend(tool: Tool) -> Param:
    """A tool's daily spend: a headline control."""
    return _p(tool.key, *tool.long_label, "元/天", "yuan/day", 0, 0, 1_000_000, tool.spend_step, "core", A,
              "假设：默认不投流。", "Assumption: no paid traffic by default.", *tool.spend_help)


def _tool_params(tool: Tool) -> tuple[Param, ...]:
    """A tool's opening price, ceiling and precision, from its row in ``planner.tools``."""
    zh, en = tool.label
    price_zh = "（按安卓10豆/元计）" if tool.priced_in_beans else ""
    price_en = " (at the Android price of 10 beans per yuan)" if tool.priced_in_beans else ""
    return (
        _p(f"{tool.key}_cpv", f"{zh}起步观看成本", f"{en} opening cost per viewer", "元/人", "yuan/viewer",
           tool.cpv, *tool.cpv_range, 0.05, "paid", tool.cpv_source, *tool.cpv_note,
           f"少量投放时每买到一个观看的成本{price_zh}；买得越多越贵，到上限时为起价的"
           f"{1 + tool.rise:.3g}倍（{tool.text(tool.rise_note, 'zh')}）。",
           f"Cost of a viewer at low spend{price_en}; each extra viewer costs more, up to "
           f"{1 + tool.rise:.3g}× the opening price at the ceiling ({tool.text(tool.rise_note, 'en')}).",
           uncertain=True),
        _p(f"{tool.key}_cap", f"{zh}每号每小时上限", f"{en} ceiling", "人/小时/号", "viewers/hour/account",
           tool.ceiling, 100, 1_000_000, 100, "paid", A, *tool.ceiling_note,
           "每个账号每开播1小时最多能买到的观看数；超出部分的预算花不出去（不计消耗）。",
           "Most viewers one account can buy per live hour; budget beyond it is not spent.",
           integer=True, uncertain=True),
        _p(f"{tool.key}_prec", f"{zh}精准度", f"{en} precision", "×公域转化率", "× public CVR",
           tool.precision, 0.1, 3, 0.05, "paid", A, *tool.precision_note,
           f"{zh}观众的转化率相对公域观众的倍数。", f"{en} viewers' CVR as a multiple of the public CVR.",
           uncertain=True),
    )


PARAMS: tuple[Param, ...] = (
    # --- headline: always visible -------------------------------------------------
    _p("invites", "私域邀约量", "Private invites", "人次/场", "invites/session",
       2000, 0, 1_000_000, 100, "core", A,
       "假设：每个账号每场向私域发出的邀约人次。", "Assumption: invites each account sends per session.",
       "每个账号每场直播通过企微、社群、朋友圈、公众号、导购发出的邀约（预约、红包、秒杀）人次。",
       "Invites each account sends per live session through WeCom, groups, Moments, "
       "official account and shopping guides.", integer=True),
    _p("cvr", "公域转化率（客单价200元时）", "Public CVR (at a 200 yuan order)", "比例", "fraction",
       0.005, 0.0005, 0.1, 0.0005, "core", A,
       "假设：行业未公布陌生观众转化率。取0.5%，使公域为主的直播间每个观众成交约1–3元，与阶段表推得的"
       "每观众1.7–3.3元一致。",
       "Assumption: no public figure for strangers' conversion. 0.5% makes a public-led room sell about "
       "1–3 yuan per viewer, as the stage table implies (1.7–3.3 yuan per viewer).",
       "客单价200元时公域（陌生）观众下单的比例。客单价越高转化越低：实际转化率 = 本值 ×（200/客单价）^弹性。"
       "私域与投流观众的转化率是它的倍数。",
       "Share of public-domain (stranger) viewers who buy when an order is worth 200 yuan. Dearer orders "
       "convert less: the room's CVR = this × (200 / AOV)^elasticity. Private and paid viewers convert at "
       "multiples of it.", percent=True, uncertain=True),
    _p("aov", "客单价", "Average order value", "元", "yuan",
       220, 10, 20_000, 10, "core", F,
       "事实：“平台客单价超过200元；部分直播间300–400元，高价类目上千元。”",
       "Fact: \"Average order value per buyer is over 200 元 platform-wide; some rooms reach 300–400 元 "
       "... high-value categories reach thousands.\"",
       "每位下单用户的平均成交金额。", "Average GMV per buyer.", uncertain=True),
    *(_spend(tool) for tool in TOOLS),
    _p("accounts", "矩阵账号数", "Accounts in matrix", "个", "accounts",
       3, 1, 20, 1, "core", A,
       "假设：一个旗舰号加两个新号；示例服装企业用了6个矩阵号。",
       "Assumption: a flagship and two new accounts; the apparel example ran 6.",
       "矩阵中的账号数：第1个是旗舰号，其余是按间隔开播的新号，共用同一个私域。",
       "Accounts in the matrix: the first is the flagship, the rest launch at intervals and share its "
       "private domain.", integer=True),
    # --- horizon and schedule -------------------------------------------------------
    _p("days", "预测天数", "Horizon", "天", "days",
       90, 7, 365, 1, "horizon", A,
       "假设：一个季度。", "Assumption: one quarter.",
       "预测的天数。", "Days projected.", integer=True),
    _p("sessions_week", "每周开播场次", "Sessions a week", "场/周/号", "sessions/week/account",
       7, 0.25, 14, 0.25, "horizon", F,
       "事实：“有的账号日播，有的私域KOL一个月只播几次。”默认日播。",
       "Fact: \"some stream daily (日播), some private-domain KOLs only a few times a month.\" Default: daily.",
       "每个账号每周直播几场（0.25 = 每四周一场，7 = 日播，14 = 每天两场）；不开播的日子没有直播成交，"
       "但私域、粉丝照常变化。",
       "Sessions each account holds a week (0.25 = one in four weeks, 7 = daily, 14 = twice a day). Days "
       "without a session sell nothing live; the private domain and followers still change."),
    _p("session_hours", "单场时长", "Session length", "小时", "hours",
       3, 1, 24, 0.5, "horizon", F,
       "事实：“3–4小时的场次很常见，有的播得更久。”",
       "Fact: \"3–4 hour sessions are common, some stream far longer.\"",
       "每场直播时长。公域观众随时长增加但边际递减；投流上限按小时计。",
       "Length of each session. Public viewers keep arriving with diminishing returns; paid ceilings "
       "are per hour."),
    # --- private domain -------------------------------------------------------------
    _p("pool", "私域规模", "Private domain", "人", "people",
       20_000, 100, 10_000_000, 100, "private", A,
       "假设；参考：屈臣氏约2万导购触达约300万消费者。",
       "Assumption; for scale, Watsons reaches about 3 million consumers through about 20,000 guides.",
       "整个矩阵共用的私域人数（企微、社群、公众号粉丝、门店会员）。开新号不会增加这些人。",
       "People the whole matrix can reach directly (WeCom, groups, official-account followers, store "
       "members), shared by every account: opening an account adds no one.", integer=True),
    _p("show", "邀约到场率", "Show rate", "比例", "fraction",
       0.08, 0.005, 0.6, 0.005, "private", A,
       "假设：无公开数据。", "Assumption: no public figure.",
       "不疲劳时，一次邀约带来一次观看的概率。", "Chance one invite brings a viewer, before fatigue.",
       percent=True, uncertain=True),
    _p("fatigue", "邀约疲劳系数", "Invite fatigue", "倍", "×",
       0.3, 0, 5, 0.05, "private", A,
       "假设：同一私域被邀约越频繁，到场率越低。",
       "Assumption: the more often the same people are invited, the lower their show rate.",
       "到场率 = 基础到场率 /（1 + 系数 × 每人每周收到的邀约次数）。0 表示无疲劳。",
       "Show rate = base / (1 + fatigue × invites each person gets a week). 0 = no fatigue.",
       uncertain=True),
    _p("share", "分享率", "Share rate", "比例", "fraction",
       0.15, 0, 1, 0.01, "private", A,
       "假设：无公开数据。", "Assumption: no public figure.",
       "私域观众中转发直播间的比例（裂变）。", "Share of private viewers who share the room.",
       percent=True, uncertain=True),
    _p("per_share", "每次分享带来观看", "Viewers per share", "人", "viewers",
       1.2, 0, 3, 0.1, "private", F,
       "事实：“一次分享约带来1–1.5个新观众。”", "Fact: \"A share brings roughly 1–1.5 extra viewers.\"",
       "每次分享带来的二度观看人数。", "Second-degree viewers each share brings.", uncertain=True),
    _p("capture", "成交沉淀私域率", "Buyer capture rate", "比例", "fraction",
       0.3, 0, 1, 0.01, "private", A,
       "假设；事实：成交用户可加企微、入群回到私域（私转公再转私）。",
       "Assumption; fact: converted buyers can be captured back into the private domain (the snowball).",
       "公域、投流和裂变带来的成交用户中加企微、入群的比例，让私域变大。",
       "Share of buyers from public, paid and shared traffic who join WeCom or a group, growing the "
       "private domain.", percent=True, uncertain=True),
    _p("churn", "私域与粉丝日流失率", "Daily churn", "比例/天", "fraction/day",
       0.002, 0, 0.05, 0.001, "private", A,
       "假设：退群、删好友、取关。", "Assumption: people leaving groups, contacts or unfollowing.",
       "私域和粉丝每天流失的比例。", "Share of the private domain and of followers lost each day.",
       percent=True, uncertain=True),
    _p("repurchase", "12个月复购率", "12-month repurchase rate", "比例", "fraction",
       0.6, 0, 0.95, 0.01, "private", F,
       "事实：“进入私域后复购率约60%。”按12个月计是假设。",
       "Fact: \"Repurchase rate is about 60% once a buyer is in the private domain\"; the 12-month "
       "period is an assumption.",
       "私域里的已购用户12个月内再次购买的比例；他们在看播时完成复购，看得越多每次复购概率越低。",
       "Share of past buyers in the private domain who buy again within 12 months; they buy while "
       "watching, so the more sessions they watch, the lower the chance per session.",
       percent=True, uncertain=True),
    _p("buyer_share", "私域老客占比", "Past buyers in the private domain", "比例", "fraction",
       0.2, 0, 1, 0.01, "private", A,
       "假设；事实：门店顾客、已购用户会被沉淀进私域，“进入私域后复购率约60%”。",
       "Assumption; fact: store customers and past buyers are captured into the private domain, where "
       "\"repurchase rate is about 60%\".",
       "开始时私域里已经买过的人的比例；他们按复购率购买，新成交的人会加入。",
       "Share of the private domain who have bought before, at the start; they buy at the repurchase rate, "
       "and new buyers join them.", percent=True, uncertain=True),
    # --- public recommendation, content and room quality -----------------------------
    _p("followers", "旗舰号初始粉丝", "Flagship followers at start", "人", "people",
       0, 0, 50_000_000, 1_000, "public", A,
       "假设：刚开始做视频号直播的品牌，全新账号；新号都从0开始。",
       "Assumption: a brand starting live commerce on 视频号 with a new account; satellites always start at 0.",
       "旗舰号开始时的关注人数。粉丝收到开播提醒会来看；粉丝越多，平台对账号的初始信任（权重）越高。",
       "People following the flagship at the start. Followers come on the live notice; the more "
       "followers, the more the platform trusts the account from day one (its weight).", integer=True),
    _p("video_plays", "旗舰号短视频周播放", "Flagship short-video plays", "次/周", "plays/week",
       10_000, 0, 100_000_000, 1_000, "public", A,
       "假设：偶尔发短视频。参考档位（假设）：无短视频 0；偶尔发 约1万；日更 约10万；强内容（专业、人设）约100万；"
       "爆款（每周几条千万级播放）约3000万。事实：示例服装企业靠爆款情绪短视频把观众带进直播间。",
       "Assumption. Reference levels (assumptions): no videos 0; occasional ~10,000; daily posts "
       "~100,000; strong content (expertise, persona) ~1 million; viral (a few videos a week with tens "
       "of millions of plays) ~30 million. Fact: the apparel example led viewers into its room with viral "
       "emotional short videos.",
       "账号短视频每周的播放次数。开播时短视频把观众带进直播间（直播中标识、头像），不需要邀约。",
       "Plays of the account's short videos a week. While it is live, videos lead viewers into the room "
       "(the live badge, the avatar); no invite needed.", integer=True, uncertain=True),
    _p("video_follow", "短视频关注率", "Follows per video play", "比例", "fraction",
       0.002, 0, 0.05, 0.0005, "public", A,
       "假设：无公开数据；一条千万播放的爆款常带来数万关注。",
       "Assumption: no public figure; a viral video with ten million plays often brings tens of thousands "
       "of follows.",
       "短视频每次播放带来的新关注（按人算，不超过可触达受众）；不开播的日子也在涨粉。",
       "New followers per play of the account's videos (people, never more than the audience); it grows "
       "followers on days without a session too.", percent=True, uncertain=True),
    _p("video_to_room", "短视频进房率", "Video-to-room rate", "比例", "fraction",
       0.03, 0, 0.3, 0.005, "public", A,
       "假设：无公开数据。", "Assumption: no public figure.",
       "账号全天在播时，短视频播放中点进直播间的比例；实际按单场时长折算（时长越长，接到的播放越多，边际递减）。",
       "Share of plays that enter the room if the account were live all day; a session of a few hours "
       "catches a concave share of them.", percent=True, uncertain=True),
    _p("audience", "可触达受众", "Addressable audience", "人", "people",
       10_000_000, 10_000, 500_000_000, 10_000, "public", A,
       "假设：一个品类在8亿月活中的受众；参考事实：超头部直播间平均每场约100万元（数十万观众），"
       "平台给一个服务商的流量奖励上限为180万UV。",
       "Assumption: a category's share of 800 million monthly users; for scale, facts: super-head rooms "
       "sell about 1 million 元 a session (hundreds of thousands of viewers); the platform capped its "
       "traffic reward to one service provider at 1.8 million UV.",
       "会看这类直播间的视频号用户上限。整个矩阵共享：公域观众、粉丝都向它饱和，不会无限增长。",
       "The most 视频号 users who would watch this kind of room, shared by the whole matrix: public "
       "viewers and followers saturate toward it and never grow without bound.", integer=True,
       uncertain=True),
    _p("fan_show", "粉丝开播到场率", "Follower show rate", "比例/场", "fraction/session",
       0.02, 0, 0.3, 0.005, "public", A,
       "假设：开播提醒带来的粉丝观看。", "Assumption: followers who come on the live notice.",
       "每场来看直播的粉丝比例（计入公域）。",
       "Share of followers who watch each session (counted as public).", percent=True, uncertain=True),
    _p("follow", "关注率", "Follow rate", "比例", "fraction",
       0.03, 0, 0.3, 0.005, "public", F,
       "事实：“约3%的观众关注账号。”", "Fact: \"About 3% of viewers follow the account.\"",
       "还没关注的观众中关注账号的比例（按人算，不按次数）。",
       "Share of viewers not yet following who follow the account (people, not visits).",
       percent=True, uncertain=True),
    _p("ctr", "直播广场点击率", "Live-square CTR", "比例", "fraction",
       0.12, 0.01, 0.6, 0.01, "public", F,
       "事实：“直播广场点击率30%算好。”", "Fact: \"the click-through rate from the live square (30 of 100 is good)\".",
       "直播广场曝光到进房的点击率，平台评判直播间的五个信号之一。",
       "Click-through from the live square, one of the platform's five signals.", percent=True, uncertain=True),
    _p("dwell", "陌生人平均停留", "Stranger dwell time", "分钟", "minutes",
       10, 0.5, 30, 0.5, "public", F,
       "事实：“观众停留10–20分钟，远长于其他平台。”陌生人取低端10分钟。",
       "Fact: \"Viewers stay 10–20 minutes, far longer than on other platforms.\" Strangers take the low end.",
       "公域陌生观众的平均停留时长，10分钟计满分。", "Strangers' average stay; 10 minutes scores full.",
       uncertain=True),
    _p("interact", "互动率", "Interaction rate", "比例", "fraction",
       0.07, 0, 0.5, 0.01, "public", F,
       "事实：“约7%的观众评论。”", "Fact: \"about 7% comment.\"",
       "评论、点亮粉丝灯牌的观众比例，14%计满分。",
       "Share of viewers who comment or light a fan badge; 14% scores full.", percent=True, uncertain=True),
    _p("lev_cap", "最高撬动比", "Leverage ceiling", "公域:引流", "public per seed viewer",
       9, 1, 9, 0.5, "public", F,
       "事实：“私域撬动公域历史约1:1，好的直播间2:8，部分1:9。”",
       "Fact: \"Historically the private:public ratio was about 1:1 ... Good rooms reach 2:8, some 1:9.\"",
       "满分直播间每个自带观众（私域、粉丝、短视频、开场推流）换来的推荐观众数。"
       "撬动比 = 1 + (上限 − 1) × 质量分²，再乘以账号权重（接得住的程度）。",
       "Recommended viewers per viewer the room brings itself (private, followers, videos, the opening "
       "wave) for a perfect room. Leverage = 1 + (ceiling − 1) × quality², times the account's weight "
       "(how well it catches).", uncertain=True),
    _p("weight_speed", "权重学习速度", "Weight learning speed", "比例/场", "fraction/session",
       0.03, 0, 1, 0.01, "public", A,
       "假设：账号权重每场向当场质量分靠拢的比例；0.03 约一个月日播走完一半。",
       "Assumption: how far the account's weight moves toward the session's room quality each session; "
       "0.03 covers half the gap in about a month of daily sessions.",
       "接得住就涨权重、推流增加；接不住就降。早期私域占比70–80%会维持数周到数月。",
       "Sessions that catch raise the weight and the traffic; poor ones lower it. Early rooms stay "
       "70–80% private for weeks to months.", percent=True, uncertain=True),
    # --- paid tools -------------------------------------------------------------------
    *(p for tool in TOOLS for p in _tool_params(tool) if p.key.endswith("_cpv")),
    *(p for tool in TOOLS for p in _tool_params(tool) if p.key.endswith("_cap")),
    *(p for tool in TOOLS for p in _tool_params(tool) if p.key.endswith("_prec")),
    _p("spill", "自然流量溢出", "Natural spill-over", "人/付费观看", "viewers/paid viewer",
       0.3, 0, 3, 0.05, "paid", A,
       "假设；事实：平台按“每次付费播放在72小时内带来的自然播放”报告溢出。",
       "Assumption; fact: the platform reports natural plays within 72 hours per paid play.",
       "每个付费观看在72小时内带来的自然推荐观看，平均落在当天和之后两天的场次里（计入公域；那几天不开播则没有）。",
       "Natural recommended viewers per paid viewer within 72 hours, spread over that day's and the next "
       "two days' sessions (counted as public; lost on days without a session).", uncertain=True),
    _p("ios_share", "iOS充值占比", "iOS share of bean top-ups", "比例", "fraction",
       0.5, 0, 1, 0.05, "paid", A,
       "假设；事实：“1元在安卓和网页买10豆，iOS买7豆。”",
       "Assumption; fact: \"1 元 buys 10 beans on Android and web, 7 beans on iOS.\"",
       "用iOS充值微信豆的比例；iOS每元只得7豆。", "Share of beans bought on iOS, where 1 yuan buys 7.",
       percent=True, uncertain=True),
    _p("coupon_free", "平台赠送流量券", "Granted coupon viewers", "人/场", "viewers/session",
       0, 0, 5_000, 10, "paid", A,
       "事实：平台会奖励流量券，如带来50个以上私域观众；数量因号而异，默认不计。不足50人按比例计（假设）。",
       "Fact: the platform grants coupons e.g. for bringing 50 or more private viewers; the amount "
       "varies, so none by default. Fewer than 50 get a proportional share (an assumption).",
       "当场私域观众达到50人时平台赠送的流量券观看数（零现金成本）；不足50人按比例。",
       "Coupon viewers granted free when a session brings 50+ private viewers; in proportion below 50.",
       integer=True, uncertain=True),
    # --- conversion and after-sale ----------------------------------------------------
    _p("priv_mult", "私域转化倍数", "Private CVR multiple", "×公域转化率", "× public CVR",
       8, 1, 50, 0.5, "conversion", A,
       "由事实推得的假设：“某品牌直播间20%的观众来自私域，却贡献了80–95%的订单”，即私域整体转化率至少是公域的16倍；"
       "其中一部分来自老客复购（另算），首次购买的私域观众取8倍。",
       "Assumption from a fact: \"in one brand's room 20% of the viewers came from the private domain but "
       "produced 80–95% of the orders\", so private viewers as a whole convert at least 16× as well; part "
       "of that is past buyers buying again (counted separately), so first-time private viewers take 8×.",
       "私域观众（首次购买）转化率相对公域观众的倍数；私域老客按复购率另算。",
       "Private viewers' (first-purchase) CVR as a multiple of the public CVR; past buyers buy at the "
       "repurchase rate instead.", uncertain=True),
    _p("aov_elasticity", "客单价转化弹性", "Conversion elasticity to AOV", "弹性", "elasticity",
       0.5, 0, 0.5, 0.05, "conversion", A,
       "假设：客单价越高转化越低（平方根律），每观众成交额随客单价上升但远慢于客单价；"
       "超过0.5会让更贵的订单反而让私域变小得比单价涨得快，因此上限为0.5。",
       "Assumption: dearer orders convert less (a square-root law), so GMV per viewer rises with AOV "
       "but far more slowly; above 0.5 a dearer order would shrink the private domain faster than it "
       "raises each order's value, so 0.5 is the ceiling.",
       "转化率 ∝ (200/客单价)^弹性。0 表示转化率与客单价无关。",
       "CVR ∝ (200 / AOV)^elasticity. 0 makes conversion independent of the order value.", uncertain=True),
    _p("visits_per_viewer", "人均观看次数", "Visits per viewer", "人次/人", "visits/viewer",
       1.3, 1, 5, 0.1, "conversion", A,
       "假设：观众会离开再回来；官方GPM按观看人次（PV）计，观看人数按人（UV）计。",
       "Assumption: viewers leave and come back; official GPM is per watch PV (visits), viewers are "
       "counted as people (UV).",
       "一场内平均每位观众进房的次数，用于把观看人数（UV）换算成看播人次（PV）来算官方GPM。",
       "Entries per viewer within a session, turning viewers (UV) into watch PV for the official GPM."),
    _p("fan_mult", "粉丝转化倍数", "Follower CVR multiple", "×公域转化率", "× public CVR",
       2, 1, 10, 0.5, "conversion", A,
       "假设：粉丝主动关注过账号，转化介于陌生人和私域之间。",
       "Assumption: followers chose the account, so they convert between strangers and the private domain.",
       "看开播提醒来的粉丝（计入公域）转化率相对陌生观众的倍数。",
       "CVR of followers who come on the live notice (counted as public) as a multiple of strangers'.",
       uncertain=True),
    _p("returns", "退货率", "Return rate", "比例", "fraction",
       0.10, 0, 0.8, 0.01, "conversion", F,
       "事实：“退货率约10%，其他平台30%以上。”", "Fact: \"Return rate (退货率) is about 10%, against 30% and more on other platforms.\"",
       "成交金额中被退款的比例。", "Share of GMV refunded.", percent=True, uncertain=True),
    _p("margin", "毛利率", "Gross margin", "比例", "fraction",
       0.4, 0, 0.95, 0.01, "conversion", A,
       "假设：扣除商品成本和平台服务费后。", "Assumption: after cost of goods and platform fees.",
       "退货后净成交的毛利率；利润 = 净成交 × 毛利率 − 投流消耗。",
       "Margin on net GMV; profit = net GMV × margin − paid spend.", percent=True, uncertain=True),
    # --- matrix -----------------------------------------------------------------------
    _p("launch_every", "新号开播间隔", "New account every", "天", "days",
       14, 0, 180, 1, "matrix", A,
       "假设；事实：旗舰号先做起来，新号复制打法依次开播（示例服装企业约两个月开出6个号）。",
       "Assumption; fact: the flagship goes first and new accounts copy its playbook in turn (the apparel "
       "example opened 6 accounts in about two months).",
       "第k个新号在第 k × 间隔 天开播；0表示同时开播。",
       "Satellite k starts on day k × interval; 0 starts all at once.", integer=True),
    _p("handoff", "大号导流比例", "Flagship hand-off", "比例", "fraction",
       0.05, 0, 0.5, 0.01, "matrix", A,
       "假设；事实：大号带小号（连麦、口播导流）。", "Assumption; fact: the big account brings up the small ones.",
       "同一天开播时，旗舰号公域观众被导到新号的比例（旗舰号观看不减少）。",
       "Share of the flagship's public viewers sent on to satellites streaming the same day (the "
       "flagship keeps its own).", percent=True, uncertain=True),
    _p("sat_share", "新号可邀约私域占比", "Satellite's share of the private domain", "比例", "fraction",
       0.3, 0.01, 1, 0.01, "matrix", A,
       "假设；事实：矩阵号共享并争夺同一私域，新号不带来新的人。",
       "Assumption; fact: matrix accounts share and compete for one private domain; a new account "
       "brings no people of its own.",
       "每个新号能邀约的那部分私域（与旗舰号重叠）。旗舰号能邀约全部私域。",
       "The part of the shared private domain each satellite can invite (overlapping the flagship's, "
       "which reaches all of it).", percent=True, uncertain=True),
    _p("sat_content", "新号短视频相对播放", "Satellite video reach", "×旗舰号", "× flagship",
       0.5, 0, 1, 0.05, "matrix", A,
       "假设：新号复制旗舰号的短视频打法（事实），新号的视频约有一半播放。",
       "Assumption: satellites copy the flagship's video playbook (fact), and a new account's videos reach "
       "about half as many plays.",
       "每个新号短视频周播放相对旗舰号的倍数。", "A satellite's weekly video plays as a share of the flagship's.",
       uncertain=True),
)

# --- default ranges -------------------------------------------------------------------------
# Every uncertain parameter has a range the Monte Carlo draws from when a link sets none (a link's
# ``cvr_range=lo,hi`` replaces it; ``lo = hi`` pins the parameter). Each row: low, high (as quoted
# at the parameter's default), whether they are a reported fact (DOMAIN.md, quoted) or an
# assumption, and why. A paid tool's price, ceiling and precision take TOOL_RANGE_FACTORS of
# their defaults unless a row here says otherwise (beans' price is a reported range).
_R = tuple[float, float, str, str, str]
DEFAULT_RANGES: dict[str, _R] = {
    "cvr": (0.003, 0.008, A, "假设：陌生人转化率没有公开数据；取0.3%–0.8%（默认值的0.6–1.6倍），默认值本身就是一个假设。",
            "Assumption: no public figure for strangers' conversion; 0.3–0.8% (0.6–1.6× the default, "
            "itself an assumption)."),
    "aov": (190, 250, A, "假设：计划客单价上下约15%（买家多拿或少拿一件）；参考事实：平台客单价200元以上，部分直播间300–400元。",
            "Assumption: about 15% either side of the planned order value (buyers taking an item more or "
            "less); for scale, the fact: over 200 元 platform-wide, 300–400 元 in some rooms."),
    "show": (0.04, 0.12, A, "假设：无公开数据；默认值的一半到1.5倍。",
             "Assumption: no public figure; half to 1.5× the default."),
    "fatigue": (0.15, 0.6, A, "假设：无公开数据；默认值的一半到两倍。",
                "Assumption: no public figure; half to twice the default."),
    "share": (0.08, 0.25, A, "假设：无公开数据；约默认值的一半到1.7倍。",
              "Assumption: no public figure; about half to 1.7× the default."),
    "per_share": (1.0, 1.5, F, "事实：“一次分享约带来1–1.5个新观众。”",
                  "Fact: \"A share brings roughly 1–1.5 extra viewers.\""),
    "capture": (0.15, 0.45, A, "假设：加企微、入群的比例因承接话术而异；默认值的一半到1.5倍。",
                "Assumption: how many buyers join WeCom or a group depends on the pitch; half to 1.5× "
                "the default."),
    "churn": (0.001, 0.004, A, "假设：无公开数据；默认值的一半到两倍。",
              "Assumption: no public figure; half to twice the default."),
    "repurchase": (0.45, 0.7, A, "假设，围绕事实：“进入私域后复购率约60%”，“约”读作上下10–15个百分点。",
                   "Assumption around the fact \"Repurchase rate is about 60% once a buyer is in the "
                   "private domain\": \"about\" read as 10–15 points either way."),
    "buyer_share": (0.1, 0.3, A, "假设：私域里老客的比例因行业而异；默认值的一半到1.5倍。",
                    "Assumption: the share of past buyers varies by trade; half to 1.5× the default."),
    "video_plays": (5_000, 20_000, A, "假设：短视频播放波动大；默认值的一半到两倍。",
                    "Assumption: video plays vary a lot; half to twice the default."),
    "video_follow": (0.001, 0.004, A, "假设：无公开数据；默认值的一半到两倍。",
                     "Assumption: no public figure; half to twice the default."),
    "video_to_room": (0.015, 0.05, A, "假设：无公开数据；默认值的一半到约1.7倍。",
                      "Assumption: no public figure; half to about 1.7× the default."),
    "audience": (5_000_000, 20_000_000, A, "假设：品类受众的规模只知道数量级；默认值的一半到两倍。",
                 "Assumption: a category's audience is known to an order of magnitude; half to twice "
                 "the default."),
    "fan_show": (0.01, 0.04, A, "假设：无公开数据；默认值的一半到两倍。",
                 "Assumption: no public figure; half to twice the default."),
    "follow": (0.02, 0.04, A, "假设，围绕事实：“约3%的观众关注账号”，“约”读作2%–4%。",
               "Assumption around the fact \"About 3% of viewers follow the account\": \"about\" read "
               "as 2–4%."),
    "ctr": (0.06, 0.2, A, "假设；事实：“直播广场点击率30%算好”，一般直播间低于它。",
            "Assumption; fact: \"30 of 100 is good\" for the live square's CTR, and most rooms are below it."),
    "dwell": (7, 15, A, "假设；事实：“观众停留10–20分钟”是全体观众，陌生人更短。",
              "Assumption; fact: \"Viewers stay 10–20 minutes\" is all viewers; strangers stay less."),
    "interact": (0.05, 0.1, A, "假设，围绕事实：“约7%的观众评论”，“约”读作5%–10%。",
                 "Assumption around the fact \"about 7% comment\": \"about\" read as 5–10%."),
    "lev_cap": (4, 9, F, "事实：“好的直播间2:8（每个自带观众换4个推荐观众），部分1:9。”",
                "Fact: \"Good rooms reach 2:8 (4 recommended viewers per viewer brought), some 1:9.\""),
    "weight_speed": (0.015, 0.06, A, "假设：无公开数据；默认值的一半到两倍。",
                     "Assumption: no public figure; half to twice the default."),
    "beans_cpv": (0.3, 0.8, F, "事实：“加热出价约每个直播间观众0.3–0.8元。”",
                  "Fact: \"Reported bids: roughly 0.3–0.8 元 per live-room viewer.\""),
    "spill": (0.1, 0.6, A, "假设：平台只报告“72小时内的自然播放”，没有公开数值；约默认值的三分之一到两倍。",
              "Assumption: the platform reports natural plays within 72 hours but no public figure; a third "
              "to twice the default."),
    "ios_share": (0.3, 0.7, A, "假设：用户的手机各不相同；30%–70%用iOS充值。",
                  "Assumption: buyers' phones differ; 30–70% top up on iOS."),
    "priv_mult": (5, 12, A, "由事实推得的假设：私域整体转化至少是公域的16倍，其中一部分是老客复购；首次购买的5–12倍。",
                  "Assumption from the fact that private viewers as a whole convert at least 16× as well, "
                  "part of it repurchase: 5–12× for a first purchase."),
    "aov_elasticity": (0.3, 0.5, A, "假设：0.5是上限（见参数说明），更弱的弹性同样可能。",
                       "Assumption: 0.5 is the ceiling (see the parameter's note); a weaker elasticity is as "
                       "plausible."),
    "fan_mult": (1.5, 3, A, "假设：粉丝的转化介于陌生人和私域之间。",
                 "Assumption: followers convert between strangers and the private domain."),
    "returns": (0.06, 0.15, A, "假设，围绕事实：“退货率约10%，其他平台30%以上”；“约”读作6%–15%。",
                "Assumption around the fact \"Return rate is about 10%, against 30% and more on other "
                "platforms\": \"about\" read as 6–15%."),
    "margin": (0.3, 0.5, A, "假设：品类和渠道费用不同，毛利率上下10个百分点。",
               "Assumption: categories and fees differ; 10 points either way."),
    "handoff": (0.02, 0.1, A, "假设：无公开数据；默认值的0.4到2倍。",
                "Assumption: no public figure; 0.4 to twice the default."),
    "sat_share": (0.15, 0.5, A, "假设：新号能邀约的私域因运营而异；默认值的一半到约1.7倍。",
                  "Assumption: how much of the private domain a satellite reaches depends on the team; "
                  "half to about 1.7× the default."),
    "sat_content": (0.3, 0.7, A, "假设：新号短视频的播放相对旗舰号在三成到七成之间。",
                    "Assumption: a satellite's videos reach 30–70% of the flagship's plays."),
}
# The platform's coupons are quoted at 100 viewers a session: the default grants none, and a
# range around nothing is nothing (the Monte Carlo scales a range with the point value).
COUPON_FREE_RANGE = (50, 200, 100, A, "假设：赠送的流量券因号而异；当场值的一半到两倍（默认不赠送，也就没有区间）。",
                     "Assumption: granted coupons vary by account; half to twice the value set (none by "
                     "default, so no range).")
# A paid tool's opening price, ceiling and precision without a row above: an assumption.
TOOL_RANGE_FACTORS: dict[str, tuple[float, float, str, str]] = {
    "cpv": (0.5, 2.0, "假设：没有公开价格；起价的一半到两倍。", "Assumption: no public price; half to twice the opening price."),
    "cap": (0.5, 1.5, "假设：上限因号而异；默认值的一半到1.5倍。",
            "Assumption: ceilings vary by account; half to 1.5× the default."),
    "prec": (0.75, 1.25, "假设：人群精准度因定向和素材而异；默认值上下25%。",
             "Assumption: precision depends on targeting and creatives; 25% either way."),
}


def _with_default_range(p: Param) -> Param:
    """``p`` with its default range attached (uncertain parameters only)."""
    if not p.uncertain:
        return p
    if p.key == "coupon_free":
        low, high, at, source, zh, en = COUPON_FREE_RANGE
        return dataclasses.replace(p, default_range=(low, high), range_at=at, range_source=source,
                                   range_note_zh=zh, range_note_en=en)
    if p.key in DEFAULT_RANGES:
        low, high, source, zh, en = DEFAULT_RANGES[p.key]
    else:  # a paid tool's parameter (planner.tools): its default times the factors
        down, up, zh, en = TOOL_RANGE_FACTORS[p.key.rsplit("_", 1)[1]]
        step = p.step if p.integer else 1e-9
        low, high, source = round(p.default * down / step) * step, round(p.default * up / step) * step, A
        if p.integer:
            low, high = int(low), int(high)
        else:
            low, high = round(low, 6), round(high, 6)
    return dataclasses.replace(p, default_range=(low, high), range_source=source, range_note_zh=zh, range_note_en=en)


PARAMS = tuple(_with_default_range(p) for p in PARAMS)

BY_KEY: dict[str, Param] = {p.key: p for p in PARAMS}

# Per-account shares of each tool's daily spend: list-valued URL keys (one share per account,
# e.g. gdt_split=0.5,0.3,0.2). Absent means an even split over the accounts streaming each day;
# with a split, each account spends its share of the daily budget on the days it streams (a share
# is not moved to another account on a day its own account is off), and a share may heat another
# account (投手号 → 被投号: the share belongs to the account heated, whoever pays).
SPLIT_KEYS: dict[str, str] = {key: f"{key}_split" for key in TOOL_KEYS}
SPLIT_DIGITS = 6  # shares are kept to 6 decimals so a link writes exactly what the model uses
DEFAULTS: dict[str, float] = {p.key: p.default for p in PARAMS}
HEADLINE_KEYS: tuple[str, ...] = ("invites", "cvr", "aov", *TOOL_KEYS)

# Facts used as constants by the model (DOMAIN.md), kept here beside the parameters.
INITIAL_PUSH_MIN, INITIAL_PUSH_MAX = 50, 500  # "the platform pushes an initial wave of roughly 50–500 viewers"
COUPON_GRANT_MIN_PRIVATE = 50  # coupons granted "for bringing 50 or more private viewers into a room"
AOV_REFERENCE = 200  # "Average order value (客单价) per buyer is over 200 元 platform-wide"


def beans_for_yuan(yuan: float, ios_share: float) -> float:
    """Beans bought for ``yuan``: 10 per yuan on Android/web, 7 on iOS."""
    return yuan * beans_per_yuan(ios_share)
