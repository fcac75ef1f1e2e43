"""Enrichment: who, where, when and how much, per article.

``enrich_page(page)`` fills each article's ``entities``, ``people``, ``dates``, ``quantities``, ``terms`` and
``keywords`` in place and returns the page. It runs a small pipeline of named components; each declares the
fields it sets and the fields it needs, so a caller can ask for a subset (``components=["dates"]``) and the
components it depends on run too.

The expensive work is shared: the named-entity model runs once per page over all headlines and paragraphs
(one ``recognize_many`` call), and each paragraph is segmented at most once, on first use, for all the
components that need words (see :class:`ArticleText`). Segmentation is jieba's dictionary and algorithm run by
jieba-rs (``rjieba``): the same words as Python jieba at some thirty times the speed; jieba's own data files
(word frequencies and tags, IDF) are read directly for the judgements that need them.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
import types
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path

from ..errors import BanmianError, InputError
from ..model import Article, Entity, Page

__all__ = ["COMPONENTS", "ArticleText", "Component", "Dictionary", "cut", "dictionary", "enrich_page", "plan"]


@dataclass(frozen=True)
class Component:
    """One step: ``run(article, text)`` sets the article fields in ``sets``; ``needs`` must run before it."""

    name: str
    sets: tuple[str, ...]
    needs: tuple[str, ...]
    run: Callable[[Article, ArticleText], None]


def cut(text: str) -> list[str]:
    """The words of ``text`` (jieba's dictionary and HMM for unknown words, run by jieba-rs)."""
    import rjieba

    return rjieba.cut(text)


def jieba_file(name: str) -> Path:
    """A data file shipped inside the jieba package (dict.txt, analyse/idf.txt), found without importing it."""
    spec = find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jieba is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / name


@dataclass(frozen=True)
class Dictionary:
    """jieba's dictionary as two tables: every word → its part-of-speech tag, and the common words (frequency
    at least ``FREQ_FLOOR``) → frequency; the judgements only ask whether a word is that common, and leaving
    the rare ones out halves the memory."""

    freq: dict[str, int]
    tags: dict[str, str]


FREQ_FLOOR = 100
_dictionary: Dictionary | None = None
_dictionary_lock = threading.Lock()


def dictionary() -> Dictionary:
    """Read once from jieba's dict.txt (faster than initialising jieba, which also builds its prefix table)."""
    global _dictionary
    if _dictionary is None:
        with _dictionary_lock:
            if _dictionary is None:
                freq: dict[str, int] = {}
                tags: dict[str, str] = {}
                tag_names: dict[str, str] = {}  # one string object per tag, not one per line
                with jieba_file("dict.txt").open(encoding="utf-8") as f:
                    for line in f:
                        parts = line.split()
                        if len(parts) < 2:
                            continue
                        word, count = parts[0], int(parts[1])
                        if count >= FREQ_FLOOR:
                            freq[word] = count
                        tag = parts[2] if len(parts) >= 3 else "x"
                        tags[word] = tag_names.setdefault(tag, tag)
                _dictionary = Dictionary(freq, tags)
    return _dictionary


@dataclass
class ArticleText:
    """An article's texts as the components see them, with analyses computed once and shared.

    Text index ``i`` is paragraph ``i``; ``-1`` is the headline (the convention of ``Entity.paragraph``).
    """

    article: Article
    page_date: dt.date | None
    ner_spans: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)
    _tokens: dict[int, list[str]] = field(default_factory=dict)
    _words: dict[int, list[tuple[str, int, int]]] = field(default_factory=dict)
    _starts: dict[int, list[int]] = field(default_factory=dict)

    def text(self, index: int) -> str:
        return self.article.headline if index == -1 else self.article.paragraphs[index]

    def indices(self) -> list[int]:
        """Reading order: headline, then paragraphs."""
        return [-1, *range(len(self.article.paragraphs))]

    def tokens(self, index: int) -> list[str]:
        """jieba words of one text, segmented on first use and kept."""
        cached = self._tokens.get(index)
        if cached is None:
            cached = self._tokens[index] = cut(self.text(index))
        return cached

    def words(self, index: int) -> list[tuple[str, int, int]]:
        """:meth:`tokens` with their offsets, ``(word, start, end)``."""
        cached = self._words.get(index)
        if cached is None:
            cached = []
            pos = 0
            for w in self.tokens(index):
                cached.append((w, pos, pos + len(w)))
                pos += len(w)
            self._words[index] = cached
        return cached

    def word_starts(self, index: int) -> list[int]:
        """Start offsets of :meth:`words`, for bisecting."""
        cached = self._starts.get(index)
        if cached is None:
            cached = self._starts[index] = [s for _, s, _ in self.words(index)]
        return cached


