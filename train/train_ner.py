"""Train the NER model (a character CRF) and evaluate it on held-out gold sets.

Reproducible: fixed data order, deterministic L-BFGS. The corpus is read from a path given on the command
line (the project does not need it at run time):

    # the shipped model: every gold set available
    python train/train_ner.py CORPUS/ner --train pd msra cluener-per --out src/banmian/enrich/models/ner.crfsuite
    # the evaluation protocol (disjoint training and test data)
    python train/train_ner.py CORPUS/ner --train msra cluener-per --test pd --out /tmp/ner-msra.crfsuite
    python train/train_ner.py CORPUS/ner --train pd cluener-per --test msra --out /tmp/ner-pd.crfsuite
    python train/train_ner.py CORPUS/ner --train pd msra cluener-per --folds 5 --out /tmp/ner-kfold.crfsuite

Sets: ``pd`` (peoples_daily.dev.bio), ``msra`` (msra.test.bio), ``cluener-per`` (CLUENER train+dev
sentences naming people and no place or organisation, their names as PER), ``cluener-all`` (every CLUENER
sentence, its types mapped by ``CLUENER_AS``).
``--self-train FILE...`` adds sentences of unlabelled in-domain text (JSON Lines with a ``text`` field,
or CSV with a ``content`` column), tagged by a first model, to train a second one.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
import pycrfsuite

from banmian.enrich.ner import Recognizer, crf_path_for, lexicon_path_for, split_pieces
from banmian.enrich.ner_corpus import (
    Sentence,
    format_scores,
    held_out,
    read_bio,
    read_cluener,
    read_cluener_people,
    score,
    spans_to_tags,
)
from banmian.enrich.ner_crf import LinearCRF
from banmian.enrich.ner_features import Lexicon, get_featurizer

# CLUENER's types as People's Daily's, for ``cluener-all`` (with ``--domains`` only: its conventions differ,
# whole addresses, teams, products' makers; its own copy of each feature takes the difference)
CLUENER_AS = {
    "name": "PER", "address": "LOC", "scene": "LOC", "government": "ORG", "organization": "ORG", "company": "ORG"
}


def load_set(corpus: Path, name: str) -> list[Sentence]:
    if name == "pd":
        return read_bio(corpus / "peoples_daily.dev.bio")
    if name == "msra":
        return read_bio(corpus / "msra.test.bio")
    if name == "cluener-per":
        return read_cluener_people(corpus / "cluener.train.json") + read_cluener_people(
            corpus / "cluener.dev.json"
        )
    if name == "cluener-all":
        return [
            Sentence(s.text, [(a, b, CLUENER_AS[k]) for a, b, k in s.spans if k in CLUENER_AS])
            for path in ("cluener.train.json", "cluener.dev.json")
            for s in read_cluener(corpus / path)
        ]
    raise SystemExit(f"unknown set {name!r}")


def substituted(sentence: Sentence, names: dict[str, list[str]], rng: random.Random) -> Sentence:
    """A copy of ``sentence`` with each entity replaced by a random name of the same type.

    Mention replacement: the model sees the same contexts with other names in them, so it learns from
    context and name shape rather than memorising the names of a small training set."""
    text, spans, last = [], [], 0
    for start, end, kind in sorted(sentence.spans):
        text.append(sentence.text[last:start])
        pos = sum(len(x) for x in text)
        name = rng.choice(names[kind]) if names.get(kind) else sentence.text[start:end]
        text.append(name)
        spans.append((pos, pos + len(name), kind))
        last = end
    text.append(sentence.text[last:])
    return Sentence("".join(text), spans)


# Domain adaptation by feature augmentation (Daumé III, "Frustratingly easy domain adaptation", 2007):
# the gold sets annotate differently (People's Daily and MSRA split nested organisations and abbreviations
# their own ways), so each feature is given twice, once shared by all sets and once for the sentence's own
# set. The shared weights learn what the sets agree on, each set's copy its own conventions; the shipped
# model adds the shared and the People's Daily weights into one table, so the recogniser runs unchanged.
DOMAIN_MARK = "~"
SHIPPED_DOMAIN = "pd"


def augmented(features: list[list[str]], domain: str) -> list[list[str]]:
    prefix = domain + DOMAIN_MARK
    return [f + [prefix + x for x in f] for f in features]


def fold_domain(crf: LinearCRF, domain: str) -> LinearCRF:
    """The weights a sentence of ``domain`` sees, as one plain table: shared + that set's copy, per feature."""
    prefix = domain + DOMAIN_MARK
    rows: dict[str, np.ndarray] = {}
    for attribute, k in crf.attributes.items():
        own = attribute.startswith(prefix)
        name = attribute[len(prefix) :] if own else attribute
        if not own and DOMAIN_MARK in attribute.split("=", 1)[0]:
            continue  # another set's copy
        rows[name] = rows.get(name, 0) + crf.state[k]
    names = sorted(rows)
    return LinearCRF(names, np.array([rows[n] for n in names]), crf.transitions)


