"""Entity accuracy and speed of the NER model on BIO gold sets.

    python bench/ner_eval.py GOLD.bio [GOLD.bio ...] [--model PATH]

Prints, per file, exact-span precision/recall/F1 per type and micro over PER/LOC/ORG, then the model's
size (the files the recogniser loads: CRF weights, the net beside them if any, the name lexicon), its load
time (a fresh process: jieba's dictionary, gazetteers, weights) and sentences/s.
Exact span means start, end and type all match; an entity cut short or run long counts as one miss and
one false alarm. Score a model only on files it was not trained on.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from banmian.enrich.ner import MODEL_PATH, Recognizer, crf_path_for, lexicon_path_for, net_paths_for
from banmian.enrich.ner_corpus import TYPES, read_bio, score


def load_seconds(model: Path) -> tuple[float, float]:
    """Wall and CPU seconds from a fresh interpreter to the first sentence tagged (the CPU figure is what
    an idle machine's wall time comes close to; on a busy one the wall time waits for a core)."""
    code = (
        "import time; t = time.perf_counter(); c = time.process_time(); from banmian.enrich.ner import Recognizer; "
        f"r = Recognizer({str(model)!r}); r.recognize('市委书记袁家军主持会议'); "
        "print(time.perf_counter() - t, time.process_time() - c)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    wall, cpu = out.stdout.split()
    return float(wall), float(cpu)


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
        cpu = time.process_time()
        predicted = recognizer.recognize_many(texts)
        elapsed = time.perf_counter() - t
        cpu = time.process_time() - cpu
        scores = score([s.spans for s in sentences], predicted)
        chars = sum(len(x) for x in texts)
        print(f"{path.name}: {len(sentences)} sentences, {chars} characters")
        print(f"  {'type':5} {'gold':>6} {'P':>6} {'R':>6} {'F1':>6}")
        for kind in (*TYPES, "ALL"):
            s = scores[kind]
            print(f"  {kind:5} {s.tp + s.fn:6d} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}")
        print(
            f"  speed (one core): {len(texts) / elapsed:.0f} sentences/s, {chars / elapsed:.0f} characters/s wall; "
            f"{len(texts) / cpu:.0f} sentences/s by CPU time"
        )
    wall, cpu = min(load_seconds(args.model) for _ in range(3))
    files = [p for p in (crf_path_for(args.model), *net_paths_for(args.model), lexicon_path_for(args.model)) if p.exists()]
    size = sum(p.stat().st_size for p in files) / 1e6
    print(
        f"model: {', '.join(p.name for p in files)}: {size:.1f} MB; load {wall:.2f} s wall, {cpu:.2f} s CPU (best of 3)"
    )


if __name__ == "__main__":
    main()