def run_entities(article: Article, text: ArticleText) -> None:
    article.entities = [
        Entity(text.text(i)[s:e], kind, i, s, e)
        for i in text.indices()
        for s, e, kind in text.ner_spans.get(i, [])
    ]


def _people(article: Article, text: ArticleText) -> None:
    from .people import extract_people

    extract_people(article, text)


def _dates(article: Article, text: ArticleText) -> None:
    from .dates import extract_dates

    article.dates = extract_dates(text)


def _quantities(article: Article, text: ArticleText) -> None:
    from .quantities import extract_quantities

    article.quantities = extract_quantities(text, article.dates or [])


def _terms(article: Article, text: ArticleText) -> None:
    from .terms import extract_terms

    article.terms = extract_terms(text)


def _keywords(article: Article, text: ArticleText) -> None:
    from .terms import extract_keywords

    article.keywords = extract_keywords(text)


COMPONENTS: tuple[Component, ...] = (
    Component("entities", ("entities",), (), run_entities),
    # people may add PER entities the model missed in name lists, so it also sets entities.
    Component("people", ("people", "entities"), ("entities",), _people),
    Component("dates", ("dates",), (), _dates),
    # quantities skip numbers that are part of dates (2019年, 3月12日).
    Component("quantities", ("quantities",), ("dates",), _quantities),
    Component("terms", ("terms",), (), _terms),
    Component("keywords", ("keywords",), (), _keywords),
)
_BY_NAME = {c.name: c for c in COMPONENTS}


def plan(names: Iterable[str] | None = None) -> list[Component]:
    """The components to run, in pipeline order, with everything they need."""
    if names is None:
        return list(COMPONENTS)
    wanted: set[str] = set()
    stack = list(names)
    while stack:
        name = stack.pop()
        if name not in _BY_NAME:
            raise InputError(f"unknown enrichment component {name!r} (known: {', '.join(_BY_NAME)})")
        if name not in wanted:
            wanted.add(name)
            stack.extend(_BY_NAME[name].needs)
    return [c for c in COMPONENTS if c.name in wanted]


def page_date(page: Page) -> dt.date | None:
    if not page.date:
        return None
    try:
        return dt.date.fromisoformat(page.date)
    except ValueError:
        return None


def enrich_page(page: Page, *, components: Sequence[str] | None = None) -> Page:
    """Fill the enrichment fields of every article of ``page`` (in place) and return it."""
    steps = plan(components)
    when = page_date(page)
    texts = [ArticleText(a, when) for a in page.articles]
    if any(c.name == "entities" for c in steps):
        _recognize_page(texts)
    for text in texts:
        for step in steps:
            step.run(text.article, text)
    return page


def _recognize_page(texts: list[ArticleText]) -> None:
    """One model call for the whole page: batching lets the model amortise its per-call setup."""
    from . import ner

    keys = [(t, i) for t in texts for i in t.indices()]
    try:
        results = ner.recognize_many([t.text(i) for t, i in keys])
    except OSError as exc:  # the model file missing or unreadable: an installation problem, said in one line
        raise BanmianError(f"the entity model could not be loaded: {exc}") from exc
    for (t, i), spans in zip(keys, results, strict=True):
        t.ner_spans[i] = list(spans)


class _CallableModule(types.ModuleType):
    """``banmian.enrich(page)`` is the API; importing a submodule (banmian.enrich.ner) rebinds the package
    attribute ``banmian.enrich`` to this module, so the module itself answers the call."""

    def __call__(self, page: Page, **options: object) -> Page:
        return enrich_page(page, **options)  # type: ignore[arg-type]


sys.modules[__name__].__class__ = _CallableModule
