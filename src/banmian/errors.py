"""Exceptions that carry what the caller needs: an HTTP status for the web layer, an exit code for the CLI.

The CLI prints ``banmian: <message>`` on one line and exits with ``exit_code``; the web layer answers
``{"error": message, "status": status}`` with that status. No other layer formats errors.
"""

from __future__ import annotations


class BanmianError(Exception):
    status = 500
    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InputError(BanmianError):
    """Input we cannot read: binary, undecodable, empty, too large, missing."""

    status = 400
    exit_code = 2


class BadQuery(BanmianError):
    """A search or filter the user typed that cannot be run as given."""

    status = 400
    exit_code = 2


class NotFound(BanmianError):
    status = 404
    exit_code = 3
