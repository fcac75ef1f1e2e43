"""The app factory: one FastAPI application serving the REST API (``/api/…``) and the web page over a Store.

Errors have one shape. Every failure — a ``BanmianError`` from the store, a request that fails validation,
an unknown route, a bug — is turned into a ``BanmianError`` and answered by one handler: JSON
``{"error": message, "status": status}`` under ``/api``, the error page elsewhere, with the error's status.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import BadQuery, BanmianError, NotFound
from ..store.base import Store
from . import api, pages
from .render import render

STATIC_DIR = Path(__file__).parent / "static"

DESCRIPTION = """Read and search a banmian archive of Chinese newspaper pages.

Papers hold issues (paper + date), issues hold pages, pages hold articles in print order. `GET /api/search`
takes words, `"phrases"`, `AND` / `OR` / `NOT` and parentheses, with filters; every error is
`{"error": message, "status": status}`."""


class SerializedStore:
    """Hands the store to one request at a time.

    Handlers run in a thread pool; an SQLite connection (or a psycopg one) must not be used by two threads
    at once. Archive queries take milliseconds, so a lock costs little and keeps every engine safe.
    """

    def __init__(self, store: Store):
        self._store = store
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._store, name)
        if not callable(method):
            return method

        def locked(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                return method(*args, **kwargs)

        return locked


def create_app(store: Store) -> FastAPI:
    """The web application over ``store``; the caller opens the store and closes it after serving."""
    # FastAPIOffline: the API docs page loads Swagger UI from the package, not a CDN (archives run offline).
    app = FastAPIOffline(title="banmian", version=__version__, description=DESCRIPTION, docs_url="/docs",
                         redoc_url=None, openapi_url="/openapi.json", static_url="/docs-assets")
    app.state.store = SerializedStore(store)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.exception_handler(BanmianError)
    async def banmian_error(request: Request, exc: BanmianError) -> Response:
        return error_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, validation_error(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        err = NotFound("no such address") if exc.status_code == 404 else BanmianError(str(exc.detail))
        err.status = exc.status_code
        return error_response(request, err)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        # Starlette raises the exception again after this answer, so the server logs its traceback.
        return error_response(request, BanmianError("internal error; the server log has the details"))

    return app


def validation_error(exc: RequestValidationError) -> BanmianError:
    """A bad path parameter means there is no such thing (404); a bad query parameter is a bad query (400)."""
    problems = []
    in_path = False
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ())]
        in_path = in_path or (loc[:1] == ["path"])
        problems.append(f"{'.'.join(loc[1:]) or 'request'}: {err.get('msg', 'invalid')}")
    message = "; ".join(problems) or "invalid request"
    return NotFound(message) if in_path else BadQuery(message)


def error_response(request: Request, exc: BanmianError) -> Response:
    body = {"error": exc.message, "status": exc.status}
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        return JSONResponse(body, status_code=exc.status)
    return render(request, "error.html", {"error": exc.message, "status": exc.status}, status_code=exc.status)
