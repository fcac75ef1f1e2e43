"""The Store protocol: what the archive offers to ingest, search, export and serve, whatever the engine.

Two real implementations: SQLite (one file, the default) and PostgreSQL (``--db postgresql://…``).
``open_store(db)`` (in ``banmian.store``) picks one from the ``--db`` value. Results are plain JSON-ready dicts so the CLI and the
REST API can hand them out as they are; the shapes are documented on each method and fixed by the shared
store test suite, which runs against both engines.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from ..model import Page

IngestOutcome = Literal["added", "replaced", "unchanged"]


@dataclass
class SearchQuery:
    q: str = ""  # user syntax: words, "phrases", AND / OR / NOT, parentheses; empty = browse by filters
    paper: str | None = None
    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None
    page: int | None = None
    person: str | None = None
    place: str | None = None
    org: str | None = None
    page_id: int | None = None  # "search within this page" (Store ids, as in get_page)
    limit: int = 20
    offset: int = 0
    facets: bool = True  # compute facet counts (the CLI does not need them)


@dataclass
class SearchResult:
    total: int
    # {"id", "headline", "paper", "date", "page", "page_id", "snippet"}, best first; the snippet is HTML:
    # text escaped, hits wrapped in <mark>…</mark>. An empty q browses: newest first, in page order.
    results: list[dict[str, Any]]
    # {"paper"|"date"|"page"|"person"|"place"|"org": [{"value", "count"}]}, most frequent first, at most 20
    # values each, counted over all matches; empty when total is 0 or facets=False.
    facets: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "results": self.results, "facets": self.facets}


class Store(Protocol):
    def page_hash(self, key: str) -> str | None:
        """The content hash stored for the page ``key``, or None (lets ingest skip unchanged files unparsed)."""

    def bulk(self) -> AbstractContextManager[None]:
        """``with store.bulk():`` groups many ingest_page calls in one transaction; each page stays
        all-or-nothing (a failing page is rolled back alone and its exception raised)."""

    def ingest_page(self, page: Page, *, key: str, content_hash: str) -> IngestOutcome:
        """Write one page atomically. ``key`` names the page (paper/date/page, else the source file);
        the same key with the same hash is ``unchanged``, with another hash ``replaced``."""

    def papers(self) -> list[dict[str, Any]]:
        """[{"paper", "issues": int, "first": date, "last": date, "dates": [date, ...]}]"""

    def issues(self, paper: str | None = None, date: str | None = None) -> list[dict[str, Any]]:
        """[{"paper", "date", "pages": [{"id", "page", "articles": int, "headline": first headline}]}]"""

    def get_page(self, page_id: int) -> dict[str, Any]:
        """{"id", "paper", "date", "page", "leftover", "articles": [{"id", "position", "kicker", "headline",
        "subheadlines", "bylines", "first_paragraph"}]}; raises NotFound."""

    def get_article(self, article_id: int) -> dict[str, Any]:
        """The article's page-JSON dict plus {"id", "page_id", "position", "paper", "date", "page"};
        raises NotFound."""

    def search(self, query: SearchQuery) -> SearchResult:
        """Ranked (bm25, headline weighted) results with highlighted snippets (<mark>…</mark>, text
        escaped), the total count and facet counts; raises BadQuery for input that cannot be a query."""

    def person(self, name: str) -> dict[str, Any]:
        """{"name", "titles": [str], "articles": [{"id", "headline", "paper", "date", "page"}]} by date;
        raises NotFound."""

    def iter_articles(self) -> Any:
        """Every article as its get_article dict, in paper/date/page/position order (for export)."""

    def stats(self) -> dict[str, int]:
        """{"papers", "issues", "pages", "articles"}"""

    def size_bytes(self) -> int:
        """Bytes the archive takes on disk (file, or PostgreSQL database)."""

    def close(self) -> None: ...
