"""The SQLite store's facet counts from ``FacetIndex`` (one FTS5 pass, counted with numpy) equal the plain
SQL GROUP BY counts — for words, phrases, AND/OR/NOT, browsing, every place filter, values the archive
does not hold — and follow the archive when pages are added or replaced."""

from __future__ import annotations

import pytest

from banmian.store import SearchQuery, open_store
from banmian.store.sql import SQLStore

from .conftest import fixture_pages, load


@pytest.fixture()
def lite(tmp_path):
    s = open_store(str(tmp_path / "a.db"))
    load(s, fixture_pages())
    yield s
    s.close()


def both_ways(store, q: SearchQuery):
    fast = store.search(q)
    from banmian.store import query, sql

    node = query.parse(q.q)
    where, params = sql.filters(q)
    if node is None:
        source, cond_params = f"FROM {store.meta_table} a", []
    else:
        source, cond, cond_params, _ = store._match(node, "all")
        where.insert(0, cond)
    plain = SQLStore._count_and_facets(store, q, node, source, " AND ".join(where) or "1 = 1", cond_params + params,
                                       bool(params))
    return (fast.total, fast.facets), plain


QUERIES = ["", "国", "的", "中国", "发展 OR 上海", "发展 NOT 经济", '"两国 总理"', "2017", "没有这个词语"]
FILTERS = [{}, {"paper": "人民日报"}, {"paper": "新民晚报"}, {"paper": "没有这份报"}, {"date_from": "2022-04-01"},
           {"date_to": "2022-04-01"}, {"date_from": "2022-04-02", "date_to": "2022-04-02"}, {"date_to": "2022-03-31"},
           {"date_from": "2017-03-26", "date_to": "2022-04-01"}, {"page": 2}, {"page": 99}, {"date_from": "2100-01-01"}]


@pytest.mark.parametrize("q", QUERIES)
def test_facets_equal_group_by(lite, q):
    page_id = lite.issues()[0]["pages"][0]["id"]
    for f in [*FILTERS, {"page_id": page_id}, {"paper": "新民晚报", "page": 2, "date_from": "2022-04-02"}]:
        fast, plain = both_ways(lite, SearchQuery(q=q, **f))
        assert fast == plain, f
    assert both_ways(lite, SearchQuery(q=q))[0][0] == lite.search(SearchQuery(q=q, facets=False)).total


def test_facets_follow_writes(lite, tmp_path):
    before = lite.search(SearchQuery(q="国"))
    page = fixture_pages()[0]
    lite.ingest_page(page, key="another/copy", content_hash="x")  # this connection's write
    after = lite.search(SearchQuery(q="国"))
    assert after.total > before.total and after.facets != before.facets
    assert both_ways(lite, SearchQuery(q="国"))[0] == both_ways(lite, SearchQuery(q="国"))[1]
    other = open_store(lite.path)  # another connection's write
    other.ingest_page(page, key="a/third/copy", content_hash="x")
    other.close()
    third = lite.search(SearchQuery(q="国"))
    assert third.total == after.total + (after.total - before.total)
    assert both_ways(lite, SearchQuery(q="国"))[0] == both_ways(lite, SearchQuery(q="国"))[1]
