"""The server-rendered web page, in process, read back with an HTML parser."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from .conftest import HOSTILE_PAPER, HOSTILE_SCRIPT


def soup_of(resp, status: int = 200) -> BeautifulSoup:
    assert resp.status_code == status, resp.text[:500]
    assert resp.headers["content-type"].startswith("text/html")
    return BeautifulSoup(resp.text, "html.parser")


def text_of(soup: BeautifulSoup) -> str:
    return " ".join(soup.get_text(" ").split())


def seed_page(client) -> dict:
    issue = client.get("/api/issues", params={"paper": "重庆日报", "date": "2024-03-13"}).json()[0]
    return client.get(f"/api/pages/{issue['pages'][0]['id']}").json()


def check_accessible(soup: BeautifulSoup) -> None:
    """What every view needs for keyboard and screen-reader use."""
    assert soup.html.get("lang")
    assert soup.find("meta", attrs={"name": "viewport"})
    skip = soup.find("a")
    assert skip["href"] == "#main" and "skip" in skip.get_text().lower()
    assert soup.find("main", id="main")
    for field in soup.find_all(["input", "select", "textarea"]):
        if field.get("type") == "hidden":
            continue
        labelled = field.get("aria-label") or (field.get("id") and soup.find("label", attrs={"for": field["id"]}))
        assert labelled, f"unlabelled field {field}"
    ids = [t["id"] for t in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), "duplicate ids"


def test_home_shows_papers_with_a_calendar_of_their_issues(client):
    soup = soup_of(client.get("/"))
    check_accessible(soup)
    sections = {s.h2.get_text(strip=True): s for s in soup.select("section.paper")}
    assert {"人民日报", "重庆日报", HOSTILE_PAPER} == set(sections)
    links = [a["href"] for a in sections["人民日报"].select("table.calendar a")]
    assert links == ["/papers/%E4%BA%BA%E6%B0%91%E6%97%A5%E6%8A%A5/2017-04-22",
                     "/papers/%E4%BA%BA%E6%B0%91%E6%97%A5%E6%8A%A5/2017-03-25"]
    captions = [c.get_text(" ", strip=True) for c in sections["人民日报"].select("table.calendar caption")]
    assert captions == ["2017年4月 (1)", "2017年3月 (1)"]
    # 2017-03-25 was a Saturday: the sixth column of its week.
    cell = sections["人民日报"].find("a", href=links[1]).parent
    assert cell.parent.find_all("td").index(cell) == 5


def test_issue_lists_its_pages_and_searches_within_the_day(client):
    soup = soup_of(client.get("/papers/人民日报/2017-04-22"))
    check_accessible(soup)
    assert [a.get_text(strip=True) for a in soup.select("ol.pages a")] == ["page 3", "page 4", "page 11"]
    form = soup.find("form", class_="within")
    hidden = {i["name"]: i["value"] for i in form.find_all("input", type="hidden")}
    assert hidden == {"paper": "人民日报", "from": "2017-04-22", "to": "2017-04-22"}
    # The neighbouring issue is one step away.
    assert soup.find("a", rel="prev")["href"].endswith("/2017-03-25")
    soup_of(client.get("/papers/人民日报/2017-04-23"), 404)
    soup_of(client.get("/papers/人民日报/not-a-date"), 404)


def test_page_lists_its_articles_in_print_order(client):
    page = seed_page(client)
    soup = soup_of(client.get(f"/pages/{page['id']}"))
    check_accessible(soup)
    shown = [a["href"] for a in soup.select("ol.articles h2 a")]
    assert shown == [f"/articles/{a['id']}" for a in page["articles"]]
    form = soup.find("form", class_="within")
    hidden = {i["name"]: i["value"] for i in form.find_all("input", type="hidden")}
    assert hidden == {"paper": "重庆日报", "from": "2024-03-13", "to": "2024-03-13", "page": "1"}


def test_a_page_without_a_number_is_searched_by_its_id(client):
    hit = client.get("/api/search", params={"q": "城市更新"}).json()["results"][0]
    assert hit["page"] is None
    soup = soup_of(client.get(f"/pages/{hit['page_id']}"))
    form = soup.find("form", class_="within")
    hidden = {i["name"]: i["value"] for i in form.find_all("input", type="hidden")}
    assert hidden["page_id"] == str(hit["page_id"]) and "page" not in hidden
    found = soup_of(client.get("/search", params={**hidden, "q": "居民"}))
    assert [a["href"] for a in found.select("ol.results h3 a")] == [f"/articles/{hit['id']}?q=%E5%B1%85%E6%B0%91"]


def test_browsing_a_paper_without_words_lists_its_articles_newest_first(client):
    soup = soup_of(client.get("/search", params={"paper": "人民日报"}))
    dates = [li.select_one("time").get_text() for li in soup.select("ol.results > li")]
    assert len(dates) == 20 and dates == sorted(dates, reverse=True)
    assert not soup.select("ol.results mark")


def test_article_shows_every_field(client):
    page = seed_page(client)
    seen = {"kicker": False, "tables": False, "captions": False, "credits": False, "bylines": False}
    for summary in page["articles"]:
        article = client.get(f"/api/articles/{summary['id']}").json()
        soup = soup_of(client.get(f"/articles/{article['id']}"))
        check_accessible(soup)
        body = soup.find("article")
        assert body.h1.get_text() == article["headline"]
        assert client.get(body.find("a", string="JSON")["href"]).json() == article
        text = text_of(body)
        for para in article["paragraphs"]:
            assert " ".join(para.split()) in text
        assert [p.get_text() for p in body.select("p.subheadline")] == article["subheadlines"]
        if article["kicker"]:
            seen["kicker"] = True
            assert body.select_one("p.kicker").get_text() == article["kicker"]
        for table, shown in zip(article["tables"], body.select("table.data"), strict=True):
            seen["tables"] = True
            rows = [[td.get_text() for td in tr.find_all("td")] for tr in shown.find_all("tr")]
            assert rows == table["rows"]
        if article["captions"]:
            seen["captions"] = True
            assert [li.get_text() for li in body.select("section.captions li")] == article["captions"]
        for credit in article["credits"]:
            seen["credits"] = True
            assert credit["text"] in text
        for byline in article["bylines"]:
            seen["bylines"] = True
            assert all(name in text for name in byline["names"])
    assert all(seen.values()), seen  # the seed has each of these somewhere


def test_highlight_is_carried_into_the_article(client):
    hits = client.get("/api/search", params={"q": "袁家军"}).json()["results"]
    soup = soup_of(client.get(f"/articles/{hits[0]['id']}", params={"q": "袁家军"}))
    marks = soup.find("article").find_all("mark")
    assert marks and {m.get_text() for m in marks} == {"袁家军"}
    assert soup.select_one(".highlight-note")
    plain = soup_of(client.get(f"/articles/{hits[0]['id']}"))
    assert not plain.find_all("mark")


def test_markup_in_pages_is_shown_as_text(client):
    """The hostile page's text and paper name hold tags; every view shows them as text."""
    views = ["/", "/search?q=城市更新", "/search?q=" + HOSTILE_SCRIPT]
    hit = client.get("/api/search", params={"q": "城市更新"}).json()["results"][0]
    home = soup_of(client.get("/"))
    hostile_issue = [a["href"] for a in home.select("table.calendar a") if "2024-01-02" in a["href"]]
    views += [f"/articles/{hit['id']}", f"/articles/{hit['id']}?q=城市更新", f"/pages/{hit['page_id']}",
              *hostile_issue]
    assert len(hostile_issue) == 1
    for view in views:
        resp = client.get(view)
        soup = soup_of(resp)
        assert not soup.find_all(["script", "img", "b", "i"]), view
        assert "<script>" not in resp.text and "<img" not in resp.text
    article = soup_of(client.get(f"/articles/{hit['id']}"))
    text = text_of(article)
    assert HOSTILE_SCRIPT in text and "<b>不是粗体</b>" in text and '<img src=x onerror="window.__pwned = 2">' in text
    assert HOSTILE_PAPER in text_of(soup_of(client.get("/")))


