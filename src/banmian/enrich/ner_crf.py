"""The CRF's weights in numpy: emission scores, marginals and constrained Viterbi over a batch of pieces.

``train/train_ner.py`` trains the CRF with crfsuite; ``LinearCRF.from_crfsuite`` reads its weights (one
row of per-tag weights per attribute, and the tag-to-tag transition weights), and ``save`` writes them as
``.crf.npz`` beside the model, which loads in milliseconds. Here they give what crfsuite's tagger does not:
each character's tag marginals, computed for every piece of a page at once, which the recogniser averages
with the BiLSTM's probabilities (``ner_net``) before decoding.
"""

from __future__ import annotations

from itertools import chain, pairwise, repeat
from pathlib import Path

import numpy as np

from .ner_net import LABELS

_INDEX = {label: k for k, label in enumerate(LABELS)}
NEG = -1e9


def _allowed_transitions() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """BIOES: inside a name only I/E of its type follow B/I; a piece starts with O/B/S and ends with O/E/S."""
    size = len(LABELS)
    allowed = np.zeros((size, size), bool)
    for i, a in enumerate(LABELS):
        pa, _, ta = a.partition("-")
        for j, b in enumerate(LABELS):
            pb, _, tb = b.partition("-")
            allowed[i, j] = (pb in "IE" and tb == ta) if pa in "BI" else pb in "OBS"
    starts = np.array([label[0] in "OBS" for label in LABELS])
    ends = np.array([label[0] in "OES" for label in LABELS])
    return allowed, starts, ends


ALLOWED, STARTS, ENDS = _allowed_transitions()


class LinearCRF:
    def __init__(self, attributes: list[str], state: np.ndarray, transitions: np.ndarray):
        self.attributes = {a: k for k, a in enumerate(attributes)}
        self.state = state.astype(np.float64)  # (attributes, tags), columns in LABELS order
        self.transitions = transitions.astype(np.float64)  # (from tag, to tag)
        self._exp_transitions = np.exp(self.transitions)
        # the weights with a row of zeros at the end (see ``emissions``)
        self._table = np.vstack((self.state, np.zeros((1, len(LABELS)))))

    @classmethod
    def from_crfsuite(cls, path: str | Path) -> LinearCRF:
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        info = tagger.info()
        attributes = sorted({a for a, _ in info.state_features})
        index = {a: k for k, a in enumerate(attributes)}
        state = np.zeros((len(attributes), len(LABELS)), np.float32)
        for (attribute, label), weight in info.state_features.items():
            state[index[attribute], _INDEX[label]] = weight
        transitions = np.zeros((len(LABELS), len(LABELS)), np.float32)
        for (a, b), weight in info.transitions.items():
            transitions[_INDEX[a], _INDEX[b]] = weight
        return cls(attributes, state, transitions)

    def save(self, path: str | Path) -> None:
        with open(path, "wb") as handle:
            np.savez_compressed(
                handle,
                attributes=np.array("\n".join(self.attributes)),
                state=self.state.astype(np.float32),
                transitions=self.transitions.astype(np.float32),
            )

    @classmethod
    def load(cls, path: str | Path) -> LinearCRF:
        with np.load(path, allow_pickle=False) as data:
            return cls(str(data["attributes"]).split("\n"), data["state"], data["transitions"])

    def emissions(self, pieces: list[list[list[str]]]) -> list[np.ndarray]:
        """Each character's score for each tag, for each piece: the sum of its attributes' weights (unknown
        ones add nothing). The feature strings of all pieces are looked up in one pass (map in C)."""
        flat = list(chain.from_iterable(chain.from_iterable(pieces)))
        zero = len(self.state)  # the index of the table's row of zeros
        ids = np.fromiter(map(self.attributes.get, flat, repeat(zero)), np.int64, len(flat))
        counts = [len(fs) for features in pieces for fs in features]
        starts = np.zeros(len(counts), np.int64)
        np.cumsum(counts[:-1], out=starts[1:])
        # every character has at least its bias feature "b", so no segment is empty
        sums = np.add.reduceat(self._table[ids], starts, axis=0)
        out = []
        at = 0
        for features in pieces:
            out.append(sums[at : at + len(features)])
            at += len(features)
        return out

    def emissions_of_ids(self, ids: np.ndarray, bounds: np.ndarray) -> list[np.ndarray]:
        """``emissions`` from ``ner_features.FeatureIds``: a row of feature ids per character (ids past the
        model's attributes add nothing), the pieces' characters one after another, piece ``k`` from
        ``bounds[k]`` to ``bounds[k + 1]``. The weights are added in the ids' order, as ``emissions`` adds
        them in the strings' order: the sums are the same to the last bit."""
        zero = len(self.state)
        rows = np.minimum(ids, zero)
        # Added slot by slot, in order; a slot's zeros (features no model knows) are left out: x + 0.0 is x,
        # so the sums do not change. Most slots past the character window are empty for most characters.
        sums = self._table[rows[:, 0]]
        for column in rows.T[1:]:
            filled = column != zero
            count = int(filled.sum())
            if count * 2 > len(column):
                sums += self._table[column]
            elif count:
                sums[filled] += self._table[column[filled]]
        return [sums[a:b] for a, b in pairwise(bounds.tolist())]

    def marginals(self, emissions: list[np.ndarray]) -> list[np.ndarray]:
        """P(tag | piece) for every character of every piece (forward-backward, scaled, one batch)."""
        if not emissions:
            return []
        lengths = np.array([len(e) for e in emissions])
        batch, steps, size = len(emissions), int(lengths.max()), len(LABELS)
        # potentials exp(score - max) per character: a constant per character cancels in the marginals
        pot = np.ones((batch, steps, size))
        for r, e in enumerate(emissions):
            pot[r, : len(e)] = np.exp(e - e.max(axis=1, keepdims=True))
        trans = self._exp_transitions
        alpha = np.empty((batch, steps, size))
        beta = np.ones((batch, steps, size))
        a = pot[:, 0]
        alpha[:, 0] = a = a / a.sum(axis=1, keepdims=True)
        for t in range(1, steps):
            a = (a @ trans) * pot[:, t]
            a /= a.sum(axis=1, keepdims=True)
            alpha[:, t] = a
        # backward from each row's own last character: over the rows reversed (``backward[r, s]`` is
        # character ``lengths[r] - 1 - s``), so every row steps through the same column
        reversed_pot = np.ones((batch, steps, size))
        for r, n in enumerate(lengths.tolist()):
            reversed_pot[r, :n] = pot[r, n - 1 :: -1]
        backward = np.ones((batch, steps, size))
        b = backward[:, 0]
        for t in range(1, steps):
            b = (reversed_pot[:, t - 1] * b) @ trans.T
            b /= b.sum(axis=1, keepdims=True)
            backward[:, t] = b
        for r, n in enumerate(lengths.tolist()):
            beta[r, :n] = backward[r, n - 1 :: -1]
        joint = alpha * beta
        joint /= joint.sum(axis=2, keepdims=True)
        return [joint[r, : lengths[r]] for r in range(batch)]


