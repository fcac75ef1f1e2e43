"""Every article of an archive out, as JSON Lines, CSV or IPTC ninjs 3.3 (one ninjs object a line).

ninjs mapping (https://iptc.org/standards/ninjs/): kicker, headline and subheadlines are ``headlines`` with
roles ``kicker`` / ``main`` / ``subheadline``; bylines are ``by``; paragraphs are the main body (plain text,
paragraphs separated by blank lines) and captions are ``descriptions`` with role ``caption``; paper, date,
page and position on the page are ``altIds``; the source line and photo credits are ``infoSources``; people,
places and organisations (when enriched) go to ``people`` / ``places`` / ``organisations``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO
from urllib.parse import quote

from ..errors import InputError
from .base import Store

NINJS_VERSION = "3.3"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.3.json#"
CSV_COLUMNS = ("id", "paper", "date", "page", "position", "kicker", "headline", "subheadlines", "byline",
               "source", "text", "captions", "people")


def export(store: Store, fmt: str, out: TextIO) -> int:
    """Write every article in ``fmt``; returns how many."""
    articles: Iterable[dict[str, Any]] = store.iter_articles()
    if fmt == "jsonl":
        return _write_lines(out, articles, lambda a: a)
    if fmt == "ninjs":
        return _write_lines(out, articles, to_ninjs)
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        n = 0
        for a in articles:
            writer.writerow(csv_row(a))
            n += 1
        return n
    raise InputError(f"unknown export format {fmt!r} (jsonl, csv or ninjs)")


def _write_lines(out: TextIO, articles: Iterable[dict[str, Any]], convert: Any) -> int:
    n = 0
    for a in articles:
        out.write(json.dumps(convert(a), ensure_ascii=False) + "\n")
        n += 1
    return n


def byline_text(article: dict[str, Any]) -> str:
    """The bylines as printed, one after the other (``本报记者 杨迅、刘睿``)."""
    parts = []
    for b in article.get("bylines") or []:
        text = (b.get("text") or "").strip()
        if not text:
            text = "".join(x for x in (b.get("outlet"), b.get("role")) if x) + " " + "、".join(b.get("names") or [])
        parts.append(text.strip())
    return "；".join(p for p in parts if p)


def csv_row(a: dict[str, Any]) -> list[Any]:
    return [
        a["id"], a.get("paper"), a.get("date"), a.get("page"), a.get("position"), a.get("kicker"), a["headline"],
        "\n".join(a.get("subheadlines") or []), byline_text(a), a.get("source"),
        "\n".join(a.get("paragraphs") or []), "\n".join(a.get("captions") or []),
        "、".join(p["name"] for p in a.get("people") or []),
    ]


def article_uri(a: dict[str, Any]) -> str:
    """A stable URN from where the article was printed (ASCII: the paper name is percent-encoded)."""
    if a.get("paper") and a.get("date") and a.get("page") is not None:
        return f"urn:banmian:{quote(a['paper'], safe='')}:{a['date']}:p{a['page']}:a{a.get('position', 0) + 1}"
    return f"urn:banmian:article:{a['id']}"


def to_ninjs(a: dict[str, Any]) -> dict[str, Any]:
    headlines = []
    if a.get("kicker"):
        headlines.append({"role": "kicker", "value": a["kicker"]})
    headlines.append({"role": "main", "value": a["headline"]})
    headlines += [{"role": "subheadline", "value": s} for s in a.get("subheadlines") or []]
    body = "\n\n".join(p.strip() for p in a.get("paragraphs") or [])
    out: dict[str, Any] = {
        "uri": article_uri(a),
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "type": "text",
        "representationType": "full",
        "language": "zh",
        "headlines": headlines,
        "bodies": [{"role": "main", "contentType": "text/plain", "charCount": len(body), "value": body}],
        "altIds": [
            {"role": role, "value": str(a[key])}
            for role, key in (("paper", "paper"), ("date", "date"), ("page", "page"), ("position", "position"),
                              ("banmian-article-id", "id"))
            if a.get(key) is not None
        ],
    }
    by = byline_text(a)
    if by:
        out["by"] = by
    if a.get("paper"):
        out["copyrightHolder"] = a["paper"]
    if a.get("captions"):
        out["descriptions"] = [{"role": "caption", "value": c} for c in a["captions"]]
    sources = [{"name": a["source"], "role": "source"}] if a.get("source") else []
    sources += [{"name": c.get("text") or "、".join(c.get("names") or []), "role": c.get("role") or "credit"}
                for c in a.get("credits") or []]
    if sources:
        out["infoSources"] = sources
    if a.get("people"):
        out["people"] = [{"name": p["name"], "rel": "mentioned"} for p in a["people"]]
    for key, etype in (("places", "LOC"), ("organisations", "ORG")):
        names = list(dict.fromkeys(e["text"] for e in a.get("entities") or [] if e.get("type") == etype))
        if names:
            out[key] = [{"name": n, "rel": "mentioned"} for n in names]
    return out
