"""Physical lines → units: one unit per printed block of text, with the features the later steps need.

A *unit* is one logical line: a paragraph, a title line, a byline, a table row. In hard-wrapped dumps
(a column 13–22 characters wide) several physical lines make one unit; they are joined here, before any
classification, so the rest of the parser sees every dump style the same way.
"""

from __future__ import annotations

import re

# Indent kinds of a unit's first line.
FLUSH, PARA, HEADER = 0, 1, 2

_STRIP = " \t\u3000\xa0\r\ufeff\u200b"
_NO_WIDTHS: frozenset[int] = frozenset()
_SENTENCE_ENDS = frozenset("。！？!?…；;：:”’」』）)")
_SPACE_STRIP = " \u3000\xa0\r\ufeff\u200b"  # keeps tabs: a row's empty last cell is a trailing tab


class Unit:
    """One logical line of the page."""

    __slots__ = ("text", "indent", "gap", "lines", "cells", "kind", "data", "width_full", "after_spaces", "tail",
                 "byline_slot")

    def __init__(self, text: str, indent: int, gap: int, cells: list[str] | None):
        self.text = text  # stripped at both ends, inner spacing as printed
        self.indent = indent
        self.gap = gap  # blank lines between this unit and the one before it
        self.lines = 1  # physical lines joined into it
        self.cells = cells  # table cells when the line holds tabs
        self.kind = 0  # set by fields.classify
        self.data = None  # what the classifier parsed (byline, credit …)
        self.width_full = False  # its last physical line filled the column (hard-wrapped dumps)
        # The line right before it held only spaces: in e-paper copy an empty kicker slot, before a title
        # block printed after its body the marker line; either way no kicker precedes this line.
        self.after_spaces = False
        self.tail = ""  # the last physical line joined into it by a hard wrap
        # E-paper copy prints four header lines (kicker, headline, subheadline, byline; empty ones as spaces);
        # this unit sits in the fourth, which holds a byline or, when it holds none, text of the article.
        self.byline_slot = False

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Unit({self.kind}, gap={self.gap}, ind={self.indent}, {self.text[:30]!r})"


def split_lines(text: str) -> list[str]:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


_HEADER_INDENT = ("    ", "\xa0\xa0\xa0\xa0")
# Marks that typesetting never starts a line with: at a line's end they may run past the column.
_HANGING = frozenset("，。、；：？！…”’）》」』〉】·,.;:?!)")
_OPENING = frozenset("“‘（《「『〈【(")
_BYLINE_START = re.compile(r"^(?:本报|新华社)?(?:特约|首席|实习|见习)?(?:记者|通讯员)\s")


def wrap_widths(raw: list[str]) -> frozenset[int]:
    """The column widths of a hard-wrapped dump (empty when lines are not hard-wrapped).

    A wrapped paragraph is a run of lines of the same length, each followed by a flush line; the width may
    differ from article to article, so every length that recurs in that position counts.
    """
    lengths: dict[int, int] = {}
    prev = ""  # the previous line, when it belongs to a run that starts with a paragraph indent
    for line in raw:
        if not line or line.isspace() or "\t" in line:
            prev = ""
            continue
        if line[0] == "\u3000":
            prev = "" if line.isspace() else line
            continue
        if line.startswith(_HEADER_INDENT):
            # a header line of the e-paper copy format: it never goes on with the line above (a short last
            # line such as a jump, （下转第七版）, followed by the next title, is no sign of a column width)
            prev = ""
            continue
        if prev:
            body = prev.rstrip(_STRIP)  # (empty for an indent over nothing but a zero-width space)
            if body and _BYLINE_START.match(line) is None and body[-1] not in _HANGING:
                # (a part head over its byline, 秦岭之巅桃花雪 / 本报记者 姜 峰, says nothing of the width; a line
                # ending in punctuation may have it hung past the width)
                lengths[len(body)] = lengths.get(len(body), 0) + 1
            prev = line
    return frozenset(w for w, c in lengths.items() if c >= 2 and 8 <= w <= 40)


