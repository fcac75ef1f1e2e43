"""The web layer's pure helpers: which words to mark, marking, snippet cleaning, calendars, pagination."""

from __future__ import annotations

from banmian.web.highlight import clean_snippet, mark, query_terms
from banmian.web.pages import pagination
from banmian.web.render import month_grids, search_url


def test_query_terms_follow_the_query_syntax():
    assert query_terms('"新质 生产力" AND 重庆 OR (北京 NOT 上海)') == ["生产力", "新质", "重庆", "北京", "上海"]
    assert query_terms("“两个确立” -反对 重*") == ["两个确立", "反对", "重"]
    assert query_terms('NEAR(重庆 北京) " * ()') == ["重庆", "北京"]
    assert query_terms("") == [] and query_terms(None) == []


def test_mark_escapes_text_and_marks_every_occurrence_longest_first():
    out = mark("<b>重庆</b>市重庆大学 & 重", ["重庆", "重庆大学"])
    assert str(out) == "&lt;b&gt;<mark>重庆</mark>&lt;/b&gt;市<mark>重庆大学</mark> &amp; 重"
    assert str(mark("a<script>", [])) == "a&lt;script&gt;"
    assert str(mark("Beijing", ["beijing"])) == "<mark>Beijing</mark>"


def test_clean_snippet_keeps_only_balanced_marks():
    assert str(clean_snippet("…市委书记<mark>袁家军</mark>主持…")) == "…市委书记<mark>袁家军</mark>主持…"
    # Escaped text stays escaped once; raw markup from any engine is neutralised.
    assert str(clean_snippet("&lt;script&gt; <mark>重庆</mark>")) == "&lt;script&gt; <mark>重庆</mark>"
    assert str(clean_snippet("<script>x</script><mark>a")) == "&lt;script&gt;x&lt;/script&gt;<mark>a</mark>"
    assert str(clean_snippet("</mark>b<MARK>c</mark></mark>")) == "b<mark>c</mark>"
    assert str(clean_snippet(None)) == ""


def test_month_grids_newest_first_weeks_from_monday():
    grids = month_grids(["2024-03-13", "2024-03-14", "2017-03-25", "bad", "2024-13-01", ""])
    assert [g["label"] for g in grids] == ["2024年3月", "2017年3月"]
    march = grids[0]
    assert march["issues"] == 2
    first_week = march["weeks"][0]
    assert [d["day"] if d else None for d in first_week] == [None, None, None, None, 1, 2, 3]  # 2024-03-01: Fri
    days = {d["date"]: d["issue"] for week in march["weeks"] for d in week if d}
    assert days["2024-03-13"] and days["2024-03-14"] and not days["2024-03-12"]


def test_pagination_shows_ends_and_neighbours_with_gaps():
    assert pagination(15, 0) == []  # one page: no navigation
    pages = pagination(1000, 400)  # page 21 of 50
    labels = [p["label"] if p["n"] is not None else "…" for p in pages]
    assert labels == [1, "…", 18, 19, 20, 21, 22, 23, 24, "…", 50]
    assert next(p for p in pages if p.get("current"))["offset"] == 400


def test_search_url_drops_empty_values_and_a_zero_offset():
    assert search_url({"q": "重庆", "paper": "", "offset": 0}) == "/search?q=%E9%87%8D%E5%BA%86"
    assert search_url({"q": "a"}, offset=20, page=3) == "/search?q=a&offset=20&page=3"
    assert search_url() == "/search"
