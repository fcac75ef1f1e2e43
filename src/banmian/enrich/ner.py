"""Named-entity recognition (PER / LOC / ORG) for Chinese news text.

``recognize(text)`` returns ``[(start, end, type)]`` with ``end`` exclusive, offsets into ``text``;
``recognize_many(texts)`` does the same for a list. The model is a linear-chain CRF over characters
(python-crfsuite) with the features of ``ner_features``; its weights ship in ``models/ner.crfsuite``
(trained by ``train/train_ner.py``) and load once per process, on first use.

Long texts are cut into pieces at sentence ends (and, for run-on text, at commas or a hard limit) before
tagging: the features look only a few characters and words around each character, so nothing is lost,
and memory stays bounded for any input length.
"""

from __future__ import annotations

import re
import struct
import threading
from pathlib import Path

from .ner_corpus import Span, tags_to_spans
from .ner_features import Featurizer, Lexicon, Vocabulary, get_featurizer

TYPES = ("PER", "LOC", "ORG")
MODEL_PATH = Path(__file__).parent / "models" / "ner.crfsuite"


def lexicon_path_for(model_path: Path) -> Path:
    """The names of the model's training data, shipped beside its weights (``ner.lexicon.tsv``)."""
    return model_path.with_suffix(".lexicon.tsv")


# A piece longer than this is cut further at commas, then hard; 250 characters is several news sentences.
MAX_PIECE = 250
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;\n])")
_CLAUSE_END = re.compile(r"(?<=[，、：,:])")


def split_pieces(text: str, limit: int = MAX_PIECE) -> list[tuple[int, str]]:
    """Cut ``text`` into ``(offset, piece)`` pieces of at most ``limit`` characters, at natural breaks."""
    pieces: list[tuple[int, str]] = []
    offset = 0
    for sentence in _SENTENCE_END.split(text):
        if len(sentence) <= limit:
            if sentence:
                pieces.append((offset, sentence))
            offset += len(sentence)
            continue
        # Run-on text: pack clauses into pieces up to the limit; a clause over the limit is cut hard.
        current, start = "", offset
        for clause in _CLAUSE_END.split(sentence):
            while len(clause) > limit:
                if current:
                    pieces.append((start, current))
                    start += len(current)
                    current = ""
                pieces.append((start, clause[:limit]))
                start += limit
                clause = clause[limit:]
            if len(current) + len(clause) > limit:
                pieces.append((start, current))
                start += len(current)
                current = ""
            current += clause
        if current:
            pieces.append((start, current))
        offset += len(sentence)
    return pieces


