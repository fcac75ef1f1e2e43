"""Undo what printing did to the text: paragraphs that a column break cut in two, credit lines that a hard
wrap glued under a paragraph.

Hard wraps are undone earlier, while reading lines (``lines.read_units``), because they are visible only in
the physical lines; column breaks are undone here, once every unit has a kind. (Names padded to three
characters are joined where they are read, in ``fields.person_names``.)
"""

from __future__ import annotations

import re

from . import knowledge as K
from .fields import (
    BODY,
    BYLINE,
    COLUMN_TAG,
    HEAD,
    JUMP,
    NAMES,
    SOURCE,
    char_pairs,
    dateline_names,
    ends_sentence,
    ends_signed,
    is_surname_start,
    parse_credit,
    person_names,
)
from .lines import FLUSH, PARA, Unit

# A paragraph ending in one of these is complete even without a full stop (it introduces what follows).
_OPEN_ENDS = frozenset("：:—")
# Marks that open a commentary's summary lead (■有人把环保监管比作猫捉老鼠，…).
_LEAD_MARKS = "■█"
# A line starting with one of these continues a sentence.
_CONTINUES = frozenset("，。、；：！？”’）)》…")
# Words a sentence does not stop on…
_FUNCTION_ENDS = frozenset("的在和与对把被从向为是将于以等或而并且也都就还又其之所着给让使由")
# …and words no title line ends on either (a headline may end on 了 or 到).
_NEVER_ENDS = frozenset("的和与及对把被从向为将于以或而并且之所给让使由")
# A numeral and its measure word wait for their noun: no title or sentence stops on them.
_MEASURE_ENDS = ("一名", "一位", "一个", "一些", "一种", "一批", "一项", "一家", "一座", "一条", "一场", "一次",
                 "一部", "一本", "一张", "一件", "一支", "一台", "一辆", "一份", "一股", "一根")
