"""The user-agent rule for WeChat kernels too old to run Streamlit (views/client.py), on user
agents as WeChat sends them."""

from __future__ import annotations

import pytest

from views.client import cannot_run_streamlit, is_wechat

OLD = {
    "Android X5/TBS kernel (Chrome 53)":
        "Mozilla/5.0 (Linux; Android 7.1.1; OPPO R11 Build/NMF26X; wv) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Version/4.0 Chrome/53.0.2785.49 Mobile MQQBrowser/6.2 TBS/043632 Safari/537.36 "
        "MicroMessenger/6.6.1.1220(0x26060135) NetType/WIFI Language/zh_CN",
    "Android XWEB on Chrome 86":
        "Mozilla/5.0 (Linux; Android 10; V1916A Build/QP1A.190711.020; wv) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Version/4.0 Chrome/86.0.4240.99 XWEB/3263 MMWEBSDK/20211001 Mobile Safari/537.36 MMWEBID/6170 "
        "MicroMessenger/8.0.16.2040(0x28001037) Process/toolsmp WeChat/arm64 Weixin NetType/WIFI Language/zh_CN",
    "Android kernel without Chrome/":
        "Mozilla/5.0 (Linux; U; Android 6.0; zh-cn; HUAWEI Build/HUAWEI) AppleWebKit/533.1 (KHTML, like Gecko) "
        "Version/4.0 Mobile Safari/533.1 MicroMessenger/6.3.9.48_refecd3e.700 NetType/WIFI Language/zh_CN",
    "iPhone iOS 16.6":
        "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Mobile/15E148 MicroMessenger/8.0.40(0x1800282a) NetType/WIFI Language/zh_CN",
    "iPhone iOS 17 (17.0)":
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Mobile/15E148 MicroMessenger/8.0.44(0x18002c2d) NetType/WIFI Language/zh_CN",
    "iPad iPadOS 17.3":
        "Mozilla/5.0 (iPad; CPU OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 "
        "MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN",
    "WeChat for Windows on Chrome 81":
        "Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 "
        "Safari/537.36 NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat(0x63090a13)",
}
CURRENT = {
    "Android XWEB on Chrome 130":
        "Mozilla/5.0 (Linux; Android 14; 23127PN0CC Build/UKQ1.230804.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Version/4.0 Chrome/130.0.6723.103 Mobile Safari/537.36 XWEB/1300289 MMWEBSDK/20241103 MMWEBID/7270 "
        "MicroMessenger/8.0.55.2780(0x28003737) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64",
    "iPhone iOS 17.4":
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN",
    "iPhone iOS 18.1.1":
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Mobile/15E148 MicroMessenger/8.0.54(0x18003637) NetType/WIFI Language/zh_CN",
    "WeChat for Mac (left to the feature test)":
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "MicroMessenger/6.8.0(0x16080000) MacWechat/3.8.7(0x13080712) Reverse Proxy/2.0 NetType/WIFI WindowsWechat",
}
NOT_WECHAT = {
    "desktop Chrome 100 (left to the feature test)":
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/100.0.4896.60 Safari/537.36",
    "Safari on iOS 15": "Mozilla/5.0 (iPhone; CPU iPhone OS 15_0 like Mac OS X) AppleWebKit/605.1.15 "
                        "(KHTML, like Gecko) Version/15.0 Mobile/15E148 Safari/604.1",
    "no user agent": "",
}


@pytest.mark.parametrize("ua", OLD.values(), ids=OLD.keys())
def test_old_wechat_kernels_cannot_run_streamlit(ua):
    assert is_wechat(ua)
    assert cannot_run_streamlit(ua)


@pytest.mark.parametrize("ua", CURRENT.values(), ids=CURRENT.keys())
def test_current_wechat_kernels_are_let_through(ua):
    assert is_wechat(ua)
    assert not cannot_run_streamlit(ua)


@pytest.mark.parametrize("ua", NOT_WECHAT.values(), ids=NOT_WECHAT.keys())
def test_other_browsers_are_left_to_the_pages_feature_test(ua):
    assert not is_wechat(ua)
    assert not cannot_run_streamlit(ua)


def test_no_user_agent_header_at_all():
    assert not is_wechat(None) and not cannot_run_streamlit(None)
