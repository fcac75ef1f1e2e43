"""The one data model: a Page holds Articles, an Article holds its fields.

Every stage (readers → parse → enrich → store → serve) takes and returns these objects. Their JSON form
(``to_dict`` / ``from_dict``) is the public contract ``banmian.page/1``; keys listed in the README are fixed,
extra keys may be added. Enrichment fields are ``None`` until ``enrich`` has run and are then left out of
the JSON, so a structure-only parse stays small.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = "banmian.page/1"


@dataclass
class Byline:
    """Who wrote the article: ``新重庆-重庆日报记者 杨帆`` → outlet 新重庆-重庆日报, role 记者, names [杨帆]."""

    role: str | None
    names: list[str]
    outlet: str | None = None
    text: str = ""  # the line as printed, so nothing is lost

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "names": list(self.names), "outlet": self.outlet, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Byline:
        return cls(d.get("role"), list(d.get("names") or []), d.get("outlet"), d.get("text") or "")


@dataclass
class Credit:
    """A photo or graphic credit: ``两江新区党工委宣传部供图`` → role 供图, names [两江新区党工委宣传部]."""

    role: str | None
    names: list[str]
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "names": list(self.names), "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Credit:
        return cls(d.get("role"), list(d.get("names") or []), d.get("text") or "")


@dataclass
class Table:
    """A tab-separated table or list; ``items`` is the list in reading order (column by column)."""

    title: str | None
    rows: list[list[str]]
    items: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "rows": [list(r) for r in self.rows], "items": list(self.items)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Table:
        return cls(d.get("title"), [list(r) for r in d.get("rows") or []], list(d.get("items") or []))


@dataclass
class Entity:
    """A mention: offsets into ``paragraphs[paragraph]``; paragraph -1 means the headline."""

    text: str
    type: str
    paragraph: int
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "type": self.type, "paragraph": self.paragraph,
                "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(d["text"], d["type"], int(d.get("paragraph", 0)), int(d["start"]), int(d["end"]))


@dataclass
class Person:
    """A person of the story, in order of first mention, with the titles the text gives them."""

    name: str
    titles: list[str] = field(default_factory=list)
    mentions: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "titles": list(self.titles), "mentions": self.mentions}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Person:
        return cls(d["name"], list(d.get("titles") or []), int(d.get("mentions", 1)))


@dataclass
class Article:
    headline: str = ""
    kicker: str | None = None
    subheadlines: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    bylines: list[Byline] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    source: str | None = None
    captions: list[str] = field(default_factory=list)
    jumps: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    # Filled by enrich; None means "not enriched" (left out of the JSON).
    entities: list[Entity] | None = None
    people: list[Person] | None = None
    dates: list[dict[str, Any]] | None = None
    quantities: list[dict[str, Any]] | None = None
    terms: list[dict[str, Any]] | None = None
    keywords: list[str] | None = None

    def text(self) -> str:
        """The article's readable text: title block, then paragraphs."""
        head = [x for x in (self.kicker, self.headline, *self.subheadlines) if x]
        return "\n".join(head + self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "kicker": self.kicker,
            "headline": self.headline,
            "subheadlines": list(self.subheadlines),
            "paragraphs": list(self.paragraphs),
            "bylines": [b.to_dict() for b in self.bylines],
            "credits": [c.to_dict() for c in self.credits],
            "source": self.source,
            "captions": list(self.captions),
            "jumps": list(self.jumps),
            "tables": [t.to_dict() for t in self.tables],
        }
        if self.entities is not None:
            d["entities"] = [e.to_dict() for e in self.entities]
        if self.people is not None:
            d["people"] = [p.to_dict() for p in self.people]
        for key in ("dates", "quantities", "terms", "keywords"):
            value = getattr(self, key)
            if value is not None:
                d[key] = list(value)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        a = cls(
            headline=d.get("headline") or "",
            kicker=d.get("kicker"),
            subheadlines=list(d.get("subheadlines") or []),
            paragraphs=list(d.get("paragraphs") or []),
            bylines=[Byline.from_dict(b) for b in d.get("bylines") or []],
            credits=[Credit.from_dict(c) for c in d.get("credits") or []],
            source=d.get("source"),
            captions=list(d.get("captions") or []),
            jumps=list(d.get("jumps") or []),
            tables=[Table.from_dict(t) for t in d.get("tables") or []],
        )
        if d.get("entities") is not None:
            a.entities = [Entity.from_dict(e) for e in d["entities"]]
        if d.get("people") is not None:
            a.people = [Person.from_dict(p) for p in d["people"]]
        for key in ("dates", "quantities", "terms", "keywords"):
            if d.get(key) is not None:
                setattr(a, key, list(d[key]))
        return a


@dataclass
class Page:
    paper: str | None = None
    date: str | None = None  # YYYY-MM-DD
    page: int | None = None
    articles: list[Article] = field(default_factory=list)
    leftover: list[str] = field(default_factory=list)
    source_file: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "schema": SCHEMA,
            "paper": self.paper,
            "date": self.date,
            "page": self.page,
            "articles": [a.to_dict() for a in self.articles],
            "leftover": list(self.leftover),
        }
        if self.source_file is not None:
            d["source_file"] = self.source_file
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Page:
        page = d.get("page")
        return cls(
            paper=d.get("paper"),
            date=d.get("date"),
            page=int(page) if page is not None else None,
            articles=[Article.from_dict(a) for a in d.get("articles") or []],
            leftover=list(d.get("leftover") or []),
            source_file=d.get("source_file"),
        )