# A determiner and its measure word (各类, 某个, 每一道, 数千名) wait for their noun as a numeral does.
_DETERMINER_END = re.compile(r"(?:某|各|每|每一|数|数百|数千|数万|若干)[个类种项位名家条道批些座件次所]$")
# Particles that close a clause: a title line may end on them.
_CLOSING_PARTICLES = frozenset("了啦吗呢吧")
# A sentence end inside the line: a head is one phrase, a cut paragraph may hold a sentence and a half.
_INNER_END = re.compile(r"[。！？][^”’）]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# How a news lead starts: 3月27日…, 今天上午…, 近日，…
_LEAD = re.compile(r"^(?:(?:自|从|在|截至|到)?\d{1,2}月\d{1,2}日|\d{4}年|今天|昨天|今晨|昨晚|今日|昨日|当天|今年|去年|近日|日前|近期|近年来|记者|"
                   r"这两天|这几天|连日来|"
                   r"当地时间|据)")
# How a reported sentence opens — who speaks, or a time or circumstance — with more after the comma:
# 王勇指出，近年来…; 当日下午，李克强…; 随着浦西地区核酸筛查全面展开，…; 按照原定计划，… Titles and part heads do not open so
# (none of the titles and heads in the corpus do; 93 of its paragraphs do).
_REPORTED_OPENING = re.compile(r"^(?:[^，。“”]{1,8}(?:指出|表示|强调|说|认为|介绍|透露|坦言|直言|告诉记者|提出|要求)，"
                               r"|(?:随着|当日|当晚|当天|此前|随后|截至|截止|按照|根据|由于|因为|虽然|尽管)[^，。]{0,20}，"
                               r"|[^，。“”]{0,12}(?:前|后|期间|之际|以来|会上|会后|同时|此外|目前|其中|为此|对此|据悉|据了解|据介绍)，)")
# A dateline, or the start of one cut before its 电.
_DATELINE = re.compile(r"^(?:据)?(?:本报|新华社|中新社)(?:[^，。；]{0,24}?电|[^，。；\d]{0,12}\d)|^(?:本报|[^，。；\s（(]{2,10}?(?:报|社|网|台))讯")
# The marks of an in-article section head: 一、…, （一）…, 1．…, 第一，…, ■…, 核心阅读.
_SECTION_HEAD = re.compile(
    r"^(?:[" + K.CHINESE_NUMERALS + r"]{1,3}[、是]|[（(][" + K.CHINESE_NUMERALS + r"\d]{1,3}[）)]|\d{1,2}[、.．]"
    r"|第[" + K.CHINESE_NUMERALS + r"]{1,3}[，、是：]|[■□●◆▲★☆◎※█]|(?:" + "|".join(K.SECTION_HEAD_WORDS) + r")$"
    r"|[" + K.CHINESE_NUMERALS + r"]{1,3}$|\d{1,2}$)"  # (a part number on a line of its own: 一, 二, 3)
)


def indent_style(units: list[Unit]) -> bool:
    """Does this dump mark paragraph starts with an ideographic-space indent (styles b and c)?"""
    indented = flush = 0
    for u in units:
        if len(u.text) >= 30 and u.cells is None:
            if u.indent == PARA:
                indented += 1
            elif u.indent == FLUSH:
                flush += 1
    return indented >= 2 and indented >= 1.5 * flush


def _is_bracketed(s: str) -> bool:
    return s[0] in "（(" and s[-1] in "）)"


def usual_body_gap(units: list[Unit]) -> int:
    """The number of blank lines that usually separates two paragraphs on this page."""
    counts = [0, 0, 0, 0]
    prev = None
    for u in units:
        if u.kind == BODY and prev is not None and prev.kind == BODY:
            counts[min(u.gap, 3)] += 1
        prev = u
    best = max(range(4), key=lambda g: counts[g])
    return best if counts[best] else 1


def _starts_mid_sentence(b: str) -> bool:
    """Does the line start inside a sentence: with a mark that continues one (，。、…), with a single
    character and a comma (时，孟建柱指出…: the end of a clause the line above began), or with 的?"""
    return (b[0] in _CONTINUES or (b[1:2] in ("，", "、") and _HAN.match(b[0]) is not None)
            or (b[0] == "的" and b[1:2] != "确")  # (…没有人为干扰 | 的环境，…: 的 opens no sentence; 的确 does)
            or _SPEECH_VERB_START.match(b) is not None)  # (…联盟会长杨元一 | 表示，有数据表明…: the speaker is above)


# A speech verb and its comma or colon opening a line: who speaks ended the line above.
_SPEECH_VERB_START = re.compile(r"^(?:表示|指出|强调|认为|介绍|说|称|坦言|透露|直言|谈到|告诉记者)[，：:]")
# The rest of a number a line break cut (…1月4日以36 | 49.15点…, …摸高3651.89 | 点后…), or the unit or measure
# word that a number never goes without (…村民都是60 | 岁以上老人…).
_NUMBER_REST = re.compile(r"^(?:[\d.．%％]|点|万|亿|[岁年个人名位家户元米吨天次件项辆台座条种倍余多])")


def _opens_paragraph(b: str) -> bool:
    """Does the line open the way a paragraph does, with a time word and a comma (近日，… 3月24日，…)? A
    column break falls anywhere, seldom right before such an opening."""
    m = _LEAD.match(b)
    return m is not None and b[m.end():m.end() + 1] == "，"


def _looks_cut(a: str, b: str) -> bool:
    """Is the short line ``a`` the first half of a sentence that ``b`` finishes, rather than a title?"""
    return (
        "；" in a or a.count("“") > a.count("”") or _starts_mid_sentence(b) or _ends_on_function_word(a, _FUNCTION_ENDS)
        or a[-1] in "，、" or _stops_after_comma(a)  # (a title line does not stop on a comma or just after one)
        or ("，" in a and _LEAD.match(a) is not None)  # 近日，“北大仓”黑龙江省的许多农机 | 合作社和农民…
        or _DAY_LEAD.match(a) is not None  # 20日起，北京市公园管理中心 | 在植物园内集中展示…
        or _REPORTED_OPENING.match(a) is not None  # 王勇指出，近年来各有关方面认真落实 | 党中央、国务院…
        or (len(a) >= 20 and _SPEAKER_OPENING.match(a) is not None)  # 中央气象台首席预报员张涛介绍，… | …
        or a.count("《") > a.count("》") or a.count("（") > a.count("）")  # …担任了《 | 北方文学》副主编
        or (a.endswith(_MEASURE_ENDS) and a[-3:-2] != "第")  # …派出所的一名 | 社区民警。 (not 第一项)
        or _DETERMINER_END.search(a[-4:]) is not None  # …统筹考虑各类 | 适用人群的特点…; …回到过去某个 | 特殊的时间点…
        or (len(a) > 30 and not (a[-1] == "”" and a.count("“") == a.count("”")))
        or _INNER_END.search(a) is not None or (a[-1].isdigit() and len(a) >= 6)
        or ("，" in a and _opens_mid_clause(b))  # 天坑是一种漏斗形岩溶地质景观，大部分坑壁 | 都是陡崖环绕。
        or _stops_after_pause(a)  # …呈现以下特点：知识 | 流程外包…; …具有节能环保、不燃 | 不爆等特点。
        or ("，" in a and _QUANTITY_START.match(b) is not None)  # 1—2月，公路水路完成固定资产投资 | 1726亿元，…
        # (…产业联盟会长 | 杨元一表示，…; a post ending in 员 too: …首席预报员 | 张涛介绍，…)
        or ((a.endswith(K.JOB_TITLES) or a[-1] == "员") and _SPEAKER_START.match(b) is not None)
        or _clause_awaits_main(a)  # 如果说在某个项目达到顶尖 | 水平的运动员，是…
        # (a post and a name, the subject, over a preposition that opens its predicate: …台长王庚年 | 与摩洛哥…)
        or (b[0] in "与和同在对向为从" and ends_with_speaker(a))
        # (a clause after a comma that ends on a verb of saying waits for what was said: …，环保部近日宣布 | 从全国…;
        # a kicker ends so too, but has its headline under it, not running text)
        or ("，" in a and a.endswith(K.KICKER_VERBS))
        or a.endswith(_AWAITING_ENDS)  # …尤以“澄江动物群”和包括 | “中华龙鸟”在内的…
        or ("，" not in a and _TIME_OF_DAY.search(a) is not None)  # …等6部门21日下午在国新办 | 召开新闻发布会，…
    )


# A day or a month opening a sentence as its time (20日起，… 21日下午，… 4月，…): a news lead, never a head. (Not in
# _LEAD: a line opening so may be the rest of a date that a break cut, …3月 | 26日，…)
_DAY_LEAD = re.compile(r"^\d{1,2}[日月](?:起|以来|上午|下午|晚|凌晨|初|底|中旬|上旬|下旬)?，")
_POST_AND_NAME = re.compile(r"(?:长|" + "|".join(K.JOB_TITLES) + r")(?P<name>[\u4e00-\u9fff]{2,3})$")


def ends_with_speaker(t: str) -> bool:
    """Does the line end on a post and a name (…台长王庚年), the subject of a sentence a column break cut?"""
    m = _POST_AND_NAME.search(t)
    return m is not None and is_surname_start(m.group("name"))


# Words that wait for what they introduce: no title or sentence stops on them.
_AWAITING_ENDS = ("包括", "例如", "比如", "诸如", "通过", "根据", "按照", "关于", "对于", "来自",
                  "变得", "显得", "使得", "觉得")  # (…看着一天天变得 | 洁净、优美的环境…: 得 waits for how)
# A day and its time (21日下午): a news lead's opening words, never a head's.
_TIME_OF_DAY = re.compile(r"\d{1,2}日(?:上午|下午|晚上|晚间|凌晨|早上|中午)")


# A subordinate clause opens on one of these and waits for its main clause after a comma.
_SUBORDINATE_OPENING = re.compile(r"^(?:如果说|如果|假如|倘若|虽然|尽管|即使|即便|由于)")


def _clause_awaits_main(a: str) -> bool:
    """Does the line open a subordinate clause (如果说…, 虽然…) and stop before its comma? Titles and heads do
    not open so; such a line is the first half of a sentence."""
    return "，" not in a and _SUBORDINATE_OPENING.match(a) is not None


def _conditional_unclosed(a: str) -> bool:
    """Does the line open a condition (如果说…, 假如…) and stop inside the clause that answers it (…，那么站在顶尖 |
    位置还继续追求极致，则是…)? The answer runs to the next comma at least, so the line was cut."""
    k = a.rfind("那么")
    return _SUBORDINATE_OPENING.match(a) is not None and k > 0 and "，" not in a[k:]


def _ends_with_note(a: str) -> bool:
    """Does the paragraph end in a bracketed note set after its last sentence (…便是春天。（《花间集》第137页）,
    …说。（资料来源：中国气象报））? The sentence before the note has ended, so the paragraph has too."""
    if a[-1] not in "）)":
        return False
    k = max(a.rfind("（"), a.rfind("("))
    return k > 0 and ends_sentence(a[:k]) and a[k:].count("）") + a[k:].count(")") == 1


def _quote_runs_across(a: str, b: str) -> bool:
    """Does a quotation opened in ``a`` close in ``b`` (…很危险。 | 能不能快点来帮我们开下门！”)? Then a break
    between them, even after a full stop, falls inside one paragraph."""
    return a.count("“") > a.count("”") and b.count("”") > b.count("“")


def _ends_on_function_word(t: str, words: frozenset[str] = _NEVER_ENDS) -> bool:
    """Does the line stop on a function word (…的, …与, …是), not on a word that merely ends in that character
    (保护地球 我也参与, …问题依然存在)?"""
    if t[-1] not in words:
        return False
    import rjieba  # (word classes; asked only for a line ending in such a character)

    word, tag = rjieba.tag(t[-4:])[-1]
    # (…就是, …对于, …而是, …在于, …成为 wait for more; …参与, …存在 do not)
    return len(word) == 1 or tag[0] in "cpdu" or word[-1] in "于为给向从对由使让被把将以"



def _stops_after_pause(a: str) -> bool:
    """Does the line stop one or two characters after an enumeration comma or a colon inside it (…特点：知识 |
    流程…)? A title names its items whole, and what follows its colon is a phrase of its own."""
    k = max(a.rfind("、"), a.rfind("："))
    return k > 0 and 1 <= len(a) - k - 1 <= 2


# A line that opens with an amount (1726亿元，…; 59.3亿吨…) goes on with a sentence: a paragraph opens otherwise.
_QUANTITY_START = re.compile(r"^\d+(?:\.\d+)?(?:[万亿千百]+)?(?:元|美元|吨|人|个|家|辆|户|项|次|件|米|公里|千瓦时|%|％)")
# Who speaks, with the post, and the speech verb, opening a line (市卫健委一级巡视员吴乾渝说，…): reported text.
_SPEAKER_OPENING = re.compile(r"^[^，。“”：:]{2,16}(?:说|表示|指出|介绍|强调|认为)，")
# A person and his speech verb opening the line (杨元一表示，): the post that names him ended the line above.
_SPEAKER_START = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:表示|说|指出|认为|介绍|强调|坦言|告诉)")


