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
from typing import Protocol

import numpy as np

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
        shared: dict[tuple[int, ...], tuple[int, ...]] = {}  # one tuple per distinct set of lengths
        self.lengths = {}
        for first, found in lengths.items():
            key = tuple(sorted(found, reverse=True))
            self.lengths[first] = shared.setdefault(key, key)
        self._first_pairs: np.ndarray | None = None

    def first_pairs(self) -> np.ndarray:
        """The names' first two characters as sorted integer keys (21 bits a character)."""
        if self._first_pairs is None:
            self._first_pairs = np.array(sorted((ord(a) << 21) | ord(b) for a, b in self.lengths), np.int64)
        return self._first_pairs

    def mark(self, text: str, marks: list[list[str]], starts: Iterable[int] | None = None) -> None:
        """``starts``: the only positions where a name may start (those whose two characters begin one),
        when the caller has found them; all positions otherwise."""
        n = len(text)
        best: dict[str, list[int]] = {}  # per set: length of the longest name covering each character
        get_prefixes = self.prefixes.get
        get_lengths = self.lengths.get
        for i in range(n - 1) if starts is None else starts:
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
    dictionary (``rP=B`` … ``rO=E``): first, inner or last character, with the share that role makes of the
    character's uses in all dictionary words in four buckets (from 5%, 10%, 30%, 60%: ``rP=E-`` … ``rP=E++``).
    Generalises past the training names: 霞/洙 ending given names, 斯/尔/夫 in transliterated names, 镇/县
    closing places, 厂/局 closing organisations."""
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
        if count >= 3 and share >= 0.05:
            bucket = "-" if share < 0.1 else ("" if share < 0.3 else ("+" if share < 0.6 else "++"))
            roles.setdefault(ch, []).append(role + bucket)
    return roles


class Featurizer:
    """Holds jieba's tokenizer, its tag table and the gazetteers; ``features(text)`` is thread-safe."""

    def __init__(self) -> None:
        import rjieba

        # rjieba runs jieba's dictionary and HMM in Rust: the same words as jieba.cut, many times faster.
        self._cut = rjieba.cut
        from . import dictionary

        # The enrich stage's table of jieba's dictionary (word → tag), read once per process and shared.
        self._tags = dictionary().tags
        gaz: dict[str, set[str]] = {"P": set(), "L": set(), "O": set()}
        for word, tag in self._tags.items():
            kind = _GAZ_TYPES.get(tag)
            if kind and 2 <= len(word) <= _GAZ_MAX[kind]:
                gaz[kind].add(word)
        self._gaz = {"g" + kind: names for kind, names in gaz.items()}
        self._char_roles = _char_roles(self._tags)
        self._gaz_only: NameSets | None = None  # built on first use (the recogniser always has a lexicon)
        # name sets with a lexicon merged in, built once per lexicon (the recogniser uses one)
        self._with_lexicon: dict[int, tuple[Lexicon, NameSets]] = {}
        self._tables_by_vocabulary: dict[int, _Tables] = {}
        self._class_cache: dict[str, str] = {}

    def words(self, text: str) -> list[tuple[str, str]]:
        return list(zip(*self.words_and_tags(text), strict=True))

    def words_and_tags(self, text: str) -> tuple[list[str], list[str]]:
        """jieba's words of ``text`` and their dictionary tags (``new``: a word of Han characters outside the
        dictionary, ``x``: anything else outside it)."""
        words = self._cut(text)
        tags = list(map(self._tags.get, words))
        if None in tags:
            for k, tag in enumerate(tags):
                if tag is None:
                    word = words[k]
                    tags[k] = "new" if len(word) > 1 and all("\u4e00" <= c <= "\u9fff" for c in word) else "x"
        return words, tags

    def _gazetteer_marks(
        self, text: str, lexicon: Lexicon | None, starts: Iterable[int] | None = None
    ) -> list[list[str]]:
        marks: list[list[str]] = [[] for _ in range(len(text))]
        self._name_sets(lexicon).mark(text, marks, starts)
        return marks

    def _name_sets(self, lexicon: Lexicon | None) -> NameSets:
        if lexicon is None:
            if self._gaz_only is None:
                self._gaz_only = NameSets(self._gaz)
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
            cached = self._tables_by_vocabulary[id(vocabulary)] = _Tables(vocabulary)
        return cached

    def features(
        self, text: str, lexicon: Lexicon | None = None, vocabulary: Vocabulary | None = None
    ) -> list[list[str]]:
        """The feature strings of each character of ``text``, in a fixed order; with a ``vocabulary``, the
        character n-grams and word features it does not have are left out (the model would skip them)."""
        n = len(text)
        if n == 0:
            return []
        t = self._tables(vocabulary)
        padded = "^^^" + text + "$$$"
        # the class of each character, with "^" / "$" beyond the text's ends
        classes = "^" + self._classes(text) + "$"
        words = self.words(text)
        # Features of the word a character falls in, shared by all its characters but for the position.
        word_feats: list[list[str]] = [[]] * n
        wpos = [""] * n  # B/M/E/S of the character in its word
        wtag = [""] * n
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
            shared = list(filter(None, shared))
            for j in range(length):
                i = pos + j
                wpos[i] = "S" if length == 1 else ("B" if j == 0 else ("E" if j == length - 1 else "M"))
                wtag[i] = tag
                word_feats[i] = shared
            pos += length
        gaz = self._gazetteer_marks(text, lexicon)
        chain = [""] * n
        for start, end in self._org_chains(words):
            for i in range(start, end):
                chain[i] = "B" if i == start else ("E" if i == end - 1 else "I")
        # The character n-grams: a model keeps few of them, so each is looked up, not passed on blindly.
        bm2, bm1, b1, b2 = t.bm2.get, t.bm1.get, t.b1.get, t.b2.get
        sm1, tm1, t0, t1 = t.sm1.get, t.tm1.get, t.t0.get, t.t1.get
        roles_of = self._char_roles.get
        out = []
        for i in range(n):
            p = i + 3
            c = padded[p]
            cm1, cm2, cm3 = padded[p - 1], padded[p - 2], padded[p - 3]
            c1, c2, c3 = padded[p + 1], padded[p + 2], padded[p + 3]
            f = ["b", "c=" + c, "c-1=" + cm1, "c-2=" + cm2, "c-3=" + cm3, "c1=" + c1, "c2=" + c2, "c3=" + c3]
            before, at, after = cm2 + cm1, cm1 + c, c + c1
            f += filter(
                None,
                (
                    bm2(before),
                    bm1(at),
                    b1(after),
                    b2(c1 + c2),
                    sm1(cm1 + c1),
                    tm1(before + c),
                    t0(at + c1),
                    t1(after + c2),
                ),
            )
            f.append("k=" + classes[i + 1] + classes[i] + classes[i + 2])
            f.append("wp=" + wpos[i])
            f.append("wpt=" + wpos[i] + wtag[i])
            f += word_feats[i]
            f += gaz[i]
            if chain[i]:
                f.append("oc=" + chain[i])
            if c in SURNAMES:
                f.append("sur")
            if cm1 in SURNAMES and wpos[i] != "B":
                f.append("sur-1")
            if c in PLACE_SUFFIXES:
                f.append("psuf")
            roles = roles_of(c)
            if roles:
                f += roles
            out.append(f)
        out[0].append("BOS")
        out[-1].append("EOS")
        return out

    def _classes(self, text: str) -> str:
        """The class of each character (see ``_char_class``), as one string."""
        cache = self._class_cache
        for c in set(text).difference(cache):
            cache[c] = _char_class(c)
        return "".join(map(cache.__getitem__, text))


