"""Print real articles back onto pages, as the dumps real pages come in, with the gold page beside each.

Three dump styles (``STYLES``):
- ``lines``: one paragraph per line, blank lines between (the seed's style);
- ``wrapped``: hard-wrapped at a narrow column (13–22 characters, varied per article), paragraph starts
  indented by two U+3000;
- ``epaper``: the e-paper's own copy (header lines indented with four spaces, paragraphs with two U+3000).

Artefacts of real pages, each drawn with seeded randomness per page, style and variant (widths, positions and
split points vary; no single layout): a column break that splits a paragraph mid-sentence with a blank line;
a single blank line between two articles; a title block printed after its body (body, source line, a line
holding one space, then the headline); kicker and headline on one line separated by a space; a headline
wrapped onto two lines; the byline moved after the body; photo captions as short lines between runs of blank
lines; jump lines (``（下转第六版）``) that cut an article; tab-separated list tables with a title line, built
from real enumerations in the article's text. The gold follows what was printed: a jump keeps only the text
printed before it; a caption taken from a ``图为…`` sentence leaves the paragraph.

Splits: pages of the held-out dates (``HELDOUT_DATES``) are never shown to the parser's developer; the dev
split is everything else. The two splits also use different seeds.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .corpus import Block, SourceArticle

STYLES = ("lines", "wrapped", "epaper")
HELDOUT_DATES = frozenset({"2017-04-22", "2022-04-03"})
SOURCE_NAMES = ("新华社", "人民网", "央视新闻", "新民晚报", "光明日报")
CN_DIGITS = "零一二三四五六七八九"
ITEM = r"[^\s，。、；：“”‘’（）《》…]{2,14}"
ENUMERATION = re.compile(rf"(?:{ITEM}、){{5,}}{ITEM}")
CAPTION_SENTENCE = re.compile(r"图为(?P<cap>[^。]{6,60})。")
SENTENCE_END = "。！？；”"


def split_of(article: SourceArticle) -> str:
    return "heldout" if article.date in HELDOUT_DATES else "dev"


def cn_number(n: int) -> str:
    """Page numbers as printed in jump lines: 6 → 六, 12 → 十二, 20 → 二十."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


@dataclass
class ComposedPage:
    name: str  # PAPER-YYYYMMDD-pNN-STYLE-vK
    style: str
    split: str
    text: str
    gold: dict[str, Any]
    artefacts: list[list[str]]  # per gold article: which artefacts it was printed with


def page_groups(articles: list[SourceArticle]) -> list[list[SourceArticle]]:
    """Articles printed on one page, in page order. 新民晚报 has one article a page here, so its articles of
    one day are set two or three to a page (same day, same paper; not printed together)."""
    groups: dict[tuple[str, str, int], list[SourceArticle]] = defaultdict(list)
    for a in articles:
        groups[(a.paper, a.date, a.page)].append(a)
    out: list[list[SourceArticle]] = []
    loose: dict[tuple[str, str], list[SourceArticle]] = defaultdict(list)
    for key in sorted(groups):
        arts = sorted(groups[key], key=lambda a: a.order)
        if len(arts) == 1 and arts[0].paper == "新民晚报":
            loose[(key[0], key[1])].append(arts[0])
        else:
            out.append(arts)
    for key in sorted(loose):
        arts = loose[key]
        i = 0
        while i < len(arts):
            size = 3 if (len(arts) - i) in (3, 5) else 2
            out.append(arts[i:i + size] if len(arts) - i > 1 else [arts[i]])
            i += size
    return out


def compose_pages(articles: list[SourceArticle], *, seed: int | str = 0, styles: tuple[str, ...] = STYLES,
                  variants: int = 1, split: str | None = None) -> list[ComposedPage]:
    """Every page of ``articles`` (optionally one split only) in each style, ``variants`` draws each."""
    pages = []
    for group in page_groups(articles):
        page_split = split_of(group[0])
        if split and page_split != split:
            continue
        for style in styles:
            for v in range(variants):
                pages.append(compose_group(group, style, seed=seed, variant=v))
    return pages


def compose_group(group: list[SourceArticle], style: str, *, seed: int | str = 0, variant: int = 0) -> ComposedPage:
    """One page from the given articles (in the given order), in one style."""
    page_split = split_of(group[0])
    rng = random.Random(f"{seed}|{page_split}|{group[0].key}|{style}|{variant}")
    return _compose_one(group, style, variant, page_split, rng)


