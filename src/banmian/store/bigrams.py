"""Chinese text → index tokens, shared by every engine so SQLite and PostgreSQL index the same thing.

Chinese has no spaces, and SQLite's and PostgreSQL's own tokenisers either keep a whole run of Han
characters as one token (so 重庆 never matches inside 在重庆市) or, with trigrams, never match two-character
words at all. So tokens are made here, in Python, and handed to the engine as plain space-separated words:

- a run of Han characters ``c1 c2 … cn`` becomes its overlapping bigrams ``c1c2 c2c3 … c(n-1)cn`` followed by
  the run's last character alone, ``cn``. Every character of the run therefore starts exactly one token,
  so a one-character query ``X`` is the prefix query ``X*`` (a bigram starting with X, or X closing a
  run), and a word of n ≥ 2 characters is the phrase of its n − 1 bigrams;
- a run of other letters and digits (Latin, numbers, kana …) becomes one lower-cased word;
- everything else (punctuation, spaces) separates runs and makes no token.

Text is normalised character by character (NFKC, lower case) so full-width ``ＧＤＰ２０`` and ``gdp20``
meet; one character maps to one character, so offsets found in normalised text are offsets in the
original too (the snippet code relies on that).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Bump when the tokens made for a text change: stores rebuild their index when theirs is older.
TOKENIZER_VERSION = 1

HAN_CLASS = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_RUN = re.compile(rf"(?P<han>[{HAN_CLASS}]+)|(?P<word>[^\W_{HAN_CLASS}]+)")
MAX_WORD = 40  # longer Latin/digit runs (URLs, hashes) are cut: nobody searches for them whole


class _Normaliser(dict):
    """A str.translate table built on demand: NFKC + lower case where that keeps one character."""

    def __missing__(self, code: int) -> int:
        ch = chr(code)
        norm = unicodedata.normalize("NFKC", ch).lower()
        out = ord(norm) if len(norm) == 1 else code
        self[code] = out
        return out


_NORMALISE = _Normaliser()


def normalise(text: str) -> str:
    """Same length as ``text``; full-width forms folded, letters lower-cased."""
    return text.translate(_NORMALISE)


def runs(text: str) -> list[tuple[str, str]]:
    """[(kind, run)] with kind 'han' or 'word', in order, from normalised text."""
    return [(m.lastgroup or "", m.group()) for m in _RUN.finditer(normalise(text))]


def han_tokens(run: str, *, closed: bool = True) -> list[str]:
    """Bigrams of a Han run, plus its last character when the run is ``closed`` (always, in documents)."""
    out = [run[i : i + 2] for i in range(len(run) - 1)]
    if closed or len(run) == 1:
        out.append(run[-1])
    return out


def tokens(text: str) -> list[str]:
    """The index tokens of a text, in order."""
    return _token_string(text).split()


def _token_string(text: str) -> str:
    # The hot loop of indexing, so built from C-level pieces: zip/map make the bigrams, one join per run.
    out: list[str] = []
    for m in _RUN.finditer(normalise(text)):
        run = m.group()
        if m.lastgroup == "han":
            if len(run) > 1:
                out.append(" ".join(map(str.__add__, run, run[1:])))
            out.append(run[-1])
        else:
            out.append(run[:MAX_WORD])
    return " ".join(out)


def token_text(parts: Iterable[str | None]) -> str:
    """Tokens of several texts as one space-separated string (one FTS5 column)."""
    return " ".join(s for s in (_token_string(part) for part in parts if part) if s)


def column_texts(article: dict) -> tuple[list[str | None], list[str | None], list[str | None]]:
    """The texts of the three indexed columns of an article dict: headline; kicker and subheadlines;
    everything else a reader sees (paragraphs, captions, table cells, bylines, source). Ranking weights
    them 10 : 4 : 1."""
    head = [article.get("headline")]
    sub = [article.get("kicker"), *(article.get("subheadlines") or [])]
    body: list[str | None] = list(article.get("paragraphs") or [])
    body += article.get("captions") or []
    for table in article.get("tables") or []:
        body.append(table.get("title"))
        body += [cell for row in table.get("rows") or [] for cell in row]
    body += [b.get("text") or " ".join(b.get("names") or []) for b in article.get("bylines") or []]
    body.append(article.get("source"))
    return head, sub, body


def article_columns(article: dict) -> tuple[str, str, str]:
    """The three indexed columns of an article dict as token strings (see ``column_texts``)."""
    head, sub, body = column_texts(article)
    return token_text(head), token_text(sub), token_text(body)


RUN_SEP = "  "


def run_text(parts: Iterable[str | None]) -> tuple[str, int]:
    """A column as its runs — normalised, Latin words cut as in the index — each run between two
    ``RUN_SEP``, and the number of index tokens the column makes (a Han run of n characters makes n, a word
    one). The tokens are a function of the runs, so a phrase's hits in the index are occurrences of a
    string here (``bm25.literal``): that is how the PostgreSQL store counts them for bm25."""
    runs: list[str] = []
    n = 0
    for part in parts:
        if not part:
            continue
        for m in _RUN.finditer(normalise(part)):
            run = m.group()
            if m.lastgroup == "han":
                n += len(run)
            else:
                run = run[:MAX_WORD]
                n += 1
            runs.append(run)
    return (RUN_SEP + RUN_SEP.join(runs) + RUN_SEP if runs else ""), n
