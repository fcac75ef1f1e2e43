"""The embedded archive: one SQLite file, FTS5 over Python-made bigrams (see ``bigrams``).

Schema (version in ``PRAGMA user_version``, migrated on open): papers → issues (paper + date) → pages →
articles, plus ``article_entities`` (person/place/org values for filters and facets), ``article_people``
(each person with the titles the article gives them) and ``articles_fts``, a contentless FTS5 table with
three columns (headline; kicker + subheadlines; body) whose rowid is the article id. Contentless keeps
the file small — the bigram text is never stored — at the price that removing an article means handing
FTS5 its tokens again, which ``bigrams`` recomputes from the stored article.

The FTS5 table has a one-character prefix index (``prefix='1'``), which makes the one-character query
``X*`` a single index lookup instead of a scan over every bigram starting with X (see README for the
measurements behind this choice).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Page
from . import bigrams, query, records
from .base import IngestOutcome, SearchQuery
from .facet_index import FacetIndex, version
from .sql import ARTICLE_COLUMNS, RECENT_ORDER, SQLStore, top_counts

SCHEMA_VERSION = 2

_SCHEMA_V1 = """
CREATE TABLE papers (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE issues (
    id INTEGER PRIMARY KEY,
    paper_id INTEGER NOT NULL REFERENCES papers(id),
    date TEXT NOT NULL,
    UNIQUE (paper_id, date)
);
CREATE TABLE pages (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    issue_id INTEGER REFERENCES issues(id),
    paper TEXT, date TEXT, page INTEGER,
    source_file TEXT,
    leftover TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX pages_issue ON pages(issue_id, page);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    page_id INTEGER NOT NULL REFERENCES pages(id),
    position INTEGER NOT NULL,
    paper TEXT, date TEXT, page INTEGER,
    kicker TEXT, headline TEXT NOT NULL, source TEXT,
    subheadlines TEXT NOT NULL, paragraphs TEXT NOT NULL, bylines TEXT NOT NULL, credits TEXT NOT NULL,
    captions TEXT NOT NULL, jumps TEXT NOT NULL, tables TEXT NOT NULL,
    enrichment TEXT
);
CREATE INDEX articles_page ON articles(page_id, position);
CREATE INDEX articles_browse ON articles(date, paper, page, position);
CREATE TABLE article_entities (
    kind TEXT NOT NULL, value TEXT NOT NULL, article_id INTEGER NOT NULL,
    PRIMARY KEY (kind, value, article_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_article ON article_entities(article_id);
CREATE TABLE article_people (
    article_id INTEGER NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL,
    titles TEXT NOT NULL, mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX article_people_name ON article_people(name);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    head, sub, body, content='', prefix='1', tokenize='unicode61 remove_diacritics 0'
);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)');
"""

# Version 2: a narrow copy of each article's place (paper, date, page, position) that searches scan for
# filters, ordering and facets, instead of the wide articles rows.
_V2 = """
CREATE TABLE article_meta (
    id INTEGER PRIMARY KEY, page_id INTEGER NOT NULL, position INTEGER NOT NULL,
    paper TEXT, date TEXT, page INTEGER
);
INSERT INTO article_meta SELECT id, page_id, position, paper, date, page FROM articles;
CREATE INDEX article_meta_browse ON article_meta(date, paper, page, position)
"""

# Each entry takes the schema from version i to i + 1.
MIGRATIONS = [_SCHEMA_V1, _V2]



def default_path() -> str:
    return os.environ.get("BANMIAN_DB") or "banmian.db"


class SQLiteStore(SQLStore):
    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False):
        self.path = str(path)
        if Path(self.path).is_dir():
            raise InputError(f"{self.path}: is a folder, not a database file")
        if readonly and not Path(self.path).exists():
            raise InputError(f"{self.path}: no such database (ingest some pages first)")
        try:
            self.db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            # FTS5 merges its segments while pages go in; a 64 MB page cache makes bulk ingest ~30% faster.
            self.db.execute("PRAGMA cache_size=-65536")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise InputError(f"{self.path}: not a banmian database ({exc})") from None
        self._lock = threading.RLock()
        self._in_bulk = False
        self._facet_index: FacetIndex | None = None

    # -- schema -----------------------------------------------------------------------------------------
    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise InputError(f"{self.path}: made by a newer banmian (schema {version}; this one knows {SCHEMA_VERSION})")
        if version == 0 and self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise InputError(f"{self.path}: an SQLite file, but not a banmian archive")
        for step in range(version, SCHEMA_VERSION):
            self.db.execute("BEGIN IMMEDIATE")
            for statement in _statements(MIGRATIONS[step]):
                self.db.execute(statement)
            self.db.execute(f"PRAGMA user_version = {step + 1}")
            self.db.execute("COMMIT")
        tok = self.db.execute("SELECT value FROM meta WHERE key = 'tokenizer'").fetchone()
        if tok is None or int(tok[0]) != bigrams.TOKENIZER_VERSION:
            self._reindex()

    def _reindex(self) -> None:
        """Rebuild the FTS index from the stored articles (tokeniser changed, or a fresh file)."""
        self.db.execute("BEGIN IMMEDIATE")
        self.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('delete-all')")
        for row in self.db.execute(f"SELECT id, {', '.join(ARTICLE_COLUMNS)} FROM articles"):
            self._fts_write(row["id"], records.stored_article(dict(row)))
        self.db.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('tokenizer', ?)", (str(bigrams.TOKENIZER_VERSION),)
        )
        self.db.execute("COMMIT")

    # -- writing ----------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def bulk(self) -> Iterator[None]:
        """Group many ``ingest_page`` calls in one transaction (each page still all-or-nothing)."""
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            self._in_bulk = True
            try:
                yield
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            else:
                self.db.execute("COMMIT")
            finally:
                self._in_bulk = False

    def page_hash(self, key: str) -> str | None:
        with self._lock:
            row = self.db.execute("SELECT content_hash FROM pages WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def ingest_page(self, page: Page, *, key: str, content_hash: str) -> IngestOutcome:
        with self._lock:
            old = self.db.execute("SELECT id, content_hash FROM pages WHERE key = ?", (key,)).fetchone()
            if old is not None and old["content_hash"] == content_hash:
                return "unchanged"
            savepoint = "SAVEPOINT page" if self._in_bulk else "BEGIN IMMEDIATE"
            self.db.execute(savepoint)
            try:
                if old is not None:
                    self._delete_page(old["id"])
                self._insert_page(page, key, content_hash)
            except BaseException:
                self.db.execute("ROLLBACK TO page" if self._in_bulk else "ROLLBACK")
                if self._in_bulk:
                    self.db.execute("RELEASE page")
                raise
            self.db.execute("RELEASE page" if self._in_bulk else "COMMIT")
            return "added" if old is None else "replaced"

    def _insert_page(self, page: Page, key: str, content_hash: str) -> None:
        issue_id = None
        if page.paper and page.date:
            self.db.execute("INSERT OR IGNORE INTO papers(name) VALUES (?)", (page.paper,))
            paper_id = self.db.execute("SELECT id FROM papers WHERE name = ?", (page.paper,)).fetchone()[0]
            self.db.execute("INSERT OR IGNORE INTO issues(paper_id, date) VALUES (?, ?)", (paper_id, page.date))
            issue_id = self.db.execute(
                "SELECT id FROM issues WHERE paper_id = ? AND date = ?", (paper_id, page.date)
            ).fetchone()[0]
        page_id = self.db.execute(
            "INSERT INTO pages(key, content_hash, issue_id, paper, date, page, source_file, leftover, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key, content_hash, issue_id, page.paper, page.date, page.page, page.source_file,
             json.dumps(page.leftover, ensure_ascii=False), datetime.now(UTC).isoformat(timespec="seconds")),
        ).lastrowid
        cols = ", ".join(ARTICLE_COLUMNS)
        marks = ", ".join("?" for _ in ARTICLE_COLUMNS)
        for position, article in enumerate(page.articles):
            d = article.to_dict()
            values = records.article_values(d)
            article_id = self.db.execute(
                f"INSERT INTO articles(page_id, position, paper, date, page, {cols}) VALUES (?, ?, ?, ?, ?, {marks})",
                (page_id, position, page.paper, page.date, page.page, *(values[c] for c in ARTICLE_COLUMNS)),
            ).lastrowid
            self.db.execute(
                "INSERT INTO article_meta(id, page_id, position, paper, date, page) VALUES (?, ?, ?, ?, ?, ?)",
                (article_id, page_id, position, page.paper, page.date, page.page),
            )
            self._fts_write(article_id, d)
            self.db.executemany(
                "INSERT OR IGNORE INTO article_entities(kind, value, article_id) VALUES (?, ?, ?)",
                [(kind, value, article_id) for kind, value in records.entity_rows(d)],
            )
            self.db.executemany(
                "INSERT INTO article_people(article_id, position, name, titles, mentions) VALUES (?, ?, ?, ?, ?)",
                [(article_id, *row) for row in records.people_rows(d)],
            )

    def _fts_write(self, article_id: int, article: dict[str, Any], *, delete: bool = False) -> None:
        head, sub, body = bigrams.article_columns(article)
        if delete:
            self.db.execute(
                "INSERT INTO articles_fts(articles_fts, rowid, head, sub, body) VALUES ('delete', ?, ?, ?, ?)",
                (article_id, head, sub, body),
            )
        else:
            self.db.execute(
                "INSERT INTO articles_fts(rowid, head, sub, body) VALUES (?, ?, ?, ?)", (article_id, head, sub, body)
            )

    def _delete_page(self, page_id: int) -> None:
        rows = self.db.execute(
            f"SELECT id, {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE page_id = ?", (page_id,)
        ).fetchall()
        for row in rows:
            self._fts_write(row["id"], records.stored_article(dict(row)), delete=True)
            self.db.execute("DELETE FROM article_entities WHERE article_id = ?", (row["id"],))
            self.db.execute("DELETE FROM article_people WHERE article_id = ?", (row["id"],))
        self.db.execute("DELETE FROM article_meta WHERE page_id = ?", (page_id,))
        self.db.execute("DELETE FROM articles WHERE page_id = ?", (page_id,))
        self.db.execute("DELETE FROM pages WHERE id = ?", (page_id,))
        # Papers and issues left without pages go too, so browsing never shows an empty issue.
        self.db.execute("DELETE FROM issues WHERE id NOT IN (SELECT issue_id FROM pages WHERE issue_id IS NOT NULL)")
        self.db.execute("DELETE FROM papers WHERE id NOT IN (SELECT paper_id FROM issues)")

    # -- reading ---------------------------------------------------------------------------------------
    def _rows(self, sql: str, params: tuple | list = ()) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(r) for r in self.db.execute(sql, params).fetchall()]

    meta_table = "article_meta"

    def _match(self, node: query.Node, part: str) -> tuple[str, str, list[Any], str]:
        return ("FROM articles_fts JOIN article_meta a ON a.id = articles_fts.rowid", "articles_fts MATCH ?",
                [self._fts(node, part)], "articles_fts.rank")

    def _fts(self, node: query.Node, part: str) -> str:
        fts = query.to_fts5(node)
        if part == "head":
            return f"{{head}} : ({fts})"
        if part == "rest":
            return f"({fts}) NOT ({{head}} : ({fts}))"
        return fts

    def _count(self, node: query.Node | None, source: str, cond: str, params: list[Any], filtered: bool) -> int:
        if node is not None and not filtered:  # FTS5 counts its matches without touching any row
            with self._lock:
                return self.db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                                       params).fetchone()[0]
        return super()._count(node, source, cond, params, filtered)

    def _count_and_facets(self, q: SearchQuery, node: query.Node | None, source: str, cond: str, params: list[Any],
                          filtered: bool) -> tuple[int, dict[str, list[dict[str, Any]]]]:
        """Total and paper/date/page facets from one pass over the FTS5 index (the matching rowids) and the
        ``FacetIndex`` arrays; entity facets (enriched archives) still by SQL."""
        if any(getattr(q, kind) for kind in records.ENTITY_KINDS):  # entity filters: the SQL path
            return super()._count_and_facets(q, node, source, cond, params, filtered)
        with self._lock:
            if self._facet_index is None or self._facet_index.version != version(self.db):
                self._facet_index = FacetIndex(self.db)
            index = self._facet_index
            if node is None:
                ids = index.all_ids()
            else:
                ids = index.parse_ids(self.db.execute(
                    "SELECT group_concat(rowid, ' ') FROM articles_fts WHERE articles_fts MATCH ?",
                    (self._fts(node, "all"),)).fetchone()[0])
        total, pairs = index.count(ids, q.paper, q.date_from, q.date_to, q.page, q.page_id)
        if not total:
            return 0, {}
        facets = {name: top_counts(p) for name, p in pairs.items()}
        facets.update(self._entity_facets(source, cond, params))
        return total, facets

    def _recent_ids(self, node: query.Node, part: str, where: list[str], params: list[Any], limit: int,
                    offset: int) -> list[int]:
        # Walk the (date, paper, page, position) index newest first and keep the matching ids: stops after
        # `limit` hits, instead of fetching and sorting every match of a query that matches half the archive.
        cond = " AND ".join(["a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", *where])
        return self._ids("FROM article_meta a INDEXED BY article_meta_browse", cond,
                         [self._fts(node, part), *params], RECENT_ORDER, limit, offset)

    def size_bytes(self) -> int:
        with self._lock:
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return Path(self.path).stat().st_size

    def close(self) -> None:
        with self._lock:
            self.db.close()


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";\n") if s.strip()]

