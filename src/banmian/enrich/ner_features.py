"""Character features for the NER model: a character window, jieba's words and tags, dictionary matches.

Each character of a sentence gets a list of feature strings (crfsuite's input). What they capture:
- the characters around it (±3) and the character bigrams/trigrams touching it;
- the jieba word it falls in: its position in the word (B/M/E/S), the word's dictionary tag (nr, ns, nt …;
  ``new`` for a word jieba's HMM found outside its dictionary — often a name), the word itself, and the
  words and tags just before and after (titles before names, 说/表示 after them);
- matches of jieba's dictionary entries tagged as people, places and organisations (the dictionary was
  built from People's Daily text, so it knows many of the names that paper prints);
- organisation chains: a run of place/name/noun words that ends in an organisation word or suffix
  (北京市/怀柔县/民政局), the long nested names a character window alone cuts short;
- surname, place-suffix and organisation-suffix cues, and the character's class (Han, digit, Latin …).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from itertools import repeat
from operator import add
from pathlib import Path
from typing import Protocol

# Word endings that make an organisation (checked on jieba words, longest first).
ORG_SUFFIXES = (
    "委员会", "代表大会", "人民政府", "办公厅", "办公室", "联合会", "基金会", "研究院", "研究所", "研究会",
    "检察院", "法院", "电视台", "广播电台", "出版社", "报社", "通讯社", "新华社", "集团", "公司", "银行",
    "大学", "学院", "中学", "小学", "学校", "医院", "协会", "学会", "中心", "政府", "组织", "总局",
    "党委", "党组", "支部", "工厂", "农场", "军区", "部队", "代表团", "联盟", "理事会", "议会", "国会",
    "局", "厅", "部", "委", "院", "所", "社", "会", "处", "署", "司", "厂", "校", "馆", "队", "团", "党",
    "办", "行", "报", "台", "站", "军", "盟", "店", "科",
)
PLACE_SUFFIXES = set("省市县区镇乡村州盟旗岛山河江湖海洋路街港湾峡岭峰洲国城庄屯堡寨营关口")
# The commonest Chinese surnames (single-character); compound surnames are caught by the bigram features.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫"
    "孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅"
    "童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车"
    "项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛"
    "仲虞敖巩明佘池查麻苑迟邝"
)
# Words and tags that can sit inside an organisation chain.
_CHAIN_TAGS = {"ns", "nt", "nz", "nr", "nrt", "j", "n", "new", "vn", "b", "an", "m"}
_CHAIN_STARTERS = {"ns", "nt", "nz", "j", "new", "nrt"}
_GAZ_TYPES = {"nr": "P", "nrfg": "P", "nrt": "P", "ns": "L", "nt": "O"}
_GAZ_MAX = {"P": 4, "L": 8, "O": 12}

_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】—…·,.;:?!\"'()[]<>-/ 　\t")
_CN_DIGITS = set("〇零一二三四五六七八九十百千万亿两")


def _char_class(ch: str) -> str:
    if ch.isdigit():
        return "D"
    if ch in _CN_DIGITS:
        return "N"
    if ch in _PUNCT:
        return "P"
    if "\u4e00" <= ch <= "\u9fff":
        return "H"
    if ch.isascii() and ch.isalpha() or "ａ" <= ch.lower() <= "ｚ":
        return "A"
    return "X"


class Lexicon:
    """Entity names seen in gold training data, by type: ``features`` marks their occurrences.

    In training, each sentence is featurized with a lexicon built from the *other* part of the data (so the
    model learns how far to trust a lexicon hit on a name it has not seen annotated); the shipped model
    uses the lexicon of all its training data.
    """

    def __init__(self, names: dict[str, set[str]]):
        self.entries = {kind: {n for n in found if len(n) >= 2} for kind, found in names.items()}

    @classmethod
    def from_spans(cls, sentences) -> Lexicon:
        names: dict[str, set[str]] = {"PER": set(), "LOC": set(), "ORG": set()}
        for s in sentences:
            for start, end, kind in s.spans:
                names[kind].add(s.text[start:end])
        return cls(names)

    def dump(self) -> str:
        return "\n".join(f"{kind}\t{n}" for kind in sorted(self.entries) for n in sorted(self.entries[kind]))

    @classmethod
    def load(cls, text: str) -> Lexicon:
        names: dict[str, set[str]] = {"PER": set(), "LOC": set(), "ORG": set()}
        for line in text.splitlines():
            kind, _, name = line.partition("\t")
            if name:
                names.setdefault(kind, set()).add(name)
        return cls(names)


class NameSets:
    """Several named sets of names, searched in one pass. For each set, each character is marked
    ``<set>=B|I|E`` from the longest name of that set covering it. Names have two characters or more
    (shorter ones are left out)."""

    def __init__(self, sets: dict[str, set[str]]):
        self.prefixes: dict[str, list[str]] = {}
        lengths: dict[str, set[int]] = {}
        for prefix, names in sets.items():
            for name in names:
                if len(name) >= 2:
                    self.prefixes.setdefault(name, []).append(prefix)
                    lengths.setdefault(name[:2], set()).add(len(name))
        # for each first two characters, the lengths of the names starting with them, longest first (keyed
        # by two characters, not one, most positions of a text are ruled out by one look-up)
        self.lengths = {first: sorted(found, reverse=True) for first, found in lengths.items()}

    def mark(self, text: str, marks: list[list[str]]) -> None:
        n = len(text)
        best: dict[str, list[int]] = {}  # per set: length of the longest name covering each character
        get_prefixes = self.prefixes.get
        get_lengths = self.lengths.get
        for i in range(n - 1):
            candidates = get_lengths(text[i : i + 2])
            if not candidates:
                continue
            matched: list[str] = []  # sets that already matched at i (with a longer name)
            for length in candidates:
                if length > n - i:
                    continue
                found = get_prefixes(text[i : i + length])
                if not found:
                    continue
                for prefix in found:
                    if prefix in matched:
                        continue
                    matched.append(prefix)
                    covered = best.get(prefix)
                    if covered is None:
                        covered = best[prefix] = [0] * n
                    tag = prefix + "="
                    for j in range(i, i + length):
                        if length > covered[j]:
                            if covered[j]:
                                marks[j] = [m for m in marks[j] if not m.startswith(tag)]
                            covered[j] = length
                            marks[j].append(tag + ("B" if j == i else ("E" if j == i + length - 1 else "I")))


def _char_roles(tags: dict[str, str]) -> dict[str, list[str]]:
    """For each character, the roles it often plays in the person/place/organisation words of jieba's
    dictionary (``rP=B`` … ``rO=E``): first, inner or last character, where that role makes up a large share
    of the character's uses in all dictionary words. Generalises past the training names: 斯/尔/夫 in
    transliterated names, 镇/县 closing places, 厂/局 closing organisations."""
    total: dict[str, int] = {}
    counts: dict[tuple[str, str], int] = {}
    for word, tag in tags.items():
        if len(word) < 2:
            continue
        kind = _GAZ_TYPES.get(tag)
        last = len(word) - 1
        for i, ch in enumerate(word):
            total[ch] = total.get(ch, 0) + 1
            if kind:
                role = f"r{kind}={'B' if i == 0 else ('E' if i == last else 'I')}"
                counts[(ch, role)] = counts.get((ch, role), 0) + 1
    roles: dict[str, list[str]] = {}
    for (ch, role), count in counts.items():
        share = count / total[ch]
        if count >= 5 and share >= 0.1:
            roles.setdefault(ch, []).append(role + ("+" if share >= 0.3 else ""))
    return roles


def _jieba_word_tags() -> dict[str, str]:
    """word → part-of-speech tag from jieba's dictionary file, read directly: importing jieba (and its HMM
    tables) to get the same table costs several times longer."""
    from importlib.util import find_spec

    spec = find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jieba is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "dict.txt"
    tags: dict[str, str] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


class Featurizer:
    """Holds jieba's tokenizer, its tag table and the gazetteers; ``features(text)`` is thread-safe."""

    def __init__(self) -> None:
        import rjieba

        # rjieba runs jieba's dictionary and HMM in Rust: the same words as jieba.cut, many times faster.
        self._cut = rjieba.cut
        self._tags = _jieba_word_tags()
        gaz: dict[str, set[str]] = {"P": set(), "L": set(), "O": set()}
        for word, tag in self._tags.items():
            kind = _GAZ_TYPES.get(tag)
            if kind and 2 <= len(word) <= _GAZ_MAX[kind]:
                gaz[kind].add(word)
        self._gaz = {"g" + kind: names for kind, names in gaz.items()}
        self._char_roles = _char_roles(self._tags)
        self._gaz_only = NameSets(self._gaz)
        # name sets with a lexicon merged in, built once per lexicon (the recogniser uses one)
        self._with_lexicon: dict[int, tuple[Lexicon, NameSets]] = {}
        self._tables_by_vocabulary: dict[int, _Tables] = {}
        self._class_cache: dict[str, str] = {}

    def words(self, text: str) -> list[tuple[str, str]]:
        out = []
        for word in self._cut(text):
            tag = self._tags.get(word)
            if tag is None:
                tag = "new" if len(word) > 1 and all("\u4e00" <= c <= "\u9fff" for c in word) else "x"
            out.append((word, tag))
        return out

    def _gazetteer_marks(self, text: str, lexicon: Lexicon | None) -> list[list[str]]:
        marks: list[list[str]] = [[] for _ in range(len(text))]
        self._name_sets(lexicon).mark(text, marks)
        return marks

    def _name_sets(self, lexicon: Lexicon | None) -> NameSets:
        if lexicon is None:
            return self._gaz_only
        cached = self._with_lexicon.get(id(lexicon))
        if cached is None or cached[0] is not lexicon:
            sets = dict(self._gaz)
            sets.update({"x" + kind: names for kind, names in lexicon.entries.items()})
            cached = self._with_lexicon[id(lexicon)] = (lexicon, NameSets(sets))
        return cached[1]

    @staticmethod
    def _org_chains(words: list[tuple[str, str]]) -> list[tuple[int, int]]:
        """Character ranges of word runs that look like an organisation name ending in an org word."""
        chains = []
        starts = []
        pos = 0
        for word, _ in words:
            starts.append(pos)
            pos += len(word)
        run_start = None  # index of the first word of the current run
        for k, (word, tag) in enumerate(words):
            if tag in _CHAIN_TAGS or word.endswith(ORG_SUFFIXES):
                if run_start is None and (tag in _CHAIN_STARTERS or tag == "nt"):
                    run_start = k
                if run_start is not None and (tag == "nt" or word.endswith(ORG_SUFFIXES)) and k > run_start:
                    chains.append((starts[run_start], starts[k] + len(word)))
            else:
                run_start = None
        return chains

    def _tables(self, vocabulary: Vocabulary | None) -> _Tables:
        vocabulary = vocabulary or _EVERY_FEATURE
        cached = self._tables_by_vocabulary.get(id(vocabulary))
        if cached is None or cached.vocabulary is not vocabulary:
            cached = self._tables_by_vocabulary[id(vocabulary)] = _Tables(vocabulary, self._char_roles)
        return cached

    def features(
        self, text: str, lexicon: Lexicon | None = None, vocabulary: Vocabulary | None = None
    ) -> list[list[str]]:
        """The feature strings of each character of ``text``, in a fixed order; with a ``vocabulary``, only
        those in it (the features a trained model knows)."""
        n = len(text)
        if n == 0:
            return []
        t = self._tables(vocabulary)
        padded = "^^^" + text + "$$$"
        # Window features: each family looked up once per position of the padded text, then read shifted.
        # A lookup gives the feature string (shared, not rebuilt per character) or None when it is not wanted.
        chars = list(padded)
        bigrams = list(map(add, chars, chars[1:]))
        trigrams = list(map(add, bigrams, chars[2:]))
        skips = list(map(add, chars, chars[2:]))  # padded[k] + padded[k + 2]
        m = n + 3
        # the character's class, then its neighbours' ("^" / "$" beyond the text's ends)
        classes = "^" + self._classes(text) + "$"
        kinds = list(map(add, map(add, classes[1 : n + 1], classes[:n]), classes[2:]))
        window = zip(
            repeat(t.bias, n),
            map(t.c.get, chars[3:m]),
            map(t.cm1.get, chars[2 : m - 1]),
            map(t.cm2.get, chars[1 : m - 2]),
            map(t.cm3.get, chars[0 : m - 3]),
            map(t.c1.get, chars[4 : m + 1]),
            map(t.c2.get, chars[5 : m + 2]),
            map(t.c3.get, chars[6 : m + 3]),
            map(t.bm2.get, bigrams[1 : m - 2]),
            map(t.bm1.get, bigrams[2 : m - 1]),
            map(t.b1.get, bigrams[3:m]),
            map(t.b2.get, bigrams[4 : m + 1]),
            map(t.sm1.get, skips[2 : m - 1]),
            map(t.tm1.get, trigrams[1 : m - 2]),
            map(t.t0.get, trigrams[2 : m - 1]),
            map(t.t1.get, trigrams[3:m]),
            map(t.k.get, kinds),
            strict=True,
        )
        words = self.words(text)
        # Features of the word a character falls in: its position in the word, then the features shared by
        # all the word's characters (built once per word and position).
        word_feats: list[list[str]] = [[]] * n
        opens_word = [False] * n  # the character is the first of a word of two or more
        pos = 0
        last = len(words) - 1
        for k, (word, tag) in enumerate(words):
            length = len(word)
            pw, pt = words[k - 1] if k else ("^", "^")
            nw, nt = words[k + 1] if k < last else ("$", "$")
            shared = [
                t.wt.get(tag), t.pt.get(pt), t.nt.get(nt), t.ptt.get(pt + "|" + tag), t.pw.get(pw), t.nw.get(nw)
            ]
            if length <= 6:
                shared.append(t.w.get(word))
            shared = [f for f in shared if f]
            if length == 1:
                word_feats[pos] = t.word_place("S", tag, shared)
            else:
                word_feats[pos] = t.word_place("B", tag, shared)
                opens_word[pos] = True
                inner = t.word_place("M", tag, shared)
                for i in range(pos + 1, pos + length - 1):
                    word_feats[i] = inner
                word_feats[pos + length - 1] = t.word_place("E", tag, shared)
            pos += length
        gaz = self._gazetteer_marks(text, lexicon)
        chain: list[str | None] = [None] * n
        for start, end in self._org_chains(words):
            for i in range(start, end):
                chain[i] = t.oc.get("B" if i == start else ("E" if i == end - 1 else "I"))
        out = []
        append = out.append
        after_surname, surname_of, tail_of, keep = t.after_surname, t.surname_of, t.tail_of, t.keep
        for i, (f, c, cm1, wf, marks, oc) in enumerate(
            zip(window, chars[3:m], chars[2 : m - 1], word_feats, gaz, chain, strict=True)
        ):
            f = list(filter(None, f))
            f += wf
            if marks:
                f += keep(marks)
            if oc:
                f.append(oc)
            surname = surname_of.get(c)
            if surname:
                f.append(surname)
            if after_surname and cm1 in SURNAMES and not opens_word[i]:
                f.append(after_surname)
            tail = tail_of.get(c)
            if tail:
                f += tail
            append(f)
        if t.bos:
            out[0].append(t.bos)
        if t.eos:
            out[-1].append(t.eos)
        return out

    def _classes(self, text: str) -> str:
        """The class of each character (see ``_char_class``), as one string."""
        cache = self._class_cache
        for c in set(text).difference(cache):
            cache[c] = _char_class(c)
        return "".join(map(cache.__getitem__, text))


