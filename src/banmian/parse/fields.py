"""What a unit is, read from its own text: body, title line, byline, credit, source, jump, table row.

Position decides the rest (``segment.py``): a bare name line is a byline only next to a title block or at
the end of an article; a short line is a headline, a caption or an in-article section head depending on
what surrounds it.
"""

from __future__ import annotations

import re

from ..model import Byline, Credit
from . import knowledge as K
from .lines import PARA, Unit

# Unit kinds.
BODY, HEAD, BYLINE, NAMES, CREDIT, SOURCE, JUMP, ROW, TABLE_TITLE = range(9)

_WS = re.compile(r"[\s\u3000\xa0]+")
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_NAME = re.compile(rf"[{_CJK}·•]{{2,6}}")
_ROLE_TOKEN = re.compile(
    "^(?P<outlet>.*?)(?P<role>" + "|".join(sorted(K.BYLINE_ROLES, key=len, reverse=True)) + ")(?P<rest>.*)$"
)
_SURNAME_SET = frozenset(K.SURNAMES)
_JUMP = re.compile(r"^[（(](?:" + "|".join(K.JUMP_WORDS) + r")[^（）()]{0,24}[）)]$")
# A jump set at the end of the paragraph it cuts: …还没有讲完（下转第三版）
JUMP_TAIL = re.compile(r"[（(](?:下转|转第|紧转|转见|接第|上接|续见)[^（）()]{0,12}版[）)]$")
_SOURCE = re.compile(r"^(?:据(?P<a>[^，。、；：\s]{2,18}?)(?:报道|消息)?|(?:稿件)?来源[:：]\s*(?P<b>[^，。；]{2,24}))$")
_CREDIT_SUFFIX = re.compile("(?:" + "|".join(K.CREDIT_SUFFIXES) + ")$")
_CREDIT_LABEL = re.compile(r"^(?P<label>" + "|".join(K.CREDIT_LABELS) + r")\s*[:：]\s*(?P<who>.{1,30})$")
# A picture credit that names who provided the pictures: 本版图片由受访者提供, 图片由主办方提供.
_PROVIDED_BY = re.compile(r"^(?:本版|本文|左|右|上|下)?(?:图片|照片|图)均?由(?P<who>[^，。；\s]{2,20})提供$")
_TRAILING_AGENCY = re.compile(r"[（(](?P<agency>[^（）()]{2,12})[）)]$")
_AGENCIES = frozenset(K.CREDIT_AGENCIES)
# Last characters a credit line can end on (its role word, or a bracketed agency): a cheap first test.
_CREDIT_LAST = frozenset(w[-1] for w in K.CREDIT_SUFFIXES) | frozenset("）)")
# A dateline, with the reporters in brackets: 本报北京3月25日电  （记者姜洁）; 据新华社巴黎4月21日电（记者苏斌）.
_DATELINE = re.compile(
    r"^(?:据)?(?:[^，。；\s（(]{2,40}?(?:\d{1,2}月\d{1,2}日)?电|(?:本报|[^，。；\s（(]{2,10}?(?:报|社|网|台))讯)"
    r"\s*[（(](?P<who>[^（）()。，]{2,60})[）)]"
)
# A local news lead has no place or date, only its outlet and 讯: 本报讯  市委书记李强…, 新民晚报讯（记者 王军）…
NEWS_FLASH = re.compile(r"^(?:据)?(?:本报|[^，。；\s（(]{2,10}?(?:报|社|网|台))讯(?=[\s（(：:]|$)")
# A dateline opening a text, with or without reporters: 新华社北京3月24日电, 本报海南博鳌3月24日电.
_DATELINE_LEAD = re.compile(r"^(?:据)?[^，。；\s（(]{2,30}?\d{1,2}月\d{1,2}日电")
# A closing dateline: （本报开罗4月21日电）, （本报北京、曼谷…3月24日电  记者黄发红、俞懿春）.
_CLOSING = re.compile(r"^[（(](?:据)?[^（）()]{0,60}?电(?:\s*(?P<who>[^（）()]{2,80}))?[）)]$")
_BYLINE_MARK = re.compile(r"^(?:[◆◇■□●○▲△★☆]\s*|文\s*[/／|｜]\s*)")
_NAME_SPLIT = re.compile(r"[、，,\s\u3000\xa0]+")
# An outlet (本报, 本报驻埃及, 新重庆-重庆日报) holds no digits or brackets: 本报堪培拉3月24日电（记者焦翔 is a dateline.
_NOT_OUTLET = re.compile(r"[\d（()），,。：:；;]")

_END = frozenset(K.SENTENCE_END)
_CLOSE = frozenset(K.CLOSERS)


