#!/usr/bin/env python3
"""Parser accuracy on composed pages it has never seen, per dump style, for the dev and held-out splits.

Pages are composed from real articles (see ``banmian.evaluate.compose``): those printed together on one
人民日报 page (2017) and 新民晚报 articles of one day (2022). The held-out split (2017-04-22, 2022-04-03, its own
seed) is never written out for the parser's developer. Also scores the seed page against its gold parse.

    .venv/bin/python bench/accuracy.py                 # both splits, 3 variants of each page and style
    .venv/bin/python bench/accuracy.py --failures 5    # plus failure kinds per artefact, with examples
    .venv/bin/python bench/accuracy.py --json out.json

The corpus defaults to the shared corpus when present, else the small copy in tests/data/corpus.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from banmian import parse_text  # noqa: E402
from banmian.evaluate import STYLES, aggregate, compose_pages, load_rmrb, load_xinmin, score_page  # noqa: E402
from banmian.evaluate.score import METRICS  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
FIXTURES = ROOT / "tests" / "data" / "corpus"
SEED_TEXT = ROOT / "tests" / "data" / "seed" / "000_e4fee7fd16952364.txt"
SEED_GOLD = ROOT / "tests" / "data" / "seed" / "000_e4fee7fd16952364.gold.json"
BUNDLED_PAGES = ROOT / "src" / "banmian" / "data" / "pages"
BUNDLED_GOLD = ROOT / "tests" / "data" / "pages"
SPLIT_SEEDS = {"dev": "dev-1", "heldout": "heldout-2"}
TARGETS = {"article_f1": 0.95, "title_block": 0.95, "paragraph_f1": 0.95, "names_f1": 0.90, "lost": 0.0}


def load_articles(corpus: Path) -> list:
    rmrb = next(p for p in (corpus / "rmrb2017" / "articles-dev.jsonl", corpus / "rmrb2017-sample.jsonl")
                if p.exists())
    xinmin = next(p for p in (corpus / "xinmin" / "XinMin.csv", corpus / "xinmin-sample.csv") if p.exists())
    return load_rmrb(rmrb) + load_xinmin(xinmin)


def parse_page(page) -> dict:
    g = page.gold
    return parse_text(page.text, paper=g["paper"], date=g["date"], page=g["page"]).to_dict()


def fmt_row(label: str, agg: dict) -> str:
    cells = " ".join(f"{agg[m]:>8.3f}" for m in METRICS)
    return f"{label:<22}{agg['pages']:>6}{agg['articles']:>6} {cells}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED if SHARED.exists() else FIXTURES)
    ap.add_argument("--variants", type=int, default=3, help="draws of artefacts per page and style")
    ap.add_argument("--split", choices=("dev", "heldout", "both"), default="both")
    ap.add_argument("--failures", type=int, default=0, metavar="N",
                    help="print failure counts per artefact and N examples of each failure kind")
    ap.add_argument("--json", type=Path, help="write the figures as JSON here")
    ap.add_argument("--crosscheck", type=int, default=0, metavar="N",
                    help="run the shared reference scorer on N pages and compare its figures with ours")
    args = ap.parse_args(argv)

    articles = load_articles(args.corpus)
    splits = ("dev", "heldout") if args.split == "both" else (args.split,)
    report: dict = {"corpus": str(args.corpus), "variants": args.variants, "splits": {}}
    header = f"{'split/style':<22}{'pages':>6}{'arts':>6} " + " ".join(f"{m[:8]:>8}" for m in METRICS)
    print(header)
    per_tag: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    for split in splits:
        pages = compose_pages(articles, seed=SPLIT_SEEDS[split], variants=args.variants, split=split)
        if not pages:  # the fixtures in tests/data/corpus hold dev dates only
            print(f"{split}: no pages in {args.corpus}")
            continue
        by_style: dict[str, list] = defaultdict(list)
        by_paper: dict[str, list] = defaultdict(list)
        for page in pages:
            s = score_page(page.gold, parse_page(page))
            by_style[page.style].append(s)
            by_paper[page.gold["paper"]].append(s)
            for gold_article, tags, result in zip(page.gold["articles"], page.artefacts, s["per_article"],
                                                  strict=True):
                kinds = failure_kinds(result)
                for tag in tags + [page.style]:
                    per_tag[tag]["articles"] += 1
                    for k in kinds:
                        per_tag[tag][k] += 1
                for k in kinds:
                    if len(examples[k]) < args.failures:
                        examples[k].append(f"{page.name} | {gold_article['headline']} | {','.join(tags[1:])}"
                                           f" | {describe(result)}")
        report["splits"][split] = {}
        for style in STYLES:
            agg = aggregate(by_style[style])
            report["splits"][split][style] = agg
            print(fmt_row(f"{split}/{style}", agg))
        overall = aggregate([s for style in STYLES for s in by_style[style]])
        report["splits"][split]["overall"] = overall
        print(fmt_row(f"{split}/ALL", overall))
        for paper in sorted(by_paper):
            agg = aggregate(by_paper[paper])
            report["splits"][split][paper] = agg
            print(fmt_row(f"  {split}/{paper}", agg))
        # The metrics' own ceiling: the gold page scored as if it were the parse. A unit of one character (a
        # part number such as 一) is placed in the first article whose text holds it, so some gold articles
        # cannot be recovered even by a perfect parse.
        ceiling = {key: aggregate([score_page(p.gold, p.gold) for p in pages if key in (p.style, p.gold["paper"])])
                   for key in (*STYLES, *sorted(by_paper))}
        report["splits"][split]["ceiling"] = ceiling
        print(f"  {split} ceiling (gold scored as the parse), article F1 / paragraph F1: "
              + ", ".join(f"{k} {v['article_f1']:.3f}/{v['paragraph_f1']:.3f}" for k, v in ceiling.items()))

    bundled = []
    for gold_path in sorted(BUNDLED_GOLD.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (BUNDLED_PAGES / gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        pred = parse_text(text, paper=gold["paper"], date=gold["date"], page=gold["page"]).to_dict()
        bundled.append(score_page(gold, pred))
    if bundled:
        report["bundled"] = aggregate(bundled)
        print(fmt_row("bundled samples (dev)", report["bundled"]))

    seed_text = SEED_TEXT.read_text(encoding="utf-8")
    seed_gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    seed_pred = parse_text(seed_text, paper=seed_gold["paper"], date=seed_gold["date"],
                           page=seed_gold["page"]).to_dict()
    seed_agg = aggregate([score_page(seed_gold, seed_pred)])
    report["seed"] = seed_agg
    print(fmt_row("seed", seed_agg))
    print("targets: " + ", ".join(f"{k} {'≤' if k == 'lost' else '≥'} {v}" for k, v in TARGETS.items()))

    if args.failures:
        print("\nfailure kinds per artefact (gold articles, both splits):")
        kinds = ("merged", "split", "text_lost", "headline", "title_block", "paragraphs", "names")
        print(f"{'artefact':<20}{'arts':>6} " + " ".join(f"{k[:11]:>11}" for k in kinds))
        for tag, c in sorted(per_tag.items(), key=lambda kv: -kv[1]["articles"]):
            print(f"{tag:<20}{c['articles']:>6} " + " ".join(f"{c[k]:>11}" for k in kinds))
        for k, lines in examples.items():
            print(f"\n{k}:")
            for line in lines:
                print("  " + line)
        report["per_artefact"] = {t: dict(c) for t, c in per_tag.items()}
    if args.crosscheck:
        crosscheck(articles, args.crosscheck)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def crosscheck(articles: list, n: int) -> None:
    """Our scorer against the reference tool, run as a program on the same gold and predictions: the
    parser's own output, and damaged copies of the gold (articles merged, paragraphs joined, names lost)."""
    import random
    import subprocess
    import tempfile

    tool = ROOT.parent / "shared" / "tools" / "score_page.py"
    if not tool.exists():
        print(f"\ncrosscheck: {tool} not found, skipped")
        return
    rng = random.Random(5)
    pages = compose_pages(articles, seed=SPLIT_SEEDS["dev"], split="dev")
    rng.shuffle(pages)
    agree = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages[:n]:
            for label, pred in (("parser", parse_page(page)), ("damaged", damage(page.gold, rng))):
                gp, pp = Path(tmp) / "gold.json", Path(tmp) / "pred.json"
                gp.write_text(json.dumps(page.gold, ensure_ascii=False), encoding="utf-8")
                pp.write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
                out = subprocess.run([sys.executable, str(tool), str(gp), str(pp)], capture_output=True,
                                     text=True, check=True)
                theirs, ours = json.loads(out.stdout), score_page(page.gold, pred)
                diff = {m: (round(ours[m], 4), round(theirs[m], 4)) for m in METRICS
                        if abs(ours[m] - theirs[m]) > 1e-9}
                total += 1
                agree += not diff
                if diff:
                    print(f"  crosscheck differs on {page.name} ({label}): {diff}")
    print(f"\ncrosscheck with the reference scorer: {agree}/{total} page scores identical")


