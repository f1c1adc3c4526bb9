"""Named scenarios drawn from the cases in shared/DOMAIN.md. Each is also a share link."""

from __future__ import annotations

from dataclasses import dataclass

from .scenario import Scenario, to_query


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

    def query(self) -> str:
        return to_query(self.scenario)


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            "apparel_matrix",
            "服装矩阵（6号，零投流）",
            "Apparel matrix (6 accounts, no paid traffic)",
            "线下服装企业2023年2月开播，6个矩阵号，靠情绪短视频把观众带进直播间，"
            "不投流月成交约5500万元。这里用强短视频（高点击、长停留）、大私域和同时开播来近似。",
            "An offline apparel company started streaming in February 2023 with 6 matrix accounts "
            "and reached about 55 million yuan a month with no paid traffic, led by emotional "
            "short videos. Approximated with strong videos (high CTR, long dwell), a large "
            "private domain and all accounts live from day one.",
            Scenario(accounts=6, launch_every=0, pool=620_000, invites=95_000, show=0.06,
                     aov=300, cvr=0.02, ctr=0.3, dwell=8, interact=0.1, weight0=0.7,
                     sat_pool=0.5, overlap=0.5, handoff=0.08, gdt=0, beans=0, coupons=0,
                     days=90),
        ),
        Preset(
            "retail_guides",
            "零售连锁（导购私域）",
            "Retail chain driven by shopping guides",
            "像屈臣氏一样，约2万名导购触达约300万消费者，只在视频号直播。"
            "私域池大、邀约量大，疲劳是主要约束。",
            "Like Watsons: about 20,000 shopping guides reach about 3 million consumers and the "
            "brand streams only on 视频号. A huge pool and heavy invites; fatigue is the limit.",
            Scenario(accounts=1, pool=3_000_000, invites=200_000, show=0.03, fatigue=1.5,
                     aov=150, cvr=0.015, priv_mult=6, weight0=0.6, capture=0.2, days=90),
        ),
        Preset(
            "coffee_funnel",
            "咖啡连锁（直播间做私域漏斗）",
            "Coffee chain: the live room as a private-domain funnel",
            "店员在真实门店开播，用优惠券把观众沉淀进私域，再定期发券驱动复购。"
            "直播间是私域漏斗，不是主要收入来源。",
            "A clerk streams from a real store; coupons push viewers into the private domain, "
            "and scheduled coupons there drive repurchase. The room is a funnel, not the main "
            "revenue.",
            Scenario(accounts=3, launch_every=30, pool=5_000, invites=1_500, show=0.1,
                     aov=40, cvr=0.05, priv_mult=4, capture=0.6, repurchase=0.7, churn=0.001,
                     coupons=300, coupons_cpv=0.3, margin=0.6, days=180),
        ),
        Preset(
            "expert_high_aov",
            "达人单号（高客单）",
            "Single expert account, high-AOV goods",
            "一位行业达人单号直播高价商品（如珠宝、茶），客单价数千元，转化率低，"
            "用广点通和微信豆补充公域。",
            "One expert account selling high-value goods (jewellery, tea) at thousands of yuan "
            "per order, with low conversion, topping up public traffic with Tencent Ads and beans.",
            Scenario(accounts=1, aov=3000, cvr=0.003, priv_mult=12, pool=8_000, invites=1_500,
                     gdt=2_000, beans=1_000, gdt_prec=1.5, beans_prec=1.2, returns=0.15,
                     margin=0.5, weight0=0.4, days=90),
        ),
        Preset(
            "cold_start_beans",
            "新品牌冷启动（微信豆加热）",
            "New brand cold start, heated with beans",
            "新品牌私域很小，从冷启动开始，用微信豆加热把开播前30–60分钟的数据做起来。",
            "A new brand with a small private domain, starting cold, heating the room with beans "
            "to lift the first 30–60 minutes.",
            Scenario(accounts=1, pool=2_000, invites=400, weight0=0.0, beans=500, aov=180,
                     days=60),
        ),
    )
}
