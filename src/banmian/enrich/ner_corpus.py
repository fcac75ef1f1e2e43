"""NER gold sets and scoring: read BIO files and CLUENER JSON, turn tags into spans, exact-span F1.

Used by the training script, ``bench/ner_eval.py`` and the tests; the recogniser itself only needs
``tags_to_spans``.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

TYPES = ("PER", "LOC", "ORG")

Span = tuple[int, int, str]
_CLUENER_PLACES_AND_ORGS = {"address", "government", "organization", "company", "scene"}


@dataclass
class Sentence:
    text: str
    spans: list[Span]


def tags_to_spans(tags: Iterable[str]) -> list[Span]:
    """BIO or BIOES tags → spans. An ``I``/``E`` that does not continue a span of its type opens one
    (the conlleval reading), so no tagged character is dropped."""
    spans: list[Span] = []
    start, kind = -1, None
    n = 0
    for i, tag in enumerate(tags):
        n = i + 1
        prefix, _, t = tag.partition("-")
        if prefix in ("B", "S") or prefix == "O" or t != kind or start < 0:
            if start >= 0:
                spans.append((start, i, kind))
            start, kind = (i, t) if prefix != "O" else (-1, None)
        if prefix in ("E", "S") and start >= 0:
            spans.append((start, i + 1, kind))
            start, kind = -1, None
    if start >= 0:
        spans.append((start, n, kind))
    return spans


def spans_to_tags(length: int, spans: Iterable[Span], scheme: str = "BIOES") -> list[str]:
    tags = ["O"] * length
    for start, end, kind in spans:
        if scheme == "BIOES" and end - start == 1:
            tags[start] = f"S-{kind}"
            continue
        tags[start] = f"B-{kind}"
        for i in range(start + 1, end):
            tags[i] = f"I-{kind}"
        if scheme == "BIOES":
            tags[end - 1] = f"E-{kind}"
    return tags


def read_bio(path: str | Path) -> list[Sentence]:
    """``char tag`` per line (space or tab), blank line between sentences."""
    sentences: list[Sentence] = []
    chars: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if chars:
            sentences.append(Sentence("".join(chars), tags_to_spans(tags)))
        chars.clear()
        tags.clear()

    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                continue
            parts = line.split("\t") if "\t" in line else line.split(" ")
            if len(parts) < 2 or len(parts[0]) != 1:
                continue  # a stray line; the characters of real sentences are never blank
            chars.append(parts[0])
            tags.append(parts[-1].strip())
    flush()
    return sentences


def cluener_records(path: str | Path) -> Iterator[dict]:
    """CLUENER's JSON objects (``text`` and ``label``: type → name → [[first, last]]), one after another."""
    text = Path(path).read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    pos = 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            break
        obj, pos = decoder.raw_decode(text, pos)
        yield obj


def _cluener_spans(labels: dict, kinds: Iterable[str], rename: str | None = None) -> list[Span]:
    return sorted(
        {(s, e + 1, rename or kind) for kind in kinds for ranges in labels.get(kind, {}).values() for s, e in ranges}
    )


def read_cluener_people(path: str | Path) -> list[Sentence]:
    """CLUENER sentences that name people and no place or organisation, with ``name`` labels as PER.

    Its place and organisation labels do not map onto People's Daily's LOC/ORG (whole addresses, sports
    teams), so sentences holding any of them are left out rather than taught as "not an entity".
    """
    out: list[Sentence] = []
    for obj in cluener_records(path):
        labels = obj.get("label", {})
        if not labels.get("name") or _CLUENER_PLACES_AND_ORGS & labels.keys():
            continue
        out.append(Sentence(obj["text"], _cluener_spans(labels, ["name"], "PER")))
    return out


def read_cluener(path: str | Path) -> list[Sentence]:
    """Every CLUENER sentence with its own types (name, company, address … ten in all)."""
    return [Sentence(obj["text"], _cluener_spans(obj.get("label", {}), obj.get("label", {}))) for obj in cluener_records(path)]


def held_out(count: int, folds: int, fold: int) -> set[int]:
    """The indices of the sentences that fold ``fold`` of ``folds`` holds out: a fixed shuffle (seed 13),
    every ``folds``-th sentence of it. The CRF's and the net's trainers and ``bench/ner_folds.py`` agree."""
    order = list(range(count))
    random.Random(13).shuffle(order)
    return {i for k, i in enumerate(order) if k % folds == fold}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: Iterable[list[Span]], predicted: Iterable[list[Span]]) -> dict[str, Score]:
    """Exact-span scores per type and ``"ALL"`` (micro over PER/LOC/ORG)."""
    scores = {t: Score() for t in (*TYPES, "ALL")}
    for g, p in zip(gold, predicted, strict=True):
        gs, ps = set(g), set(p)
        for kind in TYPES:
            gk = {s for s in gs if s[2] == kind}
            pk = {s for s in ps if s[2] == kind}
            tp = len(gk & pk)
            for key in (kind, "ALL"):
                scores[key].tp += tp
                scores[key].fp += len(pk) - tp
                scores[key].fn += len(gk) - tp
    return scores


def format_scores(scores: dict[str, Score]) -> str:
    return "  ".join(
        f"{k} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}" for k, s in scores.items()
    )
