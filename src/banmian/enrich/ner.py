"""Named-entity recognition (PER / LOC / ORG) for Chinese news text.

``recognize(text)`` returns ``[(start, end, type)]`` with ``end`` exclusive, offsets into ``text``;
``recognize_many(texts)`` does the same for a list (tagging all their pieces together is faster). Two models
are combined: a linear-chain CRF over characters with the features of ``ner_features`` (trained with
crfsuite by ``train/train_ner.py``; its weights ship as ``models/ner.crf.npz`` and run in numpy,
``ner_crf``), and a small neural tagger that reads the same characters and features (``ner_net``, trained by
``train/train_ner_net.py``, shipped as ``models/ner.net.npz``). Each gives every character a probability
for each BIOES tag; their weighted geometric mean, with a bonus for being in a name, is decoded under the
BIOES constraints. Both load once per process, on first use; numpy is all they need at run time.

Long texts are cut into pieces at sentence ends (and, for run-on text, at commas or a hard limit) before
tagging: the features look only a few characters and words around each character, so nothing is lost,
and memory stays bounded for any input length.
"""

from __future__ import annotations

import itertools
import re
import threading
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController

from .ner_corpus import Span, spans_to_tags, tags_to_spans
from .ner_crf import LinearCRF, viterbi
from .ner_features import FeatureIds, Featurizer, Lexicon, get_featurizer
from .ner_net import TaggerNet
from .ner_rules import apply_rules

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


# Forms of address and titles that follow a name (毛主席, 李大娘, 王小姐): the gold sets never count them in
# the name (People's Daily and MSRA: over 300 names followed by one, none with it inside), the models
# sometimes do.
_ADDRESS_FORMS = (
    "主席", "总理", "书记", "局长", "同志", "先生", "女士", "小姐", "老师", "教授", "博士", "师傅",
    "大娘", "大妈", "大爷", "大伯", "大姐", "大哥", "阿姨", "奶奶", "爷爷", "老汉",
)


def trim_address(text: str, start: int, end: int, kind: str) -> int:
    """The end of a person's name without a form of address the model took into it (李大娘 → 李)."""
    if kind == "PER":
        for form in _ADDRESS_FORMS:
            if end - start > len(form) and text.endswith(form, start, end):
                return end - len(form)
    return end


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


def _closer(opener: str) -> str:
    return next(close for close, op in _PAIRS.items() if op == opener)


# The models are combined per character as a geometric mean of the CRF's marginals (weight CRF_WEIGHT) and
# the nets' probabilities (the rest; several nets, trained alike with other seeds, are first averaged into
# one opinion), and every tag but O gets a bonus (log-domain) before decoding: the models, trained on few
# sentences, under-tag (precision 0.86, recall 0.76 for the CRF alone). The CRF's weight by the number of
# nets: the average of several is steadier than one net and earns more. Chosen on folds 0 and 1 of the
# cross-validation (README, Entity accuracy). The bonus fell from 1.0 to 0.7 with the net of 18 epochs, which
# is surer of the names it finds (folds 0 and 1: 0.5 0.841, 0.7 0.842, 1.0 0.839, 1.3 0.839; folds 2 to 4,
# left aside, 0.8613 -> 0.8617).
CRF_WEIGHT = {1: 0.5, 2: 0.4, 3: 0.4}
NAME_BONUS = 0.7
# People are decoded apart, from a mean leaning on the CRF (weight PEOPLE_CRF_WEIGHT) with no bonus: the
# combination above lets in words as names (永仁 of 永仁心医疗, 陆海新 of 西部陆海新通道), but the net is often
# sure of an unseen name the CRF doubts (包国富, 苗立杰: the CRF 7-11% a name, the net 99%). With the net of 12
# epochs, on People's Daily's folds 0 and 1 the CRF's own decoding gave 0.834 (PER 0.855); weight 0.9 0.836, 0.8
# 0.838, 0.7 0.837, and 0.9 gave folds 2 to 4, left aside for the choice, 0.855 -> 0.857. The net of 18 epochs
# is surer: with it 0.9 takes 永仁 for a person on the seed page, 0.95 does not (pooled 0.854 and 0.853).
PEOPLE_CRF_WEIGHT = 0.95
# Pieces are tagged in batches of similar length (the net steps through a batch's longest piece).
BATCH = 64
NET_FROM = 0.01


