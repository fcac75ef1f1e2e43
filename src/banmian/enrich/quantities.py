"""Quantities: a number with its unit, multipliers applied.

Each item: ``{"text", "value", "unit", "paragraph", "start", "end"}``; ranges add ``"max"`` (``20~30mmHg`` →
value 20, max 30, unit mmHg); approximations add ``"approx"``: ``"over"`` (170多台, 超过70万人, 逾, 以上),
``"nearly"`` (近300家, 将近, 接近), ``"under"`` (不到, 不足), ``"about"`` (约1300万人, 60%左右, 四五岁 → 4 to 5),
``"several"`` (数千名).
``20亿元`` → 2000000000 元, ``1300万人`` → 13000000 人; ``万元``/``亿元`` fold into the value so every sum
is in 元. Numbers that are dates (2019年, 3月12日), ordinals (第二款) or bare numbers with no unit (“33618”)
are not quantities.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .numbers import DIGITS as DIGIT_VALUE
from .numbers import as_number, parse_number

if TYPE_CHECKING:
    from . import ArticleText

# Units after the number, longest first within the alternation (平方公里 before 公里).
UNITS = sorted(set("""
元 美元 欧元 日元 英镑 港元 港币 卢布 韩元 人民币
% ％ ‰ 个百分点 百分点 倍 成
人 人次 名 位 个 家 户 所 座 台 辆 架 艘 列 件 套 项 条 种 类 批 次 场 期 支 只 头 匹 株 棵 本 部 篇 份 张 间 栋
幢 层 处 片 宗 笔 单 起 例 轮 组 对 双 副 串 节 颗 枚 粒 瓶 箱 包 袋 桶 盒 吨 千克 公斤 克 毫克 斤
米 千米 公里 厘米 毫米 微米 纳米 平方米 平方公里 平方千米 公顷 亩 立方米 升 毫升 千瓦 千瓦时 兆瓦 瓦 度 伏 千伏 安
千卡 千帕 兆帕 千赫 兆赫
岁 周岁 年 个月 天 小时 分钟 秒 周 周年 年度
mmHg km kg m cm mm g mg t kW kWh MW GW TB GB MB Mbps G ha
""".split()), key=len, reverse=True)
_NUMBER = r"(?:\d+(?:,\d{3})*(?:\.\d+)?|[０-９]+(?:[．.][０-９]+)?|[零〇一二两三四五六七八九十百千]+)"
# 千 before 瓦, 克, 米, 伏 is part of the unit (500千瓦 is 500 kW, not 500,000 W).
_MULT = r"(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千(?![瓦克米伏卡帕赫]))?"
_APPROX_BEFORE = r"(?P<before>将近|接近|近|约|大约|超过|逾|不到|不足|数|上|几)?"
_UNIT = "(?P<unit>" + "|".join(re.escape(u) for u in UNITS) + ")"
QUANTITY_RE = re.compile(
    rf"(?<![\d０-９.第A-Za-z零〇一二两三四五六七八九十百千]){_APPROX_BEFORE}(?P<num>{_NUMBER}){_MULT.replace('(?:', '(?P<mult>', 1)}"
    rf"(?:\s*(?P<sep>[~～\-—－至到])\s*(?P<num2>{_NUMBER})(?P<mult2>{_MULT}))?"
    rf"(?P<more>多|余|几)?{_UNIT}(?P<after>左右|上下|以上|以下|之多)?"
)
_APPROX = {"将近": "nearly", "接近": "nearly", "近": "nearly", "约": "about", "大约": "about", "左右": "about",
           "上下": "about", "超过": "over", "逾": "over", "上": "over", "多": "over", "余": "over", "以上": "over",
           "不到": "under", "不足": "under", "以下": "under", "数": "several", "几": "several"}
_MULT_VALUE = {"": 1, "千": 1e3, "万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7, "亿": 1e8, "十亿": 1e9,
               "百亿": 1e10, "千亿": 1e11, "万亿": 1e12}
# A Latin unit must not run on into more letters: 30km is 30 km, but 5Gbps is not 5 G.
_LATIN_UNIT = re.compile(r"[A-Za-z]")
_SMALL_CHINESE = set("零〇一二两三四五六七八九")


def _value(num: str, mult: str | None) -> float | int | None:
    base = parse_number(num)
    if base is None:
        return None
    return as_number(base * _MULT_VALUE[mult or ""])


_LOOSE_RANGE = re.compile(r"^([一二两三四五六七八九])([二三四五六七八九])([十百千万]?)$")


def _adjacent_digits(num: str) -> tuple[str, str] | None:
    """四五 → (四, 五); 四五十 → (四十, 五十); 七八千 → (七千, 八千)."""
    m = _LOOSE_RANGE.match(num)
    if m and DIGIT_VALUE[m.group(1)] < DIGIT_VALUE[m.group(2)]:
        return m.group(1) + m.group(3), m.group(2) + m.group(3)
    return None


def extract_quantities(text: ArticleText, dates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    taken = {(d["paragraph"], pos) for d in dates for pos in range(d["start"], d["end"])}
    found: list[dict[str, Any]] = []
    for i in text.indices():
        para = text.text(i)
        for m in QUANTITY_RE.finditer(para):
            num_start = m.start("num")
            if (i, num_start) in taken or (i, m.end("unit") - 1) in taken:
                continue
            unit = m.group("unit")
            num = m.group("num")
            mult = m.group("mult")
            before = m.group("before")
            if before == "近" and m.start() > 0 and para[m.start() - 1] in "最附邻靠":
                before = None  # 最近3年 is "recently", not "nearly"
            if before in ("上", "数") and num[0] not in "十百千万亿":
                # 上千亩, 数十位 count; in 看上3个 or 人数52% the character belongs to the word before.
                before = None
            # Single Chinese digits (一个, 两项, 三年) and bare 百/千/万 (千家万户, 千年古城) are wording more
            # than data, unless a word before makes them a count (数千名, 上千亩).
            if len(num) == 1 and ((not mult and num in _SMALL_CHINESE) or (num in "十百千万" and not before
                                                                          and (not mult or num != "十"))):
                continue
            if unit == "年" and para[m.end("unit"):m.end("unit") + 1] in ("代", "级"):
                continue  # 80年代, 3年级
            if unit[-1:].isascii() and unit[-1].isalpha():
                tail = para[m.end("unit"):m.end("unit") + 1]
                if tail and _LATIN_UNIT.match(tail):
                    continue
            value = _value(num, mult)
            if value is None:
                continue
            pair = _adjacent_digits(num)
            start = m.start("before") if before else num_start
            end = m.end("after") if m.group("after") else m.end("unit")
            item: dict[str, Any] = {"text": para[start:end], "value": value, "unit": unit,
                                    "paragraph": i, "start": start, "end": end}
            if m.group("num2"):
                high = _value(m.group("num2"), m.group("mult2") or mult)
                if high is None:
                    continue
                if m.group("mult2") and not mult:
                    # 3~5万人: the multiplier printed once, after the range, applies to both ends.
                    item["value"] = _value(num, m.group("mult2"))
                item["max"] = high
            if pair:
                # 四五岁, 两三年: two digits side by side are a loose range, not 45 or 23.
                item["value"], item["max"] = (_value(d, mult) for d in pair)
                item.setdefault("approx", "about")
            approx = [_APPROX[w] for w in (before, m.group("more"), m.group("after"))
                      if w and w in _APPROX]
            if approx:
                item["approx"] = approx[0]
            found.append(item)
    return found
