"""Tab-separated tables and lists: rows as printed, items in reading order.

A list set in two columns is printed row by row (left item, tab, right item), but it is read column by
column: the left column top to bottom, then the right one. ``items`` follows the reading order; empty
cells (the short last row of a column) are not items.
"""

from __future__ import annotations

import re

from ..model import Table

_COUNT = re.compile(r"(\d{1,4})(?:个|家|所|项|处|名|位|座|条|件|种|批|款|人)")


def build_table(title: str | None, rows: list[list[str]]) -> Table:
    width = max((len(r) for r in rows), default=0)
    items = [r[c] for c in range(width) for r in rows if c < len(r) and r[c]]
    return Table(title, [list(r) for r in rows], items)


def stated_count(texts: list[str]) -> int | None:
    """The number of items the text around a list announces (…等31个单位为…), if it says one."""
    for t in texts:
        for m in _COUNT.finditer(t):
            return int(m.group(1))
    return None
