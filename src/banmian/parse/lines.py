"""Physical lines → units: one unit per printed block of text, with the features the later steps need.

A *unit* is one logical line: a paragraph, a title line, a byline, a table row. In hard-wrapped dumps
(a column 13–22 characters wide) several physical lines make one unit; they are joined here, before any
classification, so the rest of the parser sees every dump style the same way.
"""

from __future__ import annotations

from collections import Counter

# Indent kinds of a unit's first line.
FLUSH, PARA, HEADER = 0, 1, 2

_STRIP = " \t\u3000\xa0\r\ufeff\u200b"
_SPACE_STRIP = " \u3000\xa0\r\ufeff\u200b"  # keeps tabs: a row's empty last cell is a trailing tab


class Unit:
    """One logical line of the page."""

    __slots__ = ("text", "indent", "gap", "lines", "cells", "kind", "data", "width_full")

    def __init__(self, text: str, indent: int, gap: int, cells: list[str] | None):
        self.text = text  # stripped at both ends, inner spacing as printed
        self.indent = indent
        self.gap = gap  # blank lines between this unit and the one before it
        self.lines = 1  # physical lines joined into it
        self.cells = cells  # table cells when the line holds tabs
        self.kind = 0  # set by fields.classify
        self.data = None  # what the classifier parsed (byline, credit …)
        self.width_full = False  # its last physical line filled the column (hard-wrapped dumps)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Unit({self.kind}, gap={self.gap}, ind={self.indent}, {self.text[:30]!r})"


def split_lines(text: str) -> list[str]:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def wrap_width(raw: list[str]) -> int:
    """The column width of a hard-wrapped dump, or 0 when lines are not hard-wrapped.

    A wrapped paragraph is a run of lines of (nearly) the same length, each followed by a flush line.
    """
    lengths: Counter[int] = Counter()
    runs = 0
    prev = ""
    for line in raw:
        cur = line.rstrip(_STRIP)
        if prev and cur and "\t" not in prev and cur[0] not in " \u3000\xa0":
            lengths[len(prev)] += 1
            runs += 1
        prev = cur
    if runs < 4:
        return 0
    width, count = lengths.most_common(1)[0]
    near = count + lengths.get(width - 1, 0) + lengths.get(width + 1, 0)
    if 8 <= width <= 40 and near >= 0.6 * runs:
        return width
    return 0


def read_units(text: str) -> tuple[list[Unit], int]:
    """Units of a page, and the wrap width (0 when the dump is not hard-wrapped)."""
    raw = split_lines(text)
    width = wrap_width(raw)
    units: list[Unit] = []
    gap = 0
    last: Unit | None = None
    last_len = 0
    for line in raw:
        body = line.rstrip(_SPACE_STRIP)
        stripped = body.strip(_STRIP)
        if not stripped:
            gap += 1
            last = None
            continue
        first = line[0]
        indent = PARA if first == "\u3000" else HEADER if first in " \xa0" else FLUSH
        has_tab = "\t" in body.lstrip(_SPACE_STRIP)
        if (
            width
            and last is not None
            and indent == FLUSH
            and not has_tab
            and last.cells is None
            and last_len >= width - 2
        ):
            # A hard wrap: the previous line filled the column and this one does not start a paragraph.
            last.text += stripped
            last.lines += 1
            last_len = len(body)
            last.width_full = last_len >= width - 2
            continue
        cells = [c.strip(_SPACE_STRIP) for c in body.lstrip(_SPACE_STRIP).split("\t")] if has_tab else None
        unit = Unit(stripped, indent, gap, cells)
        last_len = len(body)
        unit.width_full = bool(width) and last_len >= width - 2
        units.append(unit)
        last = unit
        gap = 0
    return units, width
