"""The search syntax users type, parsed into a small tree and compiled for each engine.

Syntax: words and "quoted phrases" (a word is a phrase too: 新质生产力 finds those five characters in a
row); ``AND`` (also implied between neighbours), ``OR``, ``NOT``, parentheses. Precedence as in FTS5:
NOT binds tightest, then AND, then OR. Anything else is text: ``*``, ``NEAR(``, ``'`` or ``;`` are
punctuation and make no token, so they cannot reach FTS5 or SQL as syntax. A stray quote runs to the end,
a stray parenthesis is ignored, an operator with nothing on one side is dropped — except a leading NOT,
which has no meaning without something to subtract from, and is a ``BadQuery``.

The engines get only what this module writes: FTS5 strings whose every token is double-quoted, and
PostgreSQL ``tsquery`` text whose every lexeme is single-quoted — both built from tokens made by
``bigrams``, which hold letters and digits only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import BadQuery
from . import bigrams

MAX_QUERY_CHARS = 500
MAX_TOKENS = 200


@dataclass(frozen=True)
class Term:
    text: str  # as typed (for highlighting)
    tokens: tuple[str, ...]
    prefix: bool  # the last token is a prefix (a lone Han character at the end of the term)


@dataclass(frozen=True)
class Op:
    op: str  # "AND", "OR", "NOT" (NOT: left minus right)
    parts: tuple[Node, ...]


Node = Term | Op

_LEX = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<open>\()|(?P<close>\))|(?P<word>[^\s()"]+)')
OPERATORS = ("AND", "OR", "NOT")


def term_of(text: str) -> Term | None:
    """The tokens a term must match in a row. Runs inside the term are closed by the run after them, so
    they carry their last-character token as documents do; the last run may continue in the document,
    so it does not — and a lone Han character ending the term becomes a prefix."""
    parts = bigrams.runs(text)
    toks: list[str] = []
    prefix = False
    for i, (kind, run) in enumerate(parts):
        last = i == len(parts) - 1
        if kind == "han":
            toks.extend(bigrams.han_tokens(run, closed=not last))
            prefix = last and len(run) == 1
        else:
            toks.append(run[: bigrams.MAX_WORD])
    return Term(text, tuple(toks), prefix) if toks else None


def phrase_of(text: str) -> Node | None:
    """A quoted phrase. Chinese is written without spaces, so "两国 总理" most likely means 两国总理; but a
    printed headline may hold a real space (多元经营 土地生金), which breaks the run in the index. So a
    phrase with spaces matches either way: the parts joined, or the parts as printed."""
    spaced = term_of(text)
    joined = term_of(re.sub(r"\s+", "", text))
    if spaced is None or joined is None or spaced.tokens == joined.tokens:
        return spaced
    return Op("OR", (joined, spaced))


def parse(q: str) -> Node | None:
    """The query tree, or None for a query with nothing to search (blank: browse by filters)."""
    if len(q) > MAX_QUERY_CHARS:
        raise BadQuery(f"query too long ({len(q)} characters; at most {MAX_QUERY_CHARS})")
    items: list[str | Node | None] = []
    for m in _LEX.finditer(q):
        if m.group("open"):
            items.append("(")
        elif m.group("close"):
            items.append(")")
        elif m.group("word") in OPERATORS:
            items.append(m.group("word"))
        elif m.group("phrase") is not None:
            items.append(phrase_of(m.group("phrase")))
        else:
            items.append(term_of(m.group("word")))
    parser = _Parser(items)
    node = parser.parse()
    if node is None and q.strip():
        raise BadQuery("nothing to search for: the query has no letters, digits or Chinese characters")
    if node is not None and sum(len(t.tokens) for t in terms(node)) > MAX_TOKENS:
        raise BadQuery("query too long: too many words")
    return node


class _Parser:
    """Recursive descent over lexed items; None items are terms without tokens (pure punctuation)."""

    def __init__(self, items: list[str | Node | None]):
        self.items = items
        self.i = 0

    def peek(self) -> str | Node | None:
        return self.items[self.i] if self.i < len(self.items) else ")"  # end acts as a closing parenthesis

    def at_end(self) -> bool:
        return self.i >= len(self.items)

    def parse(self) -> Node | None:
        node = self.or_expr()
        while not self.at_end():  # a stray ")" at top level: skip it and carry on as AND
            self.i += 1
            node = _join("AND", node, self.or_expr())
        return node

    def or_expr(self) -> Node | None:
        node = self.and_expr()
        while self.peek() == "OR":
            self.i += 1
            node = _join("OR", node, self.and_expr())
        return node

    def and_expr(self) -> Node | None:
        node: Node | None = None
        while True:
            item = self.peek()
            if item == ")" or item == "OR":
                return node
            if item == "AND":
                self.i += 1
                continue
            if item == "NOT":
                self.i += 1
                right = self.unary()
                if right is None:
                    continue
                if node is None:
                    raise BadQuery("NOT needs something before it to subtract from (e.g. 重庆 NOT 成都)")
                node = Op("NOT", (node, right))
                continue
            node = _join("AND", node, self.unary())

    def unary(self) -> Node | None:
        item = self.peek()
        if item == "(":
            self.i += 1
            node = self.or_expr()
            if not self.at_end():
                self.i += 1  # the ")"
            return node
        if item in OPERATORS or item == ")":
            return None
        self.i += 1
        return item  # a term (or a phrase's alternatives), or None for punctuation


def _join(op: str, left: Node | None, right: Node | None) -> Node | None:
    if left is None:
        return right
    if right is None:
        return left
    parts = (*(left.parts if isinstance(left, Op) and left.op == op else (left,)), right)
    return Op(op, parts)


def terms(node: Node | None, *, positive_only: bool = False) -> list[Term]:
    """The terms of a tree in order; with ``positive_only``, not those under the right side of a NOT."""
    if node is None:
        return []
    if isinstance(node, Term):
        return [node]
    if positive_only and node.op == "NOT":
        return terms(node.parts[0], positive_only=True)
    return [t for part in node.parts for t in terms(part, positive_only=positive_only)]


def to_fts5(node: Node) -> str:
    if isinstance(node, Term):
        phrase = '"' + " ".join(t.replace('"', '""') for t in node.tokens) + '"'
        return phrase + " *" if node.prefix else phrase
    return "(" + f" {node.op} ".join(to_fts5(p) for p in node.parts) + ")"


def to_tsquery(node: Node) -> str:
    """tsquery text for the PostgreSQL store, whose tsvectors also hold ``X*`` wherever a token starts with
    the Han character X: a prefix term's last token X is that exact lexeme (see ``postgres.tsvectors``)."""
    if isinstance(node, Term):
        lexemes = list(node.tokens)
        if node.prefix:
            lexemes[-1] += "*"
        return "(" + " <-> ".join("'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in lexemes) + ")"
    if node.op == "NOT":
        return "(" + to_tsquery(node.parts[0]) + "".join(" & !" + to_tsquery(p) for p in node.parts[1:]) + ")"
    joiner = " & " if node.op == "AND" else " | "
    return "(" + joiner.join(to_tsquery(p) for p in node.parts) + ")"
