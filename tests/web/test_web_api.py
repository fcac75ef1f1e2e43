"""The REST API, in process, over an archive of real pages built through the real parser and store."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banmian.web.params import MAX_QUERY_CHARS

from .conftest import HOSTILE_PAPER

HIT_KEYS = {"id", "headline", "paper", "date", "page", "snippet"}


def assert_error(resp, status: int) -> dict:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error", "status"}
    assert body["status"] == status and body["error"]
    return body


def test_papers_list_every_paper_with_its_dates(client):
    papers = {p["paper"]: p for p in client.get("/api/papers").json()}
    assert set(papers) == {"人民日报", "重庆日报", HOSTILE_PAPER}
    assert papers["人民日报"]["dates"] == ["2017-03-25", "2017-04-22"]
    assert papers["人民日报"]["issues"] == 2
    assert papers["重庆日报"]["dates"] == ["2024-03-13"]


def test_issues_by_paper_and_date_list_their_pages(client):
    issues = client.get("/api/issues", params={"paper": "人民日报", "date": "2017-04-22"}).json()
    assert len(issues) == 1
    assert [p["page"] for p in issues[0]["pages"]] == [3, 4, 11]
    assert client.get("/api/issues", params={"paper": "人民日报", "date": "2017-01-01"}).json() == []
    assert_error(client.get("/api/issues", params={"date": "2017-4-22"}), 400)


def test_page_holds_its_articles_in_print_order_and_each_article_reads_back(client):
    issue = client.get("/api/issues", params={"paper": "人民日报", "date": "2017-03-25"}).json()[0]
    page_id = issue["pages"][0]["id"]
    page = client.get(f"/api/pages/{page_id}").json()
    assert (page["paper"], page["date"], page["page"]) == ("人民日报", "2017-03-25", 2)
    assert [a["position"] for a in page["articles"]] == list(range(len(page["articles"])))
    assert len(page["articles"]) == issue["pages"][0]["articles"] > 5
    for summary in page["articles"]:
        article = client.get(f"/api/articles/{summary['id']}").json()
        assert article["headline"] == summary["headline"]
        assert article["page_id"] == page_id and article["position"] == summary["position"]
        for key in ("kicker", "subheadlines", "paragraphs", "bylines", "credits", "source", "captions",
                    "jumps", "tables"):
            assert key in article


@pytest.mark.parametrize("path", ["/api/articles/{big}", "/api/pages/{big}", "/api/articles/abc",
                                  "/api/pages/-1", "/api/articles/99999999999999999999999",
                                  "/api/people/没有这个人", "/api/nothing"])
def test_unknown_things_are_404_with_the_error_shape(client, store, path):
    big = store.stats()["articles"] + store.stats()["pages"] + 1000
    assert_error(client.get(path.format(big=big)), 404)


def test_search_finds_a_two_character_word_with_highlighted_snippets(client):
    body = client.get("/api/search", params={"q": "重庆"}).json()
    assert body["total"] >= 1
    for hit in body["results"]:
        assert HIT_KEYS <= set(hit)
    assert any("<mark>重庆</mark>" in hit["snippet"] for hit in body["results"])
    assert {f["value"] for f in body["facets"]["paper"]} >= {"重庆日报"}


def test_facets_can_be_left_out(client):
    with_facets = client.get("/api/search", params={"q": "记者"}).json()
    without = client.get("/api/search", params={"q": "记者", "facets": "false"}).json()
    assert with_facets["facets"]["paper"] and without["facets"] == {}
    assert without["results"] == with_facets["results"] and without["total"] == with_facets["total"]


def test_every_headline_is_found_by_its_own_text(client, store):
    """The archive's promise, checked through the API: an article is found by its headline."""
    issue = client.get("/api/issues", params={"paper": "人民日报", "date": "2017-04-22"}).json()[0]
    page = client.get(f"/api/pages/{issue['pages'][0]['id']}").json()
    for summary in page["articles"]:
        if len(summary["headline"]) < 4:
            continue
        hits = client.get("/api/search", params={"q": f'"{summary["headline"]}"'}).json()["results"]
        assert summary["id"] in [h["id"] for h in hits[:3]], summary["headline"]


def test_filters_narrow_the_results(client):
    everything = client.get("/api/search", params={"q": "记者"}).json()
    assert everything["total"] > 10
    one_day = client.get("/api/search", params={"q": "记者", "from": "2017-04-22", "to": "2017-04-22"}).json()
    assert 0 < one_day["total"] < everything["total"]
    assert {h["date"] for h in one_day["results"]} == {"2017-04-22"}
    one_page = client.get("/api/search", params={"q": "记者", "paper": "人民日报", "from": "2017-04-22",
                                                 "to": "2017-04-22", "page": 3}).json()
    assert 0 < one_page["total"] <= one_day["total"]
    assert {(h["paper"], h["page"]) for h in one_page["results"]} == {("人民日报", 3)}


