"""Serving the archive: the REST API and the server-rendered web page (``create_app(store)``)."""

from .app import create_app

__all__ = ["create_app"]
