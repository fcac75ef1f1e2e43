"""One suite, both engines (``store`` / ``loaded_store`` are parametrised over SQLite and PostgreSQL).

Search counts are checked against brute force over the real fixture texts: for random Chinese substrings
of 1–5 characters the index must find exactly the articles whose text holds them — no misses (2-character
words included) and no false hits.
"""

from __future__ import annotations

import html
import json
import random
import re

import pytest

from banmian.errors import BadQuery, NotFound
from banmian.model import Article, Page
from banmian.store import SearchQuery
from banmian.store.bigrams import HAN_CLASS, normalise

from .conftest import fixture_pages, load

HAN_RUN = re.compile(f"[{HAN_CLASS}]+")


def searchable_text(a: Article) -> str:
    """Every indexed field of an article, fields kept apart by a newline."""
    parts = [a.headline, a.kicker or "", *a.subheadlines, *a.paragraphs, *a.captions, a.source or ""]
    for t in a.tables:
        parts += [t.title or "", *(c for row in t.rows for c in row)]
    parts += [b.text or " ".join(b.names) for b in a.bylines]
    return normalise("\n".join(parts))


@pytest.fixture(scope="module")
def corpus() -> list[tuple[tuple, str, Article]]:
    """(paper, date, page, position) → text, for every fixture article."""
    out = []
    for page in fixture_pages():
        for i, a in enumerate(page.articles):
            out.append(((page.paper, page.date, page.page, i), searchable_text(a), a))
    return out


def where(store, ids: list[int]) -> set[tuple]:
    out = set()
    for i in ids:
        a = store.get_article(i)
        out.add((a["paper"], a["date"], a["page"], a["position"]))
    return out


def all_ids(store, q: SearchQuery) -> list[int]:
    q.limit = 1000
    return [r["id"] for r in store.search(q).results]


def test_counts_and_reingest(store):
    pages = fixture_pages()
    load(store, pages)
    assert store.stats() == {"papers": 2, "issues": 3, "pages": 23, "articles": 81}
    for page in pages:
        assert store.ingest_page(page, key=f"{page.paper}/{page.date}/{page.page}", content_hash="h") == "unchanged"
    assert store.stats()["articles"] == 81


def test_headline_finds_its_article_first(loaded_store, corpus):
    hits = 0
    for key, _, article in corpus:
        results = loaded_store.search(SearchQuery(q=article.headline, limit=1)).results
        if results and (where(loaded_store, [results[0]["id"]]) == {key} or results[0]["headline"] == article.headline):
            hits += 1
    assert hits / len(corpus) >= 0.95, f"{hits}/{len(corpus)} headlines found first"


@pytest.mark.parametrize("length", [1, 2, 3, 4, 5])
def test_substring_counts_match_brute_force(loaded_store, corpus, length):
    rng = random.Random(length)
    runs = [r for _, text, _ in corpus for r in HAN_RUN.findall(text) if len(r) >= length]
    for _ in range(25):
        run = rng.choice(runs)
        start = rng.randrange(len(run) - length + 1)
        word = run[start : start + length]
        expected = {key for key, text, _ in corpus if word in text}
        result = loaded_store.search(SearchQuery(q=word, limit=200))
        assert result.total == len(expected), word
        assert where(loaded_store, [r["id"] for r in result.results]) == expected, word


def test_boolean_operators_match_set_algebra(loaded_store, corpus):
    def having(w: str) -> set:
        return {key for key, text, _ in corpus if w in text}

    a, b, c = having("发展"), having("经济"), having("上海")
    cases = {
        "发展 经济": a & b, "发展 AND 经济": a & b, "发展 OR 经济": a | b, "发展 NOT 经济": a - b,
        "(发展 OR 上海) NOT 经济": (a | c) - b, "发展 OR 经济 上海": a | (b & c),
    }
    for q, expected in cases.items():
        assert where(loaded_store, all_ids(loaded_store, SearchQuery(q=q))) == expected, q
        assert loaded_store.search(SearchQuery(q=q)).total == len(expected), q