def _stops_after_comma(a: str) -> bool:
    """Does the line stop one or two characters after a comma (…渔民们踏上出海航程，众 | 多渔船…)? No title line
    or head in the corpus does: their last clause is a phrase of its own."""
    k = a.rfind("，")
    return k >= 0 and len(a) - k - 1 <= 2


def _opens_mid_clause(b: str) -> bool:
    """Does the line open with a particle (的卷起了裤腿) or an adverb that leans on a subject above (都是…,
    通常由…), as the second half of a cut clause does and a paragraph under a head does not?"""
    import rjieba  # (word classes; asked only for a short first half that holds a comma)

    tags = rjieba.tag(b[:12])
    if not tags:
        return False
    word, tag = tags[0]
    if tag[0] == "u":
        return True
    return tag == "d" and len(tags) > 1 and tags[1][0] not in "，,"


def join_column_breaks(units: list[Unit], indented: bool, wrapped: bool = False,
                       body_gap: int | None = None) -> list[Unit]:
    """Join the two halves of a paragraph that a column break split (a blank line in mid-sentence).

    With indented paragraphs, the second half is the flush line after an unfinished paragraph. Without
    indents, it is a body line after an unfinished body line. The first half may be short enough to pass
    for a title line; it is taken as a half only inside running text and when it reads as a cut sentence.
    """
    out: list[Unit] = []
    if body_gap is None:
        body_gap = usual_body_gap(units)
    page = _PageText(units)
    for k, u in enumerate(units):
        if out:
            a = out[-1]
            nxt = units[k + 1] if k + 1 < len(units) else None
            if _continues(out, a, u, nxt, indented, wrapped, body_gap, page, k):
                a.text += u.text
                a.lines += u.lines
                a.kind = BODY
                if a.data is None:
                    # a dateline cut in two names its reporters only once whole
                    a.data = (u.data if u.kind == BODY else None) or (
                        dateline_names(a.text) if "电" in a.text[:48] else None)
                continue
        out.append(u)
    return out


