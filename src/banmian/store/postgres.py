"""The server archive: PostgreSQL (``--db postgresql://…``), for archives shared by many users or too big
for one file.

PostgreSQL has no Chinese parser here (zhparser, pg_jieba, pg_bigm are not packaged), and pg_trgm cannot
use its index for two-character words. So the same tokens the SQLite store indexes (``bigrams``) are made
in Python and written as a ``tsvector`` literal — lexemes with positions and weights (A headline,
B kicker/subheadlines, D body) — in a GIN-indexed column. Queries are compiled to ``tsquery`` text by
``query.to_tsquery`` (phrases with ``<->``, the one-character prefix ``'X':*``) and cast, never parsed by
a text-search configuration, so lexemes match exactly what was stored.

Ranking is SQLite FTS5's bm25 (``bm25``), computed in SQL so that both stores order results alike, ties
by id: ``article_runs`` keeps each article's three columns as run text (``bigrams.run_text``) and its size
in tokens, ``index_stats`` keeps the table's article and token totals (kept up to date by ingest), a phrase's hits in
a column are the occurrences of its ``bm25.literal`` there, and the number of articles a phrase matches is
counted with the GIN index.

Pages are bulk-loaded: article ids are drawn from the sequence up front, then articles, entities and
people go in with ``COPY``, all inside one (sub)transaction per page.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from ..errors import InputError
from ..model import Page
from . import bigrams, bm25, query, records
from .base import IngestOutcome, SearchQuery, SearchResult
from .sql import ARTICLE_COLUMNS, SQLStore

SCHEMA_VERSION = 3
MAX_POSITION = 16383  # tsvector positions stop here; later tokens share it (phrases past it cannot match)
COLUMN_GAP = 10
# What the stored tsvectors are made of; a store holding older ones rebuilds them on open.
INDEX_VERSION = f"{bigrams.TOKENIZER_VERSION}-starts-runs"
_HAN = re.compile(f"[{bigrams.HAN_CLASS}]")  # positions left between columns so a phrase never runs from the headline into the body

_SCHEMA_V1 = """
CREATE TABLE papers (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE issues (
    id BIGSERIAL PRIMARY KEY, paper_id BIGINT NOT NULL REFERENCES papers(id), date TEXT NOT NULL,
    UNIQUE (paper_id, date)
);
CREATE TABLE pages (
    id BIGSERIAL PRIMARY KEY, key TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL,
    issue_id BIGINT REFERENCES issues(id), paper TEXT, date TEXT, page INTEGER, source_file TEXT,
    leftover TEXT NOT NULL, ingested_at TEXT NOT NULL
);
CREATE INDEX pages_issue ON pages(issue_id, page);
CREATE TABLE articles (
    id BIGSERIAL PRIMARY KEY, page_id BIGINT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, paper TEXT, date TEXT, page INTEGER,
    kicker TEXT, headline TEXT NOT NULL, source TEXT,
    subheadlines TEXT NOT NULL, paragraphs TEXT NOT NULL, bylines TEXT NOT NULL, credits TEXT NOT NULL,
    captions TEXT NOT NULL, jumps TEXT NOT NULL, tables TEXT NOT NULL, enrichment TEXT,
    tsv TSVECTOR NOT NULL
);
CREATE INDEX articles_page ON articles(page_id, position);
CREATE INDEX articles_browse ON articles(date, paper, page, position);
CREATE INDEX articles_tsv ON articles USING GIN (tsv);
CREATE TABLE article_entities (
    kind TEXT NOT NULL, value TEXT NOT NULL, article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (kind, value, article_id)
);
CREATE INDEX article_entities_article ON article_entities(article_id);
CREATE TABLE article_people (
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, position INTEGER NOT NULL,
    name TEXT NOT NULL, titles TEXT NOT NULL, mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX article_people_name ON article_people(name);
"""

# Version 2: the headline alone in its own indexed tsvector, for "headline matches first" on large results.
_V2 = """
ALTER TABLE articles ADD COLUMN head_tsv TSVECTOR NOT NULL DEFAULT ''::tsvector;
CREATE INDEX articles_head_tsv ON articles USING GIN (head_tsv)
"""

# Version 3: what bm25 needs — each article's columns as run text and its size in tokens, in a narrow table of
# their own, kept in the row up to 8 kB rather than in TOAST (ranking 上海's 4,174 matches at 20,000 articles:
# 120 ms as columns of the wide articles rows, 54 ms in this table TOASTed, 34 ms inline), and the table's
# totals. (Filled by the reindex the new INDEX_VERSION triggers.)
_V3 = """
CREATE TABLE article_runs (
    id BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, n_tokens INTEGER NOT NULL,
    head TEXT NOT NULL, sub TEXT NOT NULL, body TEXT NOT NULL
) WITH (toast_tuple_target = 8160);
ALTER TABLE article_runs ALTER COLUMN head SET STORAGE MAIN, ALTER COLUMN sub SET STORAGE MAIN,
    ALTER COLUMN body SET STORAGE MAIN;
CREATE TABLE index_stats (id INTEGER PRIMARY KEY CHECK (id = 1), articles BIGINT NOT NULL, tokens BIGINT NOT NULL);
INSERT INTO index_stats VALUES (1, 0, 0)
"""

MIGRATIONS = [_SCHEMA_V1, _V2, _V3]
RUN_COLUMNS = ("n_tokens", "head", "sub", "body")


def run_values(article: dict[str, Any]) -> tuple[int, str, str, str]:
    """The ``article_runs`` values of an article (``RUN_COLUMNS``): its size in tokens, its columns' run texts."""
    runs = [bigrams.run_text(parts) for parts in bigrams.column_texts(article)]
    return (sum(n for _, n in runs), *(text for text, _ in runs))


def tsvectors(article: dict[str, Any]) -> tuple[str, str]:
    """The article's index as tsvector text, ``'lexeme':pos1W,pos2W …``: the whole article (W = A headline,
    B kicker/subheadlines, none = D body) and the headline alone (for "headline matches first").

    Besides the shared tokens, every Han character X also gives the lexeme ``X*`` at the position of the
    token it starts: the one-character query X — "a token starting with X", a prefix query in FTS5 — is
    then one exact lexeme, not a GIN prefix scan merging the posting lists of every bigram that starts with
    X. ``*`` never occurs in a token, so these lexemes cannot meet the shared ones, and phrases (which look
    only at the shared tokens) match exactly as in SQLite."""
    return _tsvector(bigrams.article_columns(article), ("A", "B", "")), _tsvector(
        (bigrams.token_text([article.get("headline")]),), ("",))


def _tsvector(columns: Any, weights: tuple[str, ...]) -> str:
    positions: dict[str, list[str]] = {}
    pos = 1
    for column, weight in zip(columns, weights, strict=True):
        for tok in column.split():
            at = f"{min(pos, MAX_POSITION)}{weight}"
            positions.setdefault(tok, []).append(at)
            if _HAN.match(tok):  # a bigram or a run's closing character: its first character starts here
                positions.setdefault(tok[0] + "*", []).append(at)
            pos += 1
        pos += COLUMN_GAP
    return " ".join(
        "'" + tok.replace("\\", "\\\\").replace("'", "''") + "':" + ",".join(_dedupe(p))
        for tok, p in positions.items()
    )


def _dedupe(p: list[str]) -> list[str]:
    """Positions once each (clamped ones repeat), at most 256 per lexeme (PostgreSQL's limit)."""
    return list(dict.fromkeys(p))[:256]


class PostgresStore(SQLStore):
    placeholder = "%s"

    def __init__(self, url: str):
        import psycopg
        from psycopg.rows import dict_row

        self.url = url
        try:
            self.conn = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.Error as exc:
            raise InputError(f"cannot connect to PostgreSQL: {str(exc).strip().splitlines()[0]}") from None
        self._psycopg = psycopg
        self._migrate()

    def _migrate(self) -> None:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(7425)")  # two ingests starting at once
            self.conn.execute("CREATE TABLE IF NOT EXISTS banmian_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            row = self.conn.execute("SELECT value FROM banmian_meta WHERE key = 'schema'").fetchone()
            version = int(row["value"]) if row else 0
            if version > SCHEMA_VERSION:
                raise InputError(f"database made by a newer banmian (schema {version}; this one knows {SCHEMA_VERSION})")
            for step in range(version, SCHEMA_VERSION):
                for statement in (s.strip() for s in MIGRATIONS[step].split(";\n")):
                    if statement:
                        self.conn.execute(statement)
            self.conn.execute(
                "INSERT INTO banmian_meta(key, value) VALUES ('schema', %s) ON CONFLICT (key) DO UPDATE SET value = %s",
                (str(SCHEMA_VERSION), str(SCHEMA_VERSION)),
            )
            tok = self.conn.execute("SELECT value FROM banmian_meta WHERE key = 'tokenizer'").fetchone()
            if tok is None or tok["value"] != INDEX_VERSION:
                self._reindex()

    def _reindex(self) -> None:
        rows = self.conn.execute(f"SELECT id, {', '.join(ARTICLE_COLUMNS)} FROM articles").fetchall()
        self.conn.execute("DELETE FROM article_runs")
        for row in rows:
            article = records.stored_article(row)
            self.conn.execute("UPDATE articles SET tsv = %s::tsvector, head_tsv = %s::tsvector WHERE id = %s",
                              (*tsvectors(article), row["id"]))
            self.conn.execute(f"INSERT INTO article_runs (id, {', '.join(RUN_COLUMNS)}) VALUES (%s, %s, %s, %s, %s)",
                              (row["id"], *run_values(article)))
        self.conn.execute("UPDATE index_stats SET articles = (SELECT count(*) FROM article_runs),"
                          " tokens = (SELECT coalesce(sum(n_tokens), 0) FROM article_runs)")
        self.conn.execute(
            "INSERT INTO banmian_meta(key, value) VALUES ('tokenizer', %s) ON CONFLICT (key) DO UPDATE SET value = %s",
            (INDEX_VERSION, INDEX_VERSION),
        )

    # -- writing ----------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def bulk(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def page_hash(self, key: str) -> str | None:
        row = self.conn.execute("SELECT content_hash FROM pages WHERE key = %s", (key,)).fetchone()
        return row["content_hash"] if row else None

    def ingest_page(self, page: Page, *, key: str, content_hash: str) -> IngestOutcome:
        # Inside bulk() this is a savepoint: a failing page rolls back alone.
        with self.conn.transaction():
            old = self.conn.execute("SELECT id, content_hash FROM pages WHERE key = %s FOR UPDATE", (key,)).fetchone()
            if old is not None and old["content_hash"] == content_hash:
                return "unchanged"
            if old is not None:
                self.conn.execute("UPDATE index_stats SET articles = articles - n, tokens = tokens - t FROM"
                                  " (SELECT count(*) AS n, coalesce(sum(r.n_tokens), 0) AS t FROM articles a"
                                  " JOIN article_runs r ON r.id = a.id WHERE a.page_id = %s) old", (old["id"],))
                self.conn.execute("DELETE FROM pages WHERE id = %s", (old["id"],))  # articles etc. cascade
                self.conn.execute("DELETE FROM issues i WHERE NOT EXISTS (SELECT 1 FROM pages p WHERE p.issue_id = i.id)")
                self.conn.execute("DELETE FROM papers p WHERE NOT EXISTS (SELECT 1 FROM issues i WHERE i.paper_id = p.id)")
            self._insert_page(page, key, content_hash)
        return "added" if old is None else "replaced"

    def _insert_page(self, page: Page, key: str, content_hash: str) -> None:
        c = self.conn
        issue_id = None
        if page.paper and page.date:
            c.execute("INSERT INTO papers(name) VALUES (%s) ON CONFLICT (name) DO NOTHING", (page.paper,))
            paper_id = c.execute("SELECT id FROM papers WHERE name = %s", (page.paper,)).fetchone()["id"]
            c.execute("INSERT INTO issues(paper_id, date) VALUES (%s, %s) ON CONFLICT DO NOTHING", (paper_id, page.date))
            issue_id = c.execute("SELECT id FROM issues WHERE paper_id = %s AND date = %s",
                                 (paper_id, page.date)).fetchone()["id"]
        page_id = c.execute(
            "INSERT INTO pages(key, content_hash, issue_id, paper, date, page, source_file, leftover, ingested_at)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
            (key, content_hash, issue_id, page.paper, page.date, page.page, page.source_file,
             json.dumps(page.leftover, ensure_ascii=False), datetime.now(UTC).isoformat(timespec="seconds")),
        ).fetchone()["id"]
        if not page.articles:
            return
        ids = [r["id"] for r in c.execute(
            "SELECT nextval('articles_id_seq') AS id FROM generate_series(1, %s)", (len(page.articles),)
        ).fetchall()]
        dicts = [a.to_dict() for a in page.articles]
        cols = ("id", "page_id", "position", "paper", "date", "page", *ARTICLE_COLUMNS, "tsv", "head_tsv")
        runs = [run_values(d) for d in dicts]
        with c.cursor() as cur:
            with cur.copy(f"COPY articles ({', '.join(cols)}) FROM STDIN") as copy:
                for position, (article_id, d) in enumerate(zip(ids, dicts, strict=True)):
                    values = records.article_values(d)
                    copy.write_row((article_id, page_id, position, page.paper, page.date, page.page,
                                    *(values[k] for k in ARTICLE_COLUMNS), *tsvectors(d)))
            with cur.copy(f"COPY article_runs (id, {', '.join(RUN_COLUMNS)}) FROM STDIN") as copy:
                for article_id, values in zip(ids, runs, strict=True):
                    copy.write_row((article_id, *values))
            with cur.copy("COPY article_entities (kind, value, article_id) FROM STDIN") as copy:
                for article_id, d in zip(ids, dicts, strict=True):
                    for kind, value in sorted(records.entity_rows(d)):
                        copy.write_row((kind, value, article_id))
            with cur.copy("COPY article_people (article_id, position, name, titles, mentions) FROM STDIN") as copy:
                for article_id, d in zip(ids, dicts, strict=True):
                    for row in records.people_rows(d):
                        copy.write_row((article_id, *row))
        c.execute("UPDATE index_stats SET articles = articles + %s, tokens = tokens + %s",
                  (len(ids), sum(r[0] for r in runs)))

    # -- reading ----------------------------------------------------------------------------------------
    def _rows(self, sql: str, params: tuple | list = ()) -> list[dict[str, Any]]:
        try:
            return self.conn.execute(self._sql(sql), params).fetchall()
        except self._psycopg.errors.QueryCanceled:
            from ..errors import BadQuery

            raise BadQuery("the search took too long; narrow it down") from None

    def _match(self, node: query.Node, part: str) -> tuple[str, str, list[Any], str]:
        # The tsquery comes in once, as a one-row subquery, so the condition and the rank can both use it.
        cond = {"all": "a.tsv @@ tq.q", "head": "a.head_tsv @@ tq.q", "rest": "a.tsv @@ tq.q AND NOT a.head_tsv @@ tq.q"}
        return ("FROM articles a CROSS JOIN (SELECT ?::tsquery AS q) tq", cond[part], [query.to_tsquery(node)], "")

    def _ranked_ids(self, node: query.Node, part: str, source: str, cond: str, params: list[Any], rank: str,
                    limit: int, offset: int) -> list[int]:
        """FTS5's bm25 (see ``bm25``) over the match set: hits per term and column counted in the run texts,
        then the score in FTS5's order of operations (float8 all through), so that the doubles — and the
        order, ties by id — are SQLite's."""
        terms = query.terms(node)
        index = {id(t): i for i, t in enumerate(terms)}
        columns = ("head",) if part == "head" else ("head", "sub", "body")
        stats = self._rows("SELECT articles, tokens FROM index_stats")[0]
        rows, avgdl = int(stats["articles"]), float(stats["tokens"]) / float(stats["articles"])
        counts, count_params = [], []
        for i, term in enumerate(terms):
            lit = bm25.literal(term)
            for k, column in enumerate(columns):
                counts.append(f"{self._occurrences('r.' + column, lit, count_params)} AS c{i}_{k}")
        present = ["(" + " + ".join(f"h.c{i}_{k}" for k in range(len(columns))) + " > 0)" for i in range(len(terms))]
        scores, score_params = [], []
        for i, (term, need) in enumerate(zip(terms, bm25.counted(node), strict=True)):
            freq = "(" + " + ".join(f"{int(w)} * h.c{i}_{k}" for k, w in enumerate(bm25.WEIGHTS[: len(columns)])) + ")"
            if need is None:
                freq = "0"
            elif need:
                freq = f"(CASE WHEN {' AND '.join(_matches_sql(n, present, index) for n in need)} THEN {freq} ELSE 0 END)"
            f = f"{freq}::float8"
            scores.append(f"? * (({f} * ?) / ({f} + ? * (? + ? * h.d / ?)))")
            score_params += [bm25.idf(rows, self._phrase_rows(term, part)), bm25.K1 + 1.0, bm25.K1, 1 - bm25.B,
                             bm25.B, avgdl]
        hits = self._hits(source, cond, params)
        # With several terms, each column is read from TOAST once (`|| ''` makes a plain copy the counts share),
        # not once per term ("中国 发展" over 4,132 matches at 20,000 articles: 99 → 79 ms).
        texts = ", ".join(f"a.{c} || '' AS {c}" if len(terms) > 1 else f"a.{c}" for c in columns)
        sql = (f"SELECT h.id AS id FROM (SELECT r.id, r.d, {', '.join(counts)} FROM (SELECT a.id,"
               f" a.n_tokens::float8 AS d, {texts} FROM {hits} x JOIN article_runs a ON a.id = x.id OFFSET 0) r"
               " OFFSET 0) h"
               f" ORDER BY {' + '.join(scores)} DESC, h.id LIMIT ? OFFSET ?")
        # Each match's run texts looked up by id: the planner, not knowing how few rows the temporary table
        # holds, hashed all of article_runs instead (8 ms of a 10 ms ranking for 115 matches at 20,000 articles).
        with self._planner("enable_hashjoin", "enable_mergejoin"):
            return [r["id"] for r in self._rows(sql, [*count_params, *score_params, limit, offset])]

    def _occurrences(self, column: str, lit: str, params: list[Any]) -> str:
        """SQL for the number of occurrences of ``lit`` in ``column``, overlapping ones included."""
        if bm25.overlaps(lit):  # rare (哈哈, 人人): count start positions with a lookahead
            params.append("(?=" + lit + ")")  # lit holds letters, digits, Han and spaces: nothing special
            if self.conn.info.server_version >= 150000:
                return f"regexp_count({column}, ?)"
            return f"(SELECT count(*) FROM regexp_matches({column}, ?, 'g'))"
        params.append(lit)
        return f"((octet_length({column}) - octet_length(replace({column}, ?, ''))) / {len(lit.encode())})"

    def _phrase_rows(self, term: query.Term, part: str) -> int:
        """How many articles the term matches (in headlines, for part "head"): bm25's n(p)."""
        key = ("head_tsv" if part == "head" else "tsv", query.to_tsquery(term))
        if key not in self._phrase_counts:
            with self._index_scans():
                self._phrase_counts[key] = int(self._rows(
                    f"SELECT count(*) AS n FROM articles WHERE {key[0]} @@ ?::tsquery", [key[1]])[0]["n"])
        return self._phrase_counts[key]

    # A search matches several times over (the total, each facet). Here each distinct match set is written
    # once to a temporary table (dropped at the end of the search's transaction) that those queries read:
    # re-running a GIN match with its heap visits per facet cost more than the table.
    def search(self, q: SearchQuery) -> SearchResult:
        self._hit_tables: dict[tuple, str] = {}
        self._phrase_counts: dict[tuple[str, str], int] = {}
        try:
            with self.conn.transaction():
                return super().search(q)
        finally:
            self._hit_tables = {}

    @contextlib.contextmanager
    def _planner(self, *settings: str) -> Iterator[None]:
        """Plan the statements inside with these planner methods (``enable_…``) off."""
        for name in settings:
            self.conn.execute(f"SET LOCAL {name} = off")
        try:
            yield
        finally:
            for name in settings:
                self.conn.execute(f"SET LOCAL {name} = on")

    def _index_scans(self) -> contextlib.AbstractContextManager[None]:
        """Matching through the GIN index, never a sequential scan: the planner costs `tsv @@ q` on every row as
        cheap, not counting that each tsvector is read from TOAST, and chose a scan for common words (上海:
        325 ms, against 23 ms through the index for the more frequent 中国, at 20,000 articles)."""
        return self._planner("enable_seqscan")

    def _hits(self, source: str, cond: str, params: list[Any]) -> str:
        key = (source, cond, tuple(params))
        if key not in self._hit_tables:
            name = f"search_hits_{len(self._hit_tables)}"
            self.conn.execute(f"CREATE TEMP TABLE {name} (id BIGINT, paper TEXT, date TEXT, page INTEGER) ON COMMIT DROP")
            with self._index_scans():
                self.conn.execute(self._sql(f"INSERT INTO {name} SELECT a.id, a.paper, a.date, a.page {source} WHERE {cond}"),
                                  params)
            self._hit_tables[key] = name
        return self._hit_tables[key]

    def _count(self, node: query.Node | None, source: str, cond: str, params: list[Any], filtered: bool) -> int:
        if node is None:
            return super()._count(node, source, cond, params, filtered)
        n = int(self._rows(f"SELECT count(*) AS n FROM {self._hits(source, cond, params)}")[0]["n"])
        column = {"a.tsv @@ tq.q": "tsv", "a.head_tsv @@ tq.q": "head_tsv"}.get(cond)
        if isinstance(node, query.Term) and not filtered and column:  # the term's own count: bm25's n(p)
            self._phrase_counts[(column, params[0])] = n
        return n

    def _facets(self, source: str, cond: str, params: list[Any]) -> dict[str, list[dict[str, Any]]]:
        return super()._facets(f"FROM {self._hits(source, cond, params)} a", "1 = 1", [])

    def size_bytes(self) -> int:
        return int(self.conn.execute("SELECT pg_database_size(current_database()) AS n").fetchone()["n"])

    def close(self) -> None:
        self.conn.close()



def _matches_sql(node: query.Node, present: list[str], index: dict[int, int]) -> str:
    """SQL that is true where ``node`` matches the row, from the terms' presence (see ``bm25.matches``)."""
    if isinstance(node, query.Term):
        return present[index[id(node)]]
    parts = [_matches_sql(p, present, index) for p in node.parts]
    if node.op == "NOT":
        return f"({parts[0]} AND NOT ({' OR '.join(parts[1:])}))"
    return "(" + f" {node.op} ".join(parts) + ")"
