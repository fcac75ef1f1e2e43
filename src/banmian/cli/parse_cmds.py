"""``banmian parse``: page dumps in, page JSON / JSON Lines / Markdown out."""

from __future__ import annotations

import argparse
import json
import re
import sys

from ..errors import InputError
from ..markdown import page_to_markdown
from ..model import Page
from ..parse import parse_text
from ..readers import DEFAULT_MAX_BYTES, iter_sources, read_source


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("parse", help="parse page dumps into articles", description="Parse page dumps into articles.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="page files or folders; - reads stdin")
    p.add_argument("--format", choices=("json", "jsonl", "markdown"), default=None,
                   help="json for one file (default), jsonl for several (default), or markdown")
    add_page_meta_args(p)
    p.add_argument("--enrich", action="store_true", help="add people, places, organisations, dates, quantities, terms")
    p.set_defaults(run=run_parse)


def add_page_meta_args(p: argparse.ArgumentParser) -> None:
    """Flags shared by every command that reads pages."""
    p.add_argument("--paper", help="newspaper name (default: from the file name, else none)")
    p.add_argument("--date", type=iso_date, help="issue date YYYY-MM-DD (default: from the file name)")
    p.add_argument("--page", type=int, help="page number (default: from the file name)")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                   help=f"refuse inputs larger than this (default {DEFAULT_MAX_BYTES:,})")


def iso_date(value: str) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}")
    return value


def parse_source(name: str, args: argparse.Namespace) -> Page:
    src = read_source(name, max_bytes=args.max_bytes)
    page = parse_text(
        src.text,
        paper=args.paper or src.paper,
        date=args.date or src.date,
        page=args.page if args.page is not None else src.page,
    )
    if name != "-":
        page.source_file = name
    return page


def run_parse(args: argparse.Namespace) -> int:
    names = iter_sources(args.paths)
    if not names:
        raise InputError("no page files found in " + " ".join(args.paths))
    single = len(names) == 1 and len(args.paths) == 1 and names[0] == args.paths[0]
    fmt = args.format or ("json" if single else "jsonl")
    if fmt == "json" and not single:
        raise InputError("--format json takes one file; use jsonl for several")
    out = sys.stdout
    failed = 0
    for name in names:
        try:
            page = parse_source(name, args)
        except InputError as exc:
            if single:
                raise
            print(f"banmian: {exc.message}", file=sys.stderr)
            failed += 1
            continue
        if args.enrich:
            from ..enrich import enrich_page

            page = enrich_page(page)
        if fmt == "markdown":
            out.write(page_to_markdown(page))
        elif fmt == "json":
            json.dump(page.to_dict(), out, ensure_ascii=False, indent=1)
            out.write("\n")
        else:
            out.write(json.dumps(page.to_dict(), ensure_ascii=False) + "\n")
    return 2 if failed else 0