_DATE_END = re.compile(r"\d{1,2}日$")
_QUESTION_MARKS = ("问：", "问:")
# A paragraph that reports a question: 有记者问，… / 记者问：…
_ASKS = re.compile(r"^[^，。？：]{0,8}问[，：:]")
_ROLE_ENDS = ("本报记者", "记者", "通讯员")
_ANSWER_MARKS = ("答：", "答:")
# A dateline that opens on 据 (据新华社约翰内斯堡4月21日电): read whole across the break.
_DATELINE_CUT_LEAD = re.compile(r"^据[^，。；\s（(]{2,30}?\d{1,2}月\d{1,2}日电")


class _PageText:
    """The text around a line, as evidence that the line ends inside a word: when its last character and
    the first of the next line stand together nearby (退役|军人 … 退役军人), the line was cut. Only the units
    around are searched (the same article, more or less), so a huge input still reads in linear time."""

    WINDOW = 40  # units before and after

    def __init__(self, units: list[Unit]) -> None:
        self._units = units
        self._start = self._end = 0
        self._text = ""

    def joins(self, k: int, a: str, b: str, *, strict: bool = False) -> bool:
        if not (_HAN.match(a[-1]) and _HAN.match(b[0])):
            return False
        lo, hi = max(0, k - self.WINDOW), min(len(self._units), k + self.WINDOW)
        if not (self._start <= lo and hi <= self._end) or not self._text:
            # (the window moves in steps, so its text is built once per stretch of the page)
            self._start, self._end = lo, min(len(self._units), hi + self.WINDOW)
            self._text = "\n".join(u.text for u in self._units[self._start:self._end])
        text = self._text
        if strict and a[-1] + b[:2] not in text:
            # three characters seen elsewhere tell only when the word there ends as here or goes on as b does:
            # 扫码核验 elsewhere says nothing of …快扫码 | 核酸检测…; 天鹅重现清水河， does of …清水 | 河畔…
            three = a[-2:] + b[0]
            k = text.find(three)
            while k >= 0:
                after = text[k + 3:k + 4]
                if not after or after == b[1:2] or not _HAN.match(after):
                    return True
                k = text.find(three, k + 1)
            return False
        if a[-2:] + b[0] in text or a[-1] + b[:2] in text:
            return True
        return text.count(a[-1] + b[0]) >= 2


