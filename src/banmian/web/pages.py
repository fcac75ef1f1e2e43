"""The web page, rendered on the server: home (papers and their calendars) → issue → page → article, people,
and search with filters, facets and pagination. Plain links and GET forms only, so every view has an address
and works without JavaScript."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from ..errors import BadQuery, NotFound
from .highlight import query_terms
from .params import MAX_ID, PAGE_SIZE, blank_to_none, iso_date, search_query
from .render import month_grids, render

router = APIRouter(include_in_schema=False)


def store(request: Request) -> Any:
    return request.app.state.store


def neighbours(items: list[Any], current: Any) -> tuple[Any, Any]:
    """The items before and after ``current`` in ``items`` (None at either end or when absent)."""
    try:
        i = items.index(current)
    except ValueError:
        return None, None
    return (items[i - 1] if i > 0 else None), (items[i + 1] if i + 1 < len(items) else None)


def issue_pages(request: Request, paper: str | None, date: str | None) -> list[dict[str, Any]]:
    if not paper or not date:
        return []
    found = store(request).issues(paper=paper, date=date)
    return found[0]["pages"] if found else []


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    papers = store(request).papers()
    for p in papers:
        p["months"] = month_grids(p.get("dates") or [])
    return render(request, "home.html", {"papers": papers, "stats": store(request).stats()})


# ``path``: a paper name may hold a slash (quoted as %2F in links, which the server decodes).
@router.get("/papers/{paper:path}/{date}", response_class=HTMLResponse)
def issue(request: Request, paper: str, date: str) -> HTMLResponse:
    try:
        day = iso_date(date, "date")
    except BadQuery:
        raise NotFound(f"no issue of {paper} on {date[:40]}") from None
    found = store(request).issues(paper=paper, date=day)
    if not found:
        raise NotFound(f"no issue of {paper} on {day}")
    dates = next((p.get("dates") or [] for p in store(request).papers() if p.get("paper") == paper), [])
    before, after = neighbours(dates, day)
    return render(request, "issue.html", {"issue": found[0], "before": before, "after": after})


@router.get("/pages/{page_id}", response_class=HTMLResponse)
def page(request: Request, page_id: int = Path(ge=1, le=MAX_ID)) -> HTMLResponse:
    pg = store(request).get_page(page_id)
    siblings = [p["id"] for p in issue_pages(request, pg.get("paper"), pg.get("date"))]
    before, after = neighbours(siblings, pg["id"])
    return render(request, "page.html", {"pg": pg, "before": before, "after": after})


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: int = Path(ge=1, le=MAX_ID), q: str | None = None) -> HTMLResponse:
    art = store(request).get_article(article_id)
    pg = store(request).get_page(art["page_id"])
    order = [a["id"] for a in pg.get("articles", [])]
    before, after = neighbours(order, art["id"])
    q = blank_to_none(q)
    return render(request, "article.html", {
        "a": art, "pg": pg, "before": before, "after": after, "q": q, "terms": query_terms(q),
        "places": entity_names(art, "LOC"), "orgs": entity_names(art, "ORG"),
    })


def entity_names(art: dict[str, Any], kind: str) -> list[str]:
    """Distinct names of one entity type in order of first mention (empty when not enriched)."""
    seen: list[str] = []
    for e in art.get("entities") or []:
        if e.get("type") == kind and e.get("text") and e["text"] not in seen:
            seen.append(e["text"])
    return seen


@router.get("/people/{name}", response_class=HTMLResponse)
def person(request: Request, name: str) -> HTMLResponse:
    return render(request, "person.html", {"person": store(request).person(name)})


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    q: str = "",
    paper: str = "",
    date_from: str = Query("", alias="from"),
    date_to: str = Query("", alias="to"),
    page: str = "",
    page_id: str = "",
    person: str = "",
    place: str = "",
    org: str = "",
    offset: str = "",
) -> HTMLResponse:
    # Form fields arrive as text; what the user typed is echoed back into the form even when it is wrong.
    form = {"q": q, "paper": paper, "from": date_from, "to": date_to, "page": page, "page_id": page_id,
            "person": person, "place": place, "org": org}
    context: dict[str, Any] = {"form": form, "papers": store(request).papers(), "result": None,
                               "error": None, "terms": query_terms(q), "page_size": PAGE_SIZE}
    if not any(v.strip() for v in form.values()):
        return render(request, "search.html", context)
    try:
        query = search_query(q, paper=paper, date_from=date_from, date_to=date_to, page=whole(page, "page"),
                             page_id=whole(page_id, "page_id"), person=person, place=place, org=org, limit=PAGE_SIZE,
                             offset=whole(offset, "offset") or 0)
        context["result"] = store(request).search(query).to_dict()
    except BadQuery as exc:
        context["error"] = exc.message
        return render(request, "search.html", context, status_code=exc.status)
    context["offset"] = query.offset
    context["pages"] = pagination(context["result"]["total"], query.offset)
    return render(request, "search.html", context)


def whole(value: str, name: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not value.isascii() or not value.isdigit() or len(value) > 9:
        raise BadQuery(f"{name}: not a whole number: {value[:20]!r}")
    return int(value)


def pagination(total: int, offset: int, size: int = PAGE_SIZE, around: int = 3) -> list[dict[str, Any]]:
    """Links to result pages: the first, the last, and a few around the current one."""
    count = (total + size - 1) // size
    current = offset // size
    shown = sorted({0, count - 1, *range(current - around, current + around + 1)} & set(range(count)))
    out: list[dict[str, Any]] = []
    for n in shown:
        if out and n - out[-1]["n"] > 1:
            out.append({"n": None})  # a gap
        out.append({"n": n, "label": n + 1, "offset": n * size, "current": n == current})
    return out if count > 1 else []