# A convolutional net's answer for a character depends only on the characters around it: it is computed
# only near characters the CRF gives some chance of being in a name (P(O) < 1 - NET_FROM), those and
# NEAR characters either side; each window reads the net's receptive field more on both sides.
NEAR = 2
NAME_TAGS = np.array([0.0] + [1.0] * 12)


def net_windows(marginals: np.ndarray, radius: int | None) -> list[tuple[int, int, int, int]]:
    """Where to run a net on a piece: ``(start, end, use_start, use_end)`` windows, whose answers are used
    from ``use_start`` to ``use_end`` (exact there: the window reaches ``radius`` characters further, or the
    piece's edge). ``radius`` None (a recurrent net, which reads the whole piece): one window, the piece."""
    n = len(marginals)
    if radius is None:
        return [(0, n, 0, n)]
    hot = np.flatnonzero(marginals[:, 0] < 1.0 - NET_FROM)
    runs: list[list[int]] = []
    for i in hot.tolist():
        start, end = max(0, i - NEAR), min(n, i + NEAR + 1)
        if runs and start - runs[-1][1] <= 2 * radius:  # windows that would overlap are merged
            runs[-1][1] = end
        else:
            runs.append([start, end])
    return [(max(0, u - radius), min(n, v + radius), u, v) for u, v in runs]


def crf_path_for(model_path: Path) -> Path:
    """The CRF's weights as numpy arrays (``ner.crf.npz``), written from the crfsuite model when shipped."""
    return model_path.with_suffix(".crf.npz")


def net_paths_for(model_path: Path) -> list[Path]:
    """The neural taggers shipped beside the CRF: a BiLSTM (``ner.net.npz``) and convolutional nets
    (``ner.cnn.npz``, and ``ner.cnn2.npz`` … for an ensemble trained with other seeds), those present;
    without any, the CRF decodes alone."""
    names = [".net.npz", ".cnn.npz", *(f".cnn{k}.npz" for k in range(2, 10))]
    return [p for p in (model_path.with_suffix(name) for name in names) if p.exists()]


