#!/usr/bin/env python3
"""The archive at scale: ingest speed, database size and search latency, in one run.

    .venv/bin/python bench/search.py                      # >= 100,000 articles, SQLite, ~5 minutes here
    .venv/bin/python bench/search.py --articles 20000     # quicker
    .venv/bin/python bench/search.py --prefix-experiment  # also: 1-character queries with and without FTS5's prefix index

Articles: the real corpus (人民日报 2017 e-paper copy and 新民晚报, ../shared/corpus, else the copies in
tests/data/corpus), printed back into page dumps by ``banmian.evaluate.compose`` in all three dump styles,
in varied copies until the target is reached: copy k gets its own date (so its own page keys), every
article's paragraphs rotated by k and one left out. The dumps are written to a temporary folder and ingested
with ``banmian.store.ingest`` — read, parse, tokenise, write: the whole pipeline, without enrichment.

Queries, 200 of each kind, drawn from the indexed text: 1-character (characters drawn by frequency, so 的
and 国 come up often — the worst case), 2- and 4-character words (jieba's segmentation of the corpus; a
word is picked uniformly among distinct words), and phrases (6–10 characters cut at random from paragraphs,
crossing word boundaries). Each is timed through ``Store.search`` as the web page calls it (20 results with
snippets, the total and all six facets) and as the CLI calls it (no facets).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from banmian.evaluate import STYLES, compose_group, load_rmrb, load_xinmin, page_groups  # noqa: E402
from banmian.store import SearchQuery, open_store  # noqa: E402
from banmian.store.bigrams import HAN_CLASS, article_columns  # noqa: E402
from banmian.store.ingest import IngestOptions, ingest  # noqa: E402

CORPORA = (ROOT.parent / "shared" / "corpus", ROOT / "tests" / "data" / "corpus")
HAN_RUN = re.compile(f"[{HAN_CLASS}]+")


def load_articles() -> list:
    for corpus in CORPORA:
        rmrb = [p for p in (corpus / "rmrb2017" / "articles-dev.jsonl", corpus / "rmrb2017-sample.jsonl") if p.exists()]
        xinmin = [p for p in (corpus / "xinmin" / "XinMin.csv", corpus / "xinmin-sample.csv") if p.exists()]
        if rmrb and xinmin:
            print(f"corpus: {rmrb[0]} + {xinmin[0]}")
            return load_rmrb(rmrb[0]) + load_xinmin(xinmin[0])
    sys.exit("bench/search.py: no corpus found (../shared/corpus or tests/data/corpus)")


def varied(article, k: int, date: str):
    """Copy k of an article: its own date, paragraphs rotated by k, one paragraph left out."""
    paras = [b for b in article.body if b.kind == "p"]
    if len(paras) > 1:
        shift = k % len(paras)
        paras = paras[shift:] + paras[:shift]
        if len(paras) > 2:
            del paras[k % len(paras)]
    rest = iter(paras)
    body = [b if b.kind != "p" else next(rest, None) for b in article.body]
    return dataclasses.replace(article, body=[b for b in body if b is not None], date=date)


def write_pages(articles: list, target: int, folder: Path) -> tuple[int, int]:
    groups = page_groups(articles)
    days = sorted({a.date for a in articles})  # each real issue date gets its own date in every copy
    base = dt.date(2000, 1, 1)
    pages = n_articles = k = 0
    while n_articles < target:
        for group in groups:
            date = (base + dt.timedelta(days=k * len(days) + days.index(group[0].date))).isoformat()
            copy = [varied(a, k, date) for a in group]
            page = compose_group(copy, STYLES[k % len(STYLES)], seed=k)
            g = page.gold
            name = f"{g['paper']}-{date.replace('-', '')}-p{g['page']:02d}.txt"
            (folder / name).write_text(page.text, encoding="utf-8")
            pages += 1
            n_articles += len(g["articles"])
        k += 1
    return pages, n_articles


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def draw_queries(store, n: int, rng: random.Random) -> dict[str, list[str]]:
    import jieba

    jieba.setLogLevel(60)
    texts: list[str] = []
    for i, art in enumerate(store.iter_articles()):
        if i % 50 == 0:  # a sample of the archive is plenty to draw words from
            texts.append("\n".join([art["headline"], *art["paragraphs"]]))
    chars = [c for t in texts for run in HAN_RUN.findall(t) for c in run]
    words: dict[int, set[str]] = {2: set(), 4: set()}
    for t in texts[:400]:
        for w in jieba.cut(t):
            if len(w) in words and HAN_RUN.fullmatch(w):
                words[len(w)].add(w)
    runs = [r for t in texts for r in HAN_RUN.findall(t) if len(r) >= 10]
    phrases = []
    for _ in range(n):
        run = rng.choice(runs)
        size = rng.randint(6, 10)
        start = rng.randrange(len(run) - size + 1)
        phrases.append(run[start : start + size])
    return {
        "1-char": [rng.choice(chars) for _ in range(n)],
        "2-char word": rng.sample(sorted(words[2]), min(n, len(words[2]))),
        "4-char word": rng.sample(sorted(words[4]), min(n, len(words[4]))),
        "phrase 6-10": phrases,
    }


def time_queries(store, queries: dict[str, list[str]], facets: bool) -> dict[str, tuple[float, float, float]]:
    out = {}
    for kind, qs in queries.items():
        times, totals = [], []
        store.search(SearchQuery(q=qs[0], facets=facets))  # warm the page cache once
        for q in qs:
            t = time.perf_counter()
            r = store.search(SearchQuery(q=q, facets=facets))
            times.append((time.perf_counter() - t) * 1000)
            totals.append(r.total)
        out[kind] = (pct(times, 50), pct(times, 95), statistics.median(totals))
    return out


def prefix_experiment(db: str, queries: list[str]) -> None:
    """The same tokens in an FTS5 table without the one-character prefix index, swapped in under the
    store's table name: index size, and 1-character searches through Store.search, with and without."""
    from banmian.store.records import stored_article
    from banmian.store.sql import ARTICLE_COLUMNS

    con = sqlite3.connect(db, isolation_level=None)
    con.row_factory = sqlite3.Row
    con.execute("CREATE VIRTUAL TABLE bench_noprefix USING fts5(head, sub, body, content='',"
                " tokenize='unicode61 remove_diacritics 0')")
    con.execute("INSERT INTO bench_noprefix(bench_noprefix, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)')")
    con.execute("BEGIN")
    for row in con.execute(f"SELECT id, {', '.join(ARTICLE_COLUMNS)} FROM articles").fetchall():
        con.execute("INSERT INTO bench_noprefix(rowid, head, sub, body) VALUES (?, ?, ?, ?)",
                    (row["id"], *article_columns(stored_article(dict(row)))))
    con.execute("COMMIT")
    sizes = {t: con.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE ?", (t + "%",)).fetchone()[0]
             for t in ("articles_fts", "bench_noprefix")}
    print("\n1-character queries through Store.search, FTS5 index with and without prefix='1' (same tokens)")
    for label, table in (("with prefix='1'", "articles_fts"), ("without", "bench_noprefix")):
        if table != "articles_fts":
            con.execute("ALTER TABLE articles_fts RENAME TO bench_withprefix")
            con.execute(f"ALTER TABLE {table} RENAME TO articles_fts")
        store = open_store(db)
        timed = time_queries(store, {"1-char": queries}, facets=True)["1-char"]
        store.close()
        if table != "articles_fts":
            con.execute(f"ALTER TABLE articles_fts RENAME TO {table}")
            con.execute("ALTER TABLE bench_withprefix RENAME TO articles_fts")
        print(f"  {label:<16} p50 {timed[0]:6.1f} ms  p95 {timed[1]:6.1f} ms   index {sizes[table] / 1e6:6.1f} MB")
    con.execute("DROP TABLE bench_noprefix")
    con.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000, help="at least this many articles (default 100,000)")
    ap.add_argument("--queries", type=int, default=200, help="queries of each kind (default 200)")
    ap.add_argument("--workers", type=int, default=1, help="ingest worker processes (default 1)")
    ap.add_argument("--db", help="archive to build (default: a temporary SQLite file); postgresql://… works too")
    ap.add_argument("--prefix-experiment", action="store_true")
    args = ap.parse_args()

    rng = random.Random(7)
    articles = load_articles()
    tmp = Path(tempfile.mkdtemp(prefix="banmian-bench-"))
    try:
        pages_dir = tmp / "pages"
        pages_dir.mkdir()
        t = time.perf_counter()
        n_pages, n_articles = write_pages(articles, args.articles, pages_dir)
        print(f"{len(articles)} real articles → {n_pages:,} page dumps holding {n_articles:,} articles"
              f" (composed in {time.perf_counter() - t:.0f} s)")
        db = args.db or str(tmp / "bench.db")
        store = open_store(db)
        t = time.perf_counter()
        report = ingest([str(pages_dir)], store, IngestOptions(workers=args.workers, enrich=False))
        elapsed = time.perf_counter() - t
        stats = store.stats()
        print(f"ingest ({args.workers} worker{'s' if args.workers > 1 else ''}, no enrichment): {report.pages:,} pages,"
              f" {stats['articles']:,} articles in {elapsed:.0f} s = {report.pages / elapsed:,.0f} pages/s,"
              f" {stats['articles'] / elapsed:,.0f} articles/s; failed {len(report.failed)}")
        text_bytes = sum(len("\n".join([a["headline"], *a["paragraphs"]]).encode()) for a in store.iter_articles())
        size = store.size_bytes()
        print(f"database: {size / 1e6:,.0f} MB for {text_bytes / 1e6:,.0f} MB of article text (UTF-8)"
              f" = {size / text_bytes:.2f}× the text, everything included")
        queries = draw_queries(store, args.queries, rng)
        t = time.perf_counter()
        store.search(SearchQuery(q=queries["2-char word"][0]))
        print(f"first search after ingest (web path; SQLite builds its facet arrays here): "
              f"{(time.perf_counter() - t) * 1000:,.0f} ms")
        for facets in (True, False):
            label = "web: 20 results + snippets + total + 6 facets" if facets else "CLI: 20 results + snippets + total"
            print(f"\nsearch latency, {label} ({stats['articles']:,} articles)")
            print(f"  {'query kind':<14}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}{'median hits':>13}")
            for kind, (p50, p95, hits) in time_queries(store, queries, facets).items():
                print(f"  {kind:<14}{len(queries[kind]):>5}{p50:>9.1f}{p95:>9.1f}{hits:>13,.0f}")
        store.close()
        if args.prefix_experiment and not db.startswith("postgres"):
            prefix_experiment(db, queries["1-char"])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
