"""The one registry of scenario parameters.

Every parameter of the planner is listed once in ``PARAMS``: its URL key, labels, unit,
default, range, slider step, the group it is shown in, and whether its default is a
reported fact (with the fact, from ``shared/DOMAIN.md``) or an assumption. The scenario
dataclass, the URL codec, the app's controls, the assumptions page, the CLI's ``params``
listing and the tests all read this list; nothing else defines a parameter.
"""

from __future__ import annotations

from dataclasses import dataclass

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

    def label(self, lang: str) -> str:
        return self.label_zh if lang == "zh" else self.label_en

    def unit(self, lang: str) -> str:
        return self.unit_zh if lang == "zh" else self.unit_en

    def help(self, lang: str) -> str:
        return self.help_zh if lang == "zh" else self.help_en

    def note(self, lang: str) -> str:
        return self.note_zh if lang == "zh" else self.note_en

    def allowed(self) -> str:
        """The allowed values in words, for error messages."""
        kind = "an integer" if self.integer else "a number"
        return f"{kind} from {_fmt(self.min)} to {_fmt(self.max)}"

    def allowed_zh(self) -> str:
        kind = "整数" if self.integer else "数值"
        return f"{_fmt(self.min)} 到 {_fmt(self.max)} 之间的{kind}"


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


# Group keys in display order, with their labels.
GROUPS: dict[str, tuple[str, str]] = {
    "core": ("核心参数", "Headline"),
    "private": ("私域", "Private domain"),
    "public": ("公域推荐与直播间质量", "Public recommendation & room quality"),
    "paid": ("投流工具成本", "Paid tools' costs"),
    "conversion": ("转化与售后", "Conversion & after-sale"),
    "matrix": ("矩阵号", "Account matrix"),
    "horizon": ("预测周期", "Horizon"),
}


def _p(key, label_zh, label_en, unit_zh, unit_en, default, lo, hi, step, group, source,
       note_zh, note_en, help_zh, help_en, integer=False, percent=False, uncertain=False) -> Param:
    return Param(key, label_zh, label_en, unit_zh, unit_en, default, lo, hi, step, group,
                 source, note_zh, note_en, help_zh, help_en, integer, percent, uncertain)


A, F = ASSUMPTION, FACT