def test_phrase_across_a_space(loaded_store, corpus):
    # A quoted phrase with a space matches the words printed together (Chinese has no spaces).
    text = next(t for _, t, _ in corpus if "两国总理" in t)
    assert text
    quoted = loaded_store.search(SearchQuery(q='"两国 总理"'))
    assert quoted.total == sum("两国总理" in t for _, t, _ in corpus) > 0


def test_filters_facets_and_pages(loaded_store, corpus):
    everything = loaded_store.search(SearchQuery(q="的", limit=5))
    assert everything.total == sum("的" in t for _, t, _ in corpus)
    assert sum(f["count"] for f in everything.facets["paper"]) == everything.total
    assert {f["value"] for f in everything.facets["paper"]} == {"人民日报", "新民晚报"}
    only = loaded_store.search(SearchQuery(q="的", paper="新民晚报"))
    assert only.total == next(f["count"] for f in everything.facets["paper"] if f["value"] == "新民晚报")
    assert all(r["paper"] == "新民晚报" for r in only.results)
    day = loaded_store.search(SearchQuery(q="的", date_from="2022-04-02", date_to="2022-04-02", limit=100))
    assert day.total and all(r["date"] == "2022-04-02" for r in day.results)
    page3 = loaded_store.search(SearchQuery(q="的", paper="人民日报", page=3, limit=100))
    assert page3.total and all(r["page"] == 3 for r in page3.results)
    page_id = page3.results[0]["page_id"]
    within = loaded_store.search(SearchQuery(q="的", page_id=page_id, limit=100))
    assert {r["page_id"] for r in within.results} == {page_id}
    # Pagination: pages of 7 put together are the whole ranked list.
    full = all_ids(loaded_store, SearchQuery(q="的"))
    paged = []
    for offset in range(0, len(full), 7):
        paged += [r["id"] for r in loaded_store.search(SearchQuery(q="的", limit=7, offset=offset)).results]
    assert paged == full
    # Browsing (no words) with a filter lists the page in print order.
    browse = loaded_store.search(SearchQuery(q="", page_id=page_id, limit=100))
    assert [r["id"] for r in browse.results] == [a["id"] for a in loaded_store.get_page(page_id)["articles"]]


def test_snippets_are_escaped_and_marked(store):
    page = Page(paper="测试报", date="2024-01-02", page=1, articles=[
        Article(headline="城市更新<script>alert(1)</script>",
                paragraphs=["旧城改造<b>不是粗体</b> & 重庆的城市更新在全市铺开。", "居民说，家门口的变化看得见。"]),
    ])
    store.ingest_page(page, key="t", content_hash="1")
    r = store.search(SearchQuery(q="重庆 更新")).results[0]
    assert "<b>" not in r["snippet"] and "&lt;b&gt;" in r["snippet"] and "&amp;" in r["snippet"]
    assert "<mark>重庆</mark>" in r["snippet"] and "<mark>更新</mark>" in r["snippet"]
    assert html.unescape(re.sub("</?mark>", "", r["snippet"])).strip("…") in page.articles[0].paragraphs[0]
    assert r["headline"] == page.articles[0].headline  # raw text; escaping the headline is the renderer's job


HOSTILE = ['"', "'", 'a"b', "NEAR(", "NEAR(重庆 上海, 2)", "*", "重*", "'; DROP TABLE articles; --", "重庆 OR",
           "AND", "(((", ")))", "重庆)", "^重庆", "col:重庆", "headline:重庆", "{head}: 重庆", "- 重庆", "\\", "%",
           "\x00重庆", "重庆" * 300, "NOT NOT NOT", "a AND NOT b", "''", '""', "()", "𠀀𠀁", "１２３"]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_are_safe(loaded_store, q):
    before = loaded_store.stats()
    try:
        result = loaded_store.search(SearchQuery(q=q))
    except BadQuery as exc:
        assert exc.status == 400 and exc.message
    else:
        assert result.total >= 0
    assert loaded_store.stats() == before


def test_leading_not_is_a_bad_query(loaded_store):
    with pytest.raises(BadQuery):
        loaded_store.search(SearchQuery(q="NOT 重庆"))


