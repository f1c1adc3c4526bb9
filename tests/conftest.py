import os

import pytest
from hypothesis import HealthCheck, settings

pytest_plugins = ("tests.browser_fixtures",)  # server, browser and page for the browser tests

# CI runs a fixed seed and a bounded number of examples; locally a little more.
settings.register_profile("ci", max_examples=60, derandomize=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
# benchmarks/fuzz.py: a larger, randomised run (its seed is printed, so a find can be replayed).
settings.register_profile("fuzz", max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "1000")),
                          deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(autouse=True)
def _environment_not_chinese(monkeypatch):
    """The CLI's --help and errors follow the locale (planner.cli.common.environment_lang); the
    tests expect English unless they set a Chinese locale themselves, whatever the machine's is."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(name, "").startswith("zh"):
            monkeypatch.setenv(name, "C.UTF-8")