PARAMS: tuple[Param, ...] = (
    # --- headline: always visible -------------------------------------------------
    _p("invites", "私域邀约量", "Private invites", "人次/场", "invites/session",
       2000, 0, 200_000, 100, "core", A,
       "假设：每个账号每场向私域发出的邀约人次。", "Assumption: invites each account sends per session.",
       "每个账号每场直播通过企微、社群、朋友圈、公众号、导购发出的邀约（预约、红包、秒杀）人次。",
       "Invites each account sends per live session through WeCom, groups, Moments, "
       "official account and shopping guides.", integer=True),
    _p("cvr", "公域转化率", "Public CVR", "比例", "fraction",
       0.015, 0.001, 0.2, 0.001, "core", A,
       "假设：行业未公布公域观众转化率。", "Assumption: no public figure for strangers' conversion.",
       "公域（陌生）观众下单的比例；私域与投流观众的转化率是它的倍数。",
       "Share of public-domain (stranger) viewers who buy; private and paid viewers convert "
       "at multiples of it.", percent=True, uncertain=True),
    _p("aov", "客单价", "Average order value", "元", "yuan",
       220, 10, 20_000, 10, "core", F,
       "事实：视频号平台客单价超过200元；部分直播间300–400元，高价类目上千元。",
       "Fact: platform-wide AOV is over 200 yuan; some rooms 300–400, high-value categories thousands.",
       "每位下单用户的平均成交金额。", "Average GMV per buyer.", uncertain=True),
    _p("gdt", "广点通日消耗", "Tencent Ads (广点通) spend", "元/天", "yuan/day",
       0, 0, 1_000_000, 100, "core", A,
       "假设：默认不投流。", "Assumption: no paid traffic by default.",
       "整个矩阵每天投在广点通（ADQ）的金额，默认平均分给在播账号。",
       "Daily spend on Tencent Ads (ADQ) for the whole matrix, split evenly over live accounts."),
    _p("beans", "微信豆日消耗", "WeChat beans (微信豆) spend", "元/天", "yuan/day",
       0, 0, 1_000_000, 50, "core", A,
       "假设：默认不投流。事实：1元=10豆（安卓/网页），7豆（iOS）；加热以500豆为单位。",
       "Assumption: no paid traffic by default. Fact: 1 yuan = 10 beans on Android/web, 7 on iOS; "
       "heating orders come in 500-bean steps.",
       "整个矩阵每天用于直播间加热的微信豆金额（元）。滑块步长50元=安卓500豆；未花完的豆退回。",
       "Daily yuan spent on beans to heat live rooms. Slider step 50 yuan = 500 Android beans; "
       "unspent beans are refunded."),
    _p("coupons", "流量券日消耗", "Live traffic coupons spend", "元/天", "yuan/day",
       0, 0, 1_000_000, 100, "core", A,
       "假设：默认不购买流量券（平台赠送另计）。",
       "Assumption: no coupons bought by default (platform grants counted separately).",
       "整个矩阵每天购买直播流量券的现金金额。",
       "Daily cash spent on live traffic coupons for the whole matrix."),
    _p("accounts", "矩阵账号数", "Accounts in matrix", "个", "accounts",
       3, 1, 20, 1, "core", A,
       "假设：一个旗舰号加两个新号；示例服装企业用了6个矩阵号。",
       "Assumption: a flagship and two new accounts; the apparel example ran 6.",
       "矩阵中的账号数：第1个是旗舰号，其余是按间隔开播的新号。",
       "Accounts in the matrix: the first is the flagship, the rest launch at intervals.",
       integer=True),
    _p("days", "预测天数", "Horizon", "天", "days",
       90, 7, 365, 1, "horizon", A,
       "假设：一个季度。", "Assumption: one quarter.",
       "预测的天数；每个在播账号每天直播一场。",
       "Days projected; each live account streams one session a day.", integer=True),
    # --- private domain -------------------------------------------------------------
    _p("pool", "私域池规模", "Private pool", "人", "people",
       20_000, 100, 5_000_000, 100, "private", A,
       "假设；参考：屈臣氏约2万导购触达约300万消费者。",
       "Assumption; for scale, Watsons reaches ~3 million consumers through ~20,000 guides.",
       "旗舰号开始时可直接触达的私域人数（企微、社群、公众号粉丝等）。",
       "People the flagship can reach directly at the start (WeCom, groups, followers).",
       integer=True),
    _p("show", "邀约到场率", "Show rate", "比例", "fraction",
       0.08, 0.005, 0.6, 0.005, "private", A,
       "假设：无公开数据。", "Assumption: no public figure.",
       "不疲劳时，一次邀约带来一次观看的概率。", "Chance one invite brings a viewer, before fatigue.",
       percent=True, uncertain=True),
    _p("fatigue", "邀约疲劳系数", "Invite fatigue", "倍", "×",
       1.0, 0, 5, 0.1, "private", A,
       "假设：同一私域池被邀约越频繁，到场率越低。",
       "Assumption: the more often a pool is invited, the lower its show rate.",
       "到场率 = 基础到场率 / (1 + 系数 × 每人每天收到的邀约次数)。0 表示无疲劳。",
       "Show rate = base / (1 + fatigue × invites per pool member per day). 0 = no fatigue.", uncertain=True),
    _p("share", "分享率", "Share rate", "比例", "fraction",
       0.15, 0, 1, 0.01, "private", A,
       "假设：无公开数据。", "Assumption: no public figure.",
       "私域观众中转发直播间的比例（裂变）。", "Share of private viewers who share the room.",
       percent=True, uncertain=True),
    _p("per_share", "每次分享带来观看", "Viewers per share", "人", "viewers",
       1.2, 0, 3, 0.1, "private", F,
       "事实：一次分享约带来1–1.5个新观众。", "Fact: a share brings roughly 1–1.5 extra viewers.",
       "每次分享带来的二度观看人数。", "Second-degree viewers each share brings.", uncertain=True),
    _p("capture", "成交沉淀私域率", "Buyer capture rate", "比例", "fraction",
       0.3, 0, 1, 0.01, "private", A,
       "假设：成交用户加企微、入群的比例（私转公再转私）。",
       "Assumption: share of buyers who join WeCom or a group (the snowball).",
       "公域与投流成交用户被沉淀进私域池的比例，扩大下一场的邀约池。",
       "Share of public and paid buyers captured into the private pool for later sessions.",
       percent=True, uncertain=True),
    _p("churn", "私域日流失率", "Pool churn", "比例/天", "fraction/day",
       0.002, 0, 0.05, 0.001, "private", A,
       "假设：退群、删好友。", "Assumption: people leaving groups or contacts.",
       "私域池和粉丝每天流失的比例。", "Share of the pool and followers lost each day.",
       percent=True, uncertain=True),
    _p("repurchase", "复购率", "Repurchase rate", "比例", "fraction",
       0.6, 0, 1, 0.01, "private", F,
       "事实：进入私域后复购率约60%；按“每次观看时复购”使用是假设。",
       "Fact: ~60% repurchase once in the private domain; applying it per watched session is an assumption.",
       "已购用户（在私域池中）观看一场直播时再次购买的概率。",
       "Chance a past buyer in the pool buys again when watching a session.", percent=True, uncertain=True),
    # --- public recommendation and room quality -------------------------------------
    _p("weight0", "旗舰号初始权重", "Flagship starting weight", "0–1", "0–1",
       0.3, 0, 1, 0.05, "public", A,
       "假设；新号从0开始（冷启动）。", "Assumption; new accounts start at 0 (cold).",
       "账号权重决定开播初始推流：50 + 450 × 权重（人）。",
       "Account weight sets the opening push: 50 + 450 × weight viewers.", uncertain=True),
    _p("ctr", "直播广场点击率", "Live-square CTR", "比例", "fraction",
       0.12, 0.01, 0.6, 0.01, "public", F,
       "事实：直播广场点击率30%算好。", "Fact: a live-square CTR of 30 in 100 is good.",
       "直播广场曝光到进房的点击率，平台评判直播间的五个信号之一。",
       "Click-through from the live square, one of the platform's five signals.", percent=True, uncertain=True),
    _p("dwell", "陌生人平均停留", "Stranger dwell time", "分钟", "minutes",
       3, 0.5, 30, 0.5, "public", A,
       "假设；事实：视频号观众整体停留10–20分钟。",
       "Assumption; fact: 视频号 viewers overall stay 10–20 minutes.",
       "公域陌生观众的平均停留时长，10分钟计满分。", "Strangers' average stay; 10 minutes scores full.", uncertain=True),
    _p("interact", "互动率", "Interaction rate", "比例", "fraction",
       0.07, 0, 0.5, 0.01, "public", F,
       "事实：约7%的观众评论。", "Fact: about 7% of viewers comment.",
       "评论、点亮粉丝灯牌的观众比例，14%计满分。",
       "Share of viewers who comment or light a fan badge; 14% scores full.", percent=True, uncertain=True),
    _p("lev_cap", "最高撬动比", "Leverage ceiling", "公域:私域", "public per private",
       9, 1, 9, 0.5, "public", F,
       "事实：私域撬动公域历史约1:1，好的直播间2:8，部分1:9。",
       "Fact: private:public was about 1:1, good rooms 2:8, some 1:9.",
       "满分直播间每个私域观众换来的公域推荐观众数；撬动比 = 1 + (上限−1) × 质量分。",
       "Public viewers per private viewer for a perfect room; leverage = 1 + (ceiling − 1) × quality.", uncertain=True),
    _p("weight_speed", "权重调整速度", "Weight adjustment speed", "比例/天", "fraction/day",
       0.1, 0, 1, 0.01, "public", A,
       "假设：权重每天向当场质量分靠拢的比例。",
       "Assumption: how far weight moves toward the day's room quality each day.",
       "表现好则权重上升、推流增加；表现差则下降。", "Good sessions raise weight and the push; poor ones lower it.",
       percent=True, uncertain=True),
    _p("follow", "关注率", "Follow rate", "比例", "fraction",
       0.03, 0, 0.3, 0.005, "public", F,
       "事实：约3%的观众关注账号。", "Fact: about 3% of viewers follow the account.",
       "观众中关注账号的比例。", "Share of viewers who follow the account.", percent=True, uncertain=True),
    _p("fan_show", "粉丝开播到场率", "Follower show rate", "比例/场", "fraction/session",
       0.02, 0, 0.3, 0.005, "public", A,
       "假设：开播提醒带来的粉丝观看。", "Assumption: followers who come on the live notice.",
       "每场来看直播的粉丝比例（计入公域）。",
       "Share of followers who watch each session (counted as public).", percent=True, uncertain=True),
    _p("session_hours", "单场时长", "Session length", "小时", "hours",
       3, 1, 12, 0.5, "public", A,
       "假设；阶段按开播2小时场观判断（事实表）。",
       "Assumption; stages are read from viewers two hours in (fact table).",
       "每场直播时长；2小时场观按时长比例折算。",
       "Session length; viewers at two hours are prorated."),
    # --- paid tools -------------------------------------------------------------------
    _p("gdt_cpv", "广点通观看成本", "Tencent Ads cost per viewer", "元/人", "yuan/viewer",
       1.2, 0.1, 10, 0.1, "paid", A,
       "假设：广点通直播间无可靠公开CPM，作为输入。",
       "Assumption: no reliable public CPM for live rooms; an input.",
       "少量投放时每买到一个观看的成本；投得越多边际越贵。",
       "Cost of one viewer at low spend; each extra viewer costs more as spend grows.", uncertain=True),
    _p("beans_cpv", "微信豆观看成本", "Beans cost per viewer", "元/人", "yuan/viewer",
       0.5, 0.1, 3, 0.05, "paid", F,
       "事实：加热出价约每个直播间观众0.3–0.8元（按安卓10豆/元计）。",
       "Fact: bids of roughly 0.3–0.8 yuan per live-room viewer (at 10 beans per yuan).",
       "按安卓价（10豆/元）计的每观看成本；iOS充值7豆/元，实际更贵。",
       "Cost per viewer at the Android price (10 beans/yuan); iOS top-ups (7/yuan) cost more.", uncertain=True),
    _p("coupons_cpv", "流量券观看成本", "Coupon cost per viewer", "元/人", "yuan/viewer",
       0.4, 0.05, 5, 0.05, "paid", A,
       "假设：无公开价格。", "Assumption: no public price.",
       "购买流量券时每观看成本。", "Cost per viewer when coupons are bought.", uncertain=True),
    _p("gdt_cap", "广点通每号日上限", "Tencent Ads daily ceiling", "人/天/号", "viewers/day/account",
       20_000, 100, 1_000_000, 100, "paid", A,
       "假设；事实：商家反映投流“钱花不出去”，边际递减。",
       "Assumption; fact: merchants report money 'can't be spent', so returns diminish.",
       "每个账号每天最多能买到的广点通观看数（饱和上限）。",
       "Most Tencent Ads viewers one account can buy a day (saturation).", integer=True, uncertain=True),
    _p("beans_cap", "微信豆每号日上限", "Beans daily ceiling", "人/天/号", "viewers/day/account",
       10_000, 100, 1_000_000, 100, "paid", A,
       "假设：加热流量有限。", "Assumption: heating traffic is limited.",
       "每个账号每天最多能加热到的观看数。", "Most heated viewers one account can get a day.",
       integer=True, uncertain=True),
    _p("coupons_cap", "流量券每号日上限", "Coupons daily ceiling", "人/天/号", "viewers/day/account",
       5_000, 100, 1_000_000, 100, "paid", A,
       "假设：流量券最垂直、最新也最弱。", "Assumption: coupons are the newest and weakest tool.",
       "每个账号每天最多能通过流量券买到的观看数。", "Most coupon viewers one account can buy a day.",
       integer=True, uncertain=True),
    _p("gdt_prec", "广点通精准度", "Tencent Ads precision", "×公域转化率", "× public CVR",
       1.0, 0.1, 3, 0.05, "paid", A,
       "假设：精准度取决于定向。", "Assumption: precision depends on targeting.",
       "广点通观众转化率相对公域观众的倍数。", "Tencent Ads viewers' CVR as a multiple of public CVR.", uncertain=True),
    _p("beans_prec", "微信豆精准度", "Beans precision", "×公域转化率", "× public CVR",
       0.8, 0.1, 3, 0.05, "paid", A,
       "假设。", "Assumption.",
       "微信豆加热观众转化率相对公域观众的倍数。", "Heated viewers' CVR as a multiple of public CVR.", uncertain=True),
    _p("coupons_prec", "流量券精准度", "Coupons precision", "×公域转化率", "× public CVR",
       0.6, 0.1, 3, 0.05, "paid", A,
       "假设；事实：商家反映流量券流量不精准，2023年初起有改善。",
       "Assumption; fact: merchants found coupon traffic imprecise, improving from early 2023.",
       "流量券观众转化率相对公域观众的倍数。", "Coupon viewers' CVR as a multiple of public CVR.", uncertain=True),
    _p("spill", "自然流量溢出", "Natural spill-over", "人/付费观看", "viewers/paid viewer",
       0.3, 0, 3, 0.05, "paid", A,
       "假设；事实：平台按72小时内每次付费播放带来的自然播放报告溢出。",
       "Assumption; fact: the platform reports natural plays within 72 h per paid play.",
       "每个付费观看带来的自然推荐观看（当天计入公域）。",
       "Natural recommended viewers per paid viewer (counted as public, same day).", uncertain=True),
    _p("ios_share", "iOS充值占比", "iOS share of bean top-ups", "比例", "fraction",
       0.5, 0, 1, 0.05, "paid", A,
       "假设；事实：1元=10豆（安卓/网页），7豆（iOS）。",
       "Assumption; fact: 1 yuan = 10 beans on Android/web, 7 on iOS.",
       "用iOS充值微信豆的比例；iOS每元只得7豆。", "Share of beans bought on iOS, where 1 yuan buys 7.",
       percent=True, uncertain=True),
    _p("coupon_free", "平台赠送流量券", "Granted coupon viewers", "人/场", "viewers/session",
       0, 0, 5_000, 10, "paid", A,
       "事实：平台会奖励流量券，如带来50个以上私域观众；数量因号而异，默认不计。",
       "Fact: the platform grants coupons e.g. for 50+ private viewers; the amount varies, so none by default.",
       "当场私域观众达到50人时平台赠送的流量券观看数（零现金成本）。",
       "Coupon viewers granted free when a session brings 50+ private viewers.", integer=True, uncertain=True),
    # --- conversion and after-sale ----------------------------------------------------
    _p("priv_mult", "私域转化倍数", "Private CVR multiple", "×公域转化率", "× public CVR",
       8, 1, 30, 0.5, "conversion", A,
       "由事实推得的假设：某品牌20%的私域观众贡献80–95%订单（≥16倍）；默认取保守值。",
       "Assumption from a fact: in one brand's room 20% private viewers gave 80–95% of "
       "orders (≥16×); the default is conservative.",
       "私域观众转化率相对公域观众的倍数。", "Private viewers' CVR as a multiple of public CVR.", uncertain=True),
    _p("returns", "退货率", "Return rate", "比例", "fraction",
       0.10, 0, 0.8, 0.01, "conversion", F,
       "事实：视频号退货率约10%，其他平台30%以上。",
       "Fact: about 10% on 视频号, against 30%+ elsewhere.",
       "成交金额中被退款的比例。", "Share of GMV refunded.", percent=True, uncertain=True),
    _p("margin", "毛利率", "Gross margin", "比例", "fraction",
       0.4, 0, 0.95, 0.01, "conversion", A,
       "假设：扣除商品成本和平台服务费后。", "Assumption: after cost of goods and platform fees.",
       "退货后净成交的毛利率；利润 = 净成交 × 毛利率 − 投流消耗。",
       "Margin on net GMV; profit = net GMV × margin − paid spend.", percent=True, uncertain=True),
    # --- matrix -----------------------------------------------------------------------
    _p("launch_every", "新号开播间隔", "New account every", "天", "days",
       14, 0, 180, 1, "matrix", A,
       "假设：新号复制旗舰号打法依次开播。", "Assumption: new accounts copy the flagship's playbook in turn.",
       "第k个新号在第 k × 间隔 天开播；0表示同时开播。",
       "Satellite k starts on day k × interval; 0 starts all at once.", integer=True),
    _p("handoff", "大号导流比例", "Flagship hand-off", "比例", "fraction",
       0.05, 0, 0.5, 0.01, "matrix", A,
       "假设：大号带小号（连麦、口播导流）。", "Assumption: the flagship sends viewers to satellites.",
       "旗舰号公域观众被导到在播新号的比例（旗舰号观看不减少）。",
       "Share of the flagship's public viewers sent on to live satellites.", percent=True, uncertain=True),
    _p("overlap", "私域重叠度", "Private pool overlap", "比例", "fraction",
       0.7, 0, 1, 0.05, "matrix", A,
       "假设：矩阵号共享并争夺同一私域。", "Assumption: matrix accounts share and compete for one private domain.",
       "其他账号的邀约落在本账号私域池的比例，加重疲劳。",
       "Share of other accounts' invites that land in this account's pool, adding fatigue.",
       percent=True, uncertain=True),
    _p("sat_pool", "新号私域起始占比", "Satellite starting pool", "×旗舰号私域", "× flagship pool",
       0.2, 0.01, 1, 0.01, "matrix", A,
       "假设。", "Assumption.",
       "新号开播时私域池相对旗舰号初始私域池的大小。",
       "A satellite's starting pool as a share of the flagship's starting pool.", percent=True),
)