class Recognizer:
    def __init__(self, model_path: str | Path = MODEL_PATH, featurizer: Featurizer | None = None):
        self.model_path = Path(model_path)
        crf_path = crf_path_for(self.model_path)
        if crf_path.exists():
            self._crf = LinearCRF.load(crf_path)
        elif self.model_path.exists():
            self._crf = LinearCRF.from_crfsuite(self.model_path)  # slow (seconds): experiments only
        else:
            raise FileNotFoundError(f"NER model not found: {self.model_path}")
        self._featurizer = featurizer or get_featurizer()
        self._nets = [TaggerNet(p) for p in net_paths_for(self.model_path)]
        # The features as ids: the CRF's attributes, then the nets' bag features it has no weight for (the
        # features neither model knows are never built).
        self._ids = FeatureIds(self._featurizer, self._crf.attributes, [f for n in self._nets for f in n.vocab.bag])
        self._bag_ids = [net.vocab.bag_ids(self._ids.names) for net in self._nets]
        # The models' matrix products are small: spread over BLAS threads they cost more than on one, and
        # many times more when the other cores are busy (measured: the CNN 7x slower beside a training
        # run). Tagging runs with BLAS on one thread.
        self._blas = ThreadpoolController()
        lexicon_path = lexicon_path_for(self.model_path)
        self._lexicon = (
            Lexicon.load(lexicon_path.read_text(encoding="utf-8")) if lexicon_path.exists() else None
        )

    def tag_pieces(self, pieces: list[str]) -> list[list[str]]:
        """BIOES tags for each piece, the pieces tagged together in batches of similar length."""
        out: list[list[str]] = [[] for _ in pieces]
        order = sorted((i for i, p in enumerate(pieces) if p), key=lambda i: len(pieces[i]))
        with self._blas.limit(limits=1, user_api="blas"):
            self._tag_batches(pieces, order, out)
        return out

    def _tag_batches(self, pieces: list[str], order: list[int], out: list[list[str]]) -> None:
        for at in range(0, len(order), BATCH):
            batch = order[at : at + BATCH]
            texts = [pieces[i] for i in batch]
            ids = self._ids.of(texts, self._lexicon)
            bounds = np.cumsum([0] + [len(t) for t in texts])
            emissions = self._crf.emissions_of_ids(ids, bounds)
            features = [ids[a:b] for a, b in itertools.pairwise(bounds)]
            if not self._nets:
                tags = viterbi(emissions, self._crf.transitions)
            else:
                tags = self._combine(batch, pieces, features, emissions)
            for i, t in zip(batch, tags, strict=True):
                out[i] = t

    def _combine(self, batch, pieces, features, emissions) -> list[list[str]]:
        """Decode from the CRF's marginals and the net's probabilities. The net runs only on pieces where the
        CRF gives some character a chance of being in a name: elsewhere (most pieces of news text) the two
        would agree on no name, and the net's cost is saved."""
        marginals = self._crf.marginals(emissions)
        scores = [np.log(m + 1e-9) for m in marginals]
        unsure = [k for k, m in enumerate(marginals) if 1.0 - m[:, 0].min() >= NET_FROM]
        crf_weight = CRF_WEIGHT.get(len(self._nets), 0.4)
        # the nets' mean probabilities; where a net is not run, it is taken to agree with the CRF
        opinion = {k: np.zeros_like(marginals[k]) for k in unsure}
        for net, bag_ids in zip(self._nets, self._bag_ids, strict=True):
            # (piece, window start, end, first and last+1 character whose answer is used)
            jobs = [(k, *w) for k in unsure for w in net_windows(marginals[k], net.radius)]
            probabilities = net.probabilities(
                [net.vocab.encode_ids(pieces[batch[k]][a:b], bag_ids[features[k][a:b]]) for k, a, b, _, _ in jobs]
            )
            answers = {k: marginals[k].copy() for k in unsure}
            for (k, a, _, u, v), p in zip(jobs, probabilities, strict=True):
                answers[k][u:v] = p[u - a : v - a]
            for k in unsure:
                opinion[k] += answers[k]
        people: dict[int, np.ndarray] = {}
        for k in unsure:
            net_scores = np.log(opinion[k] / len(self._nets) + 1e-9)
            people[k] = PEOPLE_CRF_WEIGHT * scores[k] + (1 - PEOPLE_CRF_WEIGHT) * net_scores
            scores[k] = crf_weight * scores[k] + (1 - crf_weight) * net_scores + NAME_BONUS * NAME_TAGS
        # A piece where every character is most likely O (the CRF sure of it, the net not run) decodes
        # to all O: O may follow O, so no path scores higher. Only the others are decoded, with the people's
        # decoding stepped together.
        tags = [["O"] * len(m) for m in marginals]
        if not unsure:
            return tags
        both = viterbi([scores[k] for k in unsure] + [people[k] for k in unsure])
        for k, combined_tags, people_tags in zip(unsure, both, both[len(unsure) :], strict=False):
            combined = [span for span in tags_to_spans(combined_tags) if span[2] != "PER"]
            taken = bytearray(len(people_tags))
            for start, end, _ in combined:
                taken[start:end] = b"\x01" * (end - start)
            found = [
                span for span in tags_to_spans(people_tags) if span[2] == "PER" and not any(taken[span[0] : span[1]])
            ]
            tags[k] = spans_to_tags(len(people_tags), combined + found)
        return tags

    def tag_piece(self, piece: str) -> list[str]:
        return self.tag_pieces([piece])[0]

    def recognize(self, text: str) -> list[Span]:
        return self.recognize_many([text])[0]

    def recognize_many(self, texts: list[str]) -> list[list[Span]]:
        located: list[tuple[int, int, str]] = []  # (text index, offset, piece)
        for k, text in enumerate(texts):
            if not text or text.isspace():
                continue
            located.extend((k, offset, piece) for offset, piece in split_pieces(text) if not piece.isspace())
        tagged = self.tag_pieces([piece for _, _, piece in located])
        found: list[list[Span]] = [[] for _ in texts]
        for (k, offset, piece), tags in zip(located, tagged, strict=True):
            if tags.count("O") == len(tags):  # no entity: over half the pieces of news text
                continue
            for start, end, kind in tags_to_spans(tags):
                start, end = trim_span(piece, start, end)
                end = trim_address(piece, start, end, kind)
                if start < end:
                    found[k].append((offset + start, offset + end, kind))
        found = [apply_rules(text, spans) for text, spans in zip(texts, found, strict=True)]
        return [propagate_names(text, spans) if spans else spans for text, spans in zip(texts, found, strict=True)]


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
