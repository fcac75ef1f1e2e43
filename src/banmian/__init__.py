"""banmian (版面): Chinese newspaper pages in; articles, entities and a searchable archive out."""

from __future__ import annotations

from .model import Article, Byline, Credit, Entity, Page, Person, Table
from .parse import parse_text

__version__ = "0.1.0"

__all__ = ["Article", "Byline", "Credit", "Entity", "Page", "Person", "Table", "enrich", "parse_text"]


def enrich(page: Page, **options: object) -> Page:
    """Add people, places, organisations, dates, quantities and terms to every article (see banmian.enrich)."""
    from .enrich import enrich_page

    return enrich_page(page, **options)  # type: ignore[arg-type]
