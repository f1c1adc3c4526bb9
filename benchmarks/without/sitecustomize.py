"""Imported by Python itself at start-up, in the servers ``benchmarks/overview_parts.py`` starts
with this folder first on PYTHONPATH, and nowhere else.

``PLANNER_BENCH_WITHOUT`` names parts of the overview whose Streamlit calls then draw nothing,
so the benchmark can say what each part costs per slider move without a second copy of the
page. The page, the model and every other call run as they are.
"""

import os

PARTS = {  # a part of the overview → the Streamlit calls that draw it
    "charts": ("echarts_chart",),
    "table": ("table",),
    "downloads": ("download_button", "link_button"),
}
_WITHOUT = [part for part in os.environ.get("PLANNER_BENCH_WITHOUT", "").split(",") if part]

if _WITHOUT:
    import streamlit as st
    from streamlit.delta_generator import DeltaGenerator

    def _draw_nothing(*args, **kwargs) -> None:
        return None

    for part in _WITHOUT:
        for call in PARTS[part]:  # an unknown part fails the server's start, loudly
            setattr(DeltaGenerator, call, _draw_nothing)
            setattr(st, call, _draw_nothing)
