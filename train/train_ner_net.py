"""Train the neural entity tagger (``banmian.enrich.ner_net``) with PyTorch: a dilated CNN (``--arch cnn``,
the shipped one) or a BiLSTM over characters, bigrams and the CRF's categorical features.

PyTorch is needed only here (``pip install torch==2.13.0``, the CPU build); the weights are written as a
numpy ``.npz`` the recogniser runs without it. The data, folds and name-lexicon parts are those of
``train/train_ner.py``, so a net and a CRF trained for the same fold saw the same sentences:

    # the shipped net, beside the shipped CRF (about 4 minutes on one core)
    python train/train_ner_net.py CORPUS/ner --arch cnn --hidden 128 --domains --out src/banmian/enrich/models/ner.cnn.npz
    # an ensemble (not shipped: README, Entity accuracy): nets trained alike but for the share of characters
    # read as unknown, which the recogniser averages when they lie beside the first
    python train/train_ner_net.py CORPUS/ner --arch cnn --hidden 128 --domains --unknown 0.15 --out src/banmian/enrich/models/ner.cnn2.npz
    python train/train_ner_net.py CORPUS/ner --arch cnn --hidden 128 --domains --unknown 0.3 --out src/banmian/enrich/models/ner.cnn3.npz
    # cross-validation: writes /tmp/k.foldK.cnn.npz (with --member 2: k.foldK.cnn2.npz …) beside
    # train_ner.py's /tmp/k.foldK.crfsuite
    python train/train_ner_net.py CORPUS/ner --arch cnn --hidden 128 --domains --folds 5 --out /tmp/k.npz
    python train/train_ner_net.py CORPUS/ner --arch cnn --hidden 128 --domains --unknown 0.15 --member 2 --folds 5 --out /tmp/k.npz
    python train/train_ner_net.py CORPUS/ner --arch cnn --hidden 128 --domains --unknown 0.3 --member 3 --folds 5 --out /tmp/k.npz
    python bench/ner_folds.py CORPUS/ner/peoples_daily.dev.bio /tmp/k.crfsuite

``--domains``: one output layer per gold set over the shared encoder (People's Daily, MSRA, CLUENER people
annotate differently); only People's Daily's is exported, so the shipped net has the same shape as without.
``--aux-cluener``: every CLUENER sentence with its ten types as an auxiliary task through a layer of its own.
``--dilations``: the convolutions' dilations (1 2 4 shipped); ``--unknown P``: each character and bigram read
as unknown with probability P in training.
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
from banmian.enrich.ner_corpus import Sentence, held_out, read_cluener, spans_to_tags  # noqa: E402
from banmian.enrich.ner_features import Lexicon, get_featurizer  # noqa: E402
from banmian.enrich.ner_net import LABELS, Vocab, bag_features  # noqa: E402

CNN_DILATIONS = (1, 2, 4)
# CLUENER's ten entity types, BIOES: the auxiliary task's labels (--aux-cluener)
CLUENER_TYPES = (
    "name", "organization", "company", "government", "address", "scene", "position", "book", "game", "movie"
)
AUX_LABELS = ("O",) + tuple(f"{p}-{t}" for t in CLUENER_TYPES for p in "BIES")


class Net(nn.Module):
    def __init__(
        self,
        chars: int,
        bigrams: int,
        bag: int,
        dim: int,
        bigram_dim: int,
        bag_dim: int,
        hidden: int,
        arch: str,
        heads: int = 1,
        aux_labels: int = 0,
        dilations: tuple[int, ...] = CNN_DILATIONS,
    ):
        super().__init__()
        self.arch = arch
        self.dilations = dilations
        self.char_emb = nn.Embedding(chars, dim, padding_idx=0)
        self.bigram_emb = nn.Embedding(bigrams, bigram_dim, padding_idx=0)
        self.bag_emb = nn.Embedding(bag, bag_dim, padding_idx=0)
        self.drop = nn.Dropout(0.3)
        width = dim + 2 * bigram_dim + bag_dim
        if arch == "cnn":
            self.convs = nn.ModuleList(
                nn.Conv1d(width if k == 0 else hidden, hidden, 3, padding=d, dilation=d)
                for k, d in enumerate(dilations)
            )
        else:
            self.lstm = nn.LSTM(width, hidden, batch_first=True, bidirectional=True)
            hidden *= 2
        # One output layer per gold set (the sets annotate differently; the encoder is shared): ``out`` is
        # People's Daily's, the one shipped, the others are used in training only.
        self.out = nn.Linear(hidden, len(LABELS))
        self.others = nn.ModuleList(nn.Linear(hidden, len(LABELS)) for _ in range(heads - 1))
        # an auxiliary task's output layer (CLUENER's own ten types), training only
        self.aux = nn.Linear(hidden, aux_labels) if aux_labels else None

    def forward(self, chars, left, right, bags, lengths, domains=None):
        """Logits per character; ``domains`` (a gold-set index per row, 0 = People's Daily) picks each
        row's output layer."""
        return self.heads(self.encode(chars, left, right, bags, lengths), domains)

    def encode(self, chars, left, right, bags, lengths):
        """The shared encoder's output per character (rows, steps, channels)."""
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
            h = self.drop(h.transpose(1, 2))
        else:
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=chars.shape[1])
            h = self.drop(h)
        return h

    def heads(self, h, domains=None):
        if domains is None or not len(self.others):
            return self.out(h)
        every = torch.stack([self.out(h), *(head(h) for head in self.others)])  # (heads, rows, steps, labels)
        return every[domains, torch.arange(len(domains))]

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
            out["dilations"] = np.array(self.dilations, np.int16)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as handle:
            np.savez_compressed(handle, vocab=np.array(vocab.dump()), **out)


