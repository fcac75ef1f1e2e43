"""The web layer over the PostgreSQL store: `banmian serve --db postgresql://…` answers like the SQLite file.

A throwaway cluster (the store tests' fixture) holds the same pages as the SQLite test archive; the API's
answers must agree, and the real server must run on it. Skips where PostgreSQL is not installed, unless
BANMIAN_REQUIRE_POSTGRES=1.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from banmian.store import open_store
from banmian.web import create_app

from .conftest import build_archive, run_server


def store_test_fixtures():
    """The store tests' module holding the throwaway-cluster helper (one implementation for both suites)."""
    path = Path(__file__).resolve().parents[1] / "store" / "conftest.py"
    spec = importlib.util.spec_from_file_location("banmian_store_test_fixtures", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pytestmark = pytest.mark.postgres

QUERIES = ["重庆", "记者", '"一带一路"', "李克强 OR 王毅", "发展 NOT 重庆", '"', "NEAR(", "*"]


@pytest.fixture(scope="module")
def pg_url(tmp_path_factory: pytest.TempPathFactory):
    cluster = store_test_fixtures().Cluster()
    try:
        url = cluster.new_database()
        build_archive(url, tmp_path_factory.mktemp("pg-web"))
        yield url
    finally:
        cluster.stop()


@pytest.fixture(scope="module")
def pg_client(pg_url: str):
    store = open_store(pg_url, readonly=True)
    with TestClient(create_app(store), raise_server_exceptions=False) as c:
        yield c
    store.close()


def view(client: TestClient, path: str, **params) -> object:
    """An answer with the engine's own ids left out, so that two archives can be compared."""
    resp = client.get(path, params=params)
    body = resp.json()
    if path == "/api/search" and resp.status_code == 200:
        # The same matches; their order is each engine's own ranking, which differs on common words.
        return resp.status_code, body["total"], sorted((h["headline"], h["paper"], h["date"], h["page"])
                                                       for h in body["results"])
    if path == "/api/issues":
        return [(i["paper"], i["date"], [(p["page"], p["articles"], p["headline"]) for p in i["pages"]])
                for i in body]
    return resp.status_code, body


def test_the_api_answers_the_same_on_both_engines(client, pg_client):
    assert view(pg_client, "/api/papers") == view(client, "/api/papers")
    assert view(pg_client, "/api/issues") == view(client, "/api/issues")
    for q in QUERIES:
        assert view(pg_client, "/api/search", q=q, limit=100) == view(client, "/api/search", q=q, limit=100), q
    assert view(pg_client, "/api/people/王毅")[1]["titles"] == ["外交部长"]
    assert pg_client.get("/api/articles/987654321").status_code == 404


def test_serve_runs_on_postgresql(pg_url: str):
    for url in run_server(["serve", "--db", pg_url]):
        assert httpx.get(url + "/").status_code == 200
        hits = httpx.get(url + "/api/search", params={"q": "袁家军"}).json()["results"]
        page = httpx.get(f"{url}/articles/{hits[0]['id']}", params={"q": "袁家军"})
        assert page.status_code == 200 and "<mark>袁家军</mark>" in page.text
