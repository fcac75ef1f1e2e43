"""How an article is laid out in a table row, and back — the same for every engine.

Scalar fields get their own columns; list fields are JSON text; enrichment fields (present only when the
enrich stage ran) travel together in one JSON column. ``entity_rows`` gives the (kind, value) pairs that the
person / place / org filters and facets use.
"""

from __future__ import annotations

import json
from typing import Any

LIST_FIELDS = ("subheadlines", "paragraphs", "bylines", "credits", "captions", "jumps", "tables")
ENRICH_FIELDS = ("entities", "people", "dates", "quantities", "terms", "keywords")
# Search filter / facet name → entity type in ``article.entities``.
ENTITY_KINDS = {"person": "PER", "place": "LOC", "org": "ORG"}
FACET_LIMIT = 20  # values per facet, most frequent first


def article_values(article: dict[str, Any]) -> dict[str, Any]:
    """Column values of an article dict (from ``Article.to_dict``)."""
    row: dict[str, Any] = {
        "kicker": article.get("kicker"),
        "headline": article.get("headline") or "",
        "source": article.get("source"),
    }
    for key in LIST_FIELDS:
        row[key] = json.dumps(article.get(key) or [], ensure_ascii=False)
    enrichment = {k: article[k] for k in ENRICH_FIELDS if article.get(k) is not None}
    row["enrichment"] = json.dumps(enrichment, ensure_ascii=False) if enrichment else None
    return row


def article_dict(row: dict[str, Any]) -> dict[str, Any]:
    """The page-JSON dict of an article from its row (plus the row's id/page/position keys)."""
    out: dict[str, Any] = {"kicker": row["kicker"], "headline": row["headline"]}
    for key in LIST_FIELDS:
        out[key] = json.loads(row[key]) if row[key] else []
    out["source"] = row["source"]
    if row.get("enrichment"):
        out.update(json.loads(row["enrichment"]))
    for key in ("id", "page_id", "position", "paper", "date", "page"):
        out[key] = row[key]
    return out


def stored_article(row: dict[str, Any]) -> dict[str, Any]:
    """The article dict from a row holding only the article columns (to recompute its index tokens)."""
    return article_dict({**row, "id": None, "page_id": None, "position": None, "paper": None, "date": None,
                         "page": None})


def entity_rows(article: dict[str, Any]) -> set[tuple[str, str]]:
    """(kind, value) pairs: people of the story, and PER/LOC/ORG mentions."""
    out: set[tuple[str, str]] = set()
    for person in article.get("people") or []:
        if person.get("name"):
            out.add(("person", person["name"]))
    by_type = {v: k for k, v in ENTITY_KINDS.items()}
    for ent in article.get("entities") or []:
        kind = by_type.get(ent.get("type"))
        if kind and ent.get("text"):
            out.add((kind, ent["text"]))
    return out


def people_rows(article: dict[str, Any]) -> list[tuple[int, str, str, int]]:
    """(position, name, titles JSON, mentions) per person of the story, in order of first mention."""
    return [
        (i, p["name"], json.dumps(p.get("titles") or [], ensure_ascii=False), int(p.get("mentions") or 1))
        for i, p in enumerate(article.get("people") or [])
        if p.get("name")
    ]


def merge_titles(rows: list[str]) -> list[str]:
    """Titles seen for a person across articles (JSON lists), each once, in order of first sight."""
    seen: dict[str, None] = {}
    for titles in rows:
        for t in json.loads(titles or "[]"):
            seen.setdefault(t, None)
    return list(seen)


def first_paragraph(paragraphs_json: str) -> str:
    paras = json.loads(paragraphs_json or "[]")
    return paras[0].strip() if paras else ""


def group_issues(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Page rows (paper, date, id, page, n, headline), ordered by issue, → the ``Store.issues`` shape."""
    out: list[dict[str, Any]] = []
    for r in rows:
        if not out or (out[-1]["paper"], out[-1]["date"]) != (r["paper"], r["date"]):
            out.append({"paper": r["paper"], "date": r["date"], "pages": []})
        out[-1]["pages"].append({"id": r["id"], "page": r["page"], "articles": r["n"], "headline": r["headline"]})
    return out


def page_dict(pg: dict[str, Any], arts: list[dict[str, Any]]) -> dict[str, Any]:
    """A page row and its article rows → the ``Store.get_page`` shape."""
    return {
        "id": pg["id"], "paper": pg["paper"], "date": pg["date"], "page": pg["page"],
        "source_file": pg["source_file"], "leftover": json.loads(pg["leftover"]),
        "articles": [
            {"id": a["id"], "position": a["position"], "kicker": a["kicker"], "headline": a["headline"],
             "subheadlines": json.loads(a["subheadlines"]), "bylines": json.loads(a["bylines"]),
             "first_paragraph": first_paragraph(a["paragraphs"])}
            for a in arts
        ],
    }


def search_result(row: dict[str, Any], pattern: Any) -> dict[str, Any]:
    """A search hit from its article row (id, headline, paper, date, page, page_id, paragraphs, captions)."""
    from .snippets import snippet

    texts = json.loads(row["paragraphs"]) + json.loads(row["captions"])
    return {
        "id": row["id"], "headline": row["headline"], "paper": row["paper"], "date": row["date"],
        "page": row["page"], "page_id": row["page_id"], "snippet": snippet(texts, pattern),
    }
