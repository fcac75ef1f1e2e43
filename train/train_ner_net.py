"""Train the neural entity tagger (``banmian.enrich.ner_net``) with PyTorch: a dilated CNN (``--arch cnn``,
the shipped one) or a BiLSTM over characters, bigrams and the CRF's categorical features.

PyTorch is needed only here (``pip install torch==2.13.0``, the CPU build); the weights are written as a
numpy ``.npz`` the recogniser runs without it. The data, folds and name-lexicon parts are those of
``train/train_ner.py``, so a net and a CRF trained for the same fold saw the same sentences:

    # the shipped net, beside the shipped CRF (about 4 minutes on one core)
    python train/train_ner_net.py CORPUS/ner --arch cnn --hidden 128 --out src/banmian/enrich/models/ner.cnn.npz
    # cross-validation: writes /tmp/k.foldK.cnn.npz beside train_ner.py's /tmp/k.foldK.crfsuite
    python train/train_ner_net.py CORPUS/ner --arch cnn --hidden 128 --folds 5 --out /tmp/k.npz
    python bench/ner_folds.py CORPUS/ner/peoples_daily.dev.bio /tmp/k.crfsuite
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).parent))
from train_ner import load_set  # noqa: E402

from banmian.enrich.ner import split_pieces  # noqa: E402
from banmian.enrich.ner_corpus import Sentence, held_out, spans_to_tags  # noqa: E402
from banmian.enrich.ner_features import Lexicon, get_featurizer  # noqa: E402
from banmian.enrich.ner_net import LABELS, Vocab, bag_features  # noqa: E402

CNN_DILATIONS = (1, 2, 4)


class Net(nn.Module):
    def __init__(
        self, chars: int, bigrams: int, bag: int, dim: int, bigram_dim: int, bag_dim: int, hidden: int, arch: str
    ):
        super().__init__()
        self.arch = arch
        self.char_emb = nn.Embedding(chars, dim, padding_idx=0)
        self.bigram_emb = nn.Embedding(bigrams, bigram_dim, padding_idx=0)
        self.bag_emb = nn.Embedding(bag, bag_dim, padding_idx=0)
        self.drop = nn.Dropout(0.3)
        width = dim + 2 * bigram_dim + bag_dim
        if arch == "cnn":
            self.convs = nn.ModuleList(
                nn.Conv1d(width if k == 0 else hidden, hidden, 3, padding=d, dilation=d)
                for k, d in enumerate(CNN_DILATIONS)
            )
            self.out = nn.Linear(hidden, len(LABELS))
        else:
            self.lstm = nn.LSTM(width, hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * hidden, len(LABELS))

    def forward(self, chars, left, right, bags, lengths):
        x = torch.cat(
            (self.char_emb(chars), self.bigram_emb(left), self.bigram_emb(right), self.bag_emb(bags).sum(2)), 2
        )
        x = self.drop(x)
        if self.arch == "cnn":
            # positions past a piece's end are zeroed after every layer: the zero padding the numpy
            # version puts between pieces
            mask = (torch.arange(chars.shape[1])[None, :] < lengths[:, None]).float()[:, None, :]
            h = x.transpose(1, 2) * mask
            for conv in self.convs:
                h = torch.relu(conv(h)) * mask
            return self.out(self.drop(h.transpose(1, 2)))
        packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        h, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=chars.shape[1])
        return self.out(self.drop(h))

    def export(self, vocab: Vocab, path: Path) -> None:
        """Write the weights in ``ner_net.TaggerNet``'s layout (float16: half the size, same answers)."""
        arrays = {
            "char_emb": self.char_emb.weight,
            "bigram_emb": self.bigram_emb.weight,
            "bag_emb": self.bag_emb.weight,
            "out_w": self.out.weight,
            "out_b": self.out.bias,
        }
        if self.arch == "cnn":
            for k, conv in enumerate(self.convs):
                arrays[f"conv{k}_w"] = conv.weight  # (out, in, 3)
                arrays[f"conv{k}_b"] = conv.bias
        else:
            lstm = self.lstm
            arrays |= {
                "fw_ih": lstm.weight_ih_l0,
                "fw_hh": lstm.weight_hh_l0,
                "fw_b": lstm.bias_ih_l0 + lstm.bias_hh_l0,
                "bw_ih": lstm.weight_ih_l0_reverse,
                "bw_hh": lstm.weight_hh_l0_reverse,
                "bw_b": lstm.bias_ih_l0_reverse + lstm.bias_hh_l0_reverse,
            }
        out = {k: v.detach().numpy().astype(np.float16) for k, v in arrays.items()}
        if self.arch == "cnn":
            out["dilations"] = np.array(CNN_DILATIONS, np.int16)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as handle:
            np.savez_compressed(handle, vocab=np.array(vocab.dump()), **out)


