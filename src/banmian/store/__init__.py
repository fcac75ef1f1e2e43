"""The archive: a Store protocol with SQLite (default) and PostgreSQL implementations."""

from .base import IngestOutcome, SearchQuery, SearchResult, Store

__all__ = ["IngestOutcome", "SearchQuery", "SearchResult", "Store"]
