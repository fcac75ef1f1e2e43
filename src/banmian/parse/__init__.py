"""Text → Page. (First cut: one article per page, one paragraph per block; replaced by the real parser.)"""

from __future__ import annotations

from ..model import Article, Page

__all__ = ["parse_text"]


def parse_text(text: str, *, paper: str | None = None, date: str | None = None, page: int | None = None) -> Page:
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    result = Page(paper=paper, date=date, page=page)
    if blocks:
        result.articles.append(Article(headline=blocks[0], paragraphs=blocks[1:]))
    return result
