"""What the SQLite and PostgreSQL stores share: the reading queries, the search skeleton, facets.

Both engines have the same tables (papers → issues → pages → articles, article_entities, article_people);
they differ in the full-text index (an FTS5 table vs a ``tsvector`` column), in how a page is written,
and in the parameter style. Queries here are written with ``?`` placeholders; ``_sql`` turns them into the
engine's style. Every value a user typed goes in as a parameter; the only text spliced into SQL is column
names and numbers chosen here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import NotFound
from . import query, records, snippets
from .base import SearchQuery, SearchResult

ARTICLE_COLUMNS = ("kicker", "headline", "source", *records.LIST_FIELDS, "enrichment")
# Above this many matches, results are not ranked whole (see SQLStore._ids_large).
RANK_LIMIT = 5000
# NULLS LAST spelled out: SQLite and PostgreSQL sort NULL differently by default.
BROWSE_ORDER = "a.date DESC NULLS LAST, a.paper NULLS LAST, a.page NULLS LAST, a.position, a.id"
RECENT_ORDER = "a.date DESC NULLS LAST, a.paper DESC NULLS LAST, a.page DESC NULLS LAST, a.position DESC, a.id DESC"
_ARTICLE_SELECT = "id, page_id, position, paper, date, page, " + ", ".join(ARTICLE_COLUMNS)


class SQLStore:
    """Base of the two engines. Subclasses provide ``_rows`` (run a query, rows as dicts), ``_match``
    (the full-text part of a search) and the writing side."""

    placeholder = "?"

    def _sql(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def _rows(self, sql: str, params: tuple | list = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    # -- browsing ---------------------------------------------------------------------------------------
    def papers(self) -> list[dict[str, Any]]:
        out: dict[str, list[str]] = {}
        for r in self._rows("SELECT p.name, i.date FROM papers p JOIN issues i ON i.paper_id = p.id ORDER BY p.name, i.date"):
            out.setdefault(r["name"], []).append(r["date"])
        return [{"paper": name, "issues": len(dates), "first": dates[0], "last": dates[-1], "dates": dates}
                for name, dates in out.items()]

    def issues(self, paper: str | None = None, date: str | None = None) -> list[dict[str, Any]]:
        where, params = ["pg.issue_id IS NOT NULL"], []
        if paper is not None:
            where.append("pg.paper = ?")
            params.append(paper)
        if date is not None:
            where.append("pg.date = ?")
            params.append(date)
        rows = self._rows(
            "SELECT pg.paper, pg.date, pg.id, pg.page,"
            " (SELECT count(*) FROM articles a WHERE a.page_id = pg.id) AS n,"
            " (SELECT headline FROM articles a WHERE a.page_id = pg.id ORDER BY position LIMIT 1) AS headline"
            f" FROM pages pg WHERE {' AND '.join(where)} ORDER BY pg.date DESC, pg.paper, pg.page, pg.id",
            params,
        )
        return records.group_issues(rows)

    def get_page(self, page_id: int) -> dict[str, Any]:
        rows = self._rows("SELECT * FROM pages WHERE id = ?", (page_id,))
        if not rows:
            raise NotFound(f"no page {page_id}")
        arts = self._rows(
            "SELECT id, position, kicker, headline, subheadlines, bylines, paragraphs FROM articles"
            " WHERE page_id = ? ORDER BY position",
            (page_id,),
        )
        return records.page_dict(rows[0], arts)

    def get_article(self, article_id: int) -> dict[str, Any]:
        rows = self._rows(f"SELECT {_ARTICLE_SELECT} FROM articles WHERE id = ?", (article_id,))
        if not rows:
            raise NotFound(f"no article {article_id}")
        return records.article_dict(rows[0])

    def iter_articles(self) -> Iterator[dict[str, Any]]:
        ids = [r["id"] for r in self._rows("SELECT id FROM articles ORDER BY paper, date, page, page_id, position")]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = self._rows(
                f"SELECT {_ARTICLE_SELECT} FROM articles WHERE id IN ({', '.join('?' for _ in chunk)})", chunk
            )
            by_id = {r["id"]: records.article_dict(r) for r in rows}
            yield from (by_id[i] for i in chunk if i in by_id)

    def person(self, name: str) -> dict[str, Any]:
        rows = self._rows(
            "SELECT a.id, a.headline, a.paper, a.date, a.page, p.titles FROM article_people p"
            " JOIN articles a ON a.id = p.article_id WHERE p.name = ? ORDER BY a.date, a.paper, a.page, a.position",
            (name,),
        )
        if not rows:
            raise NotFound(f"no person {name!r} in the archive")
        return {
            "name": name,
            "titles": records.merge_titles([r["titles"] for r in rows]),
            "articles": [{k: r[k] for k in ("id", "headline", "paper", "date", "page")} for r in rows],
        }

    def stats(self) -> dict[str, int]:
        row = self._rows(
            "SELECT (SELECT count(*) FROM papers) AS papers, (SELECT count(*) FROM issues) AS issues,"
            " (SELECT count(*) FROM pages) AS pages, (SELECT count(*) FROM articles) AS articles"
        )[0]
        return {k: int(v) for k, v in row.items()}

    # -- search -----------------------------------------------------------------------------------------
    # Engines name the table that holds (id, page_id, position, paper, date, page) for filters, ordering and
    # facets — narrow, so that scanning thousands of matches stays cheap — and how to match.
    meta_table = "articles"

    def _match(self, node: query.Node, part: str) -> tuple[str, str, list[Any], str]:
        """(FROM clause that names the meta table ``a``, match condition, its params, rank expression — lower
        is better) for ``part``: "all" matches, "head" (the whole query matched within headlines) or "rest"
        (all but those)."""
        raise NotImplementedError

    def search(self, q: SearchQuery) -> SearchResult:
        node = query.parse(q.q)
        where, params = filters(q)
        if node is None:
            source, cond_params, rank = f"FROM {self.meta_table} a", [], ""
        else:
            source, cond, cond_params, rank = self._match(node, "all")
            where.insert(0, cond)

        cond_all = " AND ".join(where) or "1 = 1"
        if q.facets:
            total, facets = self._count_and_facets(q, node, source, cond_all, cond_params + params, bool(params))
        else:
            total, facets = self._count(node, source, cond_all, cond_params + params, bool(params)), {}
        if node is None:
            ids = self._ids(source, cond_all, cond_params + params, BROWSE_ORDER, q.limit, q.offset)
        elif total <= RANK_LIMIT:
            ids = self._ranked_ids(node, "all", source, cond_all, cond_params + params, rank, q.limit, q.offset)
        else:
            ids = self._ids_large(node, where[1:], params, q.limit, q.offset)
        rows = self._rows(
            "SELECT id, headline, paper, date, page, page_id, paragraphs, captions FROM articles"
            f" WHERE id IN ({', '.join('?' for _ in ids) or 'NULL'})", ids
        )
        by_id = {r["id"]: r for r in rows}
        pattern = snippets.hit_pattern(query.terms(node, positive_only=True))
        results = [records.search_result(by_id[i], pattern) for i in ids if i in by_id]
        return SearchResult(total, results, facets)

    def _ids(self, source: str, cond: str, params: list[Any], order: str, limit: int, offset: int) -> list[int]:
        rows = self._rows(f"SELECT a.id AS id {source} WHERE {cond} ORDER BY {order} LIMIT ? OFFSET ?",
                          (*params, limit, offset))
        return [r["id"] for r in rows]

    def _ranked_ids(self, node: query.Node, part: str, source: str, cond: str, params: list[Any], rank: str,
                    limit: int, offset: int) -> list[int]:
        """Ids of the matches of ``part`` (already counted with ``_count``), best first by bm25, ties by id."""
        return self._ids(source, cond, params, f"{rank}, a.id", limit, offset)

    def _ids_large(self, node: query.Node, where: list[str], params: list[Any], limit: int, offset: int) -> list[int]:
        """Order for result sets too large to rank whole (a one-character query can match most of the
        archive, and ranking scores every match): articles whose headline matches the query come first —
        ranked, while they are few enough — then all the others, newest first."""
        ids: list[int] = []
        source, cond, cond_params, rank = self._match(node, "head")
        head_cond = " AND ".join([cond, *where])
        head_total = self._count(node, source, head_cond, cond_params + params, bool(params))
        if offset < head_total:
            if head_total <= RANK_LIMIT:
                ids = self._ranked_ids(node, "head", source, head_cond, cond_params + params, rank, limit, offset)
            else:
                ids = self._recent_ids(node, "head", where, params, limit, offset)
        if len(ids) < limit:
            ids += self._recent_ids(node, "rest", where, params, limit - len(ids), max(0, offset - head_total))
        return ids

    def _count(self, node: query.Node | None, source: str, cond: str, params: list[Any], filtered: bool) -> int:
        return int(self._rows(f"SELECT count(*) AS n {source} WHERE {cond}", params)[0]["n"])

    def _recent_ids(self, node: query.Node, part: str, where: list[str], params: list[Any], limit: int,
                    offset: int) -> list[int]:
        """Ids of the matches of ``part``, newest first."""
        source, cond, cond_params, _ = self._match(node, part)
        return self._ids(source, " AND ".join([cond, *where]), cond_params + params, RECENT_ORDER, limit, offset)

    def _count_and_facets(self, q: SearchQuery, node: query.Node | None, source: str, cond: str, params: list[Any],
                          filtered: bool) -> tuple[int, dict[str, list[dict[str, Any]]]]:
        """The total and the facet counts of a search."""
        total = self._count(node, source, cond, params, filtered)
        return total, (self._facets(source, cond, params) if total else {})

    def _facets(self, source: str, cond: str, params: list[Any]) -> dict[str, list[dict[str, Any]]]:
        # One GROUP BY per facet (measured: no slower than one pass grouped by page and summed here); the top
        # values are picked here, so both engines order ties alike whatever their collation.
        out = {}
        for name in ("paper", "date", "page"):
            rows = self._rows(f"SELECT a.{name} AS value, count(*) AS n {source} WHERE {cond}"
                              f" AND a.{name} IS NOT NULL GROUP BY a.{name}", params)
            out[name] = top_counts((r["value"], int(r["n"])) for r in rows)
        out.update(self._entity_facets(source, cond, params))
        return out

    def _entity_facets(self, source: str, cond: str, params: list[Any]) -> dict[str, list[dict[str, Any]]]:
        entities: dict[str, list[tuple[str, int]]] = {kind: [] for kind in records.ENTITY_KINDS}
        if self._rows("SELECT 1 AS x FROM article_entities LIMIT 1"):  # none before enrichment: skip the join
            for r in self._rows(f"SELECT e.kind AS kind, e.value AS value, count(*) AS n {source}"
                                f" JOIN article_entities e ON e.article_id = a.id WHERE {cond}"
                                " GROUP BY e.kind, e.value", params):
                if r["kind"] in entities:
                    entities[r["kind"]].append((r["value"], int(r["n"])))
        return {kind: top_counts(pairs) for kind, pairs in entities.items()}


def top_counts(pairs: Any) -> list[dict[str, Any]]:
    """The most frequent values of a facet from (value, count) pairs, ties by value."""
    best = sorted(pairs, key=lambda p: (-p[1], p[0]))[: records.FACET_LIMIT]
    return [{"value": v, "count": n} for v, n in best]


def filters(q: SearchQuery) -> tuple[list[str], list[Any]]:
    """SQL conditions on ``articles a`` for the query's filters; values always go as parameters."""
    where: list[str] = []
    params: list[Any] = []
    for column, op, value in (("paper", "=", q.paper), ("date", ">=", q.date_from), ("date", "<=", q.date_to),
                              ("page", "=", q.page), ("page_id", "=", q.page_id)):
        if value is not None and value != "":
            where.append(f"a.{column} {op} ?")
            params.append(value)
    for kind in records.ENTITY_KINDS:
        value = getattr(q, kind)
        if value:
            where.append("a.id IN (SELECT article_id FROM article_entities WHERE kind = ? AND value = ?)")
            params.extend((kind, value))
    return where, params
