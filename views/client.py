"""What the visitor's browser can do, read from its user agent. Pure: no streamlit import, so the
server's routes (``server/``) and the pages share one rule.

Streamlit 1.67's front end calls ``Promise.withResolvers`` (Chrome 119, Safari 17.4) and
``Object.hasOwn`` (Chrome 93, Safari 15.4) as it starts; a browser without them shows a blank page
(streamlit issue #12118: ``Object.hasOwn is not a function``). WeChat's in-app browser is such a
browser on many phones: on Android its kernel (X5/TBS, later XWEB) reports the Chromium it is built
on as ``Chrome/NN``, and on iOS every browser is the system's WebKit, so the iOS version is the
engine's. The rule, for WeChat only (``MicroMessenger`` in the user agent):

- Android: ``Chrome/NN`` with NN < 119, or no ``Chrome/`` at all (an X5 kernel that hides it);
- iOS/iPadOS: ``OS A_B`` with A.B < 17.4.

Any other browser is left to the feature test in the page (``server.documents``), which checks the
functions themselves; the user agent only saves an old WeChat the download of a front end it cannot
run. WeChat also blocks downloads of generated files (blob URLs), whatever its kernel.
"""

from __future__ import annotations

import re

MIN_CHROME = 119  # Promise.withResolvers
MIN_IOS = (17, 4)  # Promise.withResolvers in Safari/WebKit
# JavaScript the page runs before Streamlit's bundle: true when the functions Streamlit needs at
# start-up exist. ES5 only, so an old kernel can parse it.
FEATURE_TEST_JS = ("typeof Object.hasOwn === 'function' && typeof Promise.withResolvers === 'function'"
                   " && typeof Array.prototype.toSorted === 'function' && typeof structuredClone === 'function'")

_WECHAT = re.compile(r"MicroMessenger", re.IGNORECASE)
_CHROME = re.compile(r"Chrome/(\d+)")
_IOS = re.compile(r"(?:iPhone|iPad|iPod)[^)]*?OS (\d+)(?:_(\d+))?")


def is_wechat(user_agent: str | None) -> bool:
    """Inside WeChat's in-app browser (also WeCom's and WeChat for Windows/Mac, which say so too)."""
    return bool(user_agent) and _WECHAT.search(user_agent) is not None


def cannot_run_streamlit(user_agent: str | None) -> bool:
    """True when the user agent is a WeChat whose engine is too old for Streamlit (the rule above).
    False for anything else, including no user agent: the page's feature test decides then."""
    if not is_wechat(user_agent):
        return False
    ios = _IOS.search(user_agent)
    if ios:
        return (int(ios.group(1)), int(ios.group(2) or 0)) < MIN_IOS
    chrome = _CHROME.search(user_agent)
    if chrome is None:
        return "Android" in user_agent
    return int(chrome.group(1)) < MIN_CHROME