def pieces_of(sentences: list[Sentence], lexicons: list[Lexicon]):
    """(text, CRF feature lists, tags) for each piece, each sentence with its part's lexicon."""
    return [piece for s_pieces in _pieces_by_sentence(sentences, lexicons) for piece in s_pieces]


def _pieces_by_sentence(sentences: list[Sentence], lexicons: list[Lexicon]):
    featurizer = get_featurizer()
    for i, s in enumerate(sentences):
        out = []
        lexicon = lexicons[i % len(lexicons)]
        for offset, piece in split_pieces(s.text):
            spans = [(a - offset, b - offset, k) for a, b, k in s.spans if offset <= a and b <= offset + len(piece)]
            out.append((piece, featurizer.features(piece, lexicon), spans_to_tags(len(piece), spans)))
        yield out


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


def batches(encoded, tags, domains, size: int, rng: random.Random, aux_from: int | None = None):
    """Batches of pieces of similar length: inputs, each row's gold set, gold tag ids. Pieces from
    ``aux_from`` on are the auxiliary task's: their tags go to ``gold_aux`` (-100, ignored, elsewhere)."""
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i][0]) + rng.random())
    groups = [order[i : i + size] for i in range(0, len(order), size)]
    rng.shuffle(groups)
    label_id = {label: k for k, label in enumerate(LABELS)}
    aux_id = {label: k for k, label in enumerate(AUX_LABELS)}
    aux_from = len(encoded) if aux_from is None else aux_from
    for group in groups:
        steps = max(len(encoded[i][0]) for i in group)
        width = max((len(b) for i in group for b in encoded[i][2]), default=0) or 1
        chars = torch.zeros(len(group), steps, dtype=torch.long)
        left = torch.zeros_like(chars)
        right = torch.zeros_like(chars)
        bags = torch.zeros(len(group), steps, width, dtype=torch.long)
        gold = torch.full((len(group), steps), -100, dtype=torch.long)
        lengths = torch.tensor([len(encoded[i][0]) for i in group])
        rows_domain = torch.tensor([domains[i] if i < aux_from else 0 for i in group])
        gold_aux = torch.full((len(group), steps), -100, dtype=torch.long)
        for r, i in enumerate(group):
            c, bg, bag = encoded[i]
            n = len(c)
            chars[r, :n] = torch.tensor(c)
            left[r, :n] = torch.tensor(bg[:n])
            right[r, :n] = torch.tensor(bg[1 : n + 1])
            for j, b in enumerate(bag):
                if b:
                    bags[r, j, : len(b)] = torch.tensor(b)
            if i < aux_from:
                gold[r, :n] = torch.tensor([label_id[t] for t in tags[i]])
            else:
                gold_aux[r, :n] = torch.tensor([aux_id[t] for t in tags[i]])
        yield chars, left, right, bags, lengths, rows_domain, gold, gold_aux