class Vocabulary:
    """Which feature strings ``Featurizer.features`` emits. Without ``known``, all of them (training);
    with ``known`` — the attributes a trained model has weights for — the character n-gram and word
    features outside it are left out: crfsuite skips any attribute it does not
    know, so the model's answers are the same, and most n-grams are never built nor passed to it (an
    L1-trained model keeps few of them: some 5% of the bigrams of news text, almost no trigrams)."""

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
    """A vocabulary's feature families, looked up by ``features``."""

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        family = vocabulary.family
        self.bm2, self.bm1, self.b1, self.b2 = family("b-2"), family("b-1"), family("b1"), family("b2")
        self.sm1, self.tm1, self.t0, self.t1 = family("s-1"), family("t-1"), family("t0"), family("t1")
        self.wt, self.pt, self.nt, self.ptt = family("wt"), family("pt"), family("nt"), family("ptt")
        self.pw, self.nw, self.w = family("pw"), family("nw"), family("w")


_lock = threading.Lock()
_featurizer: Featurizer | None = None


def get_featurizer() -> Featurizer:
    global _featurizer
    if _featurizer is None:
        with _lock:
            if _featurizer is None:
                _featurizer = Featurizer()
    return _featurizer


# The slots of ``FeatureIds``, one column each, in the order ``Featurizer.features`` lists its strings (the
# CRF sums a character's weights in that order, so the scores come out the same to the last bit).
_WINDOW = (("c", 0), ("c-1", -1), ("c-2", -2), ("c-3", -3), ("c1", 1), ("c2", 2), ("c3", 3))
# character n-grams: family and the offsets of its characters
_NGRAMS = (
    ("b-2", (-2, -1)), ("b-1", (-1, 0)), ("b1", (0, 1)), ("b2", (1, 2)), ("s-1", (-1, 1)),
    ("t-1", (-2, -1, 0)), ("t0", (-1, 0, 1)), ("t1", (0, 1, 2)),
)
_WORD_FAMILIES = ("wt", "pt", "nt", "ptt", "pw", "nw", "w")
_CLASSES = "DNPHAX^$"
_GAZ_SETS = 6  # gP gL gO xPER xLOC xORG: at most one mark of each per character