BY_KEY: dict[str, Param] = {p.key: p for p in PARAMS}

# Per-account shares of each tool's daily spend: list-valued URL keys (one share per account,
# e.g. gdt_split=0.5,0.3,0.2). Absent means an even split over the accounts live each day; with
# a split, an account's share is spent only once it is live, and may heat another account
# (投手号 → 被投号: the share belongs to the account heated, whoever pays).
SPLIT_KEYS: dict[str, str] = {"gdt": "gdt_split", "beans": "beans_split", "coupons": "coupons_split"}
SPLIT_DIGITS = 6  # shares are kept to 6 decimals so a link writes exactly what the model uses
DEFAULTS: dict[str, float] = {p.key: p.default for p in PARAMS}
HEADLINE_KEYS: tuple[str, ...] = ("invites", "cvr", "aov", "gdt", "beans", "coupons")

# Facts used as constants by the model (DOMAIN.md), kept here beside the parameters.
BEANS_PER_YUAN_ANDROID = 10
BEANS_PER_YUAN_IOS = 7
BEANS_PER_HEATING_ORDER = 500
INITIAL_PUSH_MIN, INITIAL_PUSH_MAX = 50, 500
COUPON_GRANT_MIN_PRIVATE = 50


def beans_for_yuan(yuan: float, ios_share: float) -> float:
    """Beans bought for ``yuan``: 10 per yuan on Android/web, 7 on iOS."""
    return yuan * (BEANS_PER_YUAN_ANDROID * (1 - ios_share) + BEANS_PER_YUAN_IOS * ios_share)