@pytest.mark.parametrize("path", ["/", "/search?q=重庆", "/people/王毅", "/nowhere"])
def test_pages_forbid_scripts_through_their_headers(client, path):
    csp = client.get(path).headers["content-security-policy"]
    assert "script-src 'none'" in csp and "object-src 'none'" in csp


def test_search_page_with_marks_facets_and_pagination(client):
    soup = soup_of(client.get("/search", params={"q": "记者"}))
    check_accessible(soup)
    total = int(soup.find(id="results-h").get_text().split()[0])
    assert total > 20
    results = soup.select("ol.results > li")
    assert len(results) == 20
    assert all(li.select_one(".snippet mark") or li.select_one("h3 mark") for li in results)
    # Each result opens the article with the query carried along.
    first = urlsplit(results[0].h3.a["href"])
    assert parse_qs(first.query) == {"q": ["记者"]}
    # Facets count papers, dates and pages, and each narrows the search.
    facets = {f.h3.get_text(): f for f in soup.select("aside.facets section.facet")}
    assert {"Paper", "Date", "Page"} <= set(facets)
    counts = {li.a.get_text(): int(li.select_one(".count").get_text()) for li in facets["Paper"].find_all("li")}
    assert sum(counts.values()) == total
    narrowed = soup_of(client.get(facets["Date"].find("a")["href"]))
    assert int(narrowed.find(id="results-h").get_text().split()[0]) < total
    # Pagination: page 2 continues where page 1 stopped.
    nav = soup.find("nav", class_="pagination")
    second = soup_of(client.get(nav.find("a", rel="next")["href"]))
    assert second.select_one("ol.results")["start"] == "21"
    assert second.select("ol.results > li")[0].h3.a["href"] != results[0].h3.a["href"]