class FeatureIds:
    """``Featurizer.features`` as integer ids, built for a page's worth of pieces with numpy.

    The ids index ``names``: the model's attributes first (``len(attributes)`` of them, in its order), then
    the extra feature strings of ``extra`` (the net's bag features the CRF has no weight for); ``zero`` (the
    last id) stands for a feature neither knows. Each character gets a fixed row of slots, one per feature
    family, ``zero`` where it has none: a model adding up weight rows (zero for ``zero``) gets the sums the
    strings give, in the same order."""

    def __init__(self, featurizer: Featurizer, attributes: Iterable[str], extra: Iterable[str] = ()):
        names = list(attributes)
        known = set(names)
        names += [f for f in extra if f not in known]
        self.names = names
        self.zero = zero = len(names)
        ids = {f: k for k, f in enumerate(names)}
        self.ids = ids
        families: dict[str, dict[str, int]] = {}
        for feature, k in ids.items():
            family, sep, value = feature.partition("=")
            if sep:
                families.setdefault(family, {})[value] = k
        self.families = families

        def keyed(family: str, width: int) -> tuple[np.ndarray, np.ndarray]:
            """A family's values of ``width`` characters as sorted integer keys (21 bits a character)."""
            pairs = sorted(
                (_key(value), k) for value, k in families.get(family, {}).items() if len(value) == width
            )
            return (np.array([p[0] for p in pairs], np.int64), np.array([p[1] for p in pairs], np.int64))

        self.window = [(offset, _CodeTable(*keyed(family, 1), zero)) for family, offset in _WINDOW]
        self.ngrams = [(offsets, *keyed(family, len(offsets))) for family, offsets in _NGRAMS]
        # k=: the classes of the character, the one before and the one after, as one number
        self.k_table = np.full(len(_CLASSES) ** 3, zero, np.int64)
        for value, k in families.get("k", {}).items():
            if len(value) == 3 and all(c in _CLASSES for c in value):
                a, b, c = (_CLASSES.index(ch) for ch in value)
                self.k_table[(a * 8 + b) * 8 + c] = k
        self.single = {name: ids.get(name, zero) for name in ("b", "sur", "sur-1", "psuf", "BOS", "EOS")}
        # (w= only for words of up to 6 characters: ``features`` never builds it for longer ones)
        self.word = [families.get(f, {}) for f in _WORD_FAMILIES[:-1]]
        self.word.append({w: k for w, k in families.get("w", {}).items() if len(w) <= 6})
        self.wp_ids = np.array([families.get("wp", {}).get(p, zero) for p in "SBME"], np.int64)
        self.wpt = families.get("wpt", {})
        self.oc = [families.get("oc", {}).get(v, zero) for v in "BIE"]
        self.surnames = _CodeTable(np.array(sorted(map(ord, SURNAMES)), np.int64), None, 0)
        self.place_suffixes = _CodeTable(np.array(sorted(map(ord, PLACE_SUFFIXES)), np.int64), None, 0)
        # each character's role ids, a row per character that has roles (sorted by code)
        roles = sorted((ord(ch), [ids.get(r, zero) for r in found]) for ch, found in featurizer._char_roles.items())
        self.role_slots = max((len(r) for _, r in roles), default=0)
        # (a character's row in ``role_rows``, -1 for none)
        self.role_of = _CodeTable(np.array([c for c, _ in roles], np.int64), np.arange(len(roles)), -1)
        self.role_rows = np.full((len(roles), self.role_slots), zero, np.int64)
        for row, (_, found) in enumerate(roles):
            self.role_rows[row, : len(found)] = found
        self._featurizer = featurizer
        # slot layout
        self.width = 1 + len(_WINDOW) + len(_NGRAMS) + 3 + len(_WORD_FAMILIES) + _GAZ_SETS + 4 + self.role_slots + 2

    def of(self, pieces: list[str], lexicon: Lexicon | None) -> np.ndarray:
        """The ids of each character's features, the pieces' characters one after another:
        (total characters, width). What looks at characters alone is done once over all pieces (laid end to
        end, each padded as ``features`` pads it); the words and name matches, piece by piece."""
        fz = self._featurizer
        zero = self.zero
        lengths = [len(p) for p in pieces]
        total = sum(lengths)
        out = np.full((total, self.width), zero, np.int64)
        padded = "".join("^^^" + p + "$$$" for p in pieces)
        codes = np.frombuffer(padded.encode("utf-32-le"), np.uint32).astype(np.int64)
        # where each piece's characters sit in ``padded``
        where = np.ones(total, np.int64)
        starts = np.cumsum([0, *lengths[:-1]])
        where[0] = 3
        where[starts[1:]] = 7
        where = np.cumsum(where)
        col = 0
        out[:, col] = self.single["b"]
        col += 1
        for offset, table in self.window:
            out[:, col] = table.get(codes[where + offset])
            col += 1
        for offsets, keys, values in self.ngrams:
            key = codes[where + offsets[0]]
            for o in offsets[1:]:
                key = (key << 21) | codes[where + o]
            out[:, col] = _lookup(key, keys, values, zero)
            col += 1
        classes = _CLASS_CODE[
            np.frombuffer("".join("^" + fz._classes(p) + "$" for p in pieces).encode("ascii"), np.uint8)
        ].astype(np.int64)
        # in ``classes``: one pad each side of a piece, not three
        at = where - 2 - 4 * np.repeat(np.arange(len(pieces)), lengths)
        out[:, col] = self.k_table[(classes[at] * 8 + classes[at - 1]) * 8 + classes[at + 1]]
        col += 1
        here = codes[where]
        sur = self.surnames.get(here).astype(bool)
        out[:, col + 2 + len(_WORD_FAMILIES) + _GAZ_SETS + 1] = np.where(sur, self.single["sur"], zero)
        after_surname = self.surnames.get(codes[where - 1]).astype(bool)
        out[:, col + 2 + len(_WORD_FAMILIES) + _GAZ_SETS + 3] = np.where(
            self.place_suffixes.get(here).astype(bool), self.single["psuf"], zero
        )
        role_col = col + 2 + len(_WORD_FAMILIES) + _GAZ_SETS + 4
        if self.role_slots:
            rows = self.role_of.get(here)
            found = rows >= 0
            out[found, role_col : role_col + self.role_slots] = self.role_rows[rows[found]]
        last_col = role_col + self.role_slots
        ends = starts + np.array(lengths) - 1
        out[starts, last_col] = self.single["BOS"]
        out[ends, last_col + 1] = self.single["EOS"]
        # the words: their features looked up once per word (a map over all the batch's words at once) and
        # spread over their characters
        ids = self.ids
        gaz_col = col + 2 + len(_WORD_FAMILIES)
        oc_b, oc_i, oc_e = self.oc
        words: list[str] = []
        tags: list[str] = []
        before: list[str] = []  # the word before each word, ^ at a piece's start
        before_tags: list[str] = []
        after: list[str] = []  # the word after, $ at a piece's end
        after_tags: list[str] = []
        # where a name of the gazetteers may start: the pairs of characters that begin one, found at once
        pairs = (codes[where] << 21) | codes[where + 1]
        first_pairs = fz._name_sets(lexicon).first_pairs()
        at = np.minimum(np.searchsorted(first_pairs, pairs), len(first_pairs) - 1)
        name_starts = np.flatnonzero(first_pairs[at] == pairs)
        bounds = np.searchsorted(name_starts, starts).tolist() + [len(name_starts)]
        for k, (piece, start) in enumerate(zip(pieces, starts.tolist(), strict=True)):
            piece_words, piece_tags = fz.words_and_tags(piece)
            piece_starts = (name_starts[bounds[k] : bounds[k + 1]] - start).tolist()
            words += piece_words
            tags += piece_tags
            before += ["^", *piece_words[:-1]]
            before_tags += ["^", *piece_tags[:-1]]
            after += [*piece_words[1:], "$"]
            after_tags += [*piece_tags[1:], "$"]
            for i, marks in enumerate(fz._gazetteer_marks(piece, lexicon, piece_starts)):
                for j, mark in enumerate(marks):
                    out[start + i, gaz_col + j] = ids.get(mark, zero)
            for a, b in fz._org_chains(list(zip(piece_words, piece_tags, strict=True))):
                out[start + a, gaz_col + _GAZ_SETS] = oc_b
                out[start + a + 1 : start + b - 1, gaz_col + _GAZ_SETS] = oc_i
                out[start + b - 1, gaz_col + _GAZ_SETS] = oc_e
        count = len(words)
        zeros = repeat(zero)
        get_wt, get_pt, get_nt, get_ptt, get_pw, get_nw, get_w = (f.get for f in self.word)
        per_word = np.empty((count, 4 + len(_WORD_FAMILIES)), np.int64)
        # wpt= for the word's characters: as S, B, M, E
        for k, position in enumerate("SBME"):
            per_word[:, k] = np.fromiter(map(self.wpt.get, [position + t for t in tags], zeros), np.int64, count)
        per_word[:, 4] = np.fromiter(map(get_wt, tags, zeros), np.int64, count)
        per_word[:, 5] = np.fromiter(map(get_pt, before_tags, zeros), np.int64, count)
        per_word[:, 6] = np.fromiter(map(get_nt, after_tags, zeros), np.int64, count)
        ptt = [p + "|" + t for p, t in zip(before_tags, tags, strict=True)]
        per_word[:, 7] = np.fromiter(map(get_ptt, ptt, zeros), np.int64, count)
        per_word[:, 8] = np.fromiter(map(get_pw, before, zeros), np.int64, count)
        per_word[:, 9] = np.fromiter(map(get_nw, after, zeros), np.int64, count)
        per_word[:, 10] = np.fromiter(map(get_w, words, zeros), np.int64, count)  # (words of up to 6)
        word_lengths = np.fromiter(map(len, words), np.int64, count)
        word_of = np.repeat(np.arange(count), word_lengths)  # each character's word
        into = np.arange(total) - (np.cumsum(word_lengths) - word_lengths)[word_of]  # its place in the word
        length = word_lengths[word_of]
        position = np.where(length == 1, 0, np.where(into == 0, 1, np.where(into == length - 1, 3, 2)))
        out[:, col] = self.wp_ids[position]
        out[:, col + 1] = per_word[word_of, position]
        out[:, col + 2 : col + 2 + len(_WORD_FAMILIES)] = per_word[word_of, 4:]
        word_start = position == 1
        out[:, gaz_col + _GAZ_SETS + 2] = np.where(after_surname & ~word_start, self.single["sur-1"], zero)
        return out


