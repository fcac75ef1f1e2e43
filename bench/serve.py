"""How fast `banmian serve` answers: latency of the API and of the rendered pages, over real HTTP.

Builds an archive from the bundled sample pages, copied onto consecutive dates until it holds --pages pages
(or uses --db), starts the real server as a subprocess on a free port, and times sequential requests from
one client (keep-alive), then the same mix from several client threads at once.

    .venv/bin/python bench/serve.py [--pages 600] [--requests 200] [--db archive.db] [--threads 4]

Prints one line per endpoint: p50 / p95 in milliseconds and requests per second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path

import httpx

from banmian.readers import meta_from_name
from banmian.store import open_store
from banmian.store.ingest import IngestOptions, ingest

WORDS = ["重庆", "记者", "发展", "新质生产力", "人民", "会议", "教育基地", "李克强"]


def build_archive(db: Path, pages: int, folder: Path) -> float:
    """Bundled pages copied onto consecutive dates; returns ingest seconds."""
    samples = [(meta_from_name(p.name), p.read_text(encoding="utf-8"))
               for p in sorted((resources.files("banmian") / "data" / "pages").iterdir())
               if p.name.endswith(".txt")]
    day = dt.date(2017, 1, 1)
    written = 0
    while written < pages:
        for (paper, _, page_no), text in samples:
            if written >= pages:
                break
            (folder / f"{paper}-{day:%Y%m%d}-p{page_no:02d}.txt").write_text(text, encoding="utf-8")
            written += 1
        day += dt.timedelta(days=1)
    store = open_store(str(db))
    start = time.perf_counter()
    try:
        report = ingest([str(folder)], store, IngestOptions(enrich=False))
    finally:
        store.close()
    if report.failed:
        sys.exit(f"ingest failed: {report.failed[:3]}")
    return time.perf_counter() - start


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    exe = Path(sys.executable).parent / "banmian"
    proc = subprocess.Popen([str(exe), "serve", "--db", str(db), "--port", "0"], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        m = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
        if m:
            return proc, m.group(1)
    sys.exit("the server did not start")


def targets(client: httpx.Client, rng: random.Random) -> dict[str, list[str]]:
    stats = client.get("/api/search", params={"q": "", "limit": 100}).json()
    article_ids = [r["id"] for r in stats["results"]]
    page_ids = sorted({r["page_id"] for r in stats["results"] if r.get("page_id")})
    papers = client.get("/api/papers").json()
    issue = papers[0]
    return {
        "GET /api/search (word)": [f"/api/search?q={rng.choice(WORDS)}" for _ in range(50)],
        "GET /api/search (word + day)": [f"/api/search?q={rng.choice(WORDS)}&from={issue['last']}&to={issue['last']}"
                                         for _ in range(50)],
        "GET /search (HTML, facets)": [f"/search?q={rng.choice(WORDS)}" for _ in range(50)],
        "GET /api/articles/{id}": [f"/api/articles/{rng.choice(article_ids)}" for _ in range(50)],
        "GET /articles/{id} (HTML, marked)": [f"/articles/{rng.choice(article_ids)}?q={rng.choice(WORDS)}"
                                              for _ in range(50)],
        "GET /pages/{id} (HTML)": [f"/pages/{rng.choice(page_ids)}" for _ in range(50)],
        "GET / (home, calendars)": ["/"] * 10,
    }


def timed(client: httpx.Client, path: str) -> float:
    start = time.perf_counter()
    resp = client.get(path)
    elapsed = time.perf_counter() - start
    if resp.status_code != 200:
        sys.exit(f"{path}: {resp.status_code} {resp.text[:200]}")
    return elapsed * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=600, help="pages in the built archive (default 600)")
    ap.add_argument("--requests", type=int, default=200, help="timed requests per endpoint (default 200)")
    ap.add_argument("--threads", type=int, default=4, help="client threads for the concurrent run")
    ap.add_argument("--db", help="serve this archive instead of building one")
    args = ap.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "serve-bench.db"
        if not args.db:
            folder = Path(tmp) / "pages"
            folder.mkdir()
            seconds = build_archive(db, args.pages, folder)
            print(f"built archive: {args.pages} pages in {seconds:.1f} s ({args.pages / seconds:.0f} pages/s)")
        store = open_store(str(db), readonly=True)
        print(f"archive: {store.stats()}, {store.size_bytes() / 1e6:.1f} MB")
        store.close()
        proc, url = start_server(db)
        try:
            with httpx.Client(base_url=url, timeout=30) as client:
                plan = targets(client, rng)
                print(f"{'endpoint':36} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7}   (one client, sequential)")
                for name, paths in plan.items():
                    for path in paths[:5]:  # warm up
                        timed(client, path)
                    times = [timed(client, rng.choice(paths)) for _ in range(args.requests)]
                    q = statistics.quantiles(times, n=20)
                    print(f"{name:36} {statistics.median(times):8.2f} {q[18]:8.2f} {1000 / statistics.mean(times):7.0f}")
                mixed = [p for paths in plan.values() for p in paths]
                total = args.requests * len(plan)
                clients = [httpx.Client(base_url=url, timeout=30) for _ in range(args.threads)]
                start = time.perf_counter()
                with ThreadPoolExecutor(args.threads) as pool:
                    times = list(pool.map(lambda i: timed(clients[i % args.threads], mixed[i % len(mixed)]),
                                          range(total)))
                wall = time.perf_counter() - start
                for c in clients:
                    c.close()
                q = statistics.quantiles(times, n=20)
                print(f"{'mixed, ' + str(args.threads) + ' client threads':36} {statistics.median(times):8.2f} "
                      f"{q[18]:8.2f} {total / wall:7.0f}")
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