def test_search_within_a_day_keeps_the_filters_in_the_form(client):
    soup = soup_of(client.get("/search", params={"q": "记者", "paper": "人民日报", "from": "2017-03-25",
                                                "to": "2017-03-25"}))
    assert soup.find("select", id="paper").find("option", selected=True)["value"] == "人民日报"
    assert soup.find("input", id="from")["value"] == "2017-03-25"
    metas = [li.select_one(".meta").get_text(" ", strip=True) for li in soup.select("ol.results > li")]
    assert metas and all("2017-03-25" in m for m in metas)
    chips = soup.select(".active-filters li")
    assert len(chips) == 3  # paper, from, to; each removable
    removed = parse_qs(urlsplit(chips[0].a["href"]).query)
    assert "paper" not in removed and removed["q"] == ["记者"]


@pytest.mark.parametrize("params", [{"q": '"'}, {"q": "NEAR("}, {"q": "*"}, {"q": "'; DROP TABLE articles; --"},
                                    {"q": "重庆", "from": "2024-02-30"}, {"q": "重庆", "page": "一"},
                                    {"q": "重" * 600}, {"q": "重庆", "offset": "-5"}])
def test_bad_searches_show_a_message_not_a_crash(client, params):
    resp = client.get("/search", params=params)
    assert resp.status_code in (200, 400)
    soup = soup_of(resp, resp.status_code)
    if resp.status_code == 400:
        assert soup.find(class_="error", role="alert").get_text(strip=True)
    assert soup.find("input", id="q")["value"] == params["q"]


def test_enriched_article_links_people_places_and_organisations(client):
    hit = client.get("/api/search", params={"q": "王毅 上合组织"}).json()["results"][0]
    soup = soup_of(client.get(f"/articles/{hit['id']}"))
    aside = soup.find("aside", class_="entities")
    groups = {h3.get_text(): [a.get_text() for a in h3.find_next_sibling("ul").find_all("a")]
              for h3 in aside.find_all("h3")}
    assert groups == {"People": ["王毅"], "Places": ["阿斯塔纳"], "Organisations": ["上海合作组织", "上合组织"]}
    person = soup_of(client.get(aside.find("a", string="王毅")["href"]))
    check_accessible(person)
    assert person.h1.get_text() == "王毅"
    assert "外交部长" in text_of(person)
    assert [a.get_text() for a in person.select("ol.results a")] == ["王毅出席上合组织外长会"]
    place = soup_of(client.get(aside.find("a", string="阿斯塔纳")["href"]))
    assert [a.get_text() for a in place.select("ol.results h3 a")] == ["王毅出席上合组织外长会"]


def test_unenriched_article_has_no_entity_box(client):
    page = seed_page(client)
    soup = soup_of(client.get(f"/articles/{page['articles'][0]['id']}"))
    assert soup.find("aside", class_="entities") is None


@pytest.mark.parametrize("path", ["/articles/99999999", "/pages/0", "/people/无名氏", "/nowhere", "/articles/x"])
def test_unknown_pages_are_404_pages(client, path):
    soup = soup_of(client.get(path), 404)
    assert soup.h1.get_text() == "Not found"
    check_accessible(soup)
