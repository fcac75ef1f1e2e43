"""Fixtures for the web tests: one archive of real pages built through the real parser and store, an
in-process client over it, and the real ``banmian serve`` started as a subprocess.

The archive holds the seed (重庆日报 2024-03-13 p1), four real 人民日报 pages composed from the e-paper's own
copy of their articles (tests/data/web/*.txt), one enriched 人民日报 page as page JSON (people, places and
organisations marked by hand on real articles), and one page without a page number whose text and paper
name hold HTML markup, to prove that everything is escaped.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from banmian.store import open_store
from banmian.store.ingest import IngestOptions, ingest
from banmian.web import create_app

DATA = Path(__file__).resolve().parents[1] / "data"
WEB_DATA = DATA / "web"
SEED = DATA / "seed" / "000_e4fee7fd16952364.txt"

HOSTILE_PAPER = "<i>晚报</i>&amp;"
HOSTILE_SCRIPT = "<script>window.__pwned = 1; alert('banmian')</script>"
HOSTILE_TEXT = (
    f"    {HOSTILE_SCRIPT}城市更新\n"
    "    \n"
    "　　本报讯  旧城改造<b>不是粗体</b> & <img src=x onerror=\"window.__pwned = 2\"> 进入新阶段，"
    "城市更新行动在全市铺开。\n"
    "　　居民说，家门口的变化看得见。\n"
)


@pytest.fixture(scope="session")
def archive_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("web-archive")
    db = folder / "web.db"
    build_archive(str(db), folder)
    return db


def build_archive(db: str, folder: Path) -> None:
    """The test archive in ``db`` (an SQLite path or a PostgreSQL URL); ``folder`` takes a scratch file."""
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE_TEXT, encoding="utf-8")
    store = open_store(db)
    try:
        reports = [
            ingest(sorted(str(p) for p in WEB_DATA.iterdir()), store, IngestOptions(enrich=False)),
            ingest([str(SEED)], store, IngestOptions(enrich=False, paper="重庆日报", date="2024-03-13", page=1)),
            # No page number: "search within this page" must then name the page by its id.
            ingest([str(hostile)], store, IngestOptions(enrich=False, paper=HOSTILE_PAPER, date="2024-01-02")),
        ]
    finally:
        store.close()
    for report in reports:
        assert not report.failed, report.summary()
    assert sum(r.added for r in reports) == 7


@pytest.fixture(scope="session")
def store(archive_path: Path):
    s = open_store(str(archive_path), readonly=True)
    yield s
    s.close()


@pytest.fixture(scope="session")
def client(store) -> TestClient:
    with TestClient(create_app(store), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def server(archive_path: Path) -> str:
    """The real ``banmian serve`` on a free port (``--port 0``); yields its base URL."""
    yield from run_server(["serve", "--db", str(archive_path)])


def banmian_command() -> list[str]:
    exe = shutil.which("banmian", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-c", "import sys; from banmian.cli import main; sys.exit(main())"]


def run_server(args: list[str], *, timeout: float = 60.0):
    """Start ``banmian ARGS --port 0``, wait for the address it prints, yield it, stop the server."""
    proc = subprocess.Popen(
        [*banmian_command(), *args, "--host", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    url = None
    try:
        assert proc.stdout is not None
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            seen.append(line)
            m = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
            if m:
                url = m.group(1)
                break
        if url is None:
            raise AssertionError("the server did not print its address:\n" + "".join(seen))
        wait_until_up(url, deadline)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def wait_until_up(url: str, deadline: float) -> None:
    import httpx

    while True:
        try:
            if httpx.get(url + "/api/papers", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"{url} did not answer")
        time.sleep(0.1)
