"""Enrichment of the seed page (重庆日报 2024-03-13), against what issue 4 says it must show.

The unit-level checks start from the gold parse (so they test enrichment, not parsing); one test runs the
whole way from the page text through ``parse_text``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from banmian import enrich, parse_text
from banmian.model import Page

SEED = Path(__file__).resolve().parents[1] / "data" / "seed"
GOLD = SEED / "000_e4fee7fd16952364.gold.json"
TEXT = SEED / "000_e4fee7fd16952364.txt"
PAGE_DATE = "2024-03-13"


def gold_dict() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def page() -> Page:
    d = gold_dict()
    d["date"] = PAGE_DATE
    for a in d["articles"]:  # the gold's own annotations are the expected answers, not input
        a.pop("people", None)
        a.pop("event_date", None)
    return enrich(Page.from_dict(d))


def person(article, name):
    return next(p for p in article.people if p.name == name)


def test_people_of_the_meeting_in_order(page):
    names = [p.name for p in page.articles[0].people]
    assert names == ["习近平", "袁家军", "胡衡华", "王炯", "程丽华", "李明清"]


def test_people_match_the_gold_on_every_article(page):
    for article, gold in zip(page.articles, gold_dict()["articles"], strict=True):
        assert [p.name for p in article.people] == gold["people"]


def test_no_junk_and_no_reporter(page):
    names = {p.name for a in page.articles for p in a.people}
    assert not names & {"永仁", "弘扬", "成渝", "杨帆", "杨新宇"}


def test_titles(page):
    first, third = page.articles[0], page.articles[2]
    assert "市委书记" in person(first, "袁家军").titles
    assert person(first, "习近平").titles == ["总书记"]
    assert person(first, "胡衡华").titles == []
    assert any(t.endswith("副总经理") for t in person(third, "刘易海").titles)
    assert person(first, "袁家军").mentions == 4
    assert person(third, "刘易海").mentions == 2


def by_text(items):
    return {x["text"]: x for x in items}


def test_dates_resolved_against_the_page_date(page):
    first = by_text(page.articles[0].dates)
    assert first["3月12日下午"]["value"] == "2024-03-12"
    assert first["3月12日下午"]["part_of_day"] == "下午"
    assert first["3月12日下午"]["year_inferred"] is True
    assert first["2024年"]["value"] == "2024" and "year_inferred" not in first["2024年"]
    third = by_text(page.articles[2].dates)
    assert third["昨天"]["value"] == "2024-03-12" and third["昨天"]["relative"] is True
    assert third["今年3季度"]["value"] == "2024-Q3"
    assert third["2019年"]["value"] == "2019"
    assert third["2019年"]["granularity"] == "year"


def test_quantities(page):
    q = by_text(page.articles[2].quantities)
    assert (q["20亿元"]["value"], q["20亿元"]["unit"]) == (2_000_000_000, "元")
    assert (q["约1300万人"]["value"], q["约1300万人"]["unit"], q["约1300万人"]["approx"]) == (13_000_000, "人", "about")
    assert (q["262克"]["value"], q["262克"]["unit"]) == (262, "克")
    assert (q["60%左右"]["value"], q["60%左右"]["unit"]) == (60, "%")
    assert (q["20~30mmHg"]["value"], q["20~30mmHg"]["max"], q["20~30mmHg"]["unit"]) == (20, 30, "mmHg")
    assert (q["170多台"]["value"], q["170多台"]["approx"]) == (170, "over")
    assert (q["近300家"]["value"], q["近300家"]["approx"]) == (300, "nearly")
    # Years are dates, not quantities; 千家万户 is an idiom, not a thousand households.
    all_texts = {x["text"] for a in page.articles for x in a.quantities}
    assert not any(t.startswith(("2019", "2023", "千家")) for t in all_texts)


def test_terms_with_counts(page):
    terms = {t["text"]: t["count"] for t in page.articles[0].terms}
    assert terms["33618"] == 1 and terms["416"] == 1
    assert terms["两个确立"] == 2
    assert terms["小县大城"] == 1
    # The closing quotation of article 3 is speech, not a term.
    assert [t["text"] for t in page.articles[2].terms] == ["重庆造"]


def test_keywords_are_words(page):
    for article in page.articles:
        assert 0 < len(article.keywords) <= 10
        for word in article.keywords:
            assert re.fullmatch(r"[\u4e00-\u9fffA-Za-z\-]{2,}", word), word
            assert word not in {"我们", "进行", "一个", "今年"}
    assert "人工心脏" in page.articles[2].keywords


def test_entity_offsets_point_at_their_text(page):
    for article in page.articles:
        assert article.entities
        for e in article.entities:
            source = article.headline if e.paragraph == -1 else article.paragraphs[e.paragraph]
            assert source[e.start:e.end] == e.text
            assert e.type in {"PER", "LOC", "ORG"} or e.type.isupper()
    per = [(e.text, e.paragraph) for e in page.articles[0].entities if e.type == "PER"]
    assert ("王炯", 1) in per and ("李明清", 1) in per


def test_enrichment_survives_json_round_trip(page):
    d = page.to_dict()
    again = Page.from_dict(json.loads(json.dumps(d, ensure_ascii=False)))
    assert again.to_dict() == d
    assert d["articles"][0]["people"][1] == {"name": "袁家军", "titles": ["市委书记"], "mentions": 4}


def test_end_to_end_from_page_text():
    page = enrich(parse_text(TEXT.read_text(encoding="utf-8"), date=PAGE_DATE))
    # Found by their text, so that this checks enrichment whatever the parser makes of the title blocks.
    meeting = next(a for a in page.articles if any("胡衡华、王炯" in p for p in a.paragraphs))
    assert [p.name for p in meeting.people] == ["习近平", "袁家军", "胡衡华", "王炯", "程丽华", "李明清"]
    heart = next(a for a in page.articles if any("副总经理刘易海" in p for p in a.paragraphs))
    assert [p.name for p in heart.people] == ["刘易海"]
    assert by_text(heart.dates)["昨天"]["value"] == "2024-03-12"
