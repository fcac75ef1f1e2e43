"""Text → Page: a newspaper page dump in, its articles with every field out.

The steps, each a module you can read alone:
1. ``lines``    physical lines → units (hard wraps undone), with indent and gap features;
2. ``fields``   what each unit is from its own text (body, title line, byline, credit, source, jump, row);
3. ``repair``   paragraphs that a column break split are joined again;
4. ``segment``  units → articles and their title blocks, by position (titles may follow their bodies);
5. ``tables``   tab-separated rows → tables with items in reading order.
The words and marks they rely on are data, in ``knowledge``. Structure only: no dictionaries or models
are loaded, so a page takes well under a millisecond.

Nothing is lost: every non-whitespace character of the input lands in some field of some article, or in
``Page.leftover`` (which holds, for instance, the 据 that a source line's value drops).
"""

from __future__ import annotations

import json

from ..model import Page
from .fields import classify
from .lines import read_units
from .repair import indent_style, join_column_breaks, split_glued_fields, usual_body_gap
from .segment import segment

__all__ = ["parse_text"]


def parse_text(text: str, *, paper: str | None = None, date: str | None = None, page: int | None = None) -> Page:
    """Parse one page dump into a ``Page`` (see the README for the JSON contract)."""
    units, widths = read_units(text)
    if widths:
        units = split_glued_fields(units)
    indented = indent_style(units)
    for u in units:
        classify(u, indented)
    body_gap = usual_body_gap(units)
    units = join_column_breaks(units, indented, bool(widths), body_gap)
    articles, leftover = segment(units, indented, body_gap)
    result = Page(paper=paper, date=date, page=page, articles=articles, leftover=leftover)
    if "\u200b" in text or "\ufeff" in text:
        _keep_invisible(text, result)
    return result


def _keep_invisible(text: str, page: Page) -> None:
    """Zero-width spaces and stray byte-order marks are trimmed from line ends like spaces; they are not
    whitespace to Unicode, so the ones trimmed go to ``leftover`` (nothing is dropped silently)."""
    out = json.dumps([a.to_dict() for a in page.articles], ensure_ascii=False) + "".join(page.leftover)
    for ch in ("\u200b", "\ufeff"):
        missing = text.count(ch) - out.count(ch)
        if missing > 0:
            page.leftover.append(ch * missing)