def _continues(out: list[Unit], a: Unit, u: Unit, nxt: Unit | None, indented: bool, wrapped: bool,
               body_gap: int, page: _PageText, k: int) -> bool:
    if a.kind == BODY and u.kind == NAMES and u.gap <= 1 and a.text.endswith(_ROLE_ENDS):
        head = a.text.rstrip("本报记者通讯员 \u3000")
        if head and ends_sentence(head):
            return True  # a signature cut after its role word (…采样车”。 本报记者 | 金旻矣): its names finish it
    if a.kind == SOURCE and u.text[0] == "电" and _DATE_END.search(a.text) and u.gap <= 1:
        return True  # a dateline cut before its 电 (据新华社澳门3月24日 | 电  （记者杨懿）…), no source line
    if (a.kind == SOURCE and a.text[-1] in "0123456789月" and u.gap <= 1
            and _DATELINE_CUT_LEAD.match(a.text + u.text[:8]) is not None):
        return True  # or inside its date (据新华社约翰内斯堡4月 | 21日电（记者赵熙）…)
    if (a.kind == SOURCE and len(a.text) >= 9 and u.kind == BODY and 1 <= u.gap <= body_gap
            and _cut_mid_word(a.text, u.text)):
        return True  # a sentence opening on 据 cut inside a word (据中国科学院…相关负 | 责人介绍，…): no source's name
    if u.kind == NAMES and a.kind == BODY and nxt is not None and nxt.kind == JUMP and nxt.gap <= 1:
        pass  # a word that a jump line cuts off is the end of the text, not a name (…整改 | 时限 / （下转第十一版）)
    elif a.kind not in (BODY, HEAD) or u.kind not in (BODY, HEAD):
        return False
    t = a.text
    if ends_signed(t):
        return False  # …这在之前是从没遇到过的。 本报记者 郜阳: a text that ends in its signature is complete
    if (a.kind == BODY and u.gap <= 1 and _ASKS.match(t) is not None and "？" not in t and "？" in u.text
            and not u.text.startswith(_ANSWER_MARKS)):
        return True  # someone asks, and the question is still to come (有记者问，据报道，…参拜。 | 中方对此有何评论？)
    if (t[-1] in "：:" and t.endswith(("问：", "问:")) and a.kind == BODY and u.gap <= 1 and u.text.endswith("？")
            and not u.text.startswith(_ANSWER_MARKS)):
        return True  # the question someone asks, past the break (…有人问： | 一个普通人被冰雹砸中的概率能有多大？)
    if (t.startswith(_QUESTION_MARKS) and u.gap <= 1 and not u.text.startswith(_ANSWER_MARKS)
            and nxt is not None and nxt.text.startswith(_ANSWER_MARKS)):
        return True  # an interview's question runs until its answer (问：…如何？ | 已经收治…怎么样？ / 答：…)
    if wrapped:
        # In a hard-wrapped column a break falls at a line end: the first half filled its last line.
        if not (indented and u.indent == FLUSH and a.kind == BODY and a.width_full and u.gap <= 1):
            return False
        if _quote_runs_across(t, u.text):
            return True
        if _is_bracketed(t) and (t.endswith("电）") or t[1:3] in ("作者", "来源") or t[1:5] == "资料来源"):
            return False  # （本报开罗4月21日电）: the article's closing line, never half of a paragraph
        # (a title line exactly as long as the column reads as wrapped too: 铆住需求端，“绣花”供给侧 / 今年春耕
        # 不一样; under a finished sentence, a unit that is no body text is that title)
        return ((u.lines >= 2 and not ends_sentence(t)) or u.kind == BODY or not (ends_sentence(t) or t[-1] in _OPEN_ENDS)
                # a title is set off from the text under it; a paragraph's last line is not
                or (nxt is not None and nxt.gap == 0 and nxt.indent == PARA))
    if t[-1] == "—" and t[-2:] != "——" and u.text[0] == "—" and u.gap <= 1:
        return True  # a dash cut in two: …他就动起了脑筋— | —能不能发明…
    if t[-1] == "—" and t[-2:-1].isdigit() and u.text[:1].isdigit() and u.gap <= 1:
        return True  # a range of numbers cut at its dash: …（NBA）2016— | 2017赛季…
    if (t[-1] in _OPEN_ENDS or ends_sentence(t) or _is_bracketed(t) or _ends_with_note(t)) and not (
            a.kind == BODY and u.gap <= 1 and u.indent != PARA and _quote_runs_across(t, u.text)) and not (
            t[-1] == "—" and t.count("（") > t.count("）")):  # (…发展规划（2014— | 2020年）》)
        return False
    if indented:
        return u.indent == FLUSH and a.kind == BODY
    if u.indent == PARA or u.gap < 1 or u.gap > body_gap:
        return False
    if (u.kind != BODY and not ends_sentence(u.text) and not (nxt is not None and nxt.kind == JUMP and nxt.gap <= 1)
            and not (u.text[-1] in "：:" and len(u.text) > 12)  # (a kicker naming who speaks is short: 公安部：)
            and not ((a.kind == BODY or (len(t) > 30 and "，" in t)) and _cut_mid_word(t, u.text))
            and not _clause_awaits_main(t) and not _conditional_unclosed(t)):
        # (…条件相配合，这 | 些条件不外乎如下几点：; a long line of clauses is no title line either: …还继续追 | 求极致，…)
        # (unless a jump line cuts it in turn: （下转第九版） follows text, never a title)
        return False  # a short unfinished line after a break is a title or a head, not a paragraph's end
    if len(out) >= 2 and _summary_lead(t, u.text, marked=t[0] in _LEAD_MARKS) and (
            not page.joins(k, t, u.text, strict=True)) and (  # (…中国古生物 | 研究的中心 by 古生物研究所 on the page)
            out[-2].kind in (BYLINE, NAMES)
            or (out[-2].kind == HEAD and (t[0] in _LEAD_MARKS or _under_column_title(out, a.kind == BODY or len(t) > 30)))
            or (t[0] in _LEAD_MARKS and a.gap > body_gap)):
        # a commentary's summary lead set without a stop: under its byline, under a column's title (…（体坛观澜）)
        # when too long for a title line, or marked ■ where a text begins
        if a.kind == HEAD and len(t) > 30 and _under_column_title(out, True):
            a.kind = BODY  # (too long for a title line: the lead, not a subheadline)
        return False
    if a.kind == BODY and _SECTION_HEAD.match(t) and "，" not in t and len(t) <= 30:
        return False  # a numbered item's head, whole: （一）《治安管理处罚法》第五十条第一款第一项 | 第五十条 有下列…
    if a.kind == BODY:
        # (a dateline with its reporters, 本报电  （记者刘毅）, is never a paragraph of its own)
        # (or shorter, cut where no paragraph ends: “安全是首要的。工程 | 安全、院感防控…)
        # (a dateline whose reporters went past the break opens its paragraph: 据新华社北京4月2日电 | （记者 吴雨）…)
        return ((len(t) >= 12 or (t[-1] in "）)" and a.data is not None) or (len(t) >= 6 and _looks_cut(t, u.text))
                 or (t[-1] == "电" and u.text.startswith(("（记者", "(记者")) and _DATELINE.match(t) is not None))
                # (记者， opens a paragraph, but not after a verb that takes it as its object: …王先生告诉 | 记者，…)
                and not (_opens_paragraph(u.text) and not t.endswith(("告诉", "对", "向", "跟", "给"))))
    if a.gap > body_gap and k > 1:
        # a short line set off by a wide gap heads what follows; a cut paragraph runs on — unless it opens the
        # way a news lead does and a word runs across the break (3月24日，在黑龙江…农机专业合作 | 社院内，…: a
        # body printed before its title starts after a wide gap)
        # (3月27日“世界戏剧日”到来之际，…进校园活 | 动，…: the time word opens a clause that a comma closes)
        # (在文化交流日益频繁的今天，越 | 来越多…: no title line stops one character into a clause either)
        # (or a quotation it opens closes below: 3月25日晚10时起，新民晚报在新民App、“新民 | 帮侬忙”今日头条号…)
        return ((_opens_paragraph(t) or ("，" in t and _LEAD.match(t) is not None)) and len(t) >= 16
                and (_cut_mid_word(t, u.text) or _quote_runs_across(t, u.text))) or (len(t) >= 8 and _stops_after_comma(t) and t[-1] != "，" and (
                    _cut_mid_word(t, u.text) or t[-1] in _FUNCTION_ENDS or t.count("，") >= 2)) or (
                    _DATELINE.match(t) is not None) or (  # (本报阿斯塔纳4月21 | 日电…: a dateline opens text, whole or cut)
                    _opens_paragraph(t) and len(t) >= 12 and u.kind == BODY) or (  # (3月24日，在黑龙江… | 合作社院内…)
                    t.count("，") >= 2 and _cut_mid_word(t, u.text))  # (…，在零下18摄氏 | 度的冷冻室里…: three clauses)
    if _DATELINE.match(t):
        return True
    if _DATELINE.match(u.text) or t[-1] in "）)" or (_SECTION_HEAD.match(t) and not (t.count("，") >= 2 and (len(t) > 36 or t[-1] == "，"))
                                                           and not ("，" in t and _cut_mid_word(t, u.text))
                                                           and not _next_item(out, t)):
        return False  # (a lead marked █ and cut, █环保执法监管不严，…，可以给一个地方带来 | 一时漂亮的…, is no head)
    parts = t.split()
    if (len(parts) >= 2 and len(parts[0]) >= 8 and "。" not in t and t[-1] not in "，、"
            and not _stops_after_comma(t)  # (…审查环节，并 | 提出…: no title stops one character into a clause)
            # (the headline may be two short phrases itself: …效益巨大 竹缠绕 有说道)
            and (len(parts[-1]) >= 4 or (len(parts) == 3 and min(map(len, parts[1:])) >= 3
                                         and "，" not in parts[1] + parts[2]))
            # (a title ends with its last word: …公文流转程序 （含电子办公系统）中增加公开属 | 性审查环节… is cut)
            and not (parts[-1][0] in "（(" and _cut_mid_word(t, u.text))):
        return False  # two phrases parted by a space: a kicker and its headline on one line, not a cut sentence
    prev = out[-2] if len(out) >= 2 else None
    if prev is not None and prev.kind == HEAD and (
        _ends_on_function_word(t) or _starts_mid_sentence(u.text) or ("，" in t and _LEAD.match(t)) or _INNER_END.search(t)
        or _REPORTED_OPENING.match(t)  # (按照原定计划，此时我应该在某处高山 | 茶园，… under 春天茶事 / 采药)
        or (t.count("，") >= 2 and len(t) > 36)
        # (a title may end on a particle that closes what it says, “儿童主任”上线了: then 了社区 found elsewhere on
        # the page tells nothing)
        or (t[-1] not in _CLOSING_PARTICLES and page.joins(k, t, u.text, strict=True))
        or t.count("“") > t.count("”") or "——" in t[2:-2] or ("，" in t and _cut_mid_word(t, u.text))
        or _stops_after_comma(t)
        # (a title line ends with its last word, never inside one: …中科院南京地 | 质古生物博物馆…; nor does it
        # report who said what: 市卫健委一级巡视员吴乾渝说，… | …)
        or _cut_mid_word(t, u.text) or (len(t) >= 20 and _SPEAKER_OPENING.match(t) is not None)
        or (t[-1].isdigit() and _NUMBER_REST.match(u.text) is not None)  # (a number is cut: …以36 | 49.15点…)
        # (a measure word waits for its noun: 自3月16日A股砸出个 | 瞬间底部之后…)
        or (t[-1] == "个" and not t.endswith(("这个", "那个", "哪个", "个个")))
        # (under a picture story's title, 图片报道, its caption follows with no title line of its own)
        or (prev.text in K.ARTICLE_TITLES and len(t) >= 12)
        or ("，" in t and _ends_on_function_word(t, _FUNCTION_ENDS))  # (…，近三分之二村民都 | 是60岁…: a clause begun)
    ):
        return True  # the first paragraph after a title block, cut where no title line can end
    return prev is not None and prev.kind in (BODY, BYLINE, NAMES) and (
        _looks_cut(t, u.text) or page.joins(k, t, u.text) or _cut_mid_word(t, u.text)
        or (prev.kind == BODY and _goes_on_in_dateline_report(out, u.text, body_gap)))


