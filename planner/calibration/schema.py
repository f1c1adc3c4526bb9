"""The one table of columns a past-sessions file may have.

``COLUMNS`` lists, for every column the calibration reads: its canonical name, its Chinese
and English labels, the header aliases merchants' back offices use, its unit, whether it is
required, and its kind (date, text or a non-negative number). The reader, the README section,
the app page and the tests all read this table; nothing else names a column. Like the parameter
registry it keeps its own labels: a column's Chinese label, English label and aliases are also
the headers a file may carry, so they are data the reader matches, not words to translate. The
sentences around them live in the catalogue (``planner.text``, keys ``calibration.*``); they name
a column through ``ColumnRef``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..text import t

DATE, TEXT, NUMBER = "date", "text", "number"


@dataclass(frozen=True)
class Column:
    key: str  # canonical name
    label_zh: str
    label_en: str
    aliases: tuple[str, ...]  # header spellings recognised, besides key and the labels
    unit_zh: str
    unit_en: str
    required: bool
    kind: str  # DATE, TEXT or NUMBER (a number is never negative)
    note_zh: str
    note_en: str

    def label(self, lang: str) -> str:
        return self.label_zh if lang == "zh" else self.label_en

    def unit(self, lang: str) -> str:
        return self.unit_zh if lang == "zh" else self.unit_en

    def note(self, lang: str) -> str:
        return self.note_zh if lang == "zh" else self.note_en

    def names(self) -> tuple[str, ...]:
        return (self.key, self.label_zh, self.label_en, *self.aliases)


COLUMNS: tuple[Column, ...] = (
    Column("date", "日期", "date", ("开播日期", "直播日期", "开播时间", "day", "session date", "live_start_time",
                                   "start_time", "live_date"),
           "年-月-日", "YYYY-MM-DD", True, DATE,
           "每行一场：一个账号一天一场（同一账号的日期须全部递增或全部递减，如直播列表从新到旧）。",
           "One row per session: one account, one day (an account's dates go one way: forward, or "
           "backward as a live list shows them, newest first)."),
    Column("account", "账号", "account", ("账号名称", "直播账号", "视频号", "视频号名称", "account name", "finder_nickname",
                                           "nickname", "主播账号"),
           "文本", "text", False, TEXT,
           "没有这一列时视为单个账号；最早开播的账号视为旗舰号。",
           "Without this column the file is one account; the earliest account is the flagship."),
    Column("viewers", "场观", "viewers", ("观看人数", "观看人次", "直播观看人数", "累计观看人数", "pv", "views",
                                              "watch_uv", "uv", "viewer_cnt", "场观人数"),
           "人", "people", True, NUMBER,
           "每场累计观看人数（各来源合计）。", "Viewers of the session, all sources together."),
    Column("private_viewers", "私域观看", "private viewers",
           ("私域观看人数", "私域场观", "私域流量", "private"),
           "人", "people", False, NUMBER,
           "来自私域（社群、企微、朋友圈、公众号）的观看；有这一列才能估计私域转化倍数和到场率。",
           "Viewers from the private domain; needed to estimate the private CVR multiple and show rate."),
    Column("invites", "邀约量", "invites", ("邀约人数", "邀约人次", "private invites"),
           "人次", "invites", False, NUMBER,
           "每场发出的私域邀约；有这一列才能单独估计到场率。",
           "Invites sent for the session; needed to tell the show rate apart from the invites."),
    Column("buyers", "成交人数", "buyers", ("下单人数", "支付人数", "购买人数", "paying users", "pay_uv",
                                             "pay_user_cnt"),
           "人", "people", False, NUMBER,
           "每场成交（支付）人数。没有这一列（只有直播列表）时，客单价和转化率无法分开：客单价保持原值，转化率按UV价值折算。",
           "People who paid in the session. Without it (the live list alone) AOV and conversion cannot be "
           "told apart: the AOV keeps its value and the CVR matches GMV per viewer."),
    Column("orders", "成交订单数", "orders", ("订单数", "支付订单数", "成交单数", "order count",
                                              "pay_order_cnt", "order_cnt"),
           "单", "orders", False, NUMBER,
           "模型按人计成交（客单价＝成交金额÷成交人数）；有这一列时另报每单金额和人均单数。",
           "The model counts buyers (AOV = GMV ÷ buyers); with this column the value per order and "
           "orders per buyer are reported too."),
    Column("gmv", "成交金额", "GMV", ("成交额", "支付金额", "销售额", "直播成交金额", "sales", "revenue",
                                             "pay_amount_fen", "gmv_fen", "pay_amount"),
           "元", "yuan", True, NUMBER, "每场成交金额（退款前）。", "Sales of the session before refunds."),
    Column("gdt_spend", "广点通消耗", "Tencent Ads spend",
           ("广点通花费", "adq消耗", "广告消耗", "gdt", "gdt spend", "adq spend"),
           "元", "yuan", False, NUMBER,
           "当场广点通投放金额；没投写0。没有这一列：文件不说明付费流量，投放保持当前计划。",
           "Tencent Ads spend; 0 if none. Without the column the file says nothing about paid traffic "
           "and the plan's spend is kept."),
    Column("beans_spend", "微信豆消耗", "beans spend",
           ("微信豆花费", "加热消耗", "微信豆", "beans"),
           "元", "yuan", False, NUMBER,
           "当场用于加热的微信豆折合金额（元）；没投写0。没有这一列：文件不说明加热，投放保持当前计划。",
           "Yuan spent on beans to heat the room; 0 if none. Without the column the file says nothing "
           "about heating and the plan's spend is kept."),
    Column("coupons_spend", "流量券消耗", "coupons spend",
           ("流量券花费", "流量券", "coupons", "coupon spend"),
           "元", "yuan", False, NUMBER, "购买直播流量券的现金金额。", "Cash spent on live traffic coupons."),
    Column("gdt_viewers", "广点通观看", "Tencent Ads viewers", ("广点通观看人数", "广点通引流人数", "gdt viewers"),
           "人", "people", False, NUMBER,
           "广点通带来的观看；有这一列才能估计广点通观看成本。",
           "Viewers bought with Tencent Ads; needed to estimate its cost per viewer."),
    Column("beans_viewers", "微信豆观看", "beans viewers", ("加热观看人数", "微信豆观看人数", "加热带来观看"),
           "人", "people", False, NUMBER,
           "微信豆加热带来的观看；有这一列才能估计微信豆观看成本。",
           "Viewers from bean heating; needed to estimate its cost per viewer."),
    Column("coupons_viewers", "流量券观看", "coupons viewers", ("流量券观看人数", "流量券引流人数"),
           "人", "people", False, NUMBER,
           "流量券带来的观看；有这一列才能估计流量券观看成本。",
           "Viewers from coupons; needed to estimate their cost per viewer."),
    Column("refunds", "退款金额", "refunds", ("退货金额", "售后退款金额", "退款额", "refund",
                                                 "refund_amount_fen", "refund_amount"),
           "元", "yuan", False, NUMBER, "当场成交后被退款的金额；用于估计退货率。",
           "Refunded sales of the session; gives the return rate."),
    Column("session_hours", "直播时长", "session hours", ("开播时长", "时长", "duration", "hours", "duration_sec",
                                                              "live_duration", "duration_seconds"),
           "小时", "hours", False, NUMBER,
           "每场时长：小时数，或“3小时12分”“03:12:00”；表头写明（分钟）或（秒）时按分钟或秒读。",
           "Length of the session: hours, or 3小时12分, 03:12:00; read in minutes or seconds when the "
           "header says so."),
    # The 视频号助手 live list and session page carry these; read and shown, not fitted.
    Column("live_info", "直播信息", "live info", ("直播标题", "live title"),
           "文本", "text", False, DATE,
           "直播列表的“直播信息”（标题和开播时间）；没有日期列时从中读出开播日期。",
           "The live list's title-and-start-time cell; the session date is read from it when there is "
           "no date column."),
    Column("peak_online", "最高在线", "peak online", ("最高在线人数", "在线峰值", "峰值在线", "max_online", "peak_uv"),
           "人", "people", False, NUMBER, "读入并展示，不用于拟合。", "Read and shown; not fitted."),
    Column("heat", "总热度", "total heat", ("热度", "直播热度", "total_heat"),
           "热度", "heat", False, NUMBER, "读入并展示，不用于拟合。", "Read and shown; not fitted."),
    Column("reservations", "预约人数", "reservations", ("预约数", "直播预约", "预约", "reserve_cnt"),
           "人", "people", False, NUMBER,
           "预约直播的人数（不是发出的邀约）；读入并展示，不用于拟合。",
           "People who booked the live (not invites sent); read and shown, not fitted."),
    Column("new_followers", "新增关注", "new followers", ("新增关注数", "新增粉丝", "涨粉", "新增关注人数", "new_follow_cnt"),
           "人", "people", False, NUMBER, "读入并展示，不用于拟合。", "Read and shown; not fitted."),
    Column("comments", "评论", "comments", ("评论数", "评论次数", "comment_cnt"),
           "次", "times", False, NUMBER, "读入并展示，不用于拟合。", "Read and shown; not fitted."),
    Column("likes", "点赞", "likes", ("点赞数", "点赞次数", "like_cnt"),
           "次", "times", False, NUMBER, "读入并展示，不用于拟合。", "Read and shown; not fitted."),
    Column("shares", "分享", "shares", ("分享数", "分享次数", "share_cnt"),
           "次", "times", False, NUMBER, "读入并展示，不用于拟合。", "Read and shown; not fitted."),
)

BY_KEY: dict[str, Column] = {c.key: c for c in COLUMNS}
REQUIRED: tuple[str, ...] = tuple(c.key for c in COLUMNS if c.required)

# Limits on what a file may hold (the reader checks them before and while parsing).
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
MAX_PROBLEMS = 20  # problems collected before the reader stops looking
HEADER_SEARCH_ROWS = 10  # a title row or two above the header is common in exports

_BRACKETED = re.compile(r"[(（\[【].*?[)）\]】]")  # units like (元) or （人）
_SEPARATORS = re.compile(r"[\s_\-/·.:：]+")


def normalise_header(text: str) -> str:
    """A header cell reduced to what identifies it: no units in brackets, case, width or spaces."""
    text = unicodedata.normalize("NFKC", str(text)).lstrip("\ufeff")
    text = _BRACKETED.sub("", text)
    return _SEPARATORS.sub("", text).casefold()


# Units a header may name, in brackets ("成交金额（万）", "直播时长(分钟)") or as an API field's
# last word ("pay_amount_fen", "duration_sec"): the factor that turns a cell into the column's
# unit. Third-party sheets give money in 万, API dumps in 分 and seconds.
_COUNT_UNITS = {"人": 1.0, "次": 1.0, "单": 1.0, "个": 1.0, "万": 1e4, "万人": 1e4, "万次": 1e4, "万单": 1e4, "千": 1e3, "k": 1e3, "w": 1e4}
HEADER_UNITS: dict[str, dict[str, float]] = {
    "yuan": {"元": 1.0, "yuan": 1.0, "万": 1e4, "万元": 1e4, "w": 1e4, "亿": 1e8, "亿元": 1e8, "千元": 1e3,
             "分": 0.01, "fen": 0.01, "cent": 0.01, "cents": 0.01},
    "hours": {"小时": 1.0, "h": 1.0, "hour": 1.0, "hours": 1.0, "分钟": 1 / 60, "分": 1 / 60, "min": 1 / 60,
              "mins": 1 / 60, "minute": 1 / 60, "minutes": 1 / 60, "秒": 1 / 3600, "s": 1 / 3600,
              "sec": 1 / 3600, "secs": 1 / 3600, "second": 1 / 3600, "seconds": 1 / 3600},
    **{unit: _COUNT_UNITS for unit in ("people", "orders", "invites", "times", "heat")},
}
_BRACKET_TEXT = re.compile(r"[(（\[【](.*?)[)）\]】]")
_LAST_WORD = re.compile(r"[_\s\-]([a-z]+)$")


def header_unit(header: str, key: str) -> tuple[float, str]:
    """(factor, the unit as written) that a header names for column ``key``; (1.0, "") if none."""
    units = HEADER_UNITS.get(BY_KEY[key].unit_en, {})
    text = unicodedata.normalize("NFKC", str(header)).casefold().strip()
    words = [w.strip() for w in _BRACKET_TEXT.findall(text)]
    last = _LAST_WORD.search(_BRACKETED.sub("", text).strip())
    if last:
        words.append(last.group(1))
    for word in words:
        if word in units:
            return units[word], word
    return 1.0, ""


ALIASES: dict[str, str] = {}
for _c in COLUMNS:
    for _name in _c.names():
        _norm = normalise_header(_name)
        if ALIASES.setdefault(_norm, _c.key) != _c.key:  # the table must stay unambiguous
            raise ValueError(f"header alias {_name!r} names two columns")


def column_for(header: str) -> str | None:
    """The canonical column a header cell names, or None."""
    return ALIASES.get(normalise_header(header))


@dataclass(frozen=True)
class ColumnRef:
    """A column named in a catalogue sentence. The sentence picks the words with a format spec:
    ``{column:zh}`` and ``{column:en}`` are its Chinese and English labels (an English sentence
    names the Chinese header too, as the file has it), ``{column:unit_zh}``/``{column:unit_en}``
    its unit, ``{column:headers_zh}``/``{column:headers_en}`` every header it accepts."""

    key: str

    def __format__(self, spec: str) -> str:
        c = BY_KEY[self.key]
        words, _, lang = spec.rpartition("_")
        if not words:
            return c.label(lang)
        if words == "unit":
            return c.unit(lang)
        if words == "headers":
            return t("calibration.header_separator", lang).join(dict.fromkeys(c.names()))
        raise ValueError(f"no column words {spec!r}")


def schema_rows(lang: str = "zh") -> list[dict[str, str]]:
    """The schema as rows for a table (the app page and the README)."""
    zh = lang == "zh"
    rows = []
    for c in COLUMNS:
        rows.append({
            t("calibration.schema.column", lang): c.label(lang),
            t("calibration.schema.also", lang): ", ".join(
                n for n in dict.fromkeys((c.label_en if zh else c.label_zh, c.key, *c.aliases))),
            t("calibration.schema.unit", lang): c.unit(lang),
            t("calibration.schema.required", lang): t("calibration.schema.yes" if c.required else "calibration.schema.no",
                                                      lang),
            t("calibration.schema.note", lang): c.note(lang),
        })
    return rows


def schema_markdown(lang: str = "en") -> str:
    """The schema as a Markdown table; the README's section is this text (a test checks it)."""
    rows = schema_rows(lang)
    head = list(rows[0])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r[h].replace("|", "\\|") for h in head) + " |" for r in rows]
    return "\n".join(lines) + "\n"
