"""Real articles in, with their gold fields derived from the source's own structure.

人民日报 (rmrb2017 JSON Lines): ``text`` is the e-paper copy. Its four header lines (indented with four spaces)
are: kicker slot, headline, subheadline slot, byline slot; ``title`` confirms the headline (``<br>`` marks
where the printed headline breaks). Body paragraphs start with two U+3000. Inside the body, whole lines can be
photo credits (``本报记者  贺  勇摄``, ``人民视觉``), page credits (``本版制图：蔡华伟``) or bylines of a part
(``本报记者 于 洋``, ``顾 春 蒋 勇摄影报道``); datelines (``本报北京4月21日电  （记者季芳）``) name reporters
while their text stays in the paragraph.

新民晚报 (XinMin.csv): 引题/标题/副题 are columns; ``content`` separates paragraphs with four spaces and keeps
the byline inside, as the first paragraph (``首席记者  潘高峰``, ``◆韩浩月``), the last one
(``本报记者  左妍``), or glued to the end of the last sentence (``…了。本报记者  杨硕``).

Names are bare: padding inside two-character names is removed (``顾  春`` → 顾春).
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SPACE = re.compile(r"[ \t\u3000\xa0]+")
CJK_NAME = re.compile(r"^[\u4e00-\u9fff·]{1,5}$")
ROLE_TOKEN = re.compile(r"^(?P<outlet>.*?)(?P<role>记者|通讯员)$")
TITLE_PREFIXES = ("首席", "特约", "特派", "见习")
SUFFIX_ROLES = ("摄影报道", "摄")
LABELLED_CREDIT = re.compile(r"^(?:本版)?(?P<role>制图|刊头书法|版式设计|书法|绘图|漫画)[：:]\s*(?P<name>\S.*)$")
AGENCY_CREDITS = ("人民视觉", "视觉中国", "新华社发", "IC photo")
# A picture credit naming who provided the pictures: 本版图片由受访者提供 (受访者, 主办方 … name no person).
PROVIDED_CREDIT = re.compile(r"^(?:本版|本文)?(?:图片|照片|图)均?由(?P<who>[^，。；\s]{2,20})提供$")
NOT_PERSONS = ("受访者", "被访者", "采访对象", "主办方", "承办方", "活动方")
DATELINE = re.compile(
    r"^（?(?P<outlet>本报|据新华社|新华社|据人民日报)?[^（）]{0,40}?电\s*（(?P<inner>[^）]{2,60})）")
DATELINE_END = re.compile(r"^（(?P<outlet>本报)[^（）]{0,60}?电\s+(?P<inner>记者[^）]+)）$")


def clean(text: str) -> str:
    """One space for any run of spaces (ASCII, U+3000, NBSP); trimmed."""
    return SPACE.sub(" ", text).strip()


@dataclass
class Block:
    """One printed body line of an article: a paragraph, a byline line or a credit line."""

    kind: str  # "p" | "byline" | "credit"
    text: str
    bylines: list[dict[str, Any]] = field(default_factory=list)  # gold bylines this line gives
    credit: dict[str, Any] | None = None


@dataclass
class SourceArticle:
    key: str
    paper: str
    date: str  # YYYY-MM-DD
    page: int
    order: int
    headline: str
    headline_lines: list[str]  # how the paper broke the headline (one item when it did not)
    kicker: str | None = None
    subheadlines: list[str] = field(default_factory=list)
    top_byline: Block | None = None  # the byline printed under the title block
    body: list[Block] = field(default_factory=list)

    def paragraphs(self) -> list[str]:
        return [b.text for b in self.body if b.kind == "p"]


# --- bylines and credits -----------------------------------------------------------------------------------

def _join_single_chars(tokens: list[str]) -> list[str]:
    """``顾 春 蒋 勇`` → 顾春, 蒋勇: two-character names are printed padded to the width of three."""
    out: list[str] = []
    pending = ""
    for t in tokens:
        if len(t) == 1:
            if pending:
                out.append(pending + t)
                pending = ""
            else:
                pending = t
        else:
            if pending:
                out.append(pending)
                pending = ""
            out.append(t)
    if pending:
        out.append(pending)
    return out


def parse_byline_line(line: str, *, require_role: bool) -> list[dict[str, Any]] | None:
    """``本报驻埃及记者  韩晓明  本报驻俄罗斯记者  曲  颂`` → two bylines; None when the line is not one.

    ``require_role``: a line inside the body must show a role (记者, 通讯员, 摄影报道) to count; the byline
    slot under a title block may hold bare names (``何首君``, ``单宋佳  邵亚波``).
    """
    tokens = clean(line).split(" ")
    groups: list[dict[str, Any]] = []
    current: dict[str, Any] = {"role": None, "names": [], "outlet": None}
    name_tokens: list[str] = []

    def flush() -> None:
        names = _join_single_chars(name_tokens)
        if names:
            current["names"] = names
            groups.append(dict(current))
        name_tokens.clear()

    for tok in tokens:
        if tok in SUFFIX_ROLES:  # ``孙中钦  陈炅玮  摄影报道``
            current["role"] = tok
            continue
        m = ROLE_TOKEN.match(tok)
        if m and len(tok) <= 12:
            flush()
            outlet, role = m.group("outlet"), m.group("role")
            if outlet in TITLE_PREFIXES:
                role, outlet = outlet + role, None
            current = {"role": role, "names": [], "outlet": outlet or None}
            continue
        for suffix in SUFFIX_ROLES:
            if tok.endswith(suffix) and len(tok) > len(suffix):
                tok = tok[: -len(suffix)]
                current["role"] = suffix
                break
        if not CJK_NAME.match(tok):
            return None
        name_tokens.append(tok)
    flush()
    if not groups:
        return None
    if require_role and not any(g["role"] for g in groups):
        return None
    return groups


def parse_credit_line(line: str) -> dict[str, Any] | None:
    """Photo and page credits: ``新华社记者  杨  磊摄``, ``隋先凯摄（新华社发）``, ``人民视觉``, ``本版制图：郭祥``."""
    text = clean(line)
    if text in AGENCY_CREDITS:
        return {"role": None, "names": [text], "text": text}
    m = PROVIDED_CREDIT.match(text)
    if m:
        who = m.group("who")
        person = CJK_NAME.match(who) and len(who) <= 4 and who not in NOT_PERSONS
        return {"role": "供图", "names": [who] if person else [], "text": text}
    m = LABELLED_CREDIT.match(text)
    if m:
        return {"role": m.group("role"), "names": [clean(m.group("name")).replace(" ", "")], "text": text}
    core = re.sub(r"（[^）]{1,10}）$", "", text)
    if core.endswith("摄") and not core.endswith("摄影报道"):
        bylines = parse_byline_line(core, require_role=True)
        if bylines:
            names = [n for b in bylines for n in b["names"]]
            return {"role": "摄", "names": names, "text": text}
    return None


def dateline_bylines(paragraph: str) -> list[dict[str, Any]]:
    """Reporters named in a dateline (``本报北京4月21日电  （记者季芳）``); the text stays in the paragraph."""
    text = clean(paragraph)
    m = DATELINE.match(text) or DATELINE_END.match(text)
    if not m:
        return []
    inner = m.group("inner").strip()
    role = None
    if inner.startswith("记者"):
        role, inner = "记者", inner[2:]
    names = [n.replace(" ", "") for n in re.split(r"[、，,]", inner)]
    if not names or not all(CJK_NAME.match(n) and len(n) >= 2 for n in names):
        return []
    outlet = m.group("outlet")
    if outlet:
        outlet = outlet.removeprefix("据")
    return [{"role": role or "记者", "names": names, "outlet": outlet}]


def classify_body_line(text: str) -> Block:
    credit = parse_credit_line(text)
    if credit:
        return Block("credit", credit["text"], credit=credit)
    byl = parse_byline_line(text, require_role=True) if len(clean(text)) <= 30 else None
    if byl:
        return Block("byline", clean(text), bylines=byl)
    return Block("p", text, bylines=dateline_bylines(text))


# --- 人民日报 2017 ------------------------------------------------------------------------------------------

def _rmrb_article(row: dict[str, Any]) -> SourceArticle | None:
    lines = row["text"].split("\n")
    header = [clean(x) for x in lines[:4]]
    if len(lines) < 5 or not all(x.startswith("    ") for x in lines[:4]):
        return None
    title_lines = [clean(x) for x in row["title"].split("<br>")]
    headline = clean(" ".join(title_lines)) if len(title_lines) == 1 else "".join(title_lines)
    if header[1].replace(" ", "") != headline.replace(" ", ""):
        return None
    date = row["date"]
    art = SourceArticle(
        key=f"人民日报-{date}-p{int(row['page']):02d}-{int(row['article_no']):02d}",
        paper="人民日报", date=f"{date[:4]}-{date[4:6]}-{date[6:]}", page=int(row["page"]),
        order=int(row["article_no"]), headline=header[1], headline_lines=title_lines,
        kicker=header[0] or None, subheadlines=[header[2]] if header[2] else [],
    )
    if header[3]:
        byl = parse_byline_line(header[3], require_role=False)
        if byl:
            art.top_byline = Block("byline", header[3], bylines=byl)
        else:  # an unreadable slot stays text of the article
            art.body.append(Block("p", header[3]))
    for raw in lines[4:]:
        text = raw.replace("\xa0", " ").strip(" \u3000\t")
        if text:
            art.body.append(classify_body_line(text))
    if not art.paragraphs():
        return None
    return art


def load_rmrb(path: str | Path) -> list[SourceArticle]:
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                art = _rmrb_article(json.loads(line))
                if art:
                    out.append(art)
    return out


# --- 新民晚报 2022 ------------------------------------------------------------------------------------------

XM_BYLINE_PARA = re.compile(r"^(?:◆\s*|文/)")
XM_GLUED_BYLINE = re.compile(r"^(?P<body>.*[。！？”…）])(?P<byline>(?:本报|首席|特约)?(?:记者|通讯员)\s*[\u4e00-\u9fff]{2,4})$")


def _xinmin_byline(text: str) -> list[dict[str, Any]] | None:
    marked = bool(XM_BYLINE_PARA.match(text))
    core = XM_BYLINE_PARA.sub("", clean(text))
    if len(core) > 30:
        return None
    bylines = parse_byline_line(core, require_role=False)
    if bylines and not marked and not any(b["role"] for b in bylines) and _is_verb(core):
        return None  # a one-word section head such as 求助 or 采药, not an author
    return bylines


def _is_verb(word: str) -> bool:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    tags = list(jieba.posseg.cut(word))
    return len(tags) == 1 and tags[0].flag.startswith("v")


def _xinmin_article(row: dict[str, str], order: int) -> SourceArticle | None:
    paras = [clean(p) for p in re.split(r" {4,}", row["content"]) if clean(p)]
    if not paras or paras[0].startswith(">>>") or row["title"].strip() in ("导读",):
        return None
    page = int(re.match(r"第(\d+)", row["ban"]).group(1))  # type: ignore[union-attr]
    headline = clean(row["title"])
    art = SourceArticle(
        key=f"新民晚报-{row['date'].replace('-', '')}-p{page:02d}-{order:02d}", paper="新民晚报",
        date=row["date"], page=page, order=order, headline=headline, headline_lines=[headline],
        kicker=clean(row["special_title"]) or None,
        # several 副题 parts share the column, two spaces apart (as the seed's subheadlines share a line)
        subheadlines=[clean(x) for x in re.split(r" {2,}", row["subtitle"]) if clean(x)],
    )
    first = _xinmin_byline(paras[0]) if len(paras) > 1 else None
    if first:
        art.top_byline = Block("byline", paras[0], bylines=first)
        paras = paras[1:]
    tail: list[Block] = []
    while len(paras) > 1:
        credit = parse_credit_line(paras[-1])
        if credit:  # a picture credit closes the text (本版图片由受访者提供), after its byline
            tail.insert(0, Block("credit", credit["text"], credit=credit))
            paras.pop()
            continue
        last = _xinmin_byline(paras[-1])
        if last and any(b["role"] for b in last):
            tail.insert(0, Block("byline", paras.pop(), bylines=last))
            continue
        m = XM_GLUED_BYLINE.match(paras[-1])
        if m:
            # (the name may follow its role with no space: 本报记者王军)
            glued = parse_byline_line(re.sub(r"(记者|通讯员)(?=[^\s])", r"\1 ", m.group("byline")), require_role=True)
            if glued:
                paras[-1] = m.group("body")
                tail.insert(0, Block("byline", clean(m.group("byline")), bylines=glued))
                continue
        break
    for p in paras:
        art.body.append(classify_body_line(p))
    art.body += tail
    return art if art.paragraphs() else None


def load_xinmin(path: str | Path) -> list[SourceArticle]:
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            art = _xinmin_article(row, i + 1)
            if art:
                out.append(art)
    return out
