#!/usr/bin/env python3
"""Speed and memory of full enrichment (``banmian.enrich``) on real pages, one core.

    .venv/bin/python bench/enrich.py               # all real pages, best of 3 rounds
    .venv/bin/python bench/enrich.py --rounds 5

Pages: the real newspaper pages of the corpus as printed together (人民日报 2017 and 新民晚报 2022 articles
grouped by date and page, as their gold page structure), the bundled sample pages and the seed, parsed with
``parse_text``. Parsing is not timed. The process is pinned to one CPU. Figures:
- pages/s for the full pipeline (entities, people, dates, quantities, terms, keywords), best of ``--rounds``;
- the same for the entity model alone (``ner.recognize_many`` over every headline and paragraph) and for
  everything else the stage does (the full pipeline with the model's answers cached), so the cost can be
  placed; the three take turns in each round, so machine noise hits all of them;
- first-page latency (model and dictionary loading) and peak resident memory of the process (ru_maxrss):
  before and after loading (measured on the seed page, before the bench's own pages are built), and after
  the timed rounds.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from accuracy import FIXTURES, SHARED, load_articles  # noqa: E402

from banmian import parse_text  # noqa: E402
from banmian.enrich import enrich_page  # noqa: E402
from banmian.evaluate import STYLES, compose_pages  # noqa: E402
from banmian.model import Page  # noqa: E402

BUNDLED = ROOT / "src" / "banmian" / "data" / "pages"
SEED = ROOT / "tests" / "data" / "seed" / "000_e4fee7fd16952364.txt"
AIM = 50  # pages/s on one core


def real_pages(corpus: Path) -> list[Page]:
    composed = compose_pages(load_articles(corpus), seed="enrich", styles=(STYLES[0],))
    pages = [Page.from_dict(p.gold) for p in composed]
    for path in sorted(BUNDLED.glob("*.txt")) + [SEED]:
        pages.append(parse_text(path.read_text(encoding="utf-8"), date="2024-03-13"))
    return pages


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def best_rates(fns: dict, pages: list[Page], rounds: int) -> dict[str, float]:
    """pages/s of each function, best of ``rounds``; the functions take turns so machine noise hits all."""
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(rounds):
        for name, fn in fns.items():
            gc.collect()
            t0 = time.perf_counter()
            for page in pages:
                fn(page)
            best[name] = min(best[name], time.perf_counter() - t0)
    return {name: len(pages) / t for name, t in best.items()}


class CachedModel:
    """The entity model's answers for these pages, computed once: timing the stage with it measures
    everything enrichment does besides the model."""

    def __init__(self, model) -> None:
        self.model = model
        self.answers: dict[tuple[str, ...], list] = {}

    def __call__(self, texts: list[str]) -> list:
        key = tuple(texts)
        if key not in self.answers:
            self.answers[key] = self.model(texts)
        return self.answers[key]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED if SHARED.exists() else FIXTURES)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    # Loading first, on one small real page, so that its memory is measured apart from the bench's pages.
    seed = parse_text(SEED.read_text(encoding="utf-8"), date="2024-03-13")
    rss_start = peak_rss_mib()
    t0 = time.perf_counter()
    enrich_page(seed)  # loads the entity model, jieba's dictionary and IDF table
    first = time.perf_counter() - t0
    rss_loaded = peak_rss_mib()

    pages = real_pages(args.corpus)
    articles = sum(len(p.articles) for p in pages)
    chars = sum(len(a.headline) + sum(map(len, a.paragraphs)) for p in pages for a in p.articles)
    rss_pages = peak_rss_mib()

    from banmian.enrich import ner

    def ner_only(page: Page) -> None:
        ner.recognize_many([t for a in page.articles for t in (a.headline, *a.paragraphs)])

    def with_cached_model(page: Page) -> None:
        model, ner.recognize_many = ner.recognize_many, cached
        try:
            enrich_page(page)
        finally:
            ner.recognize_many = model

    cached = CachedModel(ner.recognize_many)
    for page in pages:
        with_cached_model(page)
    rates = best_rates({"full": enrich_page, "model": ner_only, "rest": with_cached_model}, pages, args.rounds)
    full, model, rest = rates["full"], rates["model"], rates["rest"]
    people = sum(len(a.people or []) for p in pages for a in p.articles)

    print(f"pages: {len(pages)} real pages, {articles} articles, {chars / len(pages):,.0f} characters a page "
          f"on average; one CPU, best of {args.rounds} rounds")
    print(f"full enrichment      : {full:8.1f} pages/s  {full * chars / len(pages) / 1000:7.1f} k chars/s  "
          f"(aim {AIM} pages/s: {'met' if full >= AIM else 'NOT met'})")
    print(f"  entity model alone : {model:8.1f} pages/s")
    print(f"  everything but the model (people, dates, quantities, terms, keywords): {rest:8.1f} pages/s")
    print(f"first page (loading) : {first:8.2f} s")
    print(f"peak memory (RSS)    : {rss_start:8.0f} MiB before loading, {rss_loaded:.0f} MiB with the model and "
          f"tables loaded and one page enriched; {rss_pages:.0f} MiB with the bench's pages in memory, "
          f"{peak_rss_mib():.0f} MiB after the timed rounds")
    print(f"people found         : {people} ({people / articles:.1f} an article)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
