"""Files in, pages in the archive out: read, parse (and enrich), write — idempotent and all-or-nothing per page.

Inputs are page dumps (``.txt``/``.text``, any encoding ``readers`` accepts), page JSON from ``banmian parse``
(``.json``: one page; ``.jsonl``: one page a line), folders of those, and ``-`` for standard input.

Each page gets a *key* — ``paper/date/page`` when all three are known, else the file's path — and a
*content hash* of its text and of what made it (banmian's version, whether it was enriched). A key already
stored with the same hash is skipped before parsing; with another hash the page replaces the old one.
Pages are parsed in a process pool when ``workers > 1`` (pages are independent) and written by this
process alone, in batches of one transaction each, every page inside under its own savepoint: an
interrupted ingest leaves whole pages or none, and one bad file is reported and skipped.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BanmianError, InputError
from ..model import Page
from ..readers import DEFAULT_MAX_BYTES, read_source
from .base import Store

TEXT_SUFFIXES = (".txt", ".text")
JSON_SUFFIXES = (".json", ".jsonl")
BATCH = 64  # pages per transaction (and per round of the process pool, times the number of workers)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class IngestOptions:
    workers: int = 1
    enrich: bool = True  # enrich pages when the enrich stage is installed
    paper: str | None = None  # override what file names and JSON say
    date: str | None = None
    page: int | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    progress: Callable[[int, int], None] | None = None  # (units done, units known so far)


@dataclass
class Report:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    articles: int = 0  # articles written (added or replaced pages)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (input, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    enriched: bool = False

    @property
    def pages(self) -> int:
        return self.added + self.replaced

    def to_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages, "added": self.added, "replaced": self.replaced, "skipped": self.unchanged,
            "articles": self.articles, "enriched": self.enriched,
            "failed": [{"input": n, "reason": r} for n, r in self.failed],
            "warnings": [{"input": n, "reason": r} for n, r in self.warnings],
        }

    def summary(self) -> str:
        lines = [
            f"{self.pages} pages written ({self.added} new, {self.replaced} replaced), {self.articles} articles;"
            f" {self.unchanged} unchanged pages skipped; {len(self.failed)} failed"
            + ("" if self.enriched else "; not enriched")
        ]
        lines += [f"  failed: {n}: {r}" for n, r in self.failed]
        lines += [f"  warning: {n}: {r}" for n, r in self.warnings]
        return "\n".join(lines)


@dataclass
class _Unit:
    """One page to be: where it came from, its text or JSON object, and its metadata."""

    name: str
    kind: str  # "text" or "json"
    content: Any
    paper: str | None
    date: str | None
    page: int | None
    file_key: str | None  # the key when paper/date/page are not all known; None: key by content
    key: str = ""
    content_hash: str = ""


def enricher() -> Callable[[Page], Page] | None:
    """``banmian.enrich.enrich_page`` when the enrich stage provides it, else None."""
    try:
        from ..enrich import enrich_page  # type: ignore[attr-defined]
    except ImportError:
        return None
    return enrich_page if callable(enrich_page) else None


def expand(paths: list[str]) -> list[str]:
    """Folders → their page files (sorted); files and ``-`` as given."""
    out: list[str] = []
    for name in paths:
        path = Path(name)
        if name != "-" and path.is_dir():
            out.extend(
                str(p) for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES + JSON_SUFFIXES
            )
        else:
            out.append(name)
    return out


def ingest(paths: list[str], store: Store, options: IngestOptions | None = None) -> Report:
    options = options or IngestOptions()
    _check_options(options)
    enrich = enricher() if options.enrich else None
    report = Report(enriched=enrich is not None)
    tag = f"banmian-store/1 enrich={enrich is not None}"
    from .. import __version__

    tag += f" version={__version__}"
    names = expand(paths)
    done = 0
    pool = ProcessPoolExecutor(max_workers=options.workers) if options.workers > 1 else None
    try:
        batch: list[_Unit] = []
        for unit in _units(names, options, tag, report, pool):
            if store.page_hash(unit.key) == unit.content_hash:
                report.unchanged += 1
                done += 1
            else:
                batch.append(unit)
            if len(batch) >= BATCH * max(1, options.workers):
                done += _write(batch, store, pool, enrich is not None, report)
                batch = []
            if options.progress:
                options.progress(done, max(done, len(names)))
        done += _write(batch, store, pool, enrich is not None, report)
        if options.progress:
            options.progress(done, done)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return report


def _check_options(options: IngestOptions) -> None:
    if options.workers < 1:
        raise InputError("--workers must be 1 or more")
    if options.date is not None and not _DATE.match(options.date):
        raise InputError(f"--date {options.date!r}: expected YYYY-MM-DD")


def _units(names: list[str], options: IngestOptions, tag: str, report: Report,
           pool: ProcessPoolExecutor | None) -> Iterator[_Unit]:
    """Every input read, decoded, keyed and hashed — in the pool when there is one (reading and checking
    the bytes costs about as much as parsing them). Standard input is read here, in this process."""
    jobs = [(name, dataclasses.replace(options, progress=None), tag) for name in names]
    step = BATCH * (options.workers if pool else 1)
    for start in range(0, len(jobs), step):
        part = jobs[start : start + step]
        if pool is None or any(name == "-" for name, _, _ in part):
            results = map(_read_keyed, part)
        else:
            results = pool.map(_read_keyed, part, chunksize=4)
        for (name, _, _), result in zip(part, results, strict=True):
            if isinstance(result, str):
                report.failed.append((name, _reason(result, name)))
            else:
                yield from result


def _read_keyed(job: tuple[str, IngestOptions, str]) -> list[_Unit] | str:
    """The units of one input with their keys and hashes, or why it cannot be read (runs in a worker)."""
    name, options, tag = job
    try:
        units = list(_read(name, options))
    except BanmianError as exc:
        return exc.message
    for unit in units:
        unit.key = _key(unit)
        unit.content_hash = _hash(unit, tag)
    return units


def _read(name: str, options: IngestOptions) -> Iterator[_Unit]:
    src = read_source(name, max_bytes=options.max_bytes)  # decoded, checked, with what the file name says
    text, paper, date, page = src.text, src.paper, src.date, src.page
    if name == "-":
        suffix = ".json" if text.lstrip().startswith("{") else ".txt"
        label, file_key = "stdin", None
    else:
        suffix = Path(name).suffix.lower()
        label, file_key = name, f"file:{Path(name).resolve()}"
    if suffix == ".jsonl":
        for lineno, line in enumerate(text.splitlines(), 1):
            if line.strip():
                # Lines move when a file is edited: a line without paper/date/page is keyed by content.
                yield _json_unit(f"{name}:{lineno}", line, options, None, paper=None, date=None, page=None)
    elif suffix == ".json":
        yield _json_unit(label, text, options, file_key, paper=paper, date=date, page=page)
    else:
        yield _Unit(label, "text", text, options.paper or paper, options.date or date,
                    options.page if options.page is not None else page, file_key)


def _json_unit(name: str, text: str, options: IngestOptions, file_key: str | None, **from_name: Any) -> _Unit:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("articles"), list):
        raise InputError(f"{name}: not a banmian page (a JSON object with an \"articles\" list)")
    paper = options.paper or obj.get("paper") or from_name["paper"]
    date = options.date or obj.get("date") or from_name["date"]
    page = options.page if options.page is not None else obj.get("page", from_name["page"])
    return _Unit(name, "json", obj, paper, date, page, file_key)


def _key(unit: _Unit) -> str:
    if unit.paper and unit.date and unit.page is not None:
        return f"{unit.paper}/{unit.date}/{unit.page}"
    return unit.file_key or f"content:{_digest(unit)}"


def _digest(unit: _Unit) -> str:
    content = unit.content if unit.kind == "text" else json.dumps(unit.content, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def _hash(unit: _Unit, tag: str) -> str:
    meta = json.dumps([unit.paper, unit.date, unit.page, tag], ensure_ascii=False)
    return hashlib.sha256((meta + "\0" + _digest(unit)).encode("utf-8")).hexdigest()


def build_page(unit: _Unit, enrich: bool) -> tuple[Page | None, str | None, str | None]:
    """(page, error, warning) for one unit; runs in a worker process, so it reports instead of raising."""
    try:
        if unit.kind == "text":
            from ..parse import parse_text

            page = parse_text(unit.content, paper=unit.paper, date=unit.date, page=unit.page)
        else:
            try:
                page = Page.from_dict(unit.content)
                page.page = int(unit.page) if unit.page is not None else None
            except (TypeError, ValueError, KeyError, AttributeError) as exc:
                return None, f"not a banmian page JSON ({type(exc).__name__}: {exc})", None
            page.paper, page.date = unit.paper, unit.date
        page.source_file = page.source_file or (unit.name if unit.name != "stdin" else None)
    except BanmianError as exc:
        return None, exc.message, None
    except Exception as exc:  # a parser bug on one page must not stop the other pages going in
        return None, f"could not parse ({type(exc).__name__}: {exc})", None
    warning = None
    if enrich and not any(a.people is not None or a.entities is not None for a in page.articles):
        fn = enricher()
        try:
            page = fn(page) if fn else page
        except Exception as exc:
            warning = f"stored without enrichment ({type(exc).__name__}: {exc})"
    return page, None, warning


def _build_packed(args: tuple[_Unit, bool]) -> tuple[Page | None, str | None, str | None]:
    return build_page(*args)


def _write(batch: list[_Unit], store: Store, pool: ProcessPoolExecutor | None, enrich: bool, report: Report) -> int:
    if not batch:
        return 0
    jobs = [(u, enrich) for u in batch]
    built = pool.map(_build_packed, jobs, chunksize=4) if pool else map(_build_packed, jobs)
    with store.bulk():
        for unit, (page, error, warning) in zip(batch, built, strict=True):
            if page is None:
                report.failed.append((unit.name, _reason(error or "failed", unit.name)))
                continue
            if warning:
                report.warnings.append((unit.name, warning))
            try:
                outcome = store.ingest_page(page, key=unit.key, content_hash=unit.content_hash)
            except BanmianError as exc:
                report.failed.append((unit.name, _reason(exc.message, unit.name)))
                continue
            if outcome == "unchanged":
                report.unchanged += 1
                continue
            report.articles += len(page.articles)
            if outcome == "added":
                report.added += 1
            else:
                report.replaced += 1
    return len(batch)


def _reason(message: str, name: str) -> str:
    """Messages often start with the file name already; the report shows it once."""
    for prefix in (f"{name}: ", "stdin: "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message
