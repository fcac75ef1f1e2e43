"""Highlighted snippets, made in Python from the article's own text (the index holds bigrams, not text,
so the engines' snippet functions cannot be used) — and therefore the same for every engine.

The snippet is a window of the paragraph with the most query hits, HTML-escaped, each hit wrapped in
``<mark>…</mark>``. Matching is on normalised text (full-width folded, lower case), which has the same
length as the original, so marks land on the original characters.
"""

from __future__ import annotations

import html
import re

from . import bigrams
from .query import Term

WINDOW = 90  # characters of text in a snippet


def hit_pattern(terms: list[Term]) -> re.Pattern[str] | None:
    """One regex for every run of every positive term, longest first (so 新质生产力 wins over 生产)."""
    pieces = {run for t in terms for _, run in bigrams.runs(t.text)}
    if not pieces:
        return None
    return re.compile("|".join(re.escape(p) for p in sorted(pieces, key=len, reverse=True)))


def snippet(texts: list[str], pattern: re.Pattern[str] | None, *, window: int = WINDOW) -> str:
    """The best window of ``texts`` (headline excluded by the caller if wanted) as escaped HTML."""
    texts = [t for t in texts if t and t.strip()]
    if not texts:
        return ""
    best, best_hits, best_count = texts[0], [], 0
    if pattern is not None:
        for text in texts:  # the paragraph that holds the most different hits, the first among equals
            hits = [(m.start(), m.end()) for m in pattern.finditer(bigrams.normalise(text))]
            count = len({text[a:b] for a, b in hits})
            if count > best_count:
                best, best_hits, best_count = text, hits, count
    text = best.strip("\u3000 \t")
    offset = len(best) - len(best.lstrip("\u3000 \t"))
    hits = [(a - offset, b - offset) for a, b in best_hits if a >= offset]
    start = 0
    if hits and hits[0][0] > window // 3:
        start = hits[0][0] - window // 3
    end = min(len(text), start + window)
    out: list[str] = ["…" if start > 0 else ""]
    pos = start
    for a, b in hits:
        if a < pos or b > end:
            continue
        out.append(html.escape(text[pos:a]))
        out.append("<mark>" + html.escape(text[a:b]) + "</mark>")
        pos = b
    out.append(html.escape(text[pos:end]))
    if end < len(text):
        out.append("…")
    return "".join(out)
