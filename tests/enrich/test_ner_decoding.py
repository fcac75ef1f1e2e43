"""The numpy CRF (``ner_crf``): marginals and Viterbi against brute force on small random models."""

from __future__ import annotations

import itertools

import numpy as np

from banmian.enrich.ner_crf import ALLOWED, ENDS, STARTS, LinearCRF, viterbi
from banmian.enrich.ner_features import Vocabulary
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



def test_viterbi_with_a_transition_matrix_per_piece_decodes_each_as_alone():
    rng = np.random.default_rng(3)
    scores = [rng.normal(size=(n, len(LABELS))) for n in (5, 1, 9, 3)]
    transitions = rng.normal(size=(len(LABELS), len(LABELS)))
    per_piece = [None, transitions, transitions, None]
    together = viterbi(scores, per_piece)
    for s, t, tags in zip(scores, per_piece, together, strict=True):
        assert tags == viterbi([s], t)[0]
    assert together != viterbi(scores)  # the transitions matter here

def test_the_convolutional_net_in_windows_answers_as_on_the_whole_piece():
    """The recogniser runs the shipped CNN only in windows around likely names; where it uses the answers
    they must equal the net's answers on the whole piece."""
    from banmian.enrich import ner
    from banmian.enrich.ner_net import TaggerNet

    net = TaggerNet(ner.MODEL_PATH.with_suffix(".cnn.npz"))
    assert net.radius is not None
    recognizer = ner.default_recognizer()
    piece = "新华社北京3月12日电  国务院总理李强12日在人民大会堂会见来华访问的巴基斯坦总理夏巴兹，双方就经贸合作深入交换意见。"
    features = recognizer._featurizer.features(piece, recognizer._lexicon, Vocabulary(recognizer._crf.attributes))
    whole = net.probabilities([net.vocab.encode(piece, features)])[0]
    # a made-up CRF opinion: two likely names, the rest surely O
    marginals = np.zeros((len(piece), len(LABELS)))
    marginals[:, 0] = 1.0
    for at in (piece.index("李强"), piece.index("巴基斯坦")):
        marginals[at : at + 2] = 1.0 / len(LABELS)
    windows = ner.net_windows(marginals, net.radius)
    assert windows[0][0] > 0  # the start of the piece is not read
    parts = net.probabilities([net.vocab.encode(piece[a:b], features[a:b]) for a, b, _, _ in windows])
    for (a, _, u, v), p in zip(windows, parts, strict=True):
        assert np.allclose(p[u - a : v - a], whole[u:v], rtol=0, atol=1e-6)


def test_feature_ids_give_the_feature_strings_scores_and_bags_to_the_last_bit():
    """The recogniser builds its features as ids (``FeatureIds``) over a batch of pieces; the CRF's scores
    and the net's bag inputs must equal, bit for bit, those of the feature strings ``features`` builds one
    piece at a time (the form the models were trained on)."""
    from pathlib import Path

    from banmian.enrich import ner
    from banmian.enrich.ner_corpus import read_bio

    data = Path(__file__).resolve().parents[1] / "data" / "enrich"
    recognizer = ner.default_recognizer()
    texts = [s.text for name in ("peoples_daily.head.bio", "msra.head.bio") for s in read_bio(data / name)]
    texts += ["王", "a", "^$^", "𠀀王明 说：“北京市怀柔县民政局”", "习近平总书记", "  "]
    pieces = [piece for text in texts for _, piece in ner.split_pieces(text)]
    assert len(pieces) > 100
    featurizer, lexicon = recognizer._featurizer, recognizer._lexicon
    vocabulary = Vocabulary(recognizer._crf.attributes)
    assert recognizer._nets  # every net of the ensemble is checked
    for at in range(0, len(pieces), ner.BATCH):
        batch = pieces[at : at + ner.BATCH]
        strings = [featurizer.features(p, lexicon, vocabulary) for p in batch]
        ids = recognizer._ids.of(batch, lexicon)
        bounds = np.cumsum([0] + [len(p) for p in batch])
        by_ids = recognizer._crf.emissions_of_ids(ids, bounds)
        for piece, fs, a, b, e_strings, e_ids in zip(
            batch, strings, bounds[:-1], bounds[1:], recognizer._crf.emissions(strings), by_ids, strict=True
        ):
            assert np.array_equal(e_strings, e_ids), piece
            for net, bag_ids in zip(recognizer._nets, recognizer._bag_ids, strict=True):
                chars, bigrams, bags = net.vocab.encode(piece, fs)
                chars_ids, bigrams_ids, bag_rows = net.vocab.encode_ids(piece, bag_ids[ids[a:b]])
                assert (chars, bigrams) == (chars_ids, bigrams_ids)
                assert [list(r[r > 0]) for r in bag_rows] == bags, piece
                assert all(not r[len(bag):].any() for r, bag in zip(bag_rows, bags, strict=True))
                assert np.array_equal(net.probabilities([(chars, bigrams, bags)])[0],
                                      net.probabilities([(chars_ids, bigrams_ids, bag_rows)])[0])


def test_an_ensemble_of_identical_nets_tags_as_the_one_net(tmp_path):
    """Several nets (``ner.cnn.npz``, ``ner.cnn2.npz`` …) are averaged into one opinion before the
    combination with the CRF: two copies of the same net must give exactly the answers of that net alone."""
    import shutil
    from pathlib import Path

    from banmian.enrich import ner
    from banmian.enrich.ner_corpus import read_bio

    one, two = tmp_path / "one", tmp_path / "two"
    for folder in (one, two):
        folder.mkdir()
        for name in ("ner.crf.npz", "ner.lexicon.tsv", "ner.cnn.npz"):
            shutil.copy(ner.MODEL_PATH.with_name(name), folder / name)
    shutil.copy(ner.MODEL_PATH.with_name("ner.cnn.npz"), two / "ner.cnn2.npz")
    alone, pair = ner.Recognizer(one / "ner.crfsuite"), ner.Recognizer(two / "ner.crfsuite")
    assert (len(alone._nets), len(pair._nets)) == (1, 2)
    data = Path(__file__).resolve().parents[1] / "data" / "enrich"
    texts = [s.text for s in read_bio(data / "peoples_daily.head.bio")]
    found = alone.recognize_many(texts)
    assert sum(map(len, found)) > 50
    assert pair.recognize_many(texts) == found