def ends_sentence(s: str) -> bool:
    """Does the text end a sentence (so a paragraph that ends here is complete)?"""
    if not s:
        return False
    last = s[-1]
    if last in _END:
        return True
    if last in "．.":
        return s.endswith(("...", "．．．"))  # an ellipsis typed as dots: …推向海外的......
    if last in _CLOSE and len(s) > 1:
        # …说。” ends a sentence; “强镇带村” does not.
        return s[-2] in _END or (s[-2] in _CLOSE and len(s) > 2 and s[-3] in _END) or ends_sentence(s[:-1])
    return False


# A paragraph that ends in its reporters' names: …确保家中安全。 本报记者 潘高峰
_SIGNED_END = re.compile(r"[。！？”）)]\s*(?:本报)?(?:(?:(?:特约|首席|实习|见习)?(?:记者|通讯员)|实习生)\s*[\u4e00-\u9fff·]{2,4}\s*)+$")


_ROLE_WORD = re.compile(r"记者|通讯员|实习生")


def ends_signed(s: str) -> bool:
    """Does the text end in its reporters' names after its last sentence (so it is complete, and signed)?
    (…发布会。记者从交通运 | 输部获悉 is a sentence going on: 从交通运 names no one)"""
    tail = s[-32:]
    if not ("记者" in tail or "通讯员" in tail or "实习生" in tail) or _SIGNED_END.search(tail) is None:
        return False
    last = _ROLE_WORD.split(tail)[-1]
    return person_names(last, strict=True) is not None


def is_surname_start(name: str) -> bool:
    return name[:1] in _SURNAME_SET or name[:2] in K.COMPOUND_SURNAMES


