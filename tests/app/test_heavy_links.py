"""Heavy links (issue 12): one link of 20 accounts × 365 days, every range and 10,000 draws cost
15–24 s and 223 MiB of cache per seed. The planner now has a compute budget with a notice saying
what it used instead (planner.uncertainty), the app's caches are bounded by memory and only a
few heavy computations run at once, with a waiting notice (views/memo.py). The server's memory
under four such links at once is measured by benchmarks/heavy_links.py."""

from __future__ import annotations

import json
import threading
import time

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import uncertainty as U
from planner.cli import main
from planner.link import to_query
from planner.scenario import MAX_DRAWS, Scenario
from planner.text import t
from tests.apptest_pages import open_page
from tests.heavy_link import heaviest
from views import memo

# --- the compute budget --------------------------------------------------------------------------

@given(accounts=st.integers(1, 20), days=st.integers(7, 365), draws=st.integers(1, MAX_DRAWS))
def test_the_draws_run_always_fit_the_budget(accounts, days, draws):
    s = Scenario(accounts=accounts, days=days, draws=draws)
    used = U.draws_within_budget(s)
    assert 1 <= used <= draws
    assert used * accounts * days <= U.MAX_DRAW_ACCOUNT_DAYS and used * days <= U.MAX_DRAW_DAYS
    notice = U.budget_notice(s)
    assert (notice is None) == (used == draws)
    if notice is not None:
        text = notice.text("en")
        assert f"draws={draws}" in text and f"used {used:,} draws" in text


def test_the_heaviest_link_runs_within_the_budget_and_says_so():
    s = heaviest(seed=3)
    mc = U.monte_carlo(s)
    assert mc.draws == U.draws_within_budget(s) < MAX_DRAWS
    assert mc.gmv.nbytes + mc.net_gmv.nbytes + mc.profit.nbytes + mc.pv.nbytes <= 64 * U.MAX_DRAW_DAYS
    assert "20 accounts × 365 days" in U.budget_notice(s).text("en")
    assert "20 个账号 × 365 天" in U.budget_notice(s).text("zh")


def test_the_cli_says_what_it_used_instead(capsys):
    code = main(["report", to_query(heaviest(seed=1)), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0
    used = U.draws_within_budget(heaviest())
    assert json.loads(out)["percentiles"]["draws"] == used
    assert err.count("\n") == 1 and err.startswith("planner: notice: draws=10000") and f"used {used:,}" in err


def test_the_ranges_page_says_what_it_used_instead():
    at = open_page("pages/uncertainty.py", dict(_pairs(to_query(heaviest(seed=2)))), lang="en")
    used = U.draws_within_budget(heaviest())
    assert U.budget_notice(heaviest()).text("en") in [w.value for w in at.warning]
    assert f"draws {used:,} times" in at.caption[0].value


def _pairs(query: str):
    return (pair.split("=", 1) for pair in query.split("&"))


# --- caches bounded by memory ----------------------------------------------------------------------

def test_a_cache_keeps_at_most_its_bytes_most_recent_first():
    cache = memo.MemoryBoundedCache(max_bytes=3 * 2**20)
    for i in range(10):
        cache.put(i, np.zeros(2**20 // 8))  # 1 MiB each
    assert cache.bytes <= 3 * 2**20 and len(cache) == 2
    assert cache.get(9)[0] and cache.get(8)[0] and not cache.get(0)[0]
    cache.put("huge", np.zeros(2**20))  # 8 MiB: more than the whole cache, so not kept
    assert not cache.get("huge")[0] and cache.get(9)[0]


def test_two_callers_of_the_same_key_wait_for_one_computation():
    calls = []

    @memo.cached(max_bytes=2**20)
    def slow(x):
        calls.append(x)
        time.sleep(0.2)
        return x * 2

    threads = [threading.Thread(target=slow, args=(21,)) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert calls == [21] and slow(21) == 42


def test_only_a_few_heavy_computations_run_at_once_and_the_rest_wait(monkeypatch):
    running, peak, waited = [0], [0], []
    lock = threading.Lock()
    monkeypatch.setattr(memo, "_waiting_notice", lambda: waited.append(1))

    @memo.cached(max_bytes=2**20, heavy=True)
    def heavy(seed):
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.2)
        with lock:
            running[0] -= 1
        return seed

    threads = [threading.Thread(target=heavy, args=(seed,)) for seed in range(memo.HEAVY_AT_ONCE + 3)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert peak[0] == memo.HEAVY_AT_ONCE
    assert len(waited) >= 3  # each one that had to wait was told so


def test_a_heavy_computation_inside_another_does_not_wait_for_a_second_slot():
    @memo.cached(max_bytes=2**20, heavy=True)
    def inner(x):
        return x + 1

    @memo.cached(max_bytes=2**20, heavy=True)
    def outer(x):
        return inner(x) * 2

    done = []
    threads = [threading.Thread(target=lambda x=x: done.append(outer(x))) for x in range(memo.HEAVY_AT_ONCE * 2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=10)
    assert sorted(done) == [2 * (x + 1) for x in range(memo.HEAVY_AT_ONCE * 2)]  # no deadlock


def test_the_waiting_notice_is_on_the_page():
    from streamlit.testing.v1 import AppTest

    def script():
        from views import memo

        memo._waiting_notice()

    at = AppTest.from_function(script).run()
    assert [i.value for i in at.info] == [t("notice.heavy_waiting", "zh", n=memo.HEAVY_AT_ONCE)]


@pytest.mark.parametrize("module, name", [("views.state", "project"), ("views.ranges", "monte_carlo"),
                                          ("views.budget_state", "plan"), ("views.calibrate", "run")])
def test_the_apps_caches_are_bounded_by_memory(module, name):
    import importlib

    fn = getattr(importlib.import_module(module), name)
    assert isinstance(fn.cache, memo.MemoryBoundedCache) and fn.cache.max_bytes <= 128 * 2**20