class Vocabulary:
    """Which feature strings ``Featurizer.features`` emits. Without ``known``, all of them (training);
    with ``known`` — the attributes a trained model has weights for — only those: crfsuite skips any other
    attribute, so the model's answers are the same, and the features it would skip are never built nor
    passed to it (an L1-trained model keeps few of the window's bigrams and trigrams)."""

    def __init__(self, known: Iterable[str] | None = None):
        self.known = None if known is None else set(known)
        self._families: dict[str, dict[str, str]] = {}
        if self.known is not None:
            for feature in self.known:
                family, sep, value = feature.partition("=")
                if sep:
                    self._families.setdefault(family, {})[value] = feature

    def family(self, name: str) -> _Family:
        """``.get(value)`` → the feature ``name=value``, or None when it is not wanted."""
        if self.known is None:
            return _EveryValue(name + "=")
        return self._families.get(name, {})

    def keep(self, feature: str) -> str | None:
        return feature if self.known is None or feature in self.known else None


class _Family(Protocol):
    def get(self, value: str) -> str | None: ...


class _EveryValue:
    __slots__ = ("prefix",)

    def __init__(self, prefix: str):
        self.prefix = prefix

    def get(self, value: str) -> str:
        return self.prefix + value


_EVERY_FEATURE = Vocabulary()


