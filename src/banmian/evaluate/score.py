"""Page metrics: how well a parsed page (banmian page JSON) matches its gold page.

The definitions are those of the project's reference scorer (``score_page.py`` in the shared tools):
- a gold article's *units* are its kicker, headline, subheadlines, paragraphs, captions and credit lines,
  with all whitespace removed; a unit is *placed* in the first predicted article whose text (every string
  it holds, at any depth) contains it;
- ``article_f1``: a gold article is recovered when all its units sit in one predicted article that holds no
  unit of another gold article; precision is over predicted articles;
- ``headline_strict``: share of gold articles whose recovered article has the same headline;
  ``title_block``: the same for kicker + headline + subheadlines joined (roles may differ);
- ``paragraph_f1``: paragraph boundaries inside recovered articles, each boundary signed by the last six
  characters of one paragraph and the first six of the next;
- ``names_f1``: the people credited (bylines + credits) of recovered articles, as sets;
- ``lost``: share of gold unit characters found in no predicted article (averaged over pages).
Unrecovered gold articles count all their boundaries and names as missed.
"""

from __future__ import annotations

import re
from typing import Any

WHITESPACE = re.compile(r"[\s\u3000\xa0]+")
SIGNATURE = 6


def squash(text: str | None) -> str:
    return WHITESPACE.sub("", text or "")


def units(article: dict[str, Any]) -> list[str]:
    texts = [article.get("kicker"), article.get("headline"), *(article.get("subheadlines") or []),
             *(article.get("paragraphs") or []), *(article.get("captions") or []),
             *(c.get("text") for c in article.get("credits") or [])]
    return [u for u in (squash(t) for t in texts) if u]


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def article_text(article: dict[str, Any]) -> str:
    return squash("".join(_strings(article)))


def credited_names(article: dict[str, Any]) -> set[str]:
    return {squash(n) for key in ("bylines", "credits") for b in article.get(key) or []
            for n in b.get("names") or [] if squash(n)}


def boundaries(paragraphs: list[str]) -> set[tuple[str, str]]:
    ps = [p for p in (squash(x) for x in paragraphs) if p]
    return {(ps[i][-SIGNATURE:], ps[i + 1][:SIGNATURE]) for i in range(len(ps) - 1)}


def f1(tp: int, fp: int, fn: int) -> float:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def title_block(article: dict[str, Any]) -> str:
    return squash((article.get("kicker") or "") + (article.get("headline") or "")
                  + "".join(article.get("subheadlines") or []))


def score_page(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, Any]:
    gold_articles = gold.get("articles") or []
    pred_articles = pred.get("articles") or []
    texts = [article_text(a) for a in pred_articles]
    owners: list[list[int | None]] = []
    lost_units: list[list[str]] = []
    lost = total = 0
    for g in gold_articles:
        placed: list[int | None] = []
        missing: list[str] = []
        for u in units(g):
            total += len(u)
            where = next((i for i, t in enumerate(texts) if u in t), None)
            if where is None:
                lost += len(u)
                missing.append(u)
            placed.append(where)
        owners.append(placed)
        lost_units.append(missing)
    matched: dict[int, int] = {}
    for gi, placed in enumerate(owners):
        if placed and None not in placed and len(set(placed)) == 1:
            pi = placed[0]
            if not any(pi in other for gj, other in enumerate(owners) if gj != gi):
                matched[gi] = pi  # type: ignore[assignment]
    c = {"btp": 0, "bfp": 0, "bfn": 0, "ntp": 0, "nfp": 0, "nfn": 0, "headline": 0, "title_block": 0}
    per_article = []  # what went wrong for each gold article (for failure reports)
    for gi, g in enumerate(gold_articles):
        gb, gn = boundaries(g.get("paragraphs") or []), credited_names(g)
        pi = matched.get(gi)
        if pi is None:
            c["bfn"] += len(gb)
            c["nfn"] += len(gn)
            held = {o for o in owners[gi] if o is not None}
            merged = any(held & set(other) for gj, other in enumerate(owners) if gj != gi)
            per_article.append({"recovered": False, "pieces": len(held), "merged": merged,
                                "lost_units": lost_units[gi]})
            continue
        p = pred_articles[pi]
        same_headline = squash(p.get("headline")) == squash(g.get("headline"))
        same_block = title_block(p) == title_block(g)
        c["headline"] += same_headline
        c["title_block"] += same_block
        pb, pn = boundaries(p.get("paragraphs") or []), credited_names(p)
        per_article.append({"recovered": True, "headline": same_headline, "title_block": same_block,
                            "boundaries_ok": gb == pb, "names_ok": gn == pn,
                            "names_missed": sorted(gn - pn), "names_extra": sorted(pn - gn),
                            "pred_title": [p.get("kicker"), p.get("headline"), p.get("subheadlines")]})
        c["btp"] += len(gb & pb)
        c["bfp"] += len(pb - gb)
        c["bfn"] += len(gb - pb)
        c["ntp"] += len(gn & pn)
        c["nfp"] += len(pn - gn)
        c["nfn"] += len(gn - pn)
    n = len(gold_articles)
    return {
        "gold_articles": n, "pred_articles": len(pred_articles), "recovered": len(matched),
        "article_f1": f1(len(matched), len(pred_articles) - len(matched), n - len(matched)),
        "headline_strict": c["headline"] / n if n else 1.0,
        "title_block": c["title_block"] / n if n else 1.0,
        "paragraph_f1": f1(c["btp"], c["bfp"], c["bfn"]),
        "names_f1": f1(c["ntp"], c["nfp"], c["nfn"]),
        "lost": lost / total if total else 0.0,
        "counts": c,
        "matched": matched,
        "per_article": per_article,
    }


METRICS = ("article_f1", "headline_strict", "title_block", "paragraph_f1", "names_f1", "lost")


def aggregate(scores: list[dict[str, Any]]) -> dict[str, float]:
    """Micro-averaged over pages (article counts, boundary and name counts), ``lost`` averaged per page."""
    if not scores:
        return {}
    gold = sum(s["gold_articles"] for s in scores)
    pred = sum(s["pred_articles"] for s in scores)
    rec = sum(s["recovered"] for s in scores)
    c = {k: sum(s["counts"][k] for s in scores) for k in scores[0]["counts"]}
    return {
        "pages": len(scores),
        "articles": gold,
        "article_f1": f1(rec, pred - rec, gold - rec),
        "headline_strict": c["headline"] / gold if gold else 1.0,
        "title_block": c["title_block"] / gold if gold else 1.0,
        "paragraph_f1": f1(c["btp"], c["bfp"], c["bfn"]),
        "names_f1": f1(c["ntp"], c["nfp"], c["nfn"]),
        "lost": sum(s["lost"] for s in scores) / len(scores),
    }
