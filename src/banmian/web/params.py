"""Request parameters shared by the REST API and the web page, checked before they reach the store."""

from __future__ import annotations

import datetime as dt

from ..errors import BadQuery
from ..store.base import SearchQuery

MAX_QUERY_CHARS = 500  # longer than any headline; a longer q is refused with 400, not run
MAX_LIMIT = 100
MAX_OFFSET = 100_000
MAX_ID = 2**63 - 1  # SQLite and PostgreSQL bigint; a larger id cannot exist
MAX_PAGE = 10_000
PAGE_SIZE = 20  # results per page of the web search


def iso_date(value: str | None, name: str) -> str | None:
    """``value`` if it is a real calendar date YYYY-MM-DD, None if empty; else BadQuery."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        if len(value) == 10:  # fromisoformat also takes 20240313; the API promises YYYY-MM-DD
            return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise BadQuery(f"{name}: not a date YYYY-MM-DD: {value[:40]!r}")


def blank_to_none(value: str | None) -> str | None:
    """HTML forms send empty fields as ''; the store wants None for 'no filter'."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def search_query(q: str | None = None, *, paper: str | None = None, date_from: str | None = None,
                 date_to: str | None = None, page: int | None = None, page_id: int | None = None,
                 person: str | None = None,
                 place: str | None = None, org: str | None = None, limit: int = PAGE_SIZE,
                 offset: int = 0, facets: bool = True) -> SearchQuery:
    q = (q or "").strip()
    if len(q) > MAX_QUERY_CHARS:
        raise BadQuery(f"query too long ({len(q):,} characters; the limit is {MAX_QUERY_CHARS})")
    date_from, date_to = iso_date(date_from, "from"), iso_date(date_to, "to")
    if date_from and date_to and date_from > date_to:
        raise BadQuery(f"from ({date_from}) is after to ({date_to})")
    if page is not None and not 0 <= page <= MAX_PAGE:
        raise BadQuery(f"page: no page {page}")
    if page_id is not None and not 1 <= page_id <= MAX_ID:
        raise BadQuery(f"page_id: no page {page_id}")
    if not 1 <= limit <= MAX_LIMIT:
        raise BadQuery(f"limit: between 1 and {MAX_LIMIT}")
    if not 0 <= offset <= MAX_OFFSET:
        raise BadQuery(f"offset: between 0 and {MAX_OFFSET:,}")
    return SearchQuery(q=q, paper=blank_to_none(paper), date_from=date_from, date_to=date_to, page=page,
                       page_id=page_id, person=blank_to_none(person), place=blank_to_none(place), org=blank_to_none(org),
                       limit=limit, offset=offset, facets=facets)
