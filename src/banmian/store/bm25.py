"""SQLite FTS5's ``bm25()``, written out, so that the PostgreSQL store ranks exactly as the SQLite one.

FTS5 (``fts5_aux.c``, ``fts5Bm25Function``) scores a row, for a query of phrases ``p1 … pk``, as

    score = Σ IDF(pi) · f(pi)·(k1 + 1) / (f(pi) + k1·(1 − b + b·D / avgdl)),   k1 = 1.2, b = 0.75,
    IDF(p) = log((N − n(p) + 0.5) / (n(p) + 0.5)), or 1e-6 when that is ≤ 0,

where f(p) is the sum, over the phrase's hits in the row, of the weight of the column of each hit (10, 4,
1 here), D the row's size in tokens (all columns), avgdl the average row size over the table, N the
number of rows and n(p) the number of rows the phrase matches (within the column filter, if any). The
rank is −score; ties are broken by id in both stores.

Which hits count: FTS5 reports a phrase's hits in a row only while the phrase's node of the query tree
sits on that row. Under AND every child does; under OR, the children that match the row; under NOT, the
left side when the NOT matches — never the right side (see ``counted``). A phrase the row does not match
has no hits anyway.

Hit counts without an FTS index: the tokens of a column are a function of its runs (``bigrams.run_text``:
runs of normalised text, each between two ``RUN_SEP``), so a phrase's hits are the occurrences of one
string (``literal``) in that text, overlapping ones included. ``count`` is the reference; the PostgreSQL
store counts the same in SQL.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from . import bigrams, query

K1 = 1.2
B = 0.75
WEIGHTS = (10.0, 4.0, 1.0)  # headline; kicker + subheadlines; body — as the SQLite store's rank option
MIN_IDF = 1e-6


def literal(term: query.Term) -> str:
    """The string whose occurrences in a column's run text are the term's hits in that column.

    The term's tokens are its runs': a Han run makes bigrams (and, unless it ends the term, its last
    character, which in a document only closes a run), a Latin word one whole token. So, in run text: the
    term's runs in a row, separated as runs are; a word is a whole run (a space on each side); a Han run
    after the first starts a run (the separator before it does that); a Han run before the last ends one
    (the separator after it); the first Han run may start inside a run and the last may go on (a bigram
    can start at any character, and the last character of a prefix term starts a bigram or closes a run)."""
    parts = bigrams.runs(term.text)
    runs = [run if kind == "han" else run[: bigrams.MAX_WORD] for kind, run in parts]
    return (" " if parts[0][0] == "word" else "") + bigrams.RUN_SEP.join(runs) + (" " if parts[-1][0] == "word" else "")


def overlaps(lit: str) -> bool:
    """Whether two occurrences of ``lit`` can overlap (it has a proper prefix that is also a suffix): only
    then must occurrences be counted one start position at a time."""
    return any(lit[:k] == lit[-k:] for k in range(1, len(lit)))


def count(text: str, lit: str) -> int:
    """Occurrences of ``lit`` in ``text``, overlapping ones included."""
    n, at = 0, text.find(lit)
    while at >= 0:
        n += 1
        at = text.find(lit, at + 1)
    return n


def counted(node: query.Node) -> list[list[query.Node] | None]:
    """For each term of the tree (in ``query.terms`` order, FTS5's phrase order): the nodes that must all
    match a row for FTS5 to report the term's hits in it, or None where it never does (right of a NOT)."""
    out: list[list[query.Node] | None] = []

    def walk(n: query.Node, need: list[query.Node] | None) -> None:
        if isinstance(n, query.Term):
            out.append(need)
            return
        for i, part in enumerate(n.parts):
            if need is None or (n.op == "NOT" and i > 0):
                walk(part, None)
            elif n.op == "OR" and isinstance(part, query.Op):
                walk(part, [*need, part])  # a term under OR counts only where it matches: no condition needed
            else:
                walk(part, need)

    walk(node, [])
    return out


def matches(node: query.Node, present: Callable[[int], bool], index: dict[int, int]) -> bool:
    """Whether ``node`` matches a row, given which terms it holds (``present`` by term number; ``index``
    maps id(term node) to its number)."""
    if isinstance(node, query.Term):
        return present(index[id(node)])
    if node.op == "AND":
        return all(matches(p, present, index) for p in node.parts)
    if node.op == "OR":
        return any(matches(p, present, index) for p in node.parts)
    return matches(node.parts[0], present, index) and not any(matches(p, present, index) for p in node.parts[1:])


def idf(rows: int, hits: int) -> float:
    value = math.log((rows - hits + 0.5) / (hits + 0.5))
    return value if value > 0.0 else MIN_IDF


def score(freqs: Sequence[float], size: int, avgdl: float, idfs: Sequence[float]) -> float:
    """The bm25 score (higher is better) in FTS5's order of operations, so the double is the same."""
    total = 0.0
    for f, w in zip(freqs, idfs, strict=True):
        total += w * ((f * (K1 + 1.0)) / (f + K1 * (1 - B + B * float(size) / avgdl)))
    return total
