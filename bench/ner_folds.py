"""Entity accuracy by cross-validation over People's Daily dev: each fold scored by the models trained
without it, pooled over the folds.

    python bench/ner_folds.py CORPUS/ner/peoples_daily.dev.bio /tmp/k.crfsuite [--folds 5]

For fold K it loads ``/tmp/k.foldK.crfsuite`` (with what ``train/train_ner.py --folds`` writes beside it)
and any net trained for the same fold beside it (``k.foldK.net.npz`` / ``k.foldK.cnn.npz``, from
``train/train_ner_net.py --folds``), and scores the sentences that fold held out (``ner_corpus.held_out``,
the split both trainers use). Prints per fold and pooled exact-span precision/recall/F1 per type.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from banmian.enrich.ner import Recognizer, net_paths_for
from banmian.enrich.ner_corpus import TYPES, Score, held_out, read_bio, score


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("model", type=Path, help="the --out given to the trainers")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--only", type=int, nargs="*", default=None, help="score only these folds (experiments)")
    args = ap.parse_args()

    sentences = read_bio(args.gold)
    pooled = {kind: Score() for kind in (*TYPES, "ALL")}
    chosen = range(args.folds) if args.only is None else args.only
    for fold in chosen:
        path = args.model.with_suffix(f".fold{fold}.crfsuite")
        held = held_out(len(sentences), args.folds, fold)
        test = [s for i, s in enumerate(sentences) if i in held]
        scores = score([s.spans for s in test], Recognizer(path).recognize_many([s.text for s in test]))
        nets = ", ".join(p.name for p in net_paths_for(path)) or "no net"
        print(f"fold {fold} ({len(test)} sentences; {nets}): " + "  ".join(f"{k} {v.f1:.3f}" for k, v in scores.items()))
        for kind, s in scores.items():
            pooled[kind].tp += s.tp
            pooled[kind].fp += s.fp
            pooled[kind].fn += s.fn
    print(f"pooled over folds {', '.join(map(str, chosen))}:")
    for kind in (*TYPES, "ALL"):
        s = pooled[kind]
        print(f"  {kind:5} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}")


if __name__ == "__main__":
    main()
