"""Archive commands: ingest · search · export."""

from __future__ import annotations

import argparse
import json
import sys
import time

from ..errors import InputError
from ..store import SearchQuery, default_db, open_store
from .parse_cmds import add_page_meta_args, iso_date

EXPORT_FORMATS = ("jsonl", "csv", "ninjs")


def add_db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=None, metavar="PATH|URL",
                   help=f"SQLite file, or postgresql://… (default: $BANMIAN_DB, else {default_db()})")


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="parse pages and store them in the archive",
                       description="Parse page dumps (or page JSON from `banmian parse`) into the archive. "
                       "Unchanged pages are skipped; a changed page replaces its old version.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="page files (.txt, .json, .jsonl) or folders; - reads stdin")
    add_db_arg(p)
    p.add_argument("--workers", type=int, default=1, help="parse in N processes (default 1)")
    p.add_argument("--no-enrich", dest="enrich", action="store_false",
                   help="store structure only, without people/places/organisations")
    p.add_argument("--format", choices=("text", "json"), default="text", help="summary as text (default) or JSON")
    add_page_meta_args(p)
    p.set_defaults(run=run_ingest)

    p = sub.add_parser("search", help="full-text search of the archive",
                       description='Search the archive. Words and "phrases", AND (implied), OR, NOT, parentheses.')
    p.add_argument("query", metavar="QUERY")
    add_db_arg(p)
    p.add_argument("--paper")
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--page", type=int)
    p.add_argument("--person")
    p.add_argument("--place")
    p.add_argument("--org")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(run=run_search)

    p = sub.add_parser("export", help="write every article of the archive",
                       description="Export every article: JSON Lines, CSV, or IPTC ninjs 3.x (JSON Lines).")
    add_db_arg(p)
    p.add_argument("--format", choices=EXPORT_FORMATS, default="jsonl")
    p.add_argument("-o", "--output", default="-", help="file to write (default: stdout)")
    p.set_defaults(run=run_export)


class _Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.1 and done < total):
            return
        self.last = now
        width = 30
        filled = int(width * done / total) if total else width
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} pages")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def run_ingest(args: argparse.Namespace) -> int:
    from ..store.ingest import IngestOptions, ingest

    options = IngestOptions(
        workers=args.workers, enrich=args.enrich, paper=args.paper, date=args.date, page=args.page,
        max_bytes=args.max_bytes, progress=_Progress(),
    )
    store = open_store(args.db)
    try:
        report = ingest(args.paths, store, options)
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.summary(), file=sys.stderr)
    if report.failed and not report.pages and not report.unchanged:
        return 2  # nothing could be read at all
    return 1 if report.failed else 0


def run_search(args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= 1000:
        raise InputError("--limit must be between 1 and 1000")
    if args.offset < 0:
        raise InputError("--offset must be 0 or more")
    store = open_store(args.db, readonly=True)
    try:
        result = store.search(SearchQuery(
            q=args.query, paper=args.paper, date_from=args.date_from, date_to=args.date_to, page=args.page,
            person=args.person, place=args.place, org=args.org, limit=args.limit, offset=args.offset,
            facets=False,
        ))
    finally:
        store.close()
    if args.format == "json":
        keys = ("id", "headline", "paper", "date", "page", "snippet")
        print(json.dumps([{k: r[k] for k in keys} for r in result.results], ensure_ascii=False, indent=2))
        return 0
    print(f"{result.total} articles match" + (f"; showing {len(result.results)}" if result.results else ""))
    for r in result.results:
        where = " ".join(str(x) for x in (r["paper"], r["date"], f"p{r['page']}" if r["page"] is not None else None) if x)
        print(f"{r['id']:>7}  {r['headline']}  [{where}]")
        print(f"         {_plain(r['snippet'])}")
    return 0


def _plain(snippet: str) -> str:
    """A snippet for the terminal: marks as 【】, entities unescaped."""
    import html

    return html.unescape(snippet.replace("<mark>", "【").replace("</mark>", "】"))


def run_export(args: argparse.Namespace) -> int:
    from ..store.export import export

    store = open_store(args.db, readonly=True)
    try:
        if args.output == "-":
            count = export(store, args.format, sys.stdout)
        else:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                count = export(store, args.format, out)
    finally:
        store.close()
    print(f"{count} articles exported", file=sys.stderr)
    return 0
