"""``banmian entities``: one sentence a line in, one JSON object of entities a line out."""

from __future__ import annotations

import argparse


def add_commands(sub: argparse._SubParsersAction) -> None:
    pass  # filled in by the enrich stage
