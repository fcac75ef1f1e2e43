"""Serving commands: ``serve`` (the REST API and web page over an archive) and ``demo`` (the main job on the
bundled sample pages)."""

from __future__ import annotations

import argparse
import sys
from importlib import resources

from ..markdown import page_to_markdown
from ..parse import parse_text
from ..readers import decode_bytes, meta_from_name


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="the main job on the bundled sample pages")
    p.set_defaults(run=run_demo)


def bundled_pages() -> list[tuple[str, str]]:
    """(file name, text) of the sample pages shipped inside the package."""
    folder = resources.files("banmian") / "data" / "pages"
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            out.append((entry.name, decode_bytes(entry.read_bytes(), name=entry.name)))
    return out


def run_demo(args: argparse.Namespace) -> int:
    for name, text in bundled_pages():
        paper, date, page_no = meta_from_name(name)
        sys.stdout.write(page_to_markdown(parse_text(text, paper=paper, date=date, page=page_no)) + "\n")
    return 0