def _merge_padded(tokens: list[str]) -> list[str]:
    """顾 春 → 顾春: two-character names are padded to three with spaces; single characters pair up."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if len(t) == 1 and i + 1 < len(tokens) and len(tokens[i + 1]) == 1:
            out.append(t + tokens[i + 1])
            i += 2
            continue
        if len(t) == 1 and i + 1 < len(tokens) and len(tokens[i + 1]) == 2 and not out:
            # 李 博 → after stripping a suffix the second half may carry one more character.
            out.append(t + tokens[i + 1])
            i += 2
            continue
        out.append(t)
        i += 1
    return out


def person_names(text: str, *, strict: bool) -> list[str] | None:
    """The person names in a run of names (顾  春, 庞革平  吴宗航, 杨迅、刘睿), or None if it is not one.

    strict: also refuse four-character names that do not start with a compound surname (a bare name line
    has no role word to vouch for it).
    """
    tokens = [t for t in _NAME_SPLIT.split(text) if t]
    if not tokens or len(tokens) > 8:
        return None
    names = _merge_padded(tokens)
    for n in names:
        if not _NAME.fullmatch(n):
            return None
        if "·" in n or "•" in n:
            continue
        if not (2 <= len(n) <= 4):
            return None
        if strict and (not is_surname_start(n) or (len(n) == 4 and n[:2] not in K.COMPOUND_SURNAMES)
                       or n in K.NOT_NAMES or (len(n) >= 3 and n[-1] in K.NOT_NAME_ENDINGS)):
            return None
    return names


_FOUR_HAN = re.compile(r"[\u4e00-\u9fff]{4}")


# A headline's column tag: 华北明珠 再绽璀璨（绿色焦点）. (A part head like 于殿利（商务印书馆总经理） names a person.)
COLUMN_TAG = re.compile(r"^[^（）]{5,}（[^（）]{2,12}）$")
_KICKER_THEN_HEADLINE = re.compile(r"^[\u4e00-\u9fff\w“”]{8,30}[ \u3000]+\S.{3,29}$")


def pen_name(text: str) -> bool:
    """Is a line of four characters a writer's name (a pen name such as 林夏萨摩, 苏米亚娜) rather than a short
    title (高歌猛进, 春天茶事, 江南春早, 王子文化)? A dictionary segments such a name into pieces that are all
    personal names (林夏 / 萨摩), never into one word or a phrase of common words. Asked only where the line
    stands as a byline does (between a title and its text, under a text, in a byline slot), since a
    four-character title may look the same."""
    if not _FOUR_HAN.fullmatch(text) or not is_surname_start(text) or text in K.NOT_NAMES \
            or text[-1] in K.NOT_NAME_ENDINGS:
        return False
    import rjieba  # (word classes; asked only for a four-character line between a title and its text)

    tags = rjieba.tag(text)
    return len(tags) >= 2 and len(tags[0][0]) == 2 and all(t.startswith("nr") for _, t in tags)


def parse_byline(text: str) -> list[Byline] | None:
    """Bylines with a role word: 新重庆-重庆日报记者 杨帆; 本报驻埃及记者  韩晓明  本报驻俄罗斯记者  曲  颂;
    本报记者  杨洁  通讯员  刘一剑. None when the line is not (only) bylines."""
    groups: list[tuple[str | None, str, list[str]]] = []
    for tok in _WS.split(text):
        if not tok:
            continue
        m = _ROLE_TOKEN.match(tok)
        if (m and len(m["outlet"]) <= 16 and not _NOT_OUTLET.search(m["outlet"])
                and (not m["rest"] or person_names(m["rest"], strict=True))):
            groups.append((m["outlet"] or None, m["role"], [m["rest"]] if m["rest"] else []))
        elif groups:
            groups[-1][2].append(tok)
        else:
            return None
    if not groups:
        return None
    out: list[Byline] = []
    for outlet, role, toks in groups:
        names = person_names(" ".join(toks), strict=False) if toks else None
        if not names:
            return None
        out.append(Byline(role, names, outlet, ""))
    out[0].text = text
    return out


def dateline_names(text: str) -> list[str] | None:
    """Reporters named in a dateline in brackets: （记者姜洁） → [姜洁]; （顾仲阳、耿凯丽）."""
    m = _DATELINE.match(text)
    if m is None:
        m = _CLOSING.match(text)
        if m is None or not m["who"]:
            return None
    who = m["who"]
    parts = [p for p in _NAME_SPLIT.split(who) if p]
    names: list[str] = []
    for p in parts:
        rm = _ROLE_TOKEN.match(p)
        if rm:
            if rm["rest"]:
                names.append(rm["rest"])
            continue
        names.append(p)
    names = _merge_padded(names)
    if not names or any(not _NAME.fullmatch(n) or len(n) > 4 for n in names):
        return None
    return names


def parse_credit(text: str) -> tuple[Credit | None, list[Byline]]:
    """A credit line (and any byline sharing its line): 两江新区党工委宣传部供图; 本报记者  刘洪超摄;
    隋先凯摄（新华社发）; 人民视觉; 本版制图：郭祥; 新重庆-重庆晨报记者 杨新宇 两江新区党工委宣传部供图."""
    s = text
    if s in _AGENCIES:
        return Credit(None, [s], text), []
    pm = _PROVIDED_BY.match(s)
    if pm:
        # (受访者, 主办方 name no one; a person's name counts)
        return Credit("供图", person_names(pm["who"], strict=True) or [], text), []
    lm = _CREDIT_LABEL.match(s)
    if lm:
        names = person_names(lm["who"], strict=False)
        label = lm["label"]
        role = next((r for r in K.CREDIT_SUFFIXES if label.endswith(r)), label.removeprefix("本版"))
        return Credit(role, names or [lm["who"].strip()], text), []
    am = _TRAILING_AGENCY.search(s)
    if am and am.start() > 0:
        s = s[: am.start()].rstrip()
    m = _CREDIT_SUFFIX.search(s)
    if m is None:
        return None, []
    role = m.group(0)
    rest = s[: m.start()].rstrip(" \u3000\xa0")
    if not rest:
        return None, []
    bylines = parse_byline(rest)
    if bylines is not None:
        names = [n for b in bylines for n in b.names]
        return Credit(role, names, text), []
    names = person_names(rest, strict=True)
    if names is not None:
        return Credit(role, names, text), []
    # A byline and an organisation's credit on one line: … 记者 杨新宇 两江新区党工委宣传部供图
    tokens = [t for t in _WS.split(rest) if t]
    if len(tokens) >= 2 and role in ("供图", "制图", "摄"):
        head = " ".join(tokens[:-1])
        by = parse_byline(head)
        org = tokens[-1]
        if by is not None and 3 <= len(org) <= 24 and not any(c in org for c in "，。、；：！？“”"):
            for b in by:
                b.text = head if b.text else ""
            # the credit's text runs from the organisation to the line's end (an agency in brackets too)
            return Credit(role, [org], text[text.rindex(org):]), by
    if role in ("供图", "制图", "摄影", "配图") and 3 <= len(rest) <= 24 and not _WS.search(rest) \
            and not any(c in rest for c in "，。、；：！？"):
        return Credit(role, [rest], text), []
    return None, []


def classify(u: Unit, indent_style: bool) -> None:
    """Set ``u.kind`` (and ``u.data``) from the unit's own text."""
    if u.cells is not None:
        u.kind = ROW
        return
    s = u.text
    n = len(s)
    if n > 90:
        u.kind = BODY
        names = dateline_names(s) if ("电" in s[:40]) else None
        if names:
            u.data = names
        return
    first = s[0]
    if first in "（(":
        if _JUMP.match(s):
            u.kind = JUMP
            return
        names = dateline_names(s)
        u.kind = BODY
        u.data = names
        return
    if n <= 40:
        if (first == "据" or first == "来" or first == "稿") and not (indent_style and u.indent == PARA):
            # (in an indented dump a source line is set flush; an indented 据… opens a paragraph, perhaps cut:
            # 据中国科学院空间应用系统相关负 | 责人介绍，…)
            if _SOURCE.match(s) and not _DATELINE_LEAD.match(s):  # (据新华社澳门3月24日电 opens a text)
                u.kind = SOURCE
                return
        credit, by = parse_credit(s) if (s[-1] in _CREDIT_LAST or "：" in s[:6] or s in _AGENCIES
                                         or s.endswith("提供")) else (None, [])
        if credit is not None:
            u.kind = CREDIT
            u.data = (credit, by)
            return
        if s[-1] == "道" and s.endswith("摄影报道"):
            rest = s[: -4].rstrip()
            by = parse_byline(rest)
            names = [x for b in by for x in b.names] if by else person_names(rest, strict=False)
            if names:
                u.kind = BYLINE
                u.data = [Byline("摄影报道", names, by[0].outlet if by else None, s)]
                return
        if "记者" in s or "通讯员" in s or "实习生" in s:
            marked = _BYLINE_MARK.match(s)  # □本报记者 张三: the mark is no part of the outlet
            by = parse_byline(s[marked.end():] if marked else s)
            if by is not None:
                by[0].text = s
                u.kind = BYLINE
                u.data = by
                return
        if n <= 12:
            marked = _BYLINE_MARK.match(s)
            names = person_names(s[marked.end():] if marked else s, strict=True)
            if names is None and u.byline_slot and pen_name(s):
                names = [s]  # (the e-paper's byline slot vouches for a pen name: 林夏萨摩)
            if names is not None and len(names) <= 4:
                # ◆韩浩月, 文/付秀宏: a mark makes the names a byline wherever they stand
                u.kind = BYLINE if marked else NAMES
                u.data = [Byline(None, names, None, s)]
                return
    if "电" in s[:40] or "讯" in s[1:12]:
        names = dateline_names(s)
        if names or _DATELINE_LEAD.match(s) or NEWS_FLASH.match(s):
            # (a dateline opens text even when it names no reporter, or a jump cut its sentence short)
            u.kind = BODY
            u.data = names
            return
    if (indent_style and u.indent == PARA) or u.byline_slot or (s[-1] in "）)" and JUMP_TAIL.search(s)):
        u.kind = BODY  # (a byline slot that holds no byline holds text)
        return
    if ends_sentence(s):
        # Headlines may end in ！ or ？ (不必恐慌，春天临近了！), but they are short and hold no full stop; a
        # question after a colon is text (记者：…有哪些变化？ 问：…如何治疗？ 还是那句话：…春天还会远吗？).
        # A kicker set on the headline's line makes a longer one: a plain phrase, a space, then the headline
        # (世博方舱医院今天起分批送走符合条件的出院者 “我战胜了病毒！ 我要出院了！”).
        limit = 60 if _KICKER_THEN_HEADLINE.match(s) else 36 if " " in s else 24
        u.kind = HEAD if (n <= limit and s[-1] not in "。；;…" and "。" not in s
                          and not ("：" in s[1:-1] and s[-1] in "？！?!")) else BODY
        return
    if n <= 48 and "。" not in s:
        # (a line holding a full stop is text: a paragraph ending in its reporter's name, 本报记者 金旻矣, or a
        # first half that a column break cut after a sentence and a half)
        u.kind = HEAD
        return
    # A long line with no sentence end: a spaced title line (several subheadlines on one line) or a body
    # paragraph that a column break cut.
    if n <= 90 and " " in s and "。" not in s:
        last = s.rsplit(" ", 1)[1]
        if "，" not in s or (4 <= len(last) <= 24 and not any(c in last for c in "，、；")
                             and last.find("：") in (-1, 2, 3, 4)):
            # (a kicker with commas and its headline on one line: 李强：坚定信心、毫不松懈，… 扎实细致做好面上核酸筛查;
            # the headline may open with who or where it speaks of: … 北京：“煤改电”正攻坚（绿色家园·清洁取暖）)
            u.kind = HEAD
            return
    u.kind = BODY


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def char_pairs(text: str) -> set[str]:
    """The words of a text, roughly: its pairs of adjacent Chinese characters (no dictionary needed)."""
    return {m[k:k + 2] for m in _HAN_RUN.findall(text) for k in range(len(m) - 1)}
