"""SQLite and PostgreSQL, loaded with the same pages, give the same answers: totals, results in the same
order (both rank by FTS5's bm25, ties by id), facets, snippets, browsing, articles."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banmian.store import SearchQuery, open_store
from banmian.store.bigrams import HAN_CLASS

from .conftest import fixture_pages, load

QUERIES = ["中国", "国", "的", "李克强", "上海", "发展 OR 经济", "发展 NOT 经济", "(发展 OR 上海) NOT 经济",
           '"两国 总理"', "新华社", "2017", "合作 共赢", "NEAR(", "'; DROP TABLE articles; --", "的 上海"]


@pytest.fixture(scope="module")
def both(pg_cluster, tmp_path_factory):
    lite = open_store(str(tmp_path_factory.mktemp("agree") / "a.db"))
    pg = open_store(pg_cluster.new_database())
    pages = fixture_pages()
    for s in (lite, pg):
        load(s, pages)
        with s.bulk():  # copies of three pages: equal scores, so ties must be broken alike (by id)
            for page in pages[:3]:
                s.ingest_page(page, key=f"copy/{page.paper}/{page.date}/{page.page}", content_hash="h")
    yield lite, pg
    lite.close()
    pg.close()


def outcome(store, q: SearchQuery):
    try:
        r = store.search(q)
    except Exception as exc:  # compared, not hidden: both engines must fail the same way
        return type(exc).__name__
    return r.total, [x["id"] for x in r.results], r.facets, {x["id"]: x["snippet"] for x in r.results}


@pytest.mark.parametrize("q", QUERIES)
def test_same_results(both, q):
    lite, pg = both
    for query in (SearchQuery(q=q, limit=500), SearchQuery(q=q, paper="人民日报", date_from="2017-01-01", limit=500)):
        assert outcome(lite, query) == outcome(pg, query)


def test_same_order_for_headlines(both):
    lite, pg = both
    for page in fixture_pages():
        for a in page.articles:
            ranked = [[r["id"] for r in s.search(SearchQuery(q=a.headline, limit=50)).results] for s in (lite, pg)]
            assert ranked[0] == ranked[1], a.headline


HAN_RUN = re.compile(f"[{HAN_CLASS}]+")


def _words() -> list[str]:
    """1- to 4-character pieces of the fixture texts (distinct, in a fixed order)."""
    out: dict[str, None] = {}
    for page in fixture_pages():
        for a in page.articles:
            for run in HAN_RUN.findall("\n".join([a.headline, *a.paragraphs])):
                for size in (1, 2, 3, 4):
                    for i in range(0, max(0, len(run) - size + 1), 7):
                        out.setdefault(run[i : i + size], None)
    return list(out)


WORDS = _words()
word = st.sampled_from(WORDS)
query_text = st.one_of(
    word,
    st.tuples(word, word).map(" ".join),
    st.tuples(word, word).map(" OR ".join),
    st.tuples(word, word).map(" NOT ".join),
    st.tuples(word, word).map(lambda w: f'"{w[0]} {w[1]}"'),
    st.tuples(word, word, word, word).map(lambda w: f"({w[0]} {w[1]}) OR ({w[2]} NOT {w[3]})"),
    st.tuples(word, word, word).map(lambda w: f"({w[0]} OR {w[1]}) {w[2]}"),
)


@settings(max_examples=300, deadline=None)
@given(q=query_text)
def test_same_ranked_order_property(both, q):
    """Whole ranked lists, ids in order, for queries built from the real texts' words."""
    lite, pg = both
    a, b = (s.search(SearchQuery(q=q, limit=1000, facets=False)) for s in (lite, pg))
    assert a.total == b.total
    assert [r["id"] for r in a.results] == [r["id"] for r in b.results]


@pytest.mark.parametrize("q", ["国", "的", "中国", "发展 OR 上海", "的 上海"])
def test_same_order_ranking_headline_matches(both, q, monkeypatch):
    import banmian.store.sql as sql

    monkeypatch.setattr(sql, "RANK_LIMIT", 12)  # large result sets whose headline matches are ranked (bm25 in headlines)
    lite, pg = both
    for offset in (0, 5, 15):
        a, b = (s.search(SearchQuery(q=q, limit=10, offset=offset)) for s in (lite, pg))
        assert a.total == b.total and [r["id"] for r in a.results] == [r["id"] for r in b.results]


def test_same_browse_and_read(both):
    lite, pg = both
    assert lite.papers() == pg.papers()
    assert lite.issues() == pg.issues()
    assert lite.stats() == pg.stats()
    assert list(lite.iter_articles()) == list(pg.iter_articles())
    page_id = lite.issues()[0]["pages"][0]["id"]
    assert lite.get_page(page_id) == pg.get_page(page_id)


@pytest.mark.parametrize("q", ["中国", "国", "的 上海", "发展 NOT 经济"])
def test_same_order_for_large_result_sets(both, q, monkeypatch):
    import banmian.store.sql as sql

    monkeypatch.setattr(sql, "RANK_LIMIT", 0)  # every result set "large": headline matches, then the rest, newest first
    lite, pg = both
    for offset in (0, 5):
        a, b = (s.search(SearchQuery(q=q, limit=10, offset=offset)) for s in (lite, pg))
        assert a.total == b.total and [r["id"] for r in a.results] == [r["id"] for r in b.results]


def test_same_order_after_pages_are_replaced(pg_cluster, tmp_path):
    """bm25's table totals follow replaced pages (PostgreSQL keeps them in index_stats; FTS5 in its index)."""
    lite, pg = open_store(str(tmp_path / "r.db")), open_store(pg_cluster.new_database())
    pages = fixture_pages()
    try:
        for s in (lite, pg):
            load(s, pages)
            for i in range(3):  # the same keys, other contents: the old articles go, new ones come
                s.ingest_page(pages[-1 - i], key=f"{pages[i].paper}/{pages[i].date}/{pages[i].page}", content_hash="new")
        stats = pg.conn.execute("SELECT articles, tokens FROM index_stats").fetchone()
        assert stats == pg.conn.execute("SELECT count(*) AS articles, sum(n_tokens) AS tokens FROM article_runs").fetchone()
        assert stats["articles"] == lite.stats()["articles"]
        for q in ["国", "中国", "发展 OR 上海", "的 上海", "合作 NOT 发展"]:
            a, b = (s.search(SearchQuery(q=q, limit=200)) for s in (lite, pg))
            assert a.total == b.total and [r["id"] for r in a.results] == [r["id"] for r in b.results]
    finally:
        lite.close()
        pg.close()