def read_units(text: str) -> tuple[list[Unit], frozenset[int]]:
    """Units of a page, and the wrap widths (empty when the dump is not hard-wrapped)."""
    raw = split_lines(text)
    widths = wrap_widths(raw) if "\n\u3000" in text else _NO_WIDTHS
    units: list[Unit] = []
    gap = 0
    last: Unit | None = None
    width = 0  # the wrap width of the unit being read, once its first line shows one
    count = len(raw)
    spaces = False
    prev_len = 0  # length of the last unit's first line
    pieces: list[str] = []  # the lines of the unit being read, joined when it ends
    for k in range(count):
        line = raw[k]
        rest = line.rstrip(_STRIP)  # dumps often keep trailing spaces; they do not count
        if not rest:
            if len(pieces) > 1:
                _close_wrapped(last, pieces, raw[k - 2], width)
            pieces = []
            gap += 1
            last = None
            spaces = bool(line.strip("\r"))
            continue
        n = len(rest)
        first = line[0]
        if width and last is not None and first != "\u3000" and "\t" not in line:
            # A hard wrap: the previous line filled the column and this one does not start a paragraph.
            pieces.append(rest if first not in _STRIP else rest.lstrip(_STRIP))
            # (a line whose text ends in a space may look one character short; one more when the opening mark
            # after that space went down to the next line: …素有“华北明珠”␣ / “华北之肾”…)
            full = len(line.rstrip("\r"))
            if n < width - 1 and full != width and not (
                    full == width - 1 and _next_text(raw, k)[:1] in _OPENING):
                width = 0
            continue
        if len(pieces) > 1:
            _close_wrapped(last, pieces, raw[k - 2], width)
        pieces = []
        if first == "\u3000":
            indent = PARA
        elif first in " \xa0" and (line[1:3] in ("  ", "\xa0\xa0") or not widths):
            # header lines are indented with several spaces; in a hard-wrapped column a line may start
            # with a space or two that belong to the text
            indent = HEADER
        else:
            indent = FLUSH
        cells = None
        if "\t" in line:
            body = line.rstrip(_SPACE_STRIP).lstrip(_SPACE_STRIP)
            if "\t" in body:  # a row; a trailing tab is an empty last cell
                cells = [c.strip(_SPACE_STRIP) for c in body.split("\t")]
        unit = Unit(rest.lstrip(_STRIP), indent, gap, cells)
        unit.after_spaces = spaces
        spaces = False
        width = 0
        if widths and cells is None and indent != HEADER:
            # (a line whose text ends in spaces is as long as the column with them — or longer, when the dump
            # padded it further: 本报北京3月24日电␣␣ plus trailing spaces, over （记者杜海涛）…)
            full = len(line.rstrip("\r"))
            wide = 0
            if rest[-1] in _HANGING:
                # closing punctuation hung past the column's end (标点悬挂): …这钱还能拿回来。” is 2 longer
                hung = [n - d for d in (2, 1) if n - d in widths and all(c in _HANGING for c in rest[-d:])]
                after_n = len(raw[k + 1].rstrip(_STRIP)) if k + 1 < count else 0
                wide = after_n if after_n in hung else hung[0] if hung else 0
            if not wide and n in widths:
                wide = n
            if not wide and line[n:n + 1] in (" ", "\u3000", "\xa0"):
                wide = min((w for w in widths if n < w <= full), default=0)
            if not wide and k + 1 < count and raw[k + 1][:1] in _OPENING:
                # an opening mark never ends a line: it went down to the next, one short of the column
                wide = next((w for w in (n + 1, full + 1) if w in widths), 0)
            if not wide and k + 1 < count:
                # an article whose width shows only here: the next line, flush, is exactly as long
                after = raw[k + 1]
                if after[:1] not in ("", "\u3000", " ", "\t") and (
                    len(after.rstrip(_STRIP)) == n >= 12
                    or (len(after.rstrip(_STRIP)) == n + 1 >= 13 and after[0] in _OPENING)
                    # or a paragraph's first line that stops mid-sentence: it goes on below
                    or (indent == PARA and n >= 12 and rest[-1] not in _SENTENCE_ENDS and "\t" not in after
                        and after[0] not in "（(")  # (a jump line may follow a cut paragraph)
                ):
                    wide = n + (after[0] in _OPENING and len(after.rstrip(_STRIP)) == n + 1)
            if (indent == FLUSH and gap == 1 and units and units[-1].indent == PARA
                    and units[-1].lines == 1 and prev_len >= 12
                    and (n == prev_len or (prev_len < n <= prev_len + 2
                                           and all(c in _HANGING for c in rest[prev_len:])))):
                # a one-line first half and the second half of a cut paragraph, equally long (but for
                # punctuation hung past the end): both full
                wide = prev_len
                units[-1].width_full = True
            if wide and (
                indent == PARA
                or (gap == 1 and units and units[-1].width_full and units[-1].indent != HEADER)
            ):
                # A paragraph's first line; or the second half of a paragraph that a column break cut (the
                # line before the break filled the column), wrapped like the first. A flush line anywhere
                # else is a title or a field.
                width = wide
        unit.width_full = bool(width)
        prev_len = n
        units.append(unit)
        last = unit
        pieces = [unit.text]
        gap = 0
    if len(pieces) > 1:
        _close_wrapped(last, pieces, raw[-2], width)
    if "\n    " in text or text.startswith("    "):
        _mark_byline_slots(raw, units)
    return units, widths


def _next_text(raw: list[str], k: int) -> str:
    """The next line after raw[k] that holds text, past one blank line (a column break), or ""."""
    for x in (k + 1, k + 2):
        if x < len(raw) and raw[x].strip():
            return raw[x]
        if x < len(raw) and raw[x]:
            break  # (a line holding only spaces marks a title block, not a column break)
    return ""


def _close_wrapped(unit: Unit | None, pieces: list[str], line_before: str, width: int) -> None:
    """Finish a unit that hard wraps made of several lines (``line_before``: the one before its last)."""
    if unit is None:
        return
    unit.text = "".join(pieces)
    unit.lines = len(pieces)
    # (a line after one that ended in a space continues the text; only a line set flush under a full line
    # may be a field of its own)
    unit.tail = "" if line_before[-1:].isspace() else pieces[-1]
    unit.width_full = bool(width)


def _mark_byline_slots(raw: list[str], units: list[Unit]) -> None:
    run = 0  # header lines (indented with spaces, or holding only spaces) in a row so far
    wanted: set[str] = set()
    for k, line in enumerate(raw):
        if line[:1] in (" ", "\xa0"):
            run += 1
            continue
        if run == 4 and raw[k - 1].strip(_STRIP):
            wanted.add(raw[k - 1].strip(_STRIP))
        run = 0
    if wanted:
        for u in units:
            if u.indent == HEADER and u.text in wanted:
                u.byline_slot = True
