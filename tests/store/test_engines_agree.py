"""SQLite and PostgreSQL, loaded with the same pages, give the same answers: totals, the set of results,
facets, browsing, articles — and the same top result for headline searches. (Ranking functions differ —
bm25 vs ts_rank — so the order below the top may differ; the matched set may not.)"""

from __future__ import annotations

import pytest

from banmian.store import SearchQuery, open_store

from .conftest import fixture_pages, load

QUERIES = ["中国", "国", "的", "李克强", "上海", "发展 OR 经济", "发展 NOT 经济", "(发展 OR 上海) NOT 经济",
           '"两国 总理"', "新华社", "2017", "合作 共赢", "NEAR(", "'; DROP TABLE articles; --", "的 上海"]


@pytest.fixture(scope="module")
def both(pg_cluster, tmp_path_factory):
    lite = open_store(str(tmp_path_factory.mktemp("agree") / "a.db"))
    pg = open_store(pg_cluster.new_database())
    for s in (lite, pg):
        load(s, fixture_pages())
    yield lite, pg
    lite.close()
    pg.close()


def outcome(store, q: SearchQuery):
    try:
        r = store.search(q)
    except Exception as exc:  # compared, not hidden: both engines must fail the same way
        return type(exc).__name__
    return r.total, sorted(x["id"] for x in r.results), r.facets, {x["id"]: x["snippet"] for x in r.results}


@pytest.mark.parametrize("q", QUERIES)
def test_same_results(both, q):
    lite, pg = both
    for query in (SearchQuery(q=q, limit=500), SearchQuery(q=q, paper="人民日报", date_from="2017-01-01", limit=500)):
        assert outcome(lite, query) == outcome(pg, query)


def test_same_top_result_for_headlines(both):
    lite, pg = both
    for page in fixture_pages():
        for a in page.articles:
            top = [s.search(SearchQuery(q=a.headline, limit=1)).results[:1] for s in (lite, pg)]
            assert [r[0]["id"] for r in top if r] in ([], [top[0][0]["id"]] * 2) or \
                top[0][0]["headline"] == top[1][0]["headline"]


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
