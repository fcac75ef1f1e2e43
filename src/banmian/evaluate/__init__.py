"""Evaluation of the parser on pages it has never seen.

- ``corpus``: reads real articles (人民日报 e-paper copy, 新民晚报 CSV) and derives each article's gold fields
  from the source's own structure (header lines, 引题/标题/副题 columns, datelines, credit lines).
- ``compose``: prints the articles that shared a real page back into page dumps, in three dump styles and
  with the artefacts of real pages (column breaks, moved title blocks, captions, jumps, tables …), keeping the
  gold page beside each dump.
- ``score``: the page metrics (article F1, headline, title block, paragraph boundaries, credited names,
  lost text), computed the same way as the project's reference scorer.

``bench/accuracy.py`` and ``tests/parse/test_accuracy_gate.py`` use these; nothing here is needed at run time.
"""

from __future__ import annotations

from .compose import STYLES, ComposedPage, compose_group, compose_pages, page_groups, split_of
from .corpus import SourceArticle, load_rmrb, load_xinmin
from .score import aggregate, score_page

__all__ = [
    "STYLES", "ComposedPage", "SourceArticle", "aggregate", "compose_group", "compose_pages", "load_rmrb",
    "load_xinmin", "page_groups", "score_page", "split_of",
]