def train(
    sentences: list[Sentence],
    out: Path,
    c1: float,
    c2: float,
    iterations: int,
    lexicon_parts: int = 5,
    augment: int = 0,
    heavy: frozenset[int] = frozenset(),
    weight: int = 1,
    domains: dict[int, str] | None = None,
) -> None:
    """Train a CRF on ``sentences`` into ``out`` (and its name lexicon beside it, unless ``lexicon_parts``
    is 0). The lexicon features of the sentences in each of ``lexicon_parts`` parts come from the names
    in the other parts, so that a lexicon hit in training is as informative as one on unseen text.
    With ``domains`` (sentence id → its gold set), each feature is also given once per set
    (``augmented``) and the exported weights are those of People's Daily (``fold_domain``)."""
    featurizer = get_featurizer()
    trainer = pycrfsuite.Trainer(verbose=False)
    t = time.time()
    lexicons = [
        Lexicon.from_spans(s for i, s in enumerate(sentences) if i % lexicon_parts != part)
        for part in range(lexicon_parts)
    ]
    parts = max(lexicon_parts, 1)
    # Names for mention replacement come from the sentence's own part, so a replacement name is no more
    # likely to be in that part's lexicon than the name it replaces.
    part_names: list[dict[str, list[str]]] = [{} for _ in range(parts)]
    for i, s in enumerate(sentences):
        for start, end, kind in s.spans:
            part_names[i % parts].setdefault(kind, []).append(s.text[start:end])
    rng = random.Random(7)
    for i, s in enumerate(sentences):
        lexicon = lexicons[i % lexicon_parts] if lexicon_parts else None
        copies = weight if id(s) in heavy else 1  # in-domain sentences may count more than once
        versions = [s] * copies + [substituted(s, part_names[i % parts], rng) for _ in range(augment if s.spans else 0)]
        for version in versions:
            for offset, piece in split_pieces(version.text):
                spans = [
                    (a - offset, b - offset, k) for a, b, k in version.spans if offset <= a and b <= offset + len(piece)
                ]
                features = featurizer.features(piece, lexicon)
                if domains is not None:
                    features = augmented(features, domains[id(s)])
                trainer.append(features, spans_to_tags(len(piece), spans))
    lexicon_path = lexicon_path_for(out)
    if lexicon_parts:
        lexicon_path.write_text(Lexicon.from_spans(sentences).dump() + "\n", encoding="utf-8")
    elif lexicon_path.exists():
        lexicon_path.unlink()
    print(f"  features for {len(sentences)} sentences in {time.time() - t:.0f}s", file=sys.stderr)
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True}
    )
    t = time.time()
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    # the weights as numpy arrays, which the recogniser loads (crfsuite is needed only here)
    crf = LinearCRF.from_crfsuite(out)
    if domains is not None:
        crf = fold_domain(crf, SHIPPED_DOMAIN)
    crf.save(crf_path_for(out))
    print(f"  trained in {time.time() - t:.0f}s → {out} ({out.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)


def evaluate(model: Path, sentences: list[Sentence]) -> str:
    recognizer = Recognizer(model)
    predicted = recognizer.recognize_many([s.text for s in sentences])
    return format_scores(score([s.spans for s in sentences], predicted))


def unlabelled_sentences(paths: list[Path]) -> list[str]:
    texts: list[str] = []
    for path in paths:
        if path.suffix == ".csv":
            with open(path, encoding="utf-8", newline="") as handle:
                texts.extend(row.get("content", "") for row in csv.DictReader(handle))
        else:
            with open(path, encoding="utf-8") as handle:
                texts.extend(json.loads(line).get("text", "") for line in handle if line.strip())
    out = []
    for text in texts:
        for line in text.splitlines():
            line = line.strip().strip("\u3000")
            if len(line) >= 8:
                out.extend(p for _, p in split_pieces(line) if len(p.strip()) >= 8)
    return out


def machine_tagged(model: Path, paths: list[Path]) -> list[Sentence]:
    """Sentences of unlabelled text tagged by ``model``: self-training material for a second model."""
    texts = unlabelled_sentences(paths)
    recognizer = Recognizer(model)
    auto = [Sentence(t, spans) for t, spans in zip(texts, recognizer.recognize_many(texts), strict=True)]
    print(f"self-training on {len(auto)} machine-tagged sentences", file=sys.stderr)
    return auto


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="folder with the NER gold sets")
    ap.add_argument("--train", nargs="+", default=["pd", "msra", "cluener-per"])
    ap.add_argument("--test", nargs="*", default=[])
    ap.add_argument("--folds", type=int, default=0, help="k-fold cross-validation over --fold-set")
    ap.add_argument("--fold-set", default="pd", help="the set split into folds; the other sets always train")
    ap.add_argument("--one-fold", action="store_true", help="run only the first fold (quick experiments)")
    ap.add_argument("--only-fold", type=int, default=None, help="run only this fold")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--weight", type=int, default=1, help="times each sentence of --fold-set counts")
    ap.add_argument("--augment", type=int, default=0, help="copies of each sentence with its names replaced")
    ap.add_argument("--lexicon-parts", type=int, default=5, help="0: no name-lexicon features")
    ap.add_argument("--self-train", nargs="*", type=Path, default=[])
    ap.add_argument("--domains", action="store_true", help="feature augmentation per gold set (see augmented)")
    args = ap.parse_args()

    sets = {name: load_set(args.corpus, name) for name in args.train}
    domains = {id(s): name.split("-")[0] for name in args.train for s in sets[name]} if args.domains else None
    data = [s for name in args.train for s in sets[name]]
    print(f"training sets {args.train}: {len(data)} sentences", file=sys.stderr)
    if args.folds:
        gold = sets[args.fold_set] if args.fold_set in sets else load_set(args.corpus, args.fold_set)
        extra = [s for name in args.train if name != args.fold_set for s in sets[name]]
        for fold in range(args.folds):
            if args.only_fold is not None and fold != args.only_fold:
                continue
            held = held_out(len(gold), args.folds, fold)
            fold_train = [s for i, s in enumerate(gold) if i not in held] + extra
            fold_test = [s for i, s in enumerate(gold) if i in held]
            path = args.out.with_suffix(f".fold{fold}.crfsuite")
            heavy = frozenset(id(s) for i, s in enumerate(gold) if i not in held)
            train(
                fold_train, path, args.c1, args.c2, args.iterations, args.lexicon_parts, args.augment, heavy, args.weight,
                domains,
            )
            if args.self_train:
                print(f"fold {fold} (first model): {evaluate(path, fold_test)}", flush=True)
                auto = machine_tagged(path, args.self_train)
                train(fold_train + auto, path, args.c1, args.c2, args.iterations, args.lexicon_parts, args.augment)
            print(f"fold {fold}: {evaluate(path, fold_test)}", flush=True)
            if args.one_fold:
                break
        return
    heavy = frozenset(id(s) for s in sets.get(args.fold_set, []))
    train(
        data, args.out, args.c1, args.c2, args.iterations, args.lexicon_parts, args.augment, heavy, args.weight, domains
    )
    if args.self_train:
        auto = machine_tagged(args.out, args.self_train)
        for name in args.test:
            print(f"test {name} (first model): {evaluate(args.out, load_set(args.corpus, name))}")
        train(data + auto, args.out, args.c1, args.c2, args.iterations, args.lexicon_parts, args.augment)
    for name in args.test:
        print(f"test {name}: {evaluate(args.out, load_set(args.corpus, name))}", flush=True)


if __name__ == "__main__":
    main()