_ITEM_NUMBER = re.compile(r"^(\d{1,2})[.．、]")


def _next_item(out: list[Unit], t: str) -> bool:
    """Is the line the next item of a numbered list whose item before it is a paragraph of text (1.…求助，… /
    2.…求助，儿子尿毒症每周 | 要做三次透析…)? Its number then marks no head: it may be cut like any paragraph."""
    m = _ITEM_NUMBER.match(t)
    if m is None or "，" not in t or len(out) < 2 or out[-2].kind != BODY:
        return False
    before = _ITEM_NUMBER.match(out[-2].text)
    return before is not None and int(before.group(1)) + 1 == int(m.group(1))


def _goes_on_in_dateline_report(out: list[Unit], b: str, body_gap: int) -> bool:
    """Is the title-like last unit a cut line inside a news report that opens with a dateline, the text under it
    going on with the report's words (…春季会议的开幕新闻 | 发布会上说，“一带一路”…)? Such reports hold no part
    heads (the segmenter reads a head over text on something else as the next article's title: the same
    measure, the other way)."""
    start = x = len(out) - 1
    while x > 0 and out[x - 1].kind == BODY and out[x].gap <= body_gap:
        x -= 1  # (the run of text above, back to a wider gap than between paragraphs or to a title)
        start = x
    report = out[start:len(out) - 1]
    if not report or _DATELINE.match(report[0].text) is None:
        return False
    above = char_pairs("".join(r.text for r in report))
    head, below = char_pairs(out[-1].text), char_pairs(b)
    return len(head & above) > 0.2 * len(head) or len(below & above) > 0.12 * len(below)


