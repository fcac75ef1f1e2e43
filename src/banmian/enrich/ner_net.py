"""The second entity model: a small bidirectional LSTM over characters, run in numpy.

It reads each character, the character bigrams on either side of it, and the categorical features the CRF
builds anyway (jieba's word position and tag, dictionary and lexicon matches, character roles, surname and
suffix cues, organisation chains), and gives each character a probability for each BIOES tag. The recogniser
averages these with the CRF's marginals: the two models err differently (the LSTM sees the whole piece, the
CRF a window of weights), so the average is right more often than either.

Trained by ``train/train_ner_net.py`` with PyTorch; the weights ship as ``models/ner.net.npz`` and run
here in numpy, so PyTorch is not needed at run time.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

# The tags the net predicts, in the order of its output units.
LABELS = ("O",) + tuple(f"{p}-{t}" for t in ("PER", "LOC", "ORG") for p in "BIES")
# Feature families of the CRF's feature lists the net reads as a bag of categorical inputs. Only families
# the recogniser always builds (never thinned by the CRF's vocabulary), so training and run time agree.
BAG_FAMILIES = ("k=", "wp=", "wpt=", "gP=", "gL=", "gO=", "xPER=", "xLOC=", "xORG=", "rP=", "rL=", "rO=", "oc=")
BAG_SINGLES = frozenset(("sur", "sur-1", "psuf", "BOS", "EOS"))
UNKNOWN = 1  # id 0 pads; 1 is any character or bigram not in the vocabulary


def bag_features(features: list[str]) -> list[str]:
    return [f for f in features if f in BAG_SINGLES or f.startswith(BAG_FAMILIES)]


class Vocab:
    """The net's input vocabularies: characters, bigrams, bag features."""

    def __init__(self, chars: list[str], bigrams: list[str], bag: list[str]):
        self.chars = {c: i + 2 for i, c in enumerate(chars)}
        self.bigrams = {b: i + 2 for i, b in enumerate(bigrams)}
        self.bag = {f: i + 1 for i, f in enumerate(bag)}  # 0: padding of a character's bag

    def dump(self) -> str:
        return json.dumps(
            {"chars": list(self.chars), "bigrams": list(self.bigrams), "bag": list(self.bag)}, ensure_ascii=False
        )

    @classmethod
    def load(cls, text: str) -> Vocab:
        data = json.loads(text)
        return cls(data["chars"], data["bigrams"], data["bag"])

    def encode(self, text: str, features: list[list[str]]) -> tuple[list[int], list[int], list[list[int]]]:
        """Character ids, bigram ids (bigram i spans characters i-1 and i; n+1 of them, padded with ^ and
        $) and each character's bag-feature ids."""
        chars = [self.chars.get(c, UNKNOWN) for c in text]
        padded = "^" + text + "$"
        get = self.bigrams.get
        bigrams = [get(padded[i : i + 2], UNKNOWN) for i in range(len(padded) - 1)]
        bag_ids = self.bag
        get = bag_ids.get  # only bag features are in it: no need to pick them out first
        bags = [[i for i in map(get, fs) if i is not None] for fs in features]
        return chars, bigrams, bags


    def bag_ids(self, names: list[str]) -> np.ndarray:
        """For each feature id of ``ner_features.FeatureIds`` (``names``, then one id for features it does not
        know), its id in the bag vocabulary, 0 if it is not a bag feature."""
        return np.array([self.bag.get(name, 0) for name in names] + [0], np.int64)

    def encode_ids(self, text: str, bags: np.ndarray) -> tuple[list[int], list[int], np.ndarray]:
        """``encode`` with the bag features given as a row of bag ids per character (0: none), in the order
        ``encode`` would list them: the ids are moved to the front of each row, in order (the net's sum over a
        bag is then the same to the last bit)."""
        chars = [self.chars.get(c, UNKNOWN) for c in text]
        padded = "^" + text + "$"
        get = self.bigrams.get
        bigrams = [get(padded[i : i + 2], UNKNOWN) for i in range(len(padded) - 1)]
        empty = bags == 0
        bags = np.take_along_axis(bags, np.argsort(empty, axis=1, kind="stable"), axis=1)
        width = int((~empty).sum(axis=1).max(initial=0))
        return chars, bigrams, bags[:, :width]


