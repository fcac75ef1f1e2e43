"""The REST API: papers, issues, pages, articles, people and search, as JSON under ``/api``.

The store's dicts go out as they are (they are the documented shapes of ``store.base``); only search has a
response model, because its shape is the one clients build on.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, ConfigDict

from .params import MAX_ID, MAX_LIMIT, MAX_OFFSET, MAX_PAGE, iso_date, search_query

router = APIRouter(prefix="/api", tags=["api"])


class ErrorBody(BaseModel):
    error: str
    status: int


class SearchHit(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: int
    headline: str
    paper: str | None
    date: str | None
    page: int | None
    snippet: str  # HTML: escaped text with <mark>…</mark> around the matches


class FacetCount(BaseModel):
    value: str | int | None
    count: int


class SearchResponse(BaseModel):
    total: int
    results: list[SearchHit]
    facets: dict[str, list[FacetCount]] = {}


ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": ErrorBody, "description": "bad query"},
                                           404: {"model": ErrorBody, "description": "no such thing"}}


def store(request: Request) -> Any:
    return request.app.state.store


@router.get("/papers", summary="Papers with their issue dates")
def papers(request: Request) -> list[dict[str, Any]]:
    """Each paper with its number of issues, first and last date, and every issue date."""
    return store(request).papers()


@router.get("/issues", summary="Issues and their pages", responses=ERRORS)
def issues(request: Request, paper: str | None = None, date: str | None = None) -> list[dict[str, Any]]:
    """Issues (paper + date), optionally only one paper's and/or one date's, each with its pages."""
    return store(request).issues(paper=paper or None, date=iso_date(date, "date"))


@router.get("/pages/{page_id}", summary="One page with its articles in print order", responses=ERRORS)
def page(request: Request, page_id: int = Path(ge=1, le=MAX_ID)) -> dict[str, Any]:
    return store(request).get_page(page_id)


@router.get("/articles/{article_id}", summary="One article with every field", responses=ERRORS)
def article(request: Request, article_id: int = Path(ge=1, le=MAX_ID)) -> dict[str, Any]:
    """The article in the page JSON contract (``banmian.page/1``) plus its id, page and position."""
    return store(request).get_article(article_id)


@router.get("/people/{name}", summary="A person's articles by date, with the titles seen", responses=ERRORS)
def person(request: Request, name: str) -> dict[str, Any]:
    return store(request).person(name)


@router.get("/search", summary="Full-text search", response_model=SearchResponse, responses=ERRORS)
def search(
    request: Request,
    q: str = Query("", description='words, "phrases", AND / OR / NOT, parentheses; empty browses by filters'),
    paper: str | None = Query(None, description="only this paper"),
    date_from: str | None = Query(None, alias="from", description="first date, YYYY-MM-DD"),
    date_to: str | None = Query(None, alias="to", description="last date, YYYY-MM-DD"),
    page: int | None = Query(None, ge=0, le=MAX_PAGE, description="only this page number (版)"),
    page_id: int | None = Query(None, ge=1, le=MAX_ID, description="only this page (an id from /api/issues)"),
    person: str | None = Query(None, description="only articles naming this person (enriched archives)"),
    place: str | None = Query(None, description="only articles naming this place"),
    org: str | None = Query(None, description="only articles naming this organisation"),
    limit: int = Query(20, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    facets: bool = Query(True, description="count facets (false answers faster)"),
) -> dict[str, Any]:
    """Ranked results (bm25, headline weighted) with highlighted snippets, the total and facet counts."""
    query = search_query(q, paper=paper, date_from=date_from, date_to=date_to, page=page, page_id=page_id,
                         person=person, place=place, org=org, limit=limit, offset=offset, facets=facets)
    return store(request).search(query).to_dict()
