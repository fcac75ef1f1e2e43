"""Readers turn files and bytes into page text plus what the file name says about the page."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .text import DEFAULT_MAX_BYTES, decode_bytes

__all__ = ["DEFAULT_MAX_BYTES", "PageSource", "decode_bytes", "iter_sources", "meta_from_name", "read_source"]

PAGE_SUFFIXES = (".txt", ".text")

# rmrb-20170325-p02.txt, 重庆日报_2024-03-13_01.txt, cqrb-2024-03-13-page1.txt ...
_NAME_META = re.compile(
    r"^(?P<paper>.+?)[-_ ]+(?P<y>\d{4})-?(?P<m>\d{2})-?(?P<d>\d{2})(?:[-_ ]+(?:p|page|第)?(?P<page>\d{1,3})(?:版)?)?$",
    re.IGNORECASE,
)


@dataclass
class PageSource:
    name: str  # path as given, or "-" for stdin
    text: str
    paper: str | None = None
    date: str | None = None
    page: int | None = None


def meta_from_name(name: str) -> tuple[str | None, str | None, int | None]:
    """Paper, date (YYYY-MM-DD) and page number from a file name, where it holds them."""
    stem = Path(name).stem
    m = _NAME_META.match(stem)
    if not m:
        return None, None, None
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None, None, None
    page = int(m["page"]) if m["page"] else None
    return m["paper"], f"{y:04d}-{mo:02d}-{d:02d}", page


def read_source(name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> PageSource:
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        return PageSource("-", decode_bytes(data, name="stdin", max_bytes=max_bytes))
    path = Path(name)
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if path.is_dir():
        raise InputError(f"{name}: is a folder (pass its files, or use a command that takes folders)")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{name}: {size:,} bytes is over the limit of {max_bytes:,} (raise it with --max-bytes)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    paper, date, page = meta_from_name(path.name)
    return PageSource(name, decode_bytes(data, name=name, max_bytes=max_bytes), paper, date, page)


def iter_sources(names: list[str]) -> list[str]:
    """Expand folders into their page files (sorted), keep files and '-' as given."""
    out: list[str] = []
    for name in names:
        path = Path(name)
        if name != "-" and path.is_dir():
            out.extend(str(p) for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)
        else:
            out.append(name)
    return out