# A column's tag closing a title line: …（体坛观澜）.
_TAG_AT_END = re.compile(r"（[^（）]{2,12}）$")


def _under_column_title(out: list[Unit], long_enough: bool) -> bool:
    """Is the title right above the last unit a column's (…（体坛观澜）), also when its headline is wrapped onto
    two lines with no blank between, leaving the tag under a short stub (健身晒心得 一举 / 可多得（体坛观澜）)?"""
    title = out[-2]
    if not long_enough or _TAG_AT_END.search(title.text) is None:
        return False
    if len(out) >= 3 and title.gap == 0 and out[-3].kind == HEAD:
        return COLUMN_TAG.match(out[-3].text + title.text) is not None
    return COLUMN_TAG.match(title.text) is not None


def _summary_lead(a: str, b: str, *, marked: bool = False) -> bool:
    """Is ``a``, the first paragraph under a title block or byline, a commentary's summary lead (导语) set
    without a closing stop, rather than the first half of a paragraph that a column break cut? Such a lead is a
    whole statement of clauses (晒心得不仅是知识的共享，更是快乐的传递，…带动身边的朋友参与健身): it stops on a
    whole word, never on a word that waits for more, and the paragraph under it opens a sentence of its own.
    A dateline, an open quotation or bracket, a full stop inside (unless a ■ marks the lead), or a lead
    opening (近日，…) is news text."""
    if len(a) < 20 or "，" not in a or ((_INNER_END.search(a) or "；" in a) and not marked):
        return False  # (a lead marked ■ may hold sentences: …同样如此)
    if _conditional_unclosed(a):
        return False
    if a.count("“") != a.count("”") or a.count("（") != a.count("）") or a.count("《") != a.count("》"):
        return False
    if _DATELINE.match(a) or _LEAD.match(a) or _REPORTED_OPENING.match(a) or _stops_after_comma(a):
        return False
    if a[-1] in _FUNCTION_ENDS or not _HAN.match(a[-1]) or a.endswith(_MEASURE_ENDS) or _starts_mid_sentence(b):
        return False
    if _cut_mid_word(a, b) or _opens_mid_clause(b):
        return False
    import rjieba  # (word classes; asked only for a long unstopped first paragraph under a byline)

    word, tag = rjieba.tag(a[-6:])[-1]
    return not (tag == "v" and len(word) == 1)  # (…继续陪 | 你在云上…: a verb of one character awaits its object)


