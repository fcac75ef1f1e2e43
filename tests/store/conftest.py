"""Fixtures for the store tests: both engines, on real pages.

``store`` is parametrised over SQLite and PostgreSQL so that one suite checks both. PostgreSQL runs as a
throwaway cluster: initdb into a temporary folder (as the ``postgres`` user when the tests run as root —
PostgreSQL refuses to run as root), a free port on 127.0.0.1, a fresh database per test, stopped and
removed at the end. Where PostgreSQL is not installed its tests skip with a message saying so — unless
``BANMIAN_REQUIRE_POSTGRES=1`` (CI sets it), where they fail instead.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from banmian.model import Page
from banmian.store import open_store

DATA = Path(__file__).resolve().parents[1] / "data" / "store"
PAGES = DATA / "pages"
TEXT_PAGES = DATA / "text"
NINJS_SCHEMA = DATA / "ninjs-schema_3.3.json"
ENGINES = ("sqlite", "postgres")


def fixture_pages() -> list[Page]:
    return [Page.from_dict(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(PAGES.glob("*.json"))]


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _no_postgres(reason: str) -> None:
    if os.environ.get("BANMIAN_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL required (BANMIAN_REQUIRE_POSTGRES=1) but {reason}")
    pytest.skip(f"PostgreSQL store tests skipped: {reason} (apt-get install postgresql to run them)")


class Cluster:
    def __init__(self) -> None:
        bin_dir = _pg_bin()
        if bin_dir is None:
            _no_postgres("PostgreSQL is not installed (no initdb found)")
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="banmian-pg-"))
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            try:
                shutil.chown(self.root, user="postgres")
            except (LookupError, PermissionError) as exc:
                _no_postgres(f"cannot hand the cluster folder to the postgres user ({exc})")
        self._run(f"{self.bin}/initdb -D {self.root}/data -E UTF8 --locale=C.utf8 -A trust -U postgres")
        self._run(
            f"{self.bin}/pg_ctl -D {self.root}/data -l {self.root}/pg.log -w start"
            f" -o '-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=off"
            " -c synchronous_commit=off -c full_page_writes=off'"
        )
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, command: str) -> None:
        argv = ["su", "postgres", "-c", command] if self.as_root else ["sh", "-c", command]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            log = (self.root / "pg.log").read_text() if (self.root / "pg.log").exists() else ""
            raise RuntimeError(f"{command!r} failed: {done.stderr}{done.stdout}{log[-2000:]}")

    def new_database(self) -> str:
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        try:
            self._run(f"{self.bin}/pg_ctl -D {self.root}/data -m immediate stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    cluster = Cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=ENGINES)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator:
    url = request.getfixturevalue("pg_cluster").new_database() if request.param == "postgres" else str(tmp_path / "a.db")
    s = open_store(url)
    try:
        yield s
    finally:
        s.close()


@pytest.fixture(scope="module", params=ENGINES)
def loaded_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """One archive per engine holding every fixture page (read-only tests share it)."""
    if request.param == "postgres":
        url = request.getfixturevalue("pg_cluster").new_database()
    else:
        url = str(tmp_path_factory.mktemp("loaded") / "a.db")
    s = open_store(url)
    load(s, fixture_pages())
    try:
        yield s
    finally:
        s.close()


def load(store, pages: list[Page]) -> None:
    with store.bulk():
        for page in pages:
            store.ingest_page(page, key=f"{page.paper}/{page.date}/{page.page}", content_hash="h")
