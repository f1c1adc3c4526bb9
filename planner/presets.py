"""Named scenarios drawn from the cases in shared/DOMAIN.md. Each is also a share link
(``preset=NAME``, or ``planner.link.to_query`` of its scenario)."""

from __future__ import annotations

from dataclasses import dataclass

from .scenario import Scenario
from .text import t


@dataclass(frozen=True)
class Preset:
    """A named scenario. Its label and story are in the catalogue (``preset.<name>.label``,
    ``preset.<name>.story``), with every other word the app and the CLI show."""

    name: str
    scenario: Scenario

    def label(self, lang: str) -> str:
        return t(f"preset.{self.name}.label", lang)

    def story(self, lang: str) -> str:
        return t(f"preset.{self.name}.story", lang)


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            "apparel_matrix",
            Scenario(accounts=6, launch_every=12, followers=0, video_plays=30_000_000, pool=100_000,
                     invites=10_000, buyer_share=0.5, gdt=0, beans=0, coupons=0, days=90),
        ),
        Preset(
            "store_chain",
            Scenario(accounts=4, launch_every=30, pool=300_000, invites=30_000, buyer_share=0.6,
                     followers=20_000, video_plays=100_000, aov=200, days=120),
        ),
        Preset(
            "retail_guides",
            Scenario(accounts=1, pool=3_000_000, invites=200_000, buyer_share=0.6, followers=100_000,
                     video_plays=100_000, aov=150, days=90),
        ),
        Preset(
            "private_kol",
            Scenario(accounts=1, sessions_week=1, session_hours=4, pool=30_000, invites=20_000, buyer_share=0.4,
                     followers=5_000, video_plays=10_000, aov=300, days=90),
        ),
        Preset(
            "coffee_funnel",
            Scenario(accounts=3, launch_every=30, pool=5_000, invites=1_500, aov=40, capture=0.6,
                     churn=0.0005, margin=0.6, session_hours=4, days=180),
        ),
        Preset(
            "expert_high_aov",
            Scenario(accounts=1, aov=3000, followers=50_000, video_plays=1_000_000, pool=8_000, invites=1_500,
                     gdt=2_000, beans=1_000, gdt_prec=1.5, beans_prec=1.2, returns=0.15, margin=0.5, days=90),
        ),
        Preset(
            "cold_start_beans",
            Scenario(accounts=1, pool=2_000, invites=400, followers=0, beans=500, aov=180, days=60),
        ),
    )
}