def damage(gold: dict, rng) -> dict:
    pred = json.loads(json.dumps(gold))
    arts = pred["articles"]
    if len(arts) > 2 and rng.random() < 0.5:  # two articles run together
        i = rng.randrange(len(arts) - 1)
        arts[i]["paragraphs"] += [arts[i + 1]["headline"]] + arts[i + 1]["paragraphs"]
        del arts[i + 1]
    for a in arts:
        if len(a["paragraphs"]) > 2 and rng.random() < 0.5:
            a["paragraphs"][0:2] = ["".join(a["paragraphs"][0:2])]
        if a["bylines"] and rng.random() < 0.5:
            a["bylines"] = a["bylines"][1:]
        if a["kicker"] and rng.random() < 0.5:
            a["headline"], a["kicker"] = a["kicker"] + " " + a["headline"], None
    return pred


def failure_kinds(result: dict) -> list[str]:
    if not result["recovered"]:
        if result["lost_units"]:
            return ["text_lost"]
        return ["merged" if result["merged"] else "split"]
    kinds = []
    if not result["headline"]:
        kinds.append("headline")
    if not result["title_block"]:
        kinds.append("title_block")
    if not result["boundaries_ok"]:
        kinds.append("paragraphs")
    if not result["names_ok"]:
        kinds.append("names")
    return kinds


def describe(result: dict) -> str:
    if not result["recovered"]:
        if result["lost_units"]:
            return f"text in no article: {result['lost_units'][0][:30]!r} (+{len(result['lost_units']) - 1} more)"
        how = "shares a parsed article with another gold article" if result["merged"] else "split"
        return f"{how}; its text is in {result['pieces']} parsed article(s)"
    bits = [f"parsed kicker/headline/subheadlines {result['pred_title']}"]
    if result["names_missed"] or result["names_extra"]:
        bits.append(f"names missed {result['names_missed']} extra {result['names_extra']}")
    return "; ".join(bits)


if __name__ == "__main__":
    sys.exit(main())
