"""Entity accuracy and speed of the NER model on BIO gold sets.

    python bench/ner_eval.py GOLD.bio [GOLD.bio ...] [--model PATH]

Prints, per file, exact-span precision/recall/F1 per type and micro over PER/LOC/ORG, then the model's
size, its load time (a fresh process: jieba's dictionary, gazetteers, CRF weights) and sentences/s.
Exact span means start, end and type all match; an entity cut short or run long counts as one miss and
one false alarm. Score a model only on files it was not trained on.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from banmian.enrich.ner import MODEL_PATH, Recognizer
from banmian.enrich.ner_corpus import TYPES, read_bio, score


def load_seconds(model: Path) -> float:
    code = (
        "import time; t = time.perf_counter(); from banmian.enrich.ner import Recognizer; "
        f"r = Recognizer({str(model)!r}); r.recognize('市委书记袁家军主持会议'); print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--model", type=Path, default=MODEL_PATH)
    args = ap.parse_args()

    recognizer = Recognizer(args.model)
    recognizer.recognize("预热")
    for path in args.gold:
        sentences = read_bio(path)
        texts = [s.text for s in sentences]
        t = time.perf_counter()
        predicted = recognizer.recognize_many(texts)
        elapsed = time.perf_counter() - t
        scores = score([s.spans for s in sentences], predicted)
        chars = sum(len(x) for x in texts)
        print(f"{path.name}: {len(sentences)} sentences, {chars} characters")
        print(f"  {'type':5} {'gold':>6} {'P':>6} {'R':>6} {'F1':>6}")
        for kind in (*TYPES, "ALL"):
            s = scores[kind]
            print(f"  {kind:5} {s.tp + s.fn:6d} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}")
        print(f"  speed: {len(texts) / elapsed:.0f} sentences/s, {chars / elapsed:.0f} characters/s (one core)")
    print(f"model: {args.model} ({args.model.stat().st_size / 1e6:.1f} MB), load {load_seconds(args.model):.2f} s")


if __name__ == "__main__":
    main()
