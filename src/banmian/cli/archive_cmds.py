"""Archive commands: ingest · search · export."""

from __future__ import annotations

import argparse


def add_commands(sub: argparse._SubParsersAction) -> None:
    pass  # ingest, search, export: filled in by the archive stage (serve and demo live in serve_cmds)
