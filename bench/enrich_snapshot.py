#!/usr/bin/env python3
"""Everything enrichment answers on a fixed set of real text, as one JSON file: to check that a speed change
gives the same answers, write a snapshot before and after and compare the files byte for byte.

    .venv/bin/python bench/enrich_snapshot.py /tmp/before.json    # (then change the code)
    .venv/bin/python bench/enrich_snapshot.py /tmp/after.json && cmp /tmp/before.json /tmp/after.json

The text: the pages of ``bench/enrich.py`` (real pages of the corpus, the bundled pages and the seed) and the
page fixtures of the tests, enriched in full; and every sentence of the NER gold sets at hand (the corpus's
People's Daily dev and MSRA test sets when present, the test fixtures' heads, the held-out news sentences),
through ``ner.recognize_many`` in one call and, for the first 300, ``ner.recognize`` one at a time.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from accuracy import FIXTURES, SHARED  # noqa: E402
from enrich import real_pages  # noqa: E402

from banmian.enrich import enrich_page, ner  # noqa: E402
from banmian.enrich.ner_corpus import read_bio  # noqa: E402
from banmian.model import Page  # noqa: E402

TEST_DATA = ROOT / "tests" / "data"


def gold_sentences(corpus: Path) -> list[str]:
    sets = [corpus / "ner" / "peoples_daily.dev.bio", corpus / "ner" / "msra.test.bio"]
    sets += [TEST_DATA / "enrich" / "peoples_daily.head.bio", TEST_DATA / "enrich" / "msra.head.bio"]
    texts = [s.text for path in sets if path.exists() for s in read_bio(path)]
    held_out = (TEST_DATA / "enrich" / "ner_sentences.jsonl").read_text(encoding="utf-8").splitlines()
    return texts + [json.loads(line)["text"] for line in held_out]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--corpus", type=Path, default=SHARED if SHARED.exists() else FIXTURES)
    args = ap.parse_args(argv)
    pages = real_pages(args.corpus)
    pages += [Page.from_dict(json.loads(p.read_text("utf-8"))) for p in sorted((TEST_DATA / "pages").glob("*.json"))]
    enriched = [enrich_page(page).to_dict() for page in pages]
    sentences = gold_sentences(args.corpus)
    snapshot = {
        "pages": enriched,
        "ner": ner.recognize_many(sentences),
        "ner_one_by_one": [ner.recognize(s) for s in sentences[:300]],
    }
    args.out.write_text(json.dumps(snapshot, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    print(f"{args.out}: {len(pages)} pages, {len(sentences)} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