def test_search_within_one_page_by_its_id(client):
    issue = client.get("/api/issues", params={"paper": "人民日报", "date": "2017-03-25"}).json()[0]
    page_id = issue["pages"][1]["id"]
    body = client.get("/api/search", params={"q": "记者", "page_id": page_id}).json()
    assert body["total"] > 0
    assert {h["page_id"] for h in body["results"]} == {page_id}
    assert_error(client.get("/api/search", params={"q": "记者", "page_id": 0}), 400)


def test_pagination_walks_the_same_ranked_list(client):
    full = client.get("/api/search", params={"q": "记者", "limit": 100}).json()
    ids = [h["id"] for h in full["results"]]
    paged = []
    for offset in range(0, len(ids), 7):
        body = client.get("/api/search", params={"q": "记者", "limit": 7, "offset": offset}).json()
        assert body["total"] == full["total"]
        paged += [h["id"] for h in body["results"]]
    assert paged == ids


def test_people_places_and_organisations_filter_and_facet(client):
    person = client.get("/api/people/王毅").json()
    assert person["titles"] == ["外交部长"]
    assert [a["headline"] for a in person["articles"]] == ["王毅出席上合组织外长会"]
    body = client.get("/api/search", params={"q": "一带一路", "org": "亚投行"}).json()
    assert [h["headline"] for h in body["results"]] == ["世行行长说“一带一路”倡议意义重大"]
    by_place = client.get("/api/search", params={"place": "阿斯塔纳"}).json()
    assert [h["headline"] for h in by_place["results"]] == ["王毅出席上合组织外长会"]
    facets = client.get("/api/search", params={"q": "组织"}).json()["facets"]
    assert "王毅" in {f["value"] for f in facets.get("person", [])}


HOSTILE_QUERIES = [
    '"', '""', "'", "NEAR(", "NEAR(重庆", "*", "重*", "(", ")", "((重庆", "AND", "OR", "NOT", "重庆 AND",
    "NOT 重庆", "重庆 OR OR 北京", "'; DROP TABLE articles; --", "\" OR 1=1 --", "^", ":", "col:重庆",
    "%", "_", "\\", "\x00", "\u200b", "🙂", "<script>alert(1)</script>", "重庆" * 200, "x" * MAX_QUERY_CHARS,
    "x" * (MAX_QUERY_CHARS + 1), "重" * 7_000, "a b c d e f g h i j k l m n o p q r s t u v w x y z",
]


@pytest.mark.parametrize("q", HOSTILE_QUERIES)
def test_hostile_queries_get_a_result_or_a_400_never_a_500(client, q):
    resp = client.get("/api/search", params={"q": q})
    assert resp.status_code in (200, 400), resp.text
    if resp.status_code == 400:
        assert_error(resp, 400)
    else:
        body = resp.json()
        assert isinstance(body["total"], int) and isinstance(body["results"], list)


def test_hostile_queries_change_nothing(client):
    before = client.get("/api/papers").json()
    for q in HOSTILE_QUERIES:
        client.get("/api/search", params={"q": q})
    assert client.get("/api/papers").json() == before


def test_too_long_a_query_is_a_clear_400(client):
    body = assert_error(client.get("/api/search", params={"q": "重" * (MAX_QUERY_CHARS + 1)}), 400)
    assert "too long" in body["error"]


@pytest.mark.parametrize("params", [
    {"limit": 0}, {"limit": 1000}, {"limit": "many"}, {"offset": -1}, {"page": "abc"}, {"from": "2017-02-30"},
    {"to": "yesterday"}, {"from": "2017-05-01", "to": "2017-04-01"}, {"offset": 10**12},
])
def test_bad_parameters_are_400_with_the_error_shape(client, params):
    assert_error(client.get("/api/search", params={"q": "重庆", **params}), 400)


def test_a_failing_store_is_a_500_in_the_same_shape_without_details(archive_path):
    from fastapi.testclient import TestClient

    from banmian.store import open_store
    from banmian.web import create_app

    store = open_store(str(archive_path), readonly=True)
    app = create_app(store)
    store.close()  # the database is gone from under the server
    with TestClient(app, raise_server_exceptions=False) as broken:
        body = assert_error(broken.get("/api/papers"), 500)
        assert "internal error" in body["error"] and "sqlite" not in body["error"].lower()
        page = broken.get("/search", params={"q": "重庆"})
        assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")


def test_openapi_documents_the_api(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/papers", "/api/issues", "/api/pages/{page_id}", "/api/articles/{article_id}",
                 "/api/search", "/api/people/{name}"):
        assert path in spec["paths"], path
    search_params = {p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert {"q", "paper", "from", "to", "page", "limit", "offset"} <= search_params
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.lists(st.sampled_from([*'重庆北京记者"\'()*-+^:NEAR ,.;%_\\<>&', "AND", "OR", "NOT", "NEAR("]),
                 max_size=25).map("".join))
def test_any_query_from_the_query_alphabet_is_200_or_400(client, q):
    resp = client.get("/api/search", params={"q": q, "limit": 5})
    assert resp.status_code in (200, 400), (q, resp.text)
    page = client.get("/search", params={"q": q})
    assert page.status_code in (200, 400), (q, page.text[:300])
