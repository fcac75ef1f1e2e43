#!/usr/bin/env python3
"""Write composed pages (dump text + gold page JSON) to a folder, to look at and to parse.

    .venv/bin/python bench/compose.py --out test-output/composed            # the dev split
    .venv/bin/python bench/compose.py --out /tmp/pages --style wrapped --variants 2

    .venv/bin/python bench/compose.py --bundle       # (re)make the sample pages shipped for `make demo`

Each page gives ``NAME.txt`` (the dump), ``NAME.gold.json`` (its gold parse) and ``NAME.artefacts.json``
(per gold article, the artefacts it was printed with). Only the dev split is written unless ``--heldout`` is
given: the held-out pages are for ``bench/accuracy.py``, not for tuning the parser.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from accuracy import BUNDLED_GOLD, BUNDLED_PAGES, FIXTURES, SHARED, SPLIT_SEEDS, load_articles  # noqa: E402

from banmian.evaluate import STYLES, compose_group, compose_pages  # noqa: E402

# The sample pages shipped in the package (dev-split pages only), each in one of the three dump styles.
BUNDLE = (("人民日报", "2017-03-25", 3, "lines"), ("人民日报", "2017-03-25", 10, "wrapped"),
          ("人民日报", "2017-03-25", 6, "epaper"), ("人民日报", "2017-03-25", 9, "lines"),
          ("新民晚报", "2022-04-01", 8, "lines"))


def write_bundle(articles: list) -> None:
    for paper, date, page_no, style in BUNDLE:
        group = sorted((a for a in articles if (a.paper, a.date, a.page) == (paper, date, page_no)),
                       key=lambda a: a.order)
        page = compose_group(group, style, seed="bundle")
        name = f"{paper}-{date.replace('-', '')}-p{page_no:02d}"
        (BUNDLED_PAGES / f"{name}.txt").write_text(page.text, encoding="utf-8")
        (BUNDLED_GOLD / f"{name}.gold.json").write_text(
            json.dumps(page.gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{name}: {style}, {len(group)} articles")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "test-output" / "composed")
    ap.add_argument("--corpus", type=Path, default=SHARED if SHARED.exists() else FIXTURES)
    ap.add_argument("--style", choices=STYLES, action="append", help="only these styles (default: all)")
    ap.add_argument("--variants", type=int, default=1)
    ap.add_argument("--heldout", action="store_true", help="write the held-out split instead of dev")
    ap.add_argument("--bundle", action="store_true", help="remake the bundled sample pages and their gold")
    args = ap.parse_args(argv)
    if args.bundle:
        BUNDLED_GOLD.mkdir(parents=True, exist_ok=True)
        write_bundle(load_articles(args.corpus))
        return 0

    split = "heldout" if args.heldout else "dev"
    pages = compose_pages(load_articles(args.corpus), seed=SPLIT_SEEDS[split], variants=args.variants,
                          split=split, styles=tuple(args.style or STYLES))
    args.out.mkdir(parents=True, exist_ok=True)
    for page in pages:
        (args.out / f"{page.name}.txt").write_text(page.text, encoding="utf-8")
        (args.out / f"{page.name}.gold.json").write_text(
            json.dumps(page.gold, ensure_ascii=False, indent=1), encoding="utf-8")
        (args.out / f"{page.name}.artefacts.json").write_text(
            json.dumps(page.artefacts, ensure_ascii=False), encoding="utf-8")
    print(f"{len(pages)} {split} pages written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
