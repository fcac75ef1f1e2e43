"""Highlighting: which words of a query to mark, marking them in text, and cleaning the store's snippets.

Everything here returns ``Markup`` built from escaped text, so a page that holds ``<script>`` shows it as
text wherever it is highlighted.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup, escape

OPERATORS = {"AND", "OR", "NOT", "NEAR"}

# A quoted phrase (ASCII or Chinese quotes; the closing quote may be missing), or a run of non-space.
_TOKEN = re.compile(r'"([^"]*)"?|“([^”]*)”?|(\S+)')
_EDGE_JUNK = "()（）*+-^\"'“”‘’:,，;；"
_MARK_TAG = re.compile(r"(</?mark>)", re.IGNORECASE)


def query_terms(q: str | None) -> list[str]:
    """The words and phrases of a search query worth marking in an article, longest first.

    Mirrors the query syntax the store accepts (words, "phrases", AND / OR / NOT, parentheses) loosely: it
    only has to find what to mark, never to decide what matches.
    """
    terms: list[str] = []
    for m in _TOKEN.finditer(q or ""):
        phrase = m.group(1) if m.group(1) is not None else m.group(2)
        if phrase is not None:
            pieces = phrase.split()
        else:
            word = m.group(3)
            if word.upper().startswith("NEAR("):
                word = word[5:]
            if word.upper() in OPERATORS:
                continue
            pieces = [word]
        for piece in pieces:
            piece = piece.strip(_EDGE_JUNK)
            if piece and piece.upper() not in OPERATORS and piece not in terms:
                terms.append(piece)
    return sorted(terms, key=len, reverse=True)


def mark(text: str | None, terms: list[str]) -> Markup:
    """``text`` escaped, with every occurrence of ``terms`` wrapped in ``<mark>``."""
    if not text:
        return Markup("")
    if not terms:
        return escape(text)
    # Longest first, so that 重庆大学 is marked whole rather than as 重庆 followed by 大学.
    ordered = sorted(set(terms), key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(t) for t in ordered), re.IGNORECASE)
    out: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        out.append(str(escape(text[last:m.start()])))
        out.append(f"<mark>{escape(m.group(0))}</mark>")
        last = m.end()
    out.append(str(escape(text[last:])))
    return Markup("".join(out))


def clean_snippet(snippet: str | None) -> Markup:
    """A store snippet as safe HTML: only balanced ``<mark>`` tags survive, everything else is text.

    The store escapes snippet text; unescaping and escaping again gives the same result for escaped text
    and still neutralises markup if an engine ever hands back raw text.
    """
    out: list[str] = []
    open_mark = False
    for piece in _MARK_TAG.split(snippet or ""):
        tag = piece.lower()
        if tag == "<mark>":
            if not open_mark:
                out.append("<mark>")
                open_mark = True
        elif tag == "</mark>":
            if open_mark:
                out.append("</mark>")
                open_mark = False
        else:
            out.append(str(escape(html.unescape(piece))))
    if open_mark:
        out.append("</mark>")
    return Markup("".join(out))