def pieces_of(sentences: list[Sentence], lexicons: list[Lexicon]):
    """(text, CRF feature lists, tags) for each piece, each sentence with its part's lexicon."""
    featurizer = get_featurizer()
    out = []
    for i, s in enumerate(sentences):
        lexicon = lexicons[i % len(lexicons)]
        for offset, piece in split_pieces(s.text):
            spans = [(a - offset, b - offset, k) for a, b, k in s.spans if offset <= a and b <= offset + len(piece)]
            out.append((piece, featurizer.features(piece, lexicon), spans_to_tags(len(piece), spans)))
    return out


def build_vocab(pieces) -> Vocab:
    chars, bigrams, bag = Counter(), Counter(), Counter()
    for text, features, _ in pieces:
        chars.update(text)
        padded = "^" + text + "$"
        bigrams.update(padded[i : i + 2] for i in range(len(padded) - 1))
        for fs in features:
            bag.update(bag_features(fs))
    return Vocab(
        sorted(c for c, n in chars.items() if n >= 2),
        sorted(b for b, n in bigrams.items() if n >= 2),
        sorted(f for f, n in bag.items() if n >= 3),
    )


def batches(encoded, tags, size: int, rng: random.Random):
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i][0]) + rng.random())
    groups = [order[i : i + size] for i in range(0, len(order), size)]
    rng.shuffle(groups)
    label_id = {label: k for k, label in enumerate(LABELS)}
    for group in groups:
        steps = max(len(encoded[i][0]) for i in group)
        width = max((len(b) for i in group for b in encoded[i][2]), default=0) or 1
        chars = torch.zeros(len(group), steps, dtype=torch.long)
        left = torch.zeros_like(chars)
        right = torch.zeros_like(chars)
        bags = torch.zeros(len(group), steps, width, dtype=torch.long)
        gold = torch.full((len(group), steps), -100, dtype=torch.long)
        lengths = torch.tensor([len(encoded[i][0]) for i in group])
        for r, i in enumerate(group):
            c, bg, bag = encoded[i]
            n = len(c)
            chars[r, :n] = torch.tensor(c)
            left[r, :n] = torch.tensor(bg[:n])
            right[r, :n] = torch.tensor(bg[1 : n + 1])
            for j, b in enumerate(bag):
                if b:
                    bags[r, j, : len(b)] = torch.tensor(b)
            gold[r, :n] = torch.tensor([label_id[t] for t in tags[i]])
        yield chars, left, right, bags, lengths, gold


def train(sentences: list[Sentence], out: Path, args) -> None:
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    t = time.time()
    lexicons = [Lexicon.from_spans(s for i, s in enumerate(sentences) if i % 5 != part) for part in range(5)]
    pieces = pieces_of(sentences, lexicons)
    vocab = build_vocab(pieces)
    encoded = [vocab.encode(text, features) for text, features, _ in pieces]
    tags = [t for _, _, t in pieces]
    print(
        f"  {len(pieces)} pieces, {len(vocab.chars)} chars, {len(vocab.bigrams)} bigrams, {len(vocab.bag)} bag "
        f"features in {time.time() - t:.0f}s",
        file=sys.stderr,
    )
    net = Net(len(vocab.chars) + 2, len(vocab.bigrams) + 2, len(vocab.bag) + 1, args.dim, args.bigram_dim, 32,
              args.hidden, args.arch)
    optimiser = torch.optim.Adam(net.parameters(), lr=args.lr)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    for epoch in range(args.epochs):
        t = time.time()
        net.train()
        total = 0.0
        for g in optimiser.param_groups:
            g["lr"] = args.lr * (1 - epoch / args.epochs) + 1e-4
        for chars, left, right, bags, lengths, gold in batches(encoded, tags, args.batch, rng):
            optimiser.zero_grad()
            logits = net(chars, left, right, bags, lengths)
            loss = loss_fn(logits.reshape(-1, len(LABELS)), gold.reshape(-1))
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optimiser.step()
            total += loss.item()
        print(f"  epoch {epoch + 1}: loss {total:.1f} ({time.time() - t:.0f}s)", file=sys.stderr, flush=True)
    net.eval()
    net.export(vocab, out)
    print(f"  → {out} ({out.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--train", nargs="+", default=["pd", "msra", "cluener-per"])
    ap.add_argument("--folds", type=int, default=0)
    ap.add_argument("--fold-set", default="pd")
    ap.add_argument("--only-fold", type=int, default=None)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--bigram-dim", type=int, default=48)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--arch", choices=("lstm", "cnn"), default="lstm")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)

    sets = {name: load_set(args.corpus, name) for name in args.train}
    if not args.folds:
        train([s for name in args.train for s in sets[name]], args.out, args)
        return
    gold = sets[args.fold_set]
    extra = [s for name in args.train if name != args.fold_set for s in sets[name]]
    for fold in range(args.folds):
        if args.only_fold is not None and fold != args.only_fold:
            continue
        held = held_out(len(gold), args.folds, fold)  # the folds of train_ner.py
        fold_train = [s for i, s in enumerate(gold) if i not in held] + extra
        print(f"fold {fold}", file=sys.stderr)
        train(fold_train, args.out.with_suffix(f".fold{fold}.{'cnn' if args.arch == 'cnn' else 'net'}.npz"), args)


if __name__ == "__main__":
    main()