def viterbi(
    scores: list[np.ndarray], transitions: np.ndarray | list[np.ndarray | None] | None = None
) -> list[list[str]]:
    """The best BIOES-valid tag sequence of each piece under per-character tag scores (log-domain) and
    ``transitions`` (none: only the BIOES constraints; a list: each piece its own), all pieces stepped
    together: sorted longest first, so the pieces still running at a step are a prefix of the batch."""
    if not scores:
        return []
    order = sorted(range(len(scores)), key=lambda r: -len(scores[r]))
    lengths = [len(scores[r]) for r in order]
    batch, steps, size = len(scores), lengths[0], len(LABELS)
    padded = np.zeros((batch, steps, size))
    for row, r in enumerate(order):
        padded[row, : lengths[row]] = scores[r]
    if isinstance(transitions, list):
        trans = np.stack([np.where(ALLOWED, 0.0 if transitions[r] is None else transitions[r], NEG) for r in order])
    else:
        trans = np.where(ALLOWED, 0.0 if transitions is None else transitions, NEG)[None]
    ends = np.where(ENDS, 0.0, NEG)
    best = np.where(STARTS, padded[:, 0], NEG)
    back = np.zeros((batch, steps, size), np.int64)
    last = np.zeros(batch, np.int64)  # each row's best last tag
    live = batch
    for t in range(1, steps + 1):
        running = live
        while running and lengths[running - 1] <= t:
            running -= 1
        if running < live:  # rows whose last character was at t - 1
            last[running:live] = (best[running:live] + ends).argmax(axis=1)
            live = running
        if not live:
            break
        candidates = best[:live, :, None] + trans[:live] if len(trans) > 1 else best[:live, :, None] + trans[0]
        back[:live, t] = candidates.argmax(axis=1)
        best = candidates.max(axis=1) + padded[:live, t]  # the value at the argmax
    path = np.zeros((batch, steps), np.int64)
    current = last.copy()
    rows = np.arange(batch)
    live = 0
    for t in range(steps - 1, -1, -1):
        while live < batch and lengths[live] > t:  # rows whose last character is at t join
            live += 1
        path[:live, t] = current[:live]
        if t:
            current[:live] = back[rows[:live], t, current[:live]]
    out: list[list[str]] = [[] for _ in scores]
    for row, r in enumerate(order):
        out[r] = [LABELS[k] for k in path[row, : lengths[row]].tolist()]
    return out
