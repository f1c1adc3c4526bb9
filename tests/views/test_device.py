"""views.device: which browsers get the phone layout."""

from __future__ import annotations

import pytest

from tests.conftest_browser import WECHAT_UA
from views.device import is_phone_agent

PHONES = (
    WECHAT_UA,
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 "
    "MicroMessenger/8.0.49(0x18003133) NetType/WIFI Language/zh_CN",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 "
    "Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36",
)
DESKTOPS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 "
    "Safari/605.1.15",
    # WeChat's desktop client: a wide window, the sidebar fits.
    "Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0 Safari/537.36 "
    "NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat(0x63090a13)",
    # An Android tablet has no "Mobile" token.
    "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
    "",
    None,
)


@pytest.mark.parametrize("agent", PHONES)
def test_phones_and_wechat_on_a_phone_get_the_phone_layout(agent):
    assert is_phone_agent(agent)


@pytest.mark.parametrize("agent", DESKTOPS)
def test_desktops_and_tablets_keep_the_sidebar(agent):
    assert not is_phone_agent(agent)