def test_changed_page_replaces_old_version(store):
    page = fixture_pages()[0]
    assert store.ingest_page(page, key="k", content_hash="v1") == "added"
    first = page.articles[0]
    old_para = first.paragraphs[0]
    first.paragraphs[0] = "改版以后的段落写着一个独特的词鲲鹏展翅。"
    assert store.ingest_page(page, key="k", content_hash="v2") == "replaced"
    assert store.stats()["pages"] == 1 and store.stats()["articles"] == len(page.articles)
    assert store.search(SearchQuery(q="鲲鹏展翅")).total == 1
    unique_old = next(w for w in HAN_RUN.findall(old_para) if len(w) >= 6)
    assert store.search(SearchQuery(q=unique_old)).total == sum(
        unique_old in searchable_text(a) for a in page.articles)


def test_failed_page_leaves_nothing_behind(store):
    good, bad = fixture_pages()[:2]
    store.ingest_page(good, key="good", content_hash="1")
    before = store.stats()
    bad.articles[-1].dates = [{"value": {1, 2}}]  # not JSON: fails while the page is half written
    with pytest.raises(TypeError):
        store.ingest_page(bad, key="bad", content_hash="1")
    assert store.stats() == before and store.page_hash("bad") is None
    # Inside a batch, the failing page rolls back alone.
    with store.bulk():
        with pytest.raises(TypeError):
            store.ingest_page(bad, key="bad", content_hash="1")
        bad.articles[-1].dates = None
        assert store.ingest_page(bad, key="bad", content_hash="1") == "added"
    assert store.stats()["pages"] == 2


def test_browse_read_and_not_found(loaded_store):
    papers = loaded_store.papers()
    assert [p["paper"] for p in papers] == ["人民日报", "新民晚报"]
    assert papers[1]["dates"] == ["2022-04-01", "2022-04-02"] and papers[1]["issues"] == 2
    issue = loaded_store.issues(paper="人民日报", date="2017-03-25")
    assert len(issue) == 1 and [p["page"] for p in issue[0]["pages"]] == sorted(p["page"] for p in issue[0]["pages"])
    page = loaded_store.get_page(issue[0]["pages"][0]["id"])
    assert page["paper"] == "人民日报" and page["articles"][0]["headline"]
    art = loaded_store.get_article(page["articles"][0]["id"])
    assert art["paragraphs"] and art["page_id"] == page["id"] and art["position"] == 0
    with pytest.raises(NotFound):
        loaded_store.get_article(10**9)
    with pytest.raises(NotFound):
        loaded_store.get_page(10**9)
    exported = list(loaded_store.iter_articles())
    assert len(exported) == 81 and json.dumps(exported, ensure_ascii=False)


def test_people_places_orgs(store):
    page = fixture_pages()[0]
    d = page.articles[0].to_dict()
    d["people"] = [{"name": "李克强", "titles": ["国务院总理"], "mentions": 3}]
    d["entities"] = [{"text": "澳大利亚", "type": "LOC", "paragraph": 0, "start": 0, "end": 4},
                     {"text": "国务院", "type": "ORG", "paragraph": 0, "start": 5, "end": 8}]
    page.articles[0] = Article.from_dict(d)
    store.ingest_page(page, key="p", content_hash="1")
    res = store.search(SearchQuery(q="", person="李克强"))
    assert res.total == 1 and res.results[0]["headline"] == page.articles[0].headline
    assert store.get_article(res.results[0]["id"])["people"] == d["people"]
    assert store.search(SearchQuery(q="会见", place="澳大利亚")).total == 1
    assert store.search(SearchQuery(q="会见", org="国务院")).total == 1
    assert store.search(SearchQuery(q="会见", org="不存在")).total == 0
    facets = store.search(SearchQuery(q="")).facets
    assert facets["person"] == [{"value": "李克强", "count": 1}]
    assert facets["place"] == [{"value": "澳大利亚", "count": 1}]
    person = store.person("李克强")
    assert person["titles"] == ["国务院总理"] and len(person["articles"]) == 1
    with pytest.raises(NotFound):
        store.person("无名氏")


