"""The archive: a Store protocol with SQLite (default) and PostgreSQL implementations."""

from __future__ import annotations

from .base import IngestOutcome, SearchQuery, SearchResult, Store

__all__ = ["IngestOutcome", "SearchQuery", "SearchResult", "Store", "default_db", "open_store"]


def default_db() -> str:
    """``$BANMIAN_DB`` if set, else ``banmian.db`` in the current folder."""
    from .sqlite import default_path

    return default_path()


def open_store(db: str | None = None, *, readonly: bool = False) -> Store:
    """The store named by ``--db``: a ``postgresql://`` (or ``postgres://``) URL, else an SQLite file path.
    ``readonly`` only means "must exist already" (for search/export/serve: a typo should not make a new,
    empty archive)."""
    db = db or default_db()
    if db.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(db)
    from .sqlite import SQLiteStore

    return SQLiteStore(db, readonly=readonly)
