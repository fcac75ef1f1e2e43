"""``store.bm25`` is FTS5's bm25 exactly: for queries built from the real fixture texts, the score worked
out from run texts (what the PostgreSQL store computes in SQL) equals SQLite's ``rank``, bit for bit, for
every matching article — the whole query, and the query within headlines."""

from __future__ import annotations

import random
import re

import pytest

from banmian.store import bigrams, bm25, open_store, query

from .conftest import fixture_pages, load


@pytest.fixture(scope="module")
def lite(tmp_path_factory):
    s = open_store(str(tmp_path_factory.mktemp("bm25") / "a.db"))
    load(s, fixture_pages())
    yield s
    s.close()


def model_ranks(columns: dict[int, list[tuple[str, int]]], q: str, part: str) -> dict[int, float]:
    node = query.parse(q)
    terms = query.terms(node)
    index = {id(t): i for i, t in enumerate(terms)}
    lits = [bm25.literal(t) for t in terms]
    n_cols = 1 if part == "head" else 3
    rows = len(columns)
    avgdl = sum(n for cols in columns.values() for _, n in cols) / rows
    idfs = [bm25.idf(rows, sum(1 for cols in columns.values() if any(bm25.count(cols[k][0], lit) for k in range(n_cols))))
            for lit in lits]
    out = {}
    for article_id, cols in columns.items():
        hits = [[bm25.count(cols[k][0], lit) for k in range(n_cols)] for lit in lits]
        def present(i, hits=hits):
            return sum(hits[i]) > 0
        if not bm25.matches(node, present, index):
            continue
        freqs = [sum(w * h for w, h in zip(bm25.WEIGHTS, hits[i], strict=False))
                 if need is not None and all(bm25.matches(n, present, index) for n in need) else 0.0
                 for i, need in enumerate(bm25.counted(node))]
        out[article_id] = -bm25.score(freqs, sum(n for _, n in cols), avgdl, idfs)
    return out


def test_model_equals_fts5_rank(lite):
    articles = list(lite.iter_articles())
    columns = {a["id"]: [bigrams.run_text(parts) for parts in bigrams.column_texts(a)] for a in articles}

    rng = random.Random(5)
    runs = [r for a in articles for r in re.findall(f"[{bigrams.HAN_CLASS}]+", "\n".join([a["headline"], *a["paragraphs"]]))]

    def word() -> str:
        run = rng.choice(runs)
        size = min(len(run), rng.choice([1, 1, 2, 2, 3, 4]))
        start = rng.randrange(len(run) - size + 1)
        return run[start : start + size]

    queries = ["国", "的", "中国", "哈哈", "人人", "2017", '"两国 总理"', "(发展 NOT 经济) OR 上海", "(的 国) OR 上海"]
    for _ in range(150):
        queries.append(rng.choice([
            word(), f"{word()} {word()}", f"{word()} OR {word()}", f"{word()} NOT {word()}",
            f"({word()} {word()}) OR ({word()} NOT {word()})",
        ]))
    for q in queries:
        for part in ("all", "head"):
            fts = dict(lite.db.execute("SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ?",
                                       (lite._fts(query.parse(q), part),)))
            assert model_ranks(columns, q, part) == fts, (q, part)


def _varints(blob: bytes) -> list[int]:
    """SQLite varints (7 bits a byte, high bit: more follows), as FTS5 stores column sizes in ``_docsize``."""
    out, value = [], 0
    for byte in blob:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            out.append(value)
            value = 0
    return out


def test_run_text_sizes_are_fts5_sizes(lite):
    """Each column's size in tokens from its run text (what PostgreSQL stores for bm25) is FTS5's."""
    sizes = {i: _varints(sz) for i, sz in lite.db.execute("SELECT id, sz FROM articles_fts_docsize")}
    ours = {a["id"]: [bigrams.run_text(p)[1] for p in bigrams.column_texts(a)] for a in lite.iter_articles()}
    assert ours == sizes
    assert all(sum(v) > 0 for v in ours.values())
