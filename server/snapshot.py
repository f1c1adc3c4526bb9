"""``/snapshot?<query>``: a share link as a light, server-rendered page (plain HTML, no Streamlit,
no script): the KPIs, the projection card, the key assumptions and a button to the interactive
planner, with Open Graph tags so a chat's link preview shows the projection.

It is what a browser that cannot run Streamlit gets (``server.documents``), and what a link
preview reads. The numbers are the model's, read exactly as the CLI reads a link
(``python -m planner report --lenient LINK`` prints the same KPIs, ``kpis.REPORT``). Every value
that came from the link, and every word, is escaped with ``html.escape``: a link's text is never
markup.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl

from starlette.requests import Request

from planner import kpis
from planner.engine import Projection, simulate
from planner.link import Notice, from_query, to_query
from planner.report import accounts_text, totals
from planner.scenario import Scenario
from planner.text import t
from views.card import CARD_HEIGHT, CARD_SCALE, CARD_WIDTH, assumption_items
from views.client import cannot_run_streamlit, is_wechat
from views.state import read_link as read_app_link

OG_ASSUMPTIONS = 5  # the first rows of the key assumptions that go into a preview's description


@dataclass(frozen=True)
class Link:
    """A share link read as the app reads it: the scenario, what was wrong with the link, the
    language, and the canonical query (without ``lang``, as the app's caches key it)."""

    scenario: Scenario
    notices: tuple[Notice, ...]
    lang: str
    query: str

    @property
    def share_query(self) -> str:
        """The canonical query as the app's share link writes it (``lang=en`` in English)."""
        return to_query(self.scenario, lang="en" if self.lang == "en" else None)


def read_link(query_string: str) -> Link:
    """Read a raw query string; never raises. Keys that messaging apps add (``from=``…) and the
    pages' own keys are passed over, as in the app; ``lang`` is English only when it says so."""
    raw: dict[str, list[str]] = {}
    for key, value in parse_qsl(query_string, keep_blank_values=True):
        raw.setdefault(key, []).append(value)
    scenario, notices, lang = read_app_link(raw)  # the app's own reading of a link
    return Link(scenario, tuple(notices), lang, to_query(scenario))


@lru_cache(maxsize=32)
def projection(query: str) -> Projection:
    """The projection of a canonical query (cached: a chat forwards the same link many times)."""
    scenario, _ = from_query(query)
    return simulate(scenario)


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def kpi_rows(proj: Projection, lang: str) -> list[tuple[str, str]]:
    """(label, value) of every KPI the CLI's report prints, in its order and its formats."""
    values = totals(proj)
    return [(kpis.label(key, lang), kpis.value_text(key, values[key], lang)) for key in kpis.REPORT]


def notice_line(notices: tuple[Notice, ...], lang: str) -> str:
    """The link's problems in one line, or "" when it had none."""
    if not notices:
        return ""
    said = t("snapshot.notice_sep", lang).join(n.text(lang) for n in notices)
    return t("snapshot.notices", lang, n=len(notices), notices=said)


def preview(link: Link) -> tuple[str, str]:
    """The link's preview title and description (the GMV from the model, the accounts, the days and
    the first key assumptions), for ``<title>`` and Open Graph."""
    lang = link.lang
    proj = projection(link.query)
    gmv = kpis.value_text("gmv", totals(proj)["gmv"], lang)
    days = link.scenario.days
    assumptions, _ = assumption_items(proj, lang)
    title = t("snapshot.og_title", lang, days=days, gmv=gmv)
    description = t("snapshot.og_description", lang, accounts=accounts_text(link.scenario, lang), days=days,
                    assumptions=t("snapshot.og_sep", lang).join(
                        f"{label.removesuffix(' *')} {value}" for label, value in assumptions[:OG_ASSUMPTIONS]))
    return title, description


def open_graph(link: Link, base_url: str) -> str:
    """``<meta>`` tags for a chat's link preview of ``link``: title, description, the planner's
    address and the card as the image (absolute addresses, from ``base_url``, the app's root)."""
    title, description = preview(link)
    share = link.share_query
    tags = [("name", "description", description), ("property", "og:type", "website"),
            ("property", "og:title", title), ("property", "og:description", description),
            ("property", "og:url", f"{base_url}?{share}"), ("property", "og:image", f"{base_url}card.png?{share}"),
            ("property", "og:image:type", "image/png"), ("property", "og:image:width", str(CARD_WIDTH * CARD_SCALE)),
            ("property", "og:image:height", str(CARD_HEIGHT * CARD_SCALE)),
            ("property", "og:image:alt", t("snapshot.card_alt", link.lang)),
            ("name", "twitter:card", "summary_large_image")]
    return "\n".join(f'<meta {kind}="{_esc(name)}" content="{_esc(value)}">' for kind, name, value in tags)


def page(link: Link, base_url: str, user_agent: str | None) -> str:
    """The snapshot page of ``link`` as HTML. ``base_url`` is the app's root (``https://host/``),
    for the absolute addresses Open Graph wants."""
    lang = link.lang
    proj = projection(link.query)
    rows = kpi_rows(proj, lang)
    assumptions, hidden = assumption_items(proj, lang)
    accounts = accounts_text(link.scenario, lang)
    days = link.scenario.days
    share = link.share_query
    other_lang = to_query(link.scenario, lang=None if lang == "en" else "en")
    title, _ = preview(link)
    wechat = is_wechat(user_agent)
    hints = []
    if cannot_run_streamlit(user_agent):
        hints.append(t("snapshot.old_wechat", lang))
    if wechat:
        hints.append(t("snapshot.long_press", lang))
    notices = notice_line(link.notices, lang)

    kpi_html = "".join(f"<tr><th>{_esc(label)}</th><td>{_esc(value)}</td></tr>" for label, value in rows)
    assumption_html = "".join(f"<tr><th>{_esc(label)}</th><td>{_esc(value)}</td></tr>" for label, value in assumptions)
    more = f'<p class="muted">{_esc(t("snapshot.more", lang, n=hidden))}</p>' if hidden else ""
    hint_html = "".join(f'<p class="hint">{_esc(h)}</p>' for h in hints)
    notice_html = f'<p class="notice" role="status">{_esc(notices)}</p>' if notices else ""
    html_lang = "zh-CN" if lang == "zh" else "en"
    return f"""<!DOCTYPE html>
<html lang="{html_lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_esc(title)}</title>
{open_graph(link, base_url)}
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>{_esc(t("snapshot.title", lang))}</h1>
<p class="muted">{_esc(accounts)} · {_esc(t("snapshot.days", lang, days=days))}</p>
{notice_html}
{hint_html}
<p><a class="button" href="/open?{_esc(share)}">{_esc(t("snapshot.open", lang))}</a>
<a class="lang" href="/snapshot?{_esc(other_lang)}">{_esc(t("snapshot.lang_switch", lang))}</a></p>
<p class="muted small">{_esc(t("snapshot.needs_browser", lang))}</p>
<h2>{_esc(t("snapshot.kpis", lang))}</h2>
<table class="kpis">{kpi_html}</table>
<h2>{_esc(t("snapshot.assumptions", lang))}</h2>
<table>{assumption_html}</table>
<p class="muted small">{_esc(t("snapshot.changed_note", lang))}</p>
{more}
<img class="card" src="/card.png?{_esc(share)}" width="{CARD_WIDTH}" height="{CARD_HEIGHT}" alt="{_esc(t("snapshot.card_alt", lang))}">
</main>
</body>
</html>
"""


STYLE = """
body { margin: 0; background: #F4F6F8; color: #1F2329; font: 16px/1.5 -apple-system, "PingFang SC",
  "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
main { max-width: 720px; margin: 0 auto; padding: 16px; background: #FFFFFF; }
h1 { font-size: 22px; margin: 8px 0; } h2 { font-size: 18px; margin: 24px 0 8px; }
table { width: 100%; border-collapse: collapse; }
th, td { padding: 6px 4px; border-bottom: 1px solid #E5E6EB; text-align: left; vertical-align: top; }
td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th { font-weight: normal; color: #646A73; }
.kpis td { font-weight: 600; }
.muted { color: #646A73; } .small { font-size: 13px; }
.notice { background: #FFF7E8; border-left: 4px solid #FF8800; padding: 8px; overflow-wrap: anywhere; }
.hint { background: #E8F8EE; border-left: 4px solid #07C160; padding: 8px; }
.button { display: inline-block; background: #07C160; color: #FFFFFF; padding: 10px 18px;
  border-radius: 6px; text-decoration: none; font-weight: 600; }
.lang { margin-left: 12px; color: #646A73; }
img.card { display: block; width: 100%; height: auto; margin: 24px 0 8px; border: 1px solid #E5E6EB; }
"""


_PLAIN_HOST = re.compile(r"[A-Za-z0-9.\-]{1,253}(:[0-9]{1,5})?")


def app_root(scope) -> str:
    """The app's root address as the visitor reached it (``https://host:port/``). Behind the
    deployment's nginx on loopback, uvicorn takes the scheme from X-Forwarded-Proto, and the host
    with its port comes from X-Forwarded-Host (nginx passes Host without the port, which
    Streamlit's host check needs, so a preview on a non-standard port lost it). A forwarded host
    is believed only from a loopback peer, and only when it is a plain host[:port]."""
    request = Request(scope)
    url = request.base_url
    forwarded = request.headers.get("x-forwarded-host", "")
    peer = (request.client.host if request.client else "") or ""
    if peer in ("127.0.0.1", "::1") and _PLAIN_HOST.fullmatch(forwarded):
        url = url.replace(netloc=forwarded)
    return str(url)