# --- one page ----------------------------------------------------------------------------------------------

class _Writer:
    """Lines of the dump; ``gap(n)`` makes sure n blank lines separate what comes next."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def gap(self, n: int) -> None:
        if not self.lines:
            return
        trailing = 0
        for line in reversed(self.lines):
            if line.strip():
                break
            trailing += 1
        self.lines.extend([""] * max(0, n - trailing))

    def add(self, line: str) -> None:
        self.lines.append(line)

    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n") + "\n"


def _compose_one(group: list[SourceArticle], style: str, variant: int, split: str,
                 rng: random.Random) -> ComposedPage:
    first = group[0]
    w = _Writer()
    if style != "epaper":
        w.lines.extend([""] * rng.choice((0, 0, 1, 4)))
    base_width = rng.randint(13, 22)
    golds = []
    artefacts: list[list[str]] = []
    for i, art in enumerate(group):
        tags: list[str] = [art.paper]
        # a title block printed after its body (as on the seed page); the body then starts a new run of text,
        # so at least two blank lines separate it from the article before (else nothing marks where it starts)
        title_after = style != "epaper" and i > 0 and art.kicker is None and rng.random() < 0.15
        if i:  # between articles: often two or three blank lines, sometimes one (or none in e-paper copy)
            gap = rng.choice((0, 1)) if style == "epaper" else 1 if rng.random() < 0.35 else rng.choice((2, 3))
            if title_after:
                gap = max(gap, 2)
            w.gap(gap)
            if gap <= 1:
                tags.append(f"{gap}_blank_before")
        width = max(13, min(22, base_width + rng.randint(-2, 2)))
        golds.append(_article(art, style, w, rng, width, title_after=title_after, tags=tags))
        artefacts.append(tags)
    if style != "epaper" and rng.random() < 0.3:
        # dumps often keep trailing spaces (ASCII, NBSP, U+3000) after text; blank lines stay empty, since a
        # line holding one space means something (it comes before a title block printed after its body)
        for k, line in enumerate(w.lines):
            if line.strip() and rng.random() < 0.15:
                w.lines[k] = line + rng.choice((" ", "  ", "\xa0\xa0", "\u3000"))
        for tags in artefacts:
            tags.append("trailing_spaces")
    gold = {"schema": "banmian.page/1", "paper": first.paper, "date": first.date, "page": first.page,
            "articles": golds, "leftover": []}
    name = f"{first.paper}-{first.date.replace('-', '')}-p{first.page:02d}-{style}-v{variant}"
    return ComposedPage(name, style, split, w.text(), gold, artefacts)


# Chinese typesetting never starts a line (nor a column) with closing punctuation, nor ends one with an opening
# mark (避头尾), nor parts a dash ——: a column break falls elsewhere.
_NO_LINE_START = frozenset("，。、；：？！…”’）》」』〉】·,.;:?!)")
_NO_LINE_END = frozenset("“‘（《「『〈【(")


def _cut_point(text: str, rng: random.Random, margin: int = 8) -> int | None:
    """A place to split ``text`` mid-sentence (not right after a sentence end)."""
    if len(text) < 2 * margin + 2:
        return None
    for _ in range(10):
        k = rng.randint(margin, len(text) - margin)
        if (text[k - 1] not in SENTENCE_END and text[k - 1] != " " and text[k] != " "
                and text[k] not in _NO_LINE_START and text[k - 1] not in _NO_LINE_END and text[k - 1:k + 1] != "——"):
            return k
    return None


def _list_table(art: SourceArticle, rng: random.Random) -> dict[str, Any] | None:
    for p in art.paragraphs():
        m = ENUMERATION.search(p)
        if not m:
            continue
        items = m.group(0).split("、")
        if len(items[0]) > 6:  # the match starts inside the sentence before the list
            items = items[1:]
        items = [x.removesuffix("等") for x in items if 2 <= len(x) <= 14]
        if len(items) < 5:
            continue
        cols = rng.choice((2, 2, 3))
        nrows = -(-len(items) // cols)
        rows = [[items[c * nrows + r] if c * nrows + r < len(items) else "" for c in range(cols)]
                for r in range(nrows)]
        return {"title": f"附：{len(items)}项名单", "rows": rows, "items": items}
    return None


def _headline_lines(art: SourceArticle, rng: random.Random) -> list[str]:
    if len(art.headline_lines) > 1 and rng.random() < 0.8:
        return list(art.headline_lines)
    h = art.headline
    if len(h) >= 10 and rng.random() < 0.2:
        # papers break a long headline between words, never inside a quotation or right before punctuation
        cuts = [k for k in _word_boundaries(h) if len(h) / 3 <= k <= 2 * len(h) / 3
                and h[k - 1] not in "“《（ " and h[k] not in "”》），、：！？ "
                and all(h[:k].count(a) == h[:k].count(b) for a, b in ("“”", "《》", "（）"))]
        if cuts:
            k = rng.choice(cuts)
            return [h[:k], h[k:]]
    return [h]


def _word_boundaries(text: str) -> list[int]:
    import jieba

    jieba.setLogLevel(60)
    words = list(jieba.cut(text))
    out, pos = [], 0
    for left, right in zip(words, words[1:], strict=False):
        pos += len(left)
        if len(left) >= 2 and len(right) >= 2:  # between two whole words, not beside a lone character
            out.append(pos)
    return out


def _article(art: SourceArticle, style: str, w: _Writer, rng: random.Random, width: int,
             title_after: bool, tags: list[str]) -> dict[str, Any]:
    gold: dict[str, Any] = {"kicker": art.kicker, "headline": art.headline,
                            "subheadlines": list(art.subheadlines), "paragraphs": [], "bylines": [],
                            "credits": [], "source": None, "captions": [], "jumps": [], "tables": []}
    body: list[Block] = [Block(b.kind, b.text, b.bylines, b.credit) for b in art.body]
    plain = style != "epaper"

    # a 图为… sentence becomes the photo caption, printed apart from the text
    captions: list[str] = []
    if plain and rng.random() < 0.6:
        for b in body:
            m = CAPTION_SENTENCE.search(b.text) if b.kind == "p" else None
            if m:
                captions.append(m.group("cap"))
                b.text = (b.text[:m.start()] + b.text[m.end():]).strip()
                break
        body = [b for b in body if b.kind != "p" or b.text]
    table = _list_table(art, rng) if plain and rng.random() < 0.3 else None
    if table and rng.random() < 0.5:
        captions += rng.sample(table["items"], k=min(len(table["items"]), rng.randint(1, 3)))

    # a jump cuts the article: what follows is printed on another page
    jump = None
    paras_idx = [i for i, b in enumerate(body) if b.kind == "p"]
    if rng.random() < 0.12 and len(paras_idx) >= 2:
        if rng.random() < 0.7:
            keep = rng.randint(1, len(paras_idx) - 1)
            last = paras_idx[keep - 1]
            body = body[: last + 1]
            k = _cut_point(body[last].text, rng)
            if k:
                body[last] = Block("p", body[last].text[:k], _reporters_printed(body[last], k))
            jump = f"（下转第{cn_number(art.page + rng.randint(1, 6))}版）"
        else:
            jump = f"（相关报道见第{cn_number(art.page + rng.randint(1, 6))}版）"

    top = art.top_byline
    byline_at_end = top is not None and plain and rng.random() < 0.3
    kicker_same_line = plain and art.kicker is not None and rng.random() < 0.3

    # gold
    if top:
        gold["bylines"] += [dict(b) for b in top.bylines]
    for b in body:
        if b.kind == "p":
            gold["paragraphs"].append(b.text)
        if b.bylines:
            gold["bylines"] += [dict(x) for x in b.bylines]
        if b.credit:
            gold["credits"].append(dict(b.credit))
    gold["captions"] = captions
    if jump:
        gold["jumps"] = [jump]
    if table:
        gold["tables"] = [table]

    tags += [t for t, on in (
        ("kicker", art.kicker), ("subheadline", art.subheadlines), ("top_byline", top and not byline_at_end),
        ("byline_after_body", byline_at_end), ("title_after_body", title_after),
        ("kicker_same_line", kicker_same_line), ("caption", captions), ("jump", jump), ("table", table),
        ("dateline_byline", any(b.kind == "p" and b.bylines for b in body)),
        ("body_byline_line", any(b.kind == "byline" for b in body)),
        ("credit_line", any(b.kind == "credit" for b in body)),
        ("headline_space", " " in art.headline)) if on]

    # print
    if style == "epaper":
        _print_epaper(art, body, top, jump, w)
        return gold
    if not title_after:
        _print_title(art, w, rng, kicker_same_line, tags)
        if top and not byline_at_end:
            w.gap(1)
            w.add(top.text)
    w.gap(1)
    column_breaks = rng.choice((0, 0, 1, 1, 2))
    for i, b in enumerate(body):
        if style == "lines":
            if i:
                w.gap(1)
            broke = _print_line_block(b, w, rng, column_breaks > 0)
        else:
            if i and rng.random() < 0.15:
                w.gap(1)
            broke = _print_wrapped_block(b, w, rng, width, column_breaks > 0)
        if broke:
            column_breaks -= 1
            if "column_break" not in tags:
                tags.append("column_break")
    if jump:
        if style == "lines" and rng.random() < 0.5:
            w.gap(1)
        w.add(jump)
    if top and byline_at_end:
        w.gap(1)
        w.add(top.text)
    if title_after:
        if rng.random() < 0.6:
            source = rng.choice(SOURCE_NAMES)
            gold["source"] = source
            tags.append("source_line")
            w.gap(1)
            w.add(f"据{source}")
        w.gap(1)
        w.add(" ")
        _print_title(art, w, rng, False, tags)
    for cap in captions:
        w.gap(rng.choice((2, 3)))
        w.add(cap)
    if table:
        w.gap(rng.choice((1, 2, 3)))
        w.add(table["title"])
        if rng.random() < 0.5:
            w.add("")
        for row in table["rows"]:
            w.add("\t".join(row))
    return gold


def _reporters_printed(block: Block, cut: int) -> list[dict[str, Any]]:
    """A cut paragraph keeps its dateline's reporters only when the dateline was printed."""
    head = block.text[:cut]
    return [b for b in block.bylines if all(n in head for n in b["names"])]