class _Tables:
    """A vocabulary's feature families and per-character features, looked up by ``features``."""

    def __init__(self, vocabulary: Vocabulary, char_roles: dict[str, list[str]]):
        self.vocabulary = vocabulary
        family = vocabulary.family
        self.bias = vocabulary.keep("b")
        self.c, self.cm1, self.cm2, self.cm3 = family("c"), family("c-1"), family("c-2"), family("c-3")
        self.c1, self.c2, self.c3 = family("c1"), family("c2"), family("c3")
        self.bm2, self.bm1, self.b1, self.b2 = family("b-2"), family("b-1"), family("b1"), family("b2")
        self.sm1, self.tm1, self.t0, self.t1 = family("s-1"), family("t-1"), family("t0"), family("t1")
        self.k = family("k")
        self.wp, self.wpt = family("wp"), family("wpt")
        self.wt, self.pt, self.nt, self.ptt = family("wt"), family("pt"), family("nt"), family("ptt")
        self.pw, self.nw, self.w = family("pw"), family("nw"), family("w")
        self.oc = family("oc")
        self.bos, self.eos = vocabulary.keep("BOS"), vocabulary.keep("EOS")
        self.after_surname = vocabulary.keep("sur-1")
        surname = vocabulary.keep("sur")
        self.surname_of = dict.fromkeys(SURNAMES, surname) if surname else {}
        # after the surname cue: the place-suffix cue, then the character's roles in dictionary names
        place_suffix = vocabulary.keep("psuf")
        tails: dict[str, list[str]] = {}
        for ch in PLACE_SUFFIXES | set(char_roles):
            tail = [place_suffix] if place_suffix and ch in PLACE_SUFFIXES else []
            tail += [r for r in char_roles.get(ch, ()) if vocabulary.keep(r)]
            if tail:
                tails[ch] = tail
        self.tail_of = tails
        self._places: dict[tuple[str, str], list[str]] = {}

    def word_place(self, place: str, tag: str, shared: list[str]) -> list[str]:
        """A character's word features: its place in the word (B/M/E/S), with the word's tag, then ``shared``."""
        key = (place, tag)
        head = self._places.get(key)
        if head is None:
            head = self._places[key] = [f for f in (self.wp.get(place), self.wpt.get(place + tag)) if f]
        return head + shared

    def keep(self, features: list[str]) -> list[str]:
        known = self.vocabulary.known
        return features if known is None else [f for f in features if f in known]


_lock = threading.Lock()
_featurizer: Featurizer | None = None


def get_featurizer() -> Featurizer:
    global _featurizer
    if _featurizer is None:
        with _lock:
            if _featurizer is None:
                _featurizer = Featurizer()
    return _featurizer
