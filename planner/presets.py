"""Named scenarios drawn from the cases in shared/DOMAIN.md. Each is also a share link
(``preset=NAME``, or ``planner.link.to_query`` of its scenario)."""

from __future__ import annotations

from dataclasses import dataclass

from .scenario import Scenario


@dataclass(frozen=True)
class Preset:
    name: str
    label_zh: str
    label_en: str
    story_zh: str
    story_en: str
    scenario: Scenario

    def label(self, lang: str) -> str:
        return self.label_zh if lang == "zh" else self.label_en

    def story(self, lang: str) -> str:
        return self.story_zh if lang == "zh" else self.story_en


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            "apparel_matrix",
            "服装矩阵（6号，爆款短视频，零投流）",
            "Apparel matrix (6 accounts, viral videos, no paid traffic)",
            "做了18年线下门店的服装企业，2023年2月8日开播，约两个月开出6个矩阵号，不投流月成交约5500万元。"
            "方法是爆款情绪短视频把观众带进直播间，再由大号带小号。这里：新账号、爆款级短视频播放、"
            "每12天开一个新号，私域取门店顾客的量级（假设）；报道没说的取默认值。",
            "An apparel company that had only sold in its stores for 18 years started streaming on 8 February "
            "2023, ran 6 matrix accounts by mid-April and sold about 55 million yuan a month with no paid "
            "traffic: viral emotional short videos led viewers into the room, then the big account brought up "
            "the small ones. Here: new accounts, viral-level video plays, a new account every 12 days, and a "
            "private domain of store customers (an assumption); what the report does not say keeps its default.",
            Scenario(accounts=6, launch_every=12, followers=0, video_plays=30_000_000, pool=100_000,
                     invites=10_000, buyer_share=0.5, gdt=0, beans=0, coupons=0, days=90),
        ),
        Preset(
            "store_chain",
            "连锁品牌店播（门店顾客私域）",
            "Store chain broadcasting from its stores",
            "企业品牌店播：旗舰号先做起来，再把标准打法复制到矩阵号；私域是门店顾客。单号月销100–300万元，"
            "矩阵品牌千万以上。这里：30万门店顾客（假设）、每场3万邀约、日更短视频、每月开一个新号。",
            "A brand chain broadcasting from its stores: the flagship first, then a standard playbook copied to "
            "matrix accounts; its private domain is store customers. A single account sells 1–3 million yuan a "
            "month, a matrix brand over 10 million. Here: 300,000 store customers (an assumption), 30,000 "
            "invites a session, daily short videos and a new account every month.",
            Scenario(accounts=4, launch_every=30, pool=300_000, invites=30_000, buyer_share=0.6,
                     followers=20_000, video_plays=100_000, aov=200, days=120),
        ),
        Preset(
            "retail_guides",
            "零售连锁（2万导购私域）",
            "Retail chain driven by shopping guides",
            "像屈臣氏一样，约2万名导购触达约300万消费者，只在视频号直播。私域大、邀约量大，疲劳是主要约束。"
            "这里：每位导购每场邀约约10人（假设）。",
            "Like Watsons: about 20,000 shopping guides reach about 3 million consumers and the brand streams "
            "only on 视频号. A huge private domain and heavy invites; fatigue is the limit. Here: each guide "
            "invites about 10 people a session (an assumption).",
            Scenario(accounts=1, pool=3_000_000, invites=200_000, buyer_share=0.6, followers=100_000,
                     video_plays=100_000, aov=150, days=90),
        ),
        Preset(
            "private_kol",
            "私域KOL（每月几场）",
            "Private-domain KOL streaming a few times a month",
            "有的私域KOL一个月只播几次：每场集中邀约自己的社群，直播是私域的集中成交日。",
            "Some private-domain KOLs stream only a few times a month: each session rallies their own groups, "
            "and the live is the private domain's day of sales.",
            Scenario(accounts=1, sessions_week=1, session_hours=4, pool=30_000, invites=20_000, buyer_share=0.4,
                     followers=5_000, video_plays=10_000, aov=300, days=90),
        ),
        Preset(
            "coffee_funnel",
            "咖啡连锁（直播间做私域漏斗）",
            "Coffee chain: the live room as a private-domain funnel",
            "店员在真实门店开播，用优惠券把观众沉淀进私域，再定期发券驱动复购。直播间是私域漏斗，不是主要收入来源。"
            "这里：成交沉淀率高、定期发券让私域流失慢（假设）。",
            "A clerk streams from a real store; coupons push viewers into the private domain, and scheduled "
            "coupons there drive repurchase. The room is a funnel, not the main revenue.",
            Scenario(accounts=3, launch_every=30, pool=5_000, invites=1_500, aov=40, capture=0.6,
                     churn=0.0005, margin=0.6, session_hours=4, days=180),
        ),
        Preset(
            "expert_high_aov",
            "达人单号（高客单）",
            "Single expert account, high-AOV goods",
            "一位行业达人单号直播高价商品（如珠宝、茶），客单价数千元，转化率低；专业内容吸粉，"
            "用广点通和微信豆补充公域。",
            "One expert account selling high-value goods (jewellery, tea) at thousands of yuan an order, with "
            "low conversion; expertise content wins followers, and Tencent Ads and beans top up public traffic.",
            Scenario(accounts=1, aov=3000, followers=50_000, video_plays=1_000_000, pool=8_000, invites=1_500,
                     gdt=2_000, beans=1_000, gdt_prec=1.5, beans_prec=1.2, returns=0.15, margin=0.5, days=90),
        ),
        Preset(
            "cold_start_beans",
            "新品牌冷启动（微信豆加热）",
            "New brand cold start, heated with beans",
            "新品牌私域很小，全新账号从冷启动开始，用微信豆加热把开播前30–60分钟的数据做起来。",
            "A new brand with a small private domain and a new account, starting cold, heating the room with "
            "beans to lift the first 30–60 minutes.",
            Scenario(accounts=1, pool=2_000, invites=400, followers=0, beans=500, aov=180, days=60),
        ),
    )
}