def train(
    sentences: list[Sentence],
    out: Path,
    args,
    domain_of: list[int] | None = None,
    aux: list[Sentence] | None = None,
) -> None:
    """Train a net on ``sentences``; with ``domain_of`` (each sentence's gold-set index, People's Daily 0),
    one output layer per gold set; with ``aux``, sentences of another annotation (CLUENER's types) taught
    through an output layer of their own on the same encoder."""
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    t = time.time()
    lexicons = [Lexicon.from_spans(s for i, s in enumerate(sentences) if i % 5 != part) for part in range(5)]
    pieces, domains = [], []
    for k, s_pieces in enumerate(_pieces_by_sentence(sentences, lexicons)):
        pieces += s_pieces
        domains += [domain_of[k] if domain_of else 0] * len(s_pieces)
    aux_from = len(pieces)
    if aux:
        pieces += pieces_of(aux, lexicons)
    vocab = build_vocab(pieces)
    encoded = [vocab.encode(text, features) for text, features, _ in pieces]
    tags = [t for _, _, t in pieces]
    print(
        f"  {len(pieces)} pieces, {len(vocab.chars)} chars, {len(vocab.bigrams)} bigrams, {len(vocab.bag)} bag "
        f"features in {time.time() - t:.0f}s",
        file=sys.stderr,
    )
    heads = max(domain_of) + 1 if domain_of else 1
    net = Net(len(vocab.chars) + 2, len(vocab.bigrams) + 2, len(vocab.bag) + 1, args.dim, args.bigram_dim, 32,
              args.hidden, args.arch, heads, len(AUX_LABELS) if aux else 0, tuple(args.dilations))
    optimiser = torch.optim.Adam(net.parameters(), lr=args.lr)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    for epoch in range(args.epochs):
        t = time.time()
        net.train()
        total = 0.0
        for g in optimiser.param_groups:
            g["lr"] = args.lr * (1 - epoch / args.epochs) + 1e-4
        for chars, left, right, bags, lengths, rows_domain, gold, gold_aux in batches(
            encoded, tags, domains, args.batch, rng, aux_from
        ):
            optimiser.zero_grad()
            if args.unknown > 0:
                # characters and bigrams read as unknown now and then: the net learns to tag a name it has
                # not seen from its context and features, as it must on new text
                chars, left, right = (
                    torch.where((torch.rand(x.shape) < args.unknown) & (x > 1), torch.ones_like(x), x)
                    for x in (chars, left, right)
                )
            h = net.encode(chars, left, right, bags, lengths)
            loss = torch.zeros(())
            if (gold >= 0).any():
                logits = net.heads(h, rows_domain)
                loss = loss + loss_fn(logits.reshape(-1, len(LABELS)), gold.reshape(-1))
            if (gold_aux >= 0).any():
                logits = net.aux(h)
                loss = loss + args.aux_weight * loss_fn(logits.reshape(-1, len(AUX_LABELS)), gold_aux.reshape(-1))
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
    ap.add_argument("--epochs", type=int, default=18)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--bigram-dim", type=int, default=48)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--arch", choices=("lstm", "cnn"), default="lstm")
    ap.add_argument("--dilations", type=int, nargs="+", default=list(CNN_DILATIONS), help="the CNN's layers")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--domains", action="store_true", help="one output layer per gold set, People's Daily's shipped")
    ap.add_argument("--aux-cluener", action="store_true", help="CLUENER's ten types as an auxiliary task")
    ap.add_argument("--aux-weight", type=float, default=0.5)
    ap.add_argument("--unknown", type=float, default=0.0, help="share of characters and bigrams read as unknown")
    ap.add_argument("--member", type=int, default=1, help="with --folds: the net's number in an ensemble (k.foldK.cnn2.npz)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)

    sets = {name: load_set(args.corpus, name) for name in args.train}
    # gold-set index of each sentence: People's Daily 0 (its output layer is the one shipped)
    names = sorted(args.train, key=lambda name: name != "pd")
    set_of = {id(s): names.index(name) for name in args.train for s in sets[name]}

    aux = None
    if args.aux_cluener:
        aux = read_cluener(args.corpus / "cluener.train.json") + read_cluener(args.corpus / "cluener.dev.json")

    def domain_of(sentences: list[Sentence]) -> list[int] | None:
        return [set_of[id(s)] for s in sentences] if args.domains else None

    if not args.folds:
        data = [s for name in args.train for s in sets[name]]
        train(data, args.out, args, domain_of(data), aux)
        return
    gold = sets[args.fold_set]
    extra = [s for name in args.train if name != args.fold_set for s in sets[name]]
    for fold in range(args.folds):
        if args.only_fold is not None and fold != args.only_fold:
            continue
        held = held_out(len(gold), args.folds, fold)  # the folds of train_ner.py
        fold_train = [s for i, s in enumerate(gold) if i not in held] + extra
        print(f"fold {fold}", file=sys.stderr)
        kind = "cnn" if args.arch == "cnn" else "net"
        path = args.out.with_suffix(f".fold{fold}.{kind}{args.member if args.member > 1 else ''}.npz")
        train(fold_train, path, args, domain_of(fold_train), aux)


if __name__ == "__main__":
    main()
