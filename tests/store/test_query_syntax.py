"""The query language and its compilation: what users type never reaches FTS5 or tsquery as syntax."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banmian.errors import BadQuery
from banmian.store import SearchQuery
from banmian.store.bigrams import tokens
from banmian.store.query import Op, Term, parse, terms, to_fts5, to_tsquery

from .conftest import fixture_pages, load


def test_tokens_bigrams_and_closing_character():
    assert tokens("在重庆市") == ["在重", "重庆", "庆市", "市"]
    assert tokens("G20峰会，ＡＢＣ１２３") == ["g20", "峰会", "会", "abc123"]
    assert tokens("国") == ["国"]
    assert tokens("……  ，。") == []


def test_terms_phrases_and_prefix():
    assert parse("重庆") == Term("重庆", ("重庆",), False)
    assert parse("新质生产力").tokens == ("新质", "质生", "生产", "产力")
    assert parse("国") == Term("国", ("国",), True)
    assert to_fts5(parse("国")) == '"国" *' and to_tsquery(parse("国")) == "('国*')"
    # A Han run closed by a following run keeps its closing character, as documents do.
    assert parse("重庆G20").tokens == ("重庆", "庆", "g20")


def test_operators_and_precedence():
    node = parse("重庆 OR 成都 上海 NOT 北京")
    assert isinstance(node, Op) and node.op == "OR"
    assert node.parts[1] == Op("NOT", (Op("AND", (parse("成都"), parse("上海"))), parse("北京")))
    assert parse("(重庆 OR 成都) 上海").op == "AND"
    assert [t.text for t in terms(parse("a NOT b"), positive_only=True)] == ["a"]


@pytest.mark.parametrize("q", ['"', 'NEAR(', "*", "'; DROP TABLE articles; --", '重庆"', "重庆 AND", "OR 重庆",
                               "((重庆", "重庆))", "col:重庆", "{head}:重庆", "^重庆"])
def test_hostile_text_compiles_to_quoted_tokens_only(q):
    try:
        node = parse(q)
    except BadQuery:
        return
    fts = to_fts5(node)
    # Outside quoted tokens only our own operators, parentheses and the prefix star remain.
    assert re.fullmatch(r'(?:"[^"]*"|\s|\(|\)|AND|OR|NOT|\*)*', fts), fts
    tsq = to_tsquery(node)
    assert re.fullmatch(r"(?:'[^']*'|\s|\(|\)|&|\||!|<->)*", tsq), tsq


@pytest.mark.parametrize("q", ["NOT 重庆", "重" * 600, "()", "*"])
def test_bad_queries(q):
    with pytest.raises(BadQuery):
        parse(q)


@pytest.fixture(scope="module")
def sqlite_store(tmp_path_factory):
    from banmian.store import open_store

    s = open_store(str(tmp_path_factory.mktemp("q") / "q.db"))
    load(s, fixture_pages()[:4])
    yield s
    s.close()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(list('重庆国的发展 "\'()*:^-{}\\\t\u3000，。') + [" AND ", " OR ", " NOT ", "NEAR("]),
                max_size=20).map("".join))
def test_any_query_gives_results_or_bad_query(sqlite_store, q):
    try:
        result = sqlite_store.search(SearchQuery(q=q, limit=3))
    except BadQuery:
        return
    assert result.total >= len(result.results)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_any_unicode_query_is_safe(sqlite_store, q):
    try:
        sqlite_store.search(SearchQuery(q=q, limit=3))
    except BadQuery:
        pass