_CLASS_CODE = np.zeros(256, np.uint8)
for _k, _c in enumerate(_CLASSES):
    _CLASS_CODE[ord(_c)] = _k


def _key(value: str) -> int:
    key = 0
    for ch in value:
        key = (key << 21) | ord(ch)
    return key


def _lookup(keys: np.ndarray, sorted_keys: np.ndarray, values: np.ndarray, missing: int) -> np.ndarray:
    if not len(sorted_keys):
        return np.full(len(keys), missing, np.int64)
    at = np.searchsorted(sorted_keys, keys)
    at = np.minimum(at, len(sorted_keys) - 1)
    return np.where(sorted_keys[at] == keys, values[at], missing)


class _CodeTable:
    """A value per character code: a dense array over the Basic Multilingual Plane (the characters of
    Chinese text), sorted keys beyond it. ``values`` None: 1 for each key (a set)."""

    def __init__(self, keys: np.ndarray, values: np.ndarray | None, missing: int):
        values = np.ones(len(keys), np.int64) if values is None else values
        self.keys, self.values, self.missing = keys, values, missing
        self.dense = np.full(0x10000, missing, np.int32)
        small = keys < 0xFFFF  # U+FFFF is no character: the slot codes beyond the plane fall into
        self.dense[keys[small]] = values[small]

    def get(self, codes: np.ndarray) -> np.ndarray:
        out = self.dense[np.minimum(codes, 0xFFFF)]
        beyond = codes >= 0xFFFF
        if beyond.any():
            out[beyond] = _lookup(codes[beyond], self.keys, self.values, self.missing)
        return out
