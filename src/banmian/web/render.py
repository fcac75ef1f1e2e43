"""Templates and the helpers they use: addresses of things, labels, the issue calendar.

Jinja2 autoescapes every value; only ``Markup`` made by ``highlight`` (escaped text plus ``<mark>``) passes
through as HTML.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import __version__
from .highlight import clean_snippet, mark

TEMPLATE_DIR = Path(__file__).parent / "templates"
RECENT_MONTHS = 12  # calendar months shown open on the home page; older ones fold away

# The page runs no script at all, so the browser is told to run none: a second wall behind escaping.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'none'; object-src 'none'; img-src 'self' data:; "
                               "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def issue_url(paper: str | None, date: str | None) -> str | None:
    if not paper or not date:
        return None
    return f"/papers/{quote(paper, safe='')}/{quote(date, safe='')}"


def page_url(page_id: int) -> str:
    return f"/pages/{int(page_id)}"


def article_url(article_id: int, q: str | None = None) -> str:
    url = f"/articles/{int(article_id)}"
    return f"{url}?{urlencode({'q': q})}" if q else url


def person_url(name: str) -> str:
    return f"/people/{quote(name, safe='')}"


def search_url(params: dict[str, Any] | None = None, **changes: Any) -> str:
    """``/search`` with ``params`` updated by ``changes``; empty values are left out."""
    merged = {**(params or {}), **changes}
    kept = {k: v for k, v in merged.items() if v is not None and v != "" and not (k == "offset" and not v)}
    return "/search" + (f"?{urlencode(kept)}" if kept else "")


FACET_LABELS = {"paper": "Paper", "date": "Date", "page": "Page", "person": "People", "place": "Places",
                "org": "Organisations"}


def facet_url(form: dict[str, Any], key: str, value: Any) -> str:
    """The current search narrowed to one facet value (a date facet sets the range to that day)."""
    if key == "date":
        return search_url(form, offset=None, **{"from": value, "to": value})
    return search_url(form, offset=None, **{key: value})


def facet_selected(form: dict[str, Any], key: str, value: Any) -> bool:
    if key == "date":
        return form.get("from") == str(value) and form.get("to") == str(value)
    return str(form.get(key) or "") == str(value)


def paper_label(paper: str | None) -> str:
    return paper or "(paper unknown)"


def page_label(page: int | None) -> str:
    return f"page {page}" if page is not None else "page ?"


def month_grids(dates: list[str]) -> list[dict[str, Any]]:
    """One calendar grid per month that has issues, newest first; weeks start on Monday."""
    days_by_month: dict[tuple[int, int], set[int]] = defaultdict(set)
    for d in dates:
        m = _DATE.match(d or "")
        if m:
            days_by_month[(int(m[1]), int(m[2]))].add(int(m[3]))
    grids = []
    for (year, month) in sorted(days_by_month, reverse=True):
        if not 1 <= month <= 12:
            continue
        have = days_by_month[(year, month)]
        weeks = [
            [
                {"day": day, "date": f"{year:04d}-{month:02d}-{day:02d}", "issue": day in have} if day else None
                for day in week
            ]
            for week in calendar.Calendar(firstweekday=0).monthdayscalendar(year, month)
        ]
        grids.append({"year": year, "month": month, "label": f"{year}年{month}月", "issues": len(have),
                      "weeks": weeks})
    return grids


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(
        issue_url=issue_url, page_url=page_url, article_url=article_url, person_url=person_url,
        search_url=search_url, facet_url=facet_url, facet_selected=facet_selected,
        facet_labels=FACET_LABELS, paper_label=paper_label, page_label=page_label, weekdays=_WEEKDAYS, recent_months=RECENT_MONTHS,
        version=__version__,
    )
    env.filters["mark"] = mark
    env.filters["snippet"] = clean_snippet
    return env


ENV = _environment()


def render(request: Request, name: str, context: dict[str, Any], *, status_code: int = 200) -> HTMLResponse:
    html = ENV.get_template(name).render(request=request, **context)
    return HTMLResponse(html, status_code=status_code, headers=SECURITY_HEADERS)
