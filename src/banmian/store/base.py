"""The Store protocol: what the archive offers to ingest, search, export and serve, whatever the engine.

Two real implementations: SQLite (one file, the default) and PostgreSQL (``--db postgresql://…``).
``open_store(db)`` picks one from the ``--db`` value. Results are plain JSON-ready dicts so the CLI and the
REST API can hand them out as they are; the shapes are documented on each method and fixed by the shared
store test suite, which runs against both engines.
"""

from __future__ import annotations

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
    limit: int = 20
    offset: int = 0


@dataclass
class SearchResult:
    total: int
    results: list[dict[str, Any]]  # {"id", "headline", "paper", "date", "page", "snippet"}, best first
    facets: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # {"paper": [{"value", "count"}], ...}

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "results": self.results, "facets": self.facets}


class Store(Protocol):
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

    def close(self) -> None: ...
