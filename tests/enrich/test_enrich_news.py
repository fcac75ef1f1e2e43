"""Enrichment of real People's Daily articles (2017; tests/data/enrich/rmrb2017-sample.jsonl)."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

from banmian.enrich import enrich_page
from banmian.model import Article, Page

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "enrich" / "rmrb2017-sample.jsonl"


def as_page(row: dict) -> Page:
    """The e-paper copy: header lines are indented with spaces, body paragraphs with U+3000."""
    lines = row["text"].split("\n")
    paragraphs = [line.strip("\u3000 ") for line in lines if line.startswith("\u3000") and line.strip("\u3000 ")]
    d = row["date"]
    return Page(date=f"{d[:4]}-{d[4:6]}-{d[6:]}",
                articles=[Article(headline=row["title"].replace("<br>", ""), paragraphs=paragraphs)])


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    pages = [as_page(r) for r in rows]
    for page in pages:
        enrich_page(page)
    return {p.articles[0].headline: p.articles[0] for p in pages}


def people(article: Article) -> dict[str, list[str]]:
    return {p.name: p.titles for p in article.people}


def find(articles, start: str) -> Article:
    return next(a for h, a in articles.items() if h.startswith(start))


def test_premier_and_his_title(articles):
    a = find(articles, "李克强同澳大利亚总理")
    assert a.people[0].name == "李克强"
    assert people(a)["李克强"] == ["国务院总理"]
    assert people(a)["特恩布尔"] == ["澳大利亚总理"]  # a transliterated name
    assert "焦翔" not in people(a) and "李锋" not in people(a)  # the dateline's reporters


def test_spokesman(articles):
    a = find(articles, "外交部回应")
    assert people(a)["陆慷"] == ["外交部发言人"]
    assert a.people[0].mentions == 2
    assert "姜波" not in people(a)


def test_deputy_director_general(articles):
    a = find(articles, "全运会")
    assert people(a)["邱汝"] == ["国家体育总局群体司副司长"]
    assert people(a)["曹康"] == ["国家体育总局宣传司副司长"]
    assert "季芳" not in people(a)


def test_chains_of_titles(articles):
    assert people(find(articles, "张高丽会见"))["张高丽"] == ["中共中央政治局常委", "国务院副总理"]
    assert people(find(articles, "促进安全生产"))["王勇"] == ["国务委员", "国务院安委会副主任"]


def test_every_field_is_consistent(articles):
    for a in articles.values():
        for e in a.entities:
            source = a.headline if e.paragraph == -1 else a.paragraphs[e.paragraph]
            assert source[e.start:e.end] == e.text
        spans = sorted((e.paragraph, e.start, e.end) for e in a.entities)
        for (p1, _, e1), (p2, s2, _) in pairwise(spans):
            assert p1 != p2 or e1 <= s2, "entities overlap"
        for d in a.dates:
            assert d["value"] is not None, d
        for q in a.quantities:
            assert isinstance(q["value"], int | float) and q["unit"]
        for p in a.people:
            assert p.mentions >= 1 and 2 <= len(p.name) <= 20
        names = [p.name for p in a.people]
        assert len(names) == len(set(names))


def test_dates_of_a_dateline(articles):
    a = find(articles, "塞尔维亚总统")
    values = [(d["text"], d["value"]) for d in a.dates]
    assert values == [("3月24日", "2017-03-24"), ("3月28日", "2017-03-28"), ("4月1日", "2017-04-01")]