def _cut_mid_word(a: str, b: str) -> bool:
    """Does a word run across the break (…大巴在夜 | 色中疾驰…: 夜色)? A title ends with its last word."""
    if not (_HAN.match(a[-1]) and _HAN.match(b[0])):
        return False
    import rjieba  # (word segmentation; asked only for a short unfinished line over a body line)

    left = a[-4:]
    pos = 0
    for word in rjieba.cut(left + b[:4]):
        if pos < len(left) < pos + len(word):
            return True
        pos += len(word)
    return False


def split_glued_fields(units: list[Unit]) -> list[Unit]:
    """A byline or credit line printed right under a paragraph whose last line happened to fill the column
    reads as one more wrapped line of it; take it back out when the paragraph had ended before it."""
    out: list[Unit] = []
    for u in units:
        tail = u.tail
        if u.lines >= 2 and tail and len(tail) <= 30 and ends_sentence(u.text[: -len(tail)]) and _is_field(tail):
            u.text = u.text[: -len(tail)]
            u.lines -= 1
            u.tail = ""
            out.append(u)
            field = Unit(tail, FLUSH, 0, None)
            out.append(field)
            continue
        out.append(u)
    return out


def _is_field(text: str) -> bool:
    # (a plain byline may also be run into the paragraph's last sentence; it then stays in the text)
    if parse_credit(text)[0] is not None:
        return True
    return text.endswith("摄影报道") and person_names(text[:-4], strict=False) is not None
