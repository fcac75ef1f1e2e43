"""Dates and periods, resolved against the page date.

Each item: ``{"text", "value", "granularity", "paragraph", "start", "end"}`` plus, where they apply,
``"part_of_day"`` (下午, 晚上 …), ``"part_of_year"`` (``start`` for 年初, ``end`` for 年底/年末),
``"relative": true`` (昨天, 今年: resolved from the page date), and ``"year_inferred": true`` (3月12日: the
year is not printed) with ``"year_from"``: ``"context"`` (a year printed earlier in the same sentence:
2016年7月……，11月5日) or ``"page_date"``. ``value`` is ISO-like: ``2024-03-12`` (day), ``2024-03`` (month),
``2024-Q3`` (quarter), ``2024-H1`` (half year), ``2019`` (year);
None when it needs the page date and the page has none.

With page date 2024-03-13: 3月12日下午 → 2024-03-12 (下午), 昨天 → 2024-03-12, 今年3季度 → 2024-Q3, 2019年 → 2019.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from .numbers import chinese_to_int

# 次日 (the next day) and 当年 (that year) are relative to the story's own time, not to the page date, so
# they are not resolved.

if TYPE_CHECKING:
    from . import ArticleText

_NUM = r"(?:\d{1,4}|[０-９]{1,4}|[零〇○一二三四五六七八九十]{1,4})"
_YEAR = r"(?:(?P<year>\d{4}|[０-９]{4}|[零〇○一二三四五六七八九]{4})年|(?P<relyear>今年|去年|明年|前年|后年|本年))"
_PART = r"(?P<part>凌晨|清晨|早晨|早上|上午|中午|午后|下午|傍晚|晚上|晚间|夜间|深夜|夜里|午夜|早|晚|夜)?"
_QUARTER = r"(?:第?(?P<quarter>[1-4一二三四])季度)"
_HALF = r"(?P<half>上半年|下半年)"
_MONTH = rf"(?P<month>{_NUM})月(?:份)?"
_DAY = rf"(?P<day>{_NUM})(?:日|号)"

# The forms, each its own pattern (group names are per pattern); overlaps go to the longest match.
DATE_PATTERNS = [re.compile(p) for p in (
    rf"{_YEAR}(?:{_MONTH}(?:{_DAY}{_PART})?|{_QUARTER}|{_HALF}|(?P<yearpart>[初底末]))?",
    rf"(?<![\d０-９年]){_MONTH}(?:{_DAY}{_PART})?",
    rf"(?P<relday>今天|今日|昨天|昨日|前天|前日|明天|明日|后天|今晨|昨晨|昨晚|今晚|昨夜|今夜|明晚){_PART}",
    rf"(?P<relmonth>本月|上月|下月|上个月|下个月)(?:{_DAY}{_PART})?",
    # 21日 alone, in a dateline or before a time word: 本报北京4月21日电 is taken by the month form.
    rf"(?<![\d０-９月号日])(?P<dayonly>[1-3]?\d)日{_PART}(?=[，,、。；上下晚早凌在至到起前后电讯举召开闭结止的])",
    r"(?<![年\d])第?(?P<quarter2>[1-4一二三四])季度",
)]
_REL_DAYS = {"今天": 0, "今日": 0, "今晨": 0, "今晚": 0, "今夜": 0, "昨天": -1, "昨日": -1, "昨晨": -1,
             "昨晚": -1, "昨夜": -1, "前天": -2, "前日": -2, "明天": 1, "明日": 1, "明晚": 1, "后天": 2}
_REL_PART = {"今晨": "早晨", "昨晨": "早晨", "昨晚": "晚上", "今晚": "晚上", "明晚": "晚上", "昨夜": "夜间", "今夜": "夜间"}
_REL_YEARS = {"今年": 0, "本年": 0, "去年": -1, "前年": -2, "明年": 1, "后年": 2}
_REL_MONTHS = {"本月": 0, "上月": -1, "上个月": -1, "下月": 1, "下个月": 1}


def _num(text: str | None) -> int | None:
    if text is None:
        return None
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    return int(text) if text.isdigit() else chinese_to_int(text)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    m = year * 12 + (month - 1) + delta
    return m // 12, m % 12 + 1


def _valid_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve(m: re.Match[str], page: dt.date | None, context_year: int | None = None,
            context_month: tuple[int, int] | None = None) -> dict[str, Any] | None:
    """The value of one match, or None when the match is not a date after all (13月, 32日).

    ``context_year`` is a year printed earlier in the same sentence (2016年7月……，11月5日 is in 2016);
    ``context_month`` the year and month of a date earlier in it (5月1日至3日: the 3rd of May).
    """
    g = m.groupdict()
    out: dict[str, Any] = {}
    part = g.get("part")

    if g.get("relday"):
        word = g["relday"]
        out["relative"] = True
        part = part or _REL_PART.get(word)
        out["granularity"] = "day"
        out["value"] = (page + dt.timedelta(days=_REL_DAYS[word])).isoformat() if page else None
    elif g.get("relmonth"):
        out["relative"] = True
        day = _num(g.get("day"))
        if page is None:
            out["value"] = None
        else:
            y, mo = _add_months(page.year, page.month, _REL_MONTHS[g["relmonth"]])
            if day is not None:
                d = _valid_day(y, mo, day)
                if d is None:
                    return None
                out["value"] = d.isoformat()
            else:
                out["value"] = f"{y:04d}-{mo:02d}"
        out["granularity"] = "day" if day is not None else "month"
    elif g.get("dayonly"):
        # 21日 alone: a day of the page's month (or of the month before, when it is well after the page date).
        day = int(g["dayonly"])
        out["year_inferred"] = True
        out["month_inferred"] = True
        out["granularity"] = "day"
        if context_month is not None:
            out["year_from"] = "context"
            y, mo = context_month
            d = _valid_day(y, mo, day)
            if d is None:
                return None
            out["value"] = d.isoformat()
        elif page is None:
            out["value"] = None
        else:
            out["year_from"] = "page_date"
            y, mo = (page.year, page.month) if day <= page.day + 7 else _add_months(page.year, page.month, -1)
            d = _valid_day(y, mo, day)
            if d is None:
                return None
            out["value"] = d.isoformat()
    elif g.get("quarter2"):
        out["year_inferred"] = True
        out["year_from"] = "context" if context_year is not None else "page_date"
        out["granularity"] = "quarter"
        year = context_year if context_year is not None else page.year if page else None
        out["value"] = f"{year:04d}-Q{_num(g['quarter2'])}" if year is not None else None
    else:
        year = _num(g.get("year"))
        if g.get("relyear"):
            out["relative"] = True
            year = page.year + _REL_YEARS[g["relyear"]] if page else None
        month = _num(g.get("month"))
        day = _num(g.get("day"))
        if month is not None and not 1 <= month <= 12:
            return None
        if year is None and not g.get("relyear"):
            # 3月12日 with no year: the sentence's year if it printed one, else the page's year, unless that
            # puts it more than half a year ahead.
            out["year_inferred"] = True
            out["year_from"] = "context" if context_year is not None else "page_date"
            if context_year is not None and month is not None:
                year = context_year
            elif page is not None and month is not None:
                year = page.year
                probe = _valid_day(year, month, min(day or 1, 28))
                if probe and (probe - page).days > 183:
                    year -= 1
        if year is not None and not 1800 <= year <= 2200:
            return None
        if day is not None:
            out["granularity"] = "day"
            d = _valid_day(year, month, day) if year is not None and month is not None else None
            if year is not None and d is None:
                return None
            out["value"] = d.isoformat() if d else None
        elif month is not None:
            out["granularity"] = "month"
            out["value"] = f"{year:04d}-{month:02d}" if year is not None else None
        elif g.get("quarter"):
            out["granularity"] = "quarter"
            out["value"] = f"{year:04d}-Q{_num(g['quarter'])}" if year is not None else None
        elif g.get("half"):
            out["granularity"] = "half"
            out["value"] = f"{year:04d}-H{1 if g['half'] == '上半年' else 2}" if year is not None else None
        else:
            out["granularity"] = "year"
            out["value"] = f"{year:04d}" if year is not None else None
            if g.get("yearpart"):
                out["part_of_year"] = "start" if g["yearpart"] == "初" else "end"  # 年初, 年底/年末
    if part:
        out["part_of_day"] = part
    return out


def extract_dates(text: ArticleText) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for i in text.indices():
        para = text.text(i)
        if not para:
            continue
        sentence_year: int | None = None
        sentence_month: tuple[int, int] | None = None
        last_end = 0
        for m in _matches(para):
            if _SENTENCE_END.search(para, last_end, m.start()):
                sentence_year = sentence_month = None  # a new sentence: what came before no longer holds
            last_end = m.end()
            value = resolve(m, text.page_date, sentence_year, sentence_month)
            if value is None:
                continue
            resolved = value.get("value")
            year = _year_of(resolved)
            if year is not None and not value.get("year_inferred"):
                sentence_year = year
            if resolved and re.match(r"\d{4}-\d{2}(-|$)", resolved) and not value.get("relative"):
                sentence_month = (int(resolved[:4]), int(resolved[5:7]))
            item: dict[str, Any] = {"text": m.group(0), "value": value.pop("value"),
                                    "granularity": value.pop("granularity"),
                                    "paragraph": i, "start": m.start(), "end": m.end()}
            item.update(value)
            found.append(item)
    return found


_SENTENCE_END = re.compile(r"[。！？!?；;]")


def _year_of(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


def _matches(para: str) -> list[re.Match[str]]:
    """All date matches in one text, longest first where they overlap, in reading order."""
    candidates = [m for p in DATE_PATTERNS for m in p.finditer(para)]
    candidates.sort(key=lambda m: (m.start() - m.end(), m.start()))
    taken: list[re.Match[str]] = []
    used = bytearray(len(para))
    for m in candidates:
        if not any(used[m.start():m.end()]):
            used[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            taken.append(m)
    return sorted(taken, key=lambda m: m.start())
