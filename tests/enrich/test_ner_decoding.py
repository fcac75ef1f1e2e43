"""The numpy CRF (``ner_crf``): marginals and Viterbi against brute force on small random models."""

from __future__ import annotations

import itertools

import numpy as np

from banmian.enrich.ner_crf import ALLOWED, ENDS, STARTS, LinearCRF, viterbi
from banmian.enrich.ner_net import LABELS


def random_crf(seed: int) -> LinearCRF:
    rng = np.random.default_rng(seed)
    attributes = ["b", "c=北", "c=京", "c=王"]
    return LinearCRF(attributes, rng.normal(size=(4, len(LABELS))), rng.normal(size=(len(LABELS), len(LABELS))))


def test_marginals_match_brute_force():
    crf = random_crf(1)
    pieces = [[["b", "c=北"], ["b", "c=京", "unknown"], ["b", "c=王"]], [["b", "c=王"]]]
    emissions = crf.emissions(pieces)
    assert np.allclose(emissions[1][0], crf.state[0] + crf.state[3])
    marginals = crf.marginals(emissions)
    for e, m in zip(emissions, marginals, strict=True):
        n = len(e)
        expected = np.zeros((n, len(LABELS)))
        for path in itertools.product(range(len(LABELS)), repeat=n):
            weight = np.exp(sum(e[t, k] for t, k in enumerate(path)) + sum(
                crf.transitions[a, b] for a, b in itertools.pairwise(path)))
            for t, k in enumerate(path):
                expected[t, k] += weight
        expected /= expected[0].sum()
        assert np.allclose(m, expected)


def test_viterbi_keeps_bioes_and_finds_the_best_valid_path():
    rng = np.random.default_rng(2)
    scores = [rng.normal(size=(n, len(LABELS))) for n in (1, 2, 3, 3)]
    for s, tags in zip(scores, viterbi(scores), strict=True):
        index = [LABELS.index(t) for t in tags]
        valid = [
            p for p in itertools.product(range(len(LABELS)), repeat=len(s))
            if STARTS[p[0]] and ENDS[p[-1]] and all(ALLOWED[a, b] for a, b in itertools.pairwise(p))
        ]
        best = max(valid, key=lambda p: sum(s[t, k] for t, k in enumerate(p)))
        assert index == list(best)
