"""Undo what printing did to the text: column breaks that cut a paragraph, padded names.

Hard wraps are undone earlier, while reading lines (``lines.read_units``), because they are visible only in
the physical lines; column breaks are undone here, once every unit has a kind.
"""

from __future__ import annotations

from .fields import BODY, HEAD, ends_sentence
from .lines import FLUSH, PARA, Unit

# A paragraph ending in one of these is complete even without a full stop (it introduces what follows).
_OPEN_ENDS = frozenset("：:—")


def indent_style(units: list[Unit]) -> bool:
    """Does this dump mark paragraph starts with an ideographic-space indent (styles b and c)?"""
    indented = flush = 0
    for u in units:
        if len(u.text) >= 30 and u.cells is None:
            if u.indent == PARA:
                indented += 1
            elif u.indent == FLUSH:
                flush += 1
    return indented >= 2 and indented >= 1.5 * flush


def _is_bracketed(s: str) -> bool:
    return s[0] in "（(" and s[-1] in "）)"


def join_column_breaks(units: list[Unit], indented: bool) -> list[Unit]:
    """Join the two halves of a paragraph that a column break split (a blank line in mid-sentence).

    With indented paragraphs, the second half is the flush line after an unfinished paragraph. Without
    indents, it is a body-length line after an unfinished body paragraph; a short unfinished line (a
    title or section head) is never taken as the second half.
    """
    out: list[Unit] = []
    for u in units:
        if out:
            a = out[-1]
            if (
                a.kind == BODY
                and (u.kind == BODY or (indented and u.kind == HEAD))
                and a.text[-1] not in _OPEN_ENDS
                and not ends_sentence(a.text)
                and not _is_bracketed(a.text)
                and (u.indent == FLUSH if indented else u.gap >= 1 and u.indent != PARA)
                and (indented or len(a.text) >= 12)
            ):
                a.text += u.text
                a.lines += u.lines
                if a.data is None:
                    a.data = u.data
                continue
        out.append(u)
    return out