def test_large_result_sets_headline_matches_first_then_newest(loaded_store, corpus, monkeypatch):
    import banmian.store.sql as sql

    full = loaded_store.search(SearchQuery(q="中国", limit=200))
    monkeypatch.setattr(sql, "RANK_LIMIT", 3)  # so that this small archive counts as large
    large = loaded_store.search(SearchQuery(q="中国", limit=200))
    assert large.total == full.total > 3
    assert sorted(r["id"] for r in large.results) == sorted(r["id"] for r in full.results)
    in_head = [("中国" in normalise(r["headline"])) for r in large.results]
    assert in_head == sorted(in_head, reverse=True) and any(in_head)  # headline matches come first
    rest = [r["date"] for r, h in zip(large.results, in_head, strict=True) if not h]
    assert rest == sorted(rest, reverse=True)  # then newest first
    paged = []
    for offset in range(0, large.total, 4):
        paged += [r["id"] for r in loaded_store.search(SearchQuery(q="中国", limit=4, offset=offset)).results]
    assert paged == [r["id"] for r in large.results]


def test_old_schema_is_migrated_on_open(tmp_path):
    import sqlite3

    from banmian.store import open_store

    path = str(tmp_path / "old.db")
    s = open_store(path)
    load(s, fixture_pages()[:3])
    s.close()
    con = sqlite3.connect(path)  # take the file back to schema version 1
    con.executescript("DROP TABLE article_meta; PRAGMA user_version = 1;")
    con.close()
    s = open_store(path)
    assert s.search(SearchQuery(q="中国")).total > 0
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 2
    s.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    with pytest.raises(Exception, match="newer banmian"):
        open_store(path)


def test_old_postgres_schema_is_migrated_on_open(pg_cluster):
    import psycopg

    from banmian.store import open_store

    url = pg_cluster.new_database()
    s = open_store(url)
    load(s, fixture_pages()[:3])
    expected = s.search(SearchQuery(q="中国")).total
    ranked = [r["id"] for r in s.search(SearchQuery(q="中国")).results]
    s.close()
    with psycopg.connect(url, autocommit=True) as conn:  # back to schema 1 and its index format
        conn.execute("ALTER TABLE articles DROP COLUMN head_tsv")
        conn.execute("DROP TABLE index_stats, article_runs")
        conn.execute("UPDATE banmian_meta SET value = '1'")
        conn.execute("UPDATE banmian_meta SET value = '1-starts' WHERE key = 'tokenizer'")
    s = open_store(url)
    assert expected > 0 and s.search(SearchQuery(q="中国")).total == expected
    assert [r["id"] for r in s.search(SearchQuery(q="中国")).results] == ranked  # bm25 needs the migrated columns
    assert s.search(SearchQuery(q="国")).total >= expected
    s.close()


def test_text_pages_through_the_parser_are_found_by_headline(store):
    """The bundled-kind page dumps, parsed by banmian's own parser and ingested: each stored article is the
    top hit for its headline, and two-character words of its text find it."""
    from banmian.store.ingest import IngestOptions, ingest

    from .conftest import TEXT_PAGES

    report = ingest([str(TEXT_PAGES)], store, IngestOptions(enrich=False))
    assert report.pages == 3 and not report.failed
    articles = list(store.iter_articles())
    assert len(articles) == report.articles > 3
    rng = random.Random(1)
    first = 0
    for a in articles:
        top = store.search(SearchQuery(q=a["headline"], limit=1)).results
        first += bool(top) and (top[0]["id"] == a["id"] or top[0]["headline"] == a["headline"])
        text = normalise("".join(a["paragraphs"]))
        runs = [r for r in HAN_RUN.findall(text) if len(r) >= 2]
        if runs:
            run = rng.choice(runs)
            i = rng.randrange(len(run) - 1)
            hits = store.search(SearchQuery(q=run[i : i + 2], page_id=a["page_id"], limit=100)).results
            assert a["id"] in [h["id"] for h in hits], run[i : i + 2]
    assert first / len(articles) >= 0.95