def _print_title(art: SourceArticle, w: _Writer, rng: random.Random, kicker_same_line: bool,
                 tags: list[str]) -> None:
    heads = _headline_lines(art, rng)
    if len(heads) > 1:
        tags.append("headline_wrapped")
    sep = rng.choice((0, 1, 1))  # blank lines between the lines of a title block
    if art.kicker and kicker_same_line:
        heads[0] = f"{art.kicker} {heads[0]}"
    elif art.kicker:
        w.add(art.kicker)
        w.gap(sep)
    for h in heads:
        w.add(h)
    if len(art.subheadlines) > 1 and rng.random() < 0.6:
        tags.append("subheadlines_one_line")
        w.gap(sep)
        w.add(" ".join(art.subheadlines))
        return
    for s in art.subheadlines:
        w.gap(sep)
        w.add(s)


def _print_line_block(b: Block, w: _Writer, rng: random.Random, may_break: bool) -> bool:
    """Print one body line; True when a column break split it."""
    if b.kind == "p" and may_break and len(b.text) > 40 and rng.random() < 0.5:
        k = _cut_point(b.text, rng, margin=10)
        if k:
            w.add(b.text[:k])
            w.gap(1)
            w.add(b.text[k:])
            return True
    w.add(b.text)
    return False


def _print_wrapped_block(b: Block, w: _Writer, rng: random.Random, width: int, may_break: bool) -> bool:
    if b.kind != "p":
        w.add(b.text)
        return False
    text = "\u3000\u3000" + b.text
    lines = _wrap(text, width)
    brk = rng.randint(1, len(lines) - 1) if may_break and len(lines) > 2 and rng.random() < 0.5 else None
    for i, line in enumerate(lines):
        if i == brk:
            w.add("")
        w.add(line)
    return brk is not None


def _wrap(text: str, width: int) -> list[str]:
    """Lines of ``width`` characters, except that closing punctuation never starts a line: it hangs at the end
    of the line before (标点悬挂), one or two characters past the width; and an opening mark never ends one."""
    lines: list[str] = []
    i = 0
    while i < len(text):
        j = min(len(text), i + width)
        while j < len(text) and j < i + width + 2 and text[j] in _NO_LINE_START:
            j += 1
        if j < len(text) and text[j - 1] in _NO_LINE_END and j - i > 1:
            j -= 1  # an opening mark goes down to the line it opens
        lines.append(text[i:j])
        i = j
    return lines


def _print_epaper(art: SourceArticle, body: list[Block], top: Block | None, jump: str | None,
                  w: _Writer) -> None:
    w.add("    " + (art.kicker or ""))
    w.add("    " + art.headline)
    w.add("    " + "  ".join(art.subheadlines))
    w.add("    " + (top.text if top else ""))
    for b in body:
        w.add("\u3000\u3000" + b.text)
    if jump:
        w.add("\u3000\u3000" + jump)