def _bag_width(bags) -> int:
    """The most bag features of a character of a piece (its bags as lists, or as a padded array)."""
    if isinstance(bags, np.ndarray):
        return bags.shape[1]
    return max(map(len, bags), default=0)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


def _softmax(logits: np.ndarray) -> np.ndarray:
    logits = logits - logits.max(axis=-1, keepdims=True)
    probs = np.exp(logits)
    return probs / probs.sum(axis=-1, keepdims=True)


class TaggerNet:
    """The net's weights and a numpy forward pass over a batch of pieces."""

    def __init__(self, path: str | Path):
        with np.load(path, allow_pickle=False) as data:
            self.w = {k: data[k].astype(np.float32) for k in data.files if k != "vocab"}
            self.vocab = Vocab.load(str(data["vocab"]))
        self.convolutional = "conv0_w" in self.w
        if self.convolutional:
            self.dilations = [int(d) for d in self.w.pop("dilations")]
            # how far a character's answer reaches: the layers' dilations, and one more for the bigram
            # across a window's edge
            self.radius: int | None = sum(self.dilations) + 1
            # per layer, the three taps' weight matrices (in, out): x[t-d], x[t], x[t+d]
            self.taps = [
                [np.ascontiguousarray(self.w[f"conv{k}_w"][:, :, j].T) for j in range(3)]
                for k in range(len(self.dilations))
            ]
        else:
            self.radius = None  # the BiLSTM reads whole pieces
            self.hidden = self.w["fw_hh"].shape[1]
            # the two directions' weights stacked, (2, in, 4h), for one batched product per step
            self._w_ih = np.stack((self.w["fw_ih"].T, self.w["bw_ih"].T))
            self._w_hh = np.stack((self.w["fw_hh"].T, self.w["bw_hh"].T))
            self._b = np.stack((self.w["fw_b"], self.w["bw_b"]))[:, None, None, :]

    def _lstm(self, x: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Both directions of the LSTM, stepped together, over ``x`` (2, batch, time, dim): the batch as read
        forward and as read backward (each row reversed), rows sorted by length, longest first, padding at
        their ends. At each step only the rows still running are computed (a prefix of the batch)."""
        _, batch, steps, _ = x.shape
        size = self.hidden
        gates_in = x @ self._w_ih[:, None] + self._b  # the input part of every step at once: (2, batch, time, 4h)
        h = np.zeros((2, batch, size), np.float32)
        c = np.zeros((2, batch, size), np.float32)
        out = np.zeros((2, batch, steps, size), np.float32)
        live = batch
        w_hh = self._w_hh
        for t in range(steps):
            while live and lengths[live - 1] <= t:
                live -= 1
            g = gates_in[:, :live, t] + h[:, :live] @ w_hh
            gates = _sigmoid(g)
            cell = np.tanh(g[..., 2 * size : 3 * size])
            c_live = gates[..., size : 2 * size] * c[:, :live] + gates[..., :size] * cell
            c[:, :live] = c_live
            h_live = gates[..., 3 * size :] * np.tanh(c_live)
            h[:, :live] = h_live
            out[:, :live, t] = h_live
        return out

    def _inputs(self, chars: np.ndarray, left: np.ndarray, right: np.ndarray, bags: np.ndarray) -> np.ndarray:
        w = self.w
        bigram_emb = w["bigram_emb"]
        return np.concatenate(
            (w["char_emb"][chars], bigram_emb[left], bigram_emb[right], w["bag_emb"][bags].sum(axis=-2)), axis=-1
        )

    def _convolve(self, encoded: list[tuple[list[int], list[int], list[list[int]]]]) -> list[np.ndarray]:
        """The convolutional net: all pieces laid end to end with a gap of zeros between them as wide as
        the widest dilation, so every layer is three matrix products over the whole batch."""
        gap = max(self.dilations)
        total = gap + sum(len(chars) + gap for chars, _, _ in encoded)
        chars = np.zeros(total, np.int64)
        left = np.zeros(total, np.int64)
        right = np.zeros(total, np.int64)
        width = max((_bag_width(bags) for _, _, bags in encoded), default=0) or 1
        bags = np.zeros((total, width), np.int64)
        live = np.zeros(total, bool)
        starts = []
        at = gap
        for piece_chars, bigrams, piece_bags in encoded:
            n = len(piece_chars)
            starts.append(at)
            chars[at : at + n] = piece_chars
            left[at : at + n] = bigrams[:n]
            right[at : at + n] = bigrams[1 : n + 1]
            if isinstance(piece_bags, np.ndarray):
                bags[at : at + n, : piece_bags.shape[1]] = piece_bags
            else:
                for i, b in enumerate(piece_bags):
                    bags[at + i, : len(b)] = b
            live[at : at + n] = True
            at += n + gap
        h = self._inputs(chars, left, right, bags) * live[:, None]
        for k, d in enumerate(self.dilations):
            before, here, after = self.taps[k]
            y = h @ here + self.w[f"conv{k}_b"]
            y[d:] += h[:-d] @ before
            y[:-d] += h[d:] @ after
            h = np.maximum(y, 0.0) * live[:, None]
        logits = h @ self.w["out_w"].T + self.w["out_b"]
        return [_softmax(logits[s : s + len(c)]) for s, (c, _, _) in zip(starts, encoded, strict=True)]

    def probabilities(self, encoded: list[tuple[list[int], list[int], list[list[int]]]]) -> list[np.ndarray]:
        """Tag probabilities (length × len(LABELS)) for each encoded piece."""
        if not encoded:
            return []
        if self.convolutional:
            return self._convolve(encoded)
        order = sorted(range(len(encoded)), key=lambda r: -len(encoded[r][0]))
        lengths = np.array([len(encoded[r][0]) for r in order])
        steps = int(lengths[0])
        batch = len(encoded)
        width = max((_bag_width(bags) for _, _, bags in encoded), default=0) or 1
        char_ids = np.zeros((batch, steps), np.int64)
        left = np.zeros((batch, steps), np.int64)
        right = np.zeros((batch, steps), np.int64)
        bag_ids = np.zeros((batch, steps, width), np.int64)
        for row, r in enumerate(order):
            chars, bigrams, bags = encoded[r]
            n = len(chars)
            char_ids[row, :n] = chars
            left[row, :n] = bigrams[:n]
            right[row, :n] = bigrams[1 : n + 1]
            if isinstance(bags, np.ndarray):
                bag_ids[row, :n, : bags.shape[1]] = bags
            else:
                for i, b in enumerate(bags):
                    bag_ids[row, i, : len(b)] = b
        w = self.w
        x = self._inputs(char_ids, left, right, bag_ids)
        # the backward direction reads each row reversed (its padding stays at the end)
        both = np.zeros((2, *x.shape), np.float32)
        both[0] = x
        for row, n in enumerate(lengths):
            both[1, row, :n] = x[row, n - 1 :: -1]
        hidden = self._lstm(both, lengths)
        backward = np.zeros_like(hidden[1])
        for row, n in enumerate(lengths):
            backward[row, :n] = hidden[1, row, n - 1 :: -1]
        logits = np.concatenate((hidden[0], backward), axis=2) @ w["out_w"].T + w["out_b"]
        probs = _softmax(logits)
        out: list[np.ndarray] = [probs[0, :0]] * batch
        for row, r in enumerate(order):
            out[r] = probs[row, : lengths[row]]
        return out