# Punctuation and spaces a name does not begin or end with (a closing 》 is kept when its 《 is inside).
_EDGE = set("，。、；：？！“”‘’（）()《》〈〉【】「」『』—…·,.;:?!\"' \u3000\t\r\n")
_PAIRS = {"》": "《", "）": "（", ")": "(", "〉": "〈", "』": "『", "」": "「", "”": "“"}


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop stray punctuation at the edges of a tagged span (天津日报》 → 天津日报)."""
    while start < end and text[start] in _EDGE and text[start] not in _PAIRS.values():
        start += 1
    while start < end and text[end - 1] in _EDGE:
        opener = _PAIRS.get(text[end - 1])
        if opener and opener in text[start : end - 1]:
            break
        end -= 1
    while start < end and text[start] in _PAIRS.values() and _closer(text[start]) not in text[start + 1 : end]:
        start += 1
    return start, end


def propagate_names(text: str, spans: list[Span]) -> list[Span]:
    """Tag the other occurrences of a name the model tagged once in the same text, where they overlap
    no other entity: a name's context varies, and the model misses some of its mentions (巴基斯坦 tagged
    once of twice). Names of one character (中, 美) are left alone: they are words as often as names.
    Measured on held-out gold sentences: +0.2 to +0.3 F1, precision unchanged."""
    names: dict[str, str] = {}
    for start, end, kind in spans:
        if end - start >= 2:
            names.setdefault(text[start:end], kind)
    if not names:
        return spans
    out = list(spans)
    covered = bytearray(len(text))
    for start, end, _ in spans:
        covered[start:end] = b"\x01" * (end - start)
    for name, kind in sorted(names.items(), key=lambda item: -len(item[0])):
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if not any(covered[at:end]):
                out.append((at, end, kind))
                covered[at:end] = b"\x01" * (end - at)
            at = text.find(name, end)
    return sorted(out)


def model_attributes(model_path: Path) -> list[str] | None:
    """The attribute (feature) names of a crfsuite model, read from its file: the model's header gives
    where its attribute table (a CQDB chunk) starts, and that table's backward array gives each name's
    record. About ten times faster than ``Tagger.info()``, which dumps the whole model as text and parses
    it. None when the file is not laid out as expected (the caller then asks ``Tagger.info()``)."""
    try:
        data = model_path.read_bytes()
        magic, _, _, _, _, _, count, _, _, attrs_at = struct.unpack_from("<4sI4sIIIIIII", data, 0)
        if magic != b"lCRF":
            return None
        chunk_id, _, _, _, names, backward_at = struct.unpack_from("<4sIIIII", data, attrs_at)
        if chunk_id != b"CQDB" or names != count:
            return None
        out = []
        for at in struct.unpack_from(f"<{names}I", data, attrs_at + backward_at):
            _, size = struct.unpack_from("<II", data, attrs_at + at)
            start = attrs_at + at + 8
            out.append(data[start : start + size - 1].decode("utf-8"))  # the key is stored with its NUL
        return out
    except (OSError, struct.error, UnicodeDecodeError):
        return None


def _closer(opener: str) -> str:
    return next(close for close, op in _PAIRS.items() if op == opener)


class Recognizer:
    def __init__(self, model_path: str | Path = MODEL_PATH, featurizer: Featurizer | None = None):
        import pycrfsuite

        self.model_path = Path(model_path)
        if not self.model_path.exists():
            raise FileNotFoundError(f"NER model not found: {self.model_path}")
        self._featurizer = featurizer or get_featurizer()
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.model_path))
        # Only the features the model has weights for are built and passed to it (it ignores the others).
        self._vocabulary = Vocabulary(model_attributes(self.model_path) or self._tagger.info().attributes)
        lexicon_path = lexicon_path_for(self.model_path)
        self._lexicon = (
            Lexicon.load(lexicon_path.read_text(encoding="utf-8")) if lexicon_path.exists() else None
        )
        # pycrfsuite's Tagger keeps the current sequence inside it: one caller at a time.
        self._lock = threading.Lock()

    def tag_piece(self, piece: str) -> list[str]:
        features = self._featurizer.features(piece, self._lexicon, self._vocabulary)
        with self._lock:
            return self._tagger.tag(features)

    def recognize(self, text: str) -> list[Span]:
        spans: list[Span] = []
        if not text or text.isspace():
            return spans
        for offset, piece in split_pieces(text):
            if piece.isspace():
                continue
            tags = self.tag_piece(piece)
            if tags.count("O") == len(tags):  # no entity (counted in C): over half the pieces of news text
                continue
            for start, end, kind in tags_to_spans(tags):
                start, end = trim_span(piece, start, end)
                if start < end:
                    spans.append((offset + start, offset + end, kind))
        return propagate_names(text, spans)

    def recognize_many(self, texts: list[str]) -> list[list[Span]]:
        return [self.recognize(t) for t in texts]


_lock = threading.Lock()
_default: Recognizer | None = None


def default_recognizer() -> Recognizer:
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Recognizer()
    return _default


def recognize(text: str) -> list[Span]:
    return default_recognizer().recognize(text)


def recognize_many(texts: list[str]) -> list[list[Span]]:
    return default_recognizer().recognize_many(texts)
