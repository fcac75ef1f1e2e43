"""Units → articles: where one article ends and the next begins, and which lines are its title block.

The page is read once, top to bottom, with a little look-ahead. What decides:
- A run of title lines followed (perhaps after bylines) by body text heads a new article, unless it sits
  inside running text as a part head would: one to three flush lines, no wider gap than between paragraphs,
  no byline under them, no dateline opening the text, no column tag or picture-story title. In indented
  dumps part heads are indented like text, so a flush run always heads an article.
- A title run that is *not* followed by body text completes the article before it when that article has no
  title yet (title blocks printed after their bodies, marked by a line holding a space); otherwise it is a
  caption of that article, or, when bylines follow it, an article of its own (a picture with only a title).
- Bylines, credits, source and jump lines, tables, captions and closing datelines end an article's text;
  so does a wider gap than between paragraphs. Body text after them starts a new article, whose title may
  follow it; text that no title ever claims goes back to the article before (a report in several parts).
"""

from __future__ import annotations

import re

from ..model import Article, Byline
from . import knowledge as K
from .fields import (
    BODY,
    BYLINE,
    COLUMN_TAG,
    CREDIT,
    HEAD,
    JUMP,
    JUMP_TAIL,
    NAMES,
    ROW,
    SOURCE,
    TABLE_TITLE,
    char_pairs,
    ends_sentence,
    ends_signed,
    is_surname_start,
    pen_name,
)
from .lines import HEADER, Unit
from .repair import ends_with_speaker, usual_body_gap
from .tables import build_table, stated_count

_DATELINE_START = re.compile(r"^(?:据)?(?:本报|新华社|中新社|人民日报|[^，。；\s]{2,12}?(?:日报|晚报|晨报|时报|网))"
                             r"(?:讯|[^，。；]{0,24}?电)")
# A dateline that a jump line cut before its 电 (新华社达累斯萨拉姆3月24日 / （下转第四版）; 本报北京4月21).
_CUT_DATELINE = re.compile(r"^(?:据)?(?:本报|新华社|中新社)[^，。；\s\d]{0,12}\d{1,2}(?:月(?:\d{1,2}日?)?)?$")
_DATELINE_OUTLET = re.compile(r"^[（(]?据?(本报|新华社|中新社|人民日报)")
# A page header line: 2024年3月13日 星期三, 第1版 要闻, 人民日报 2017年3月25日 第2版.
_PAGE_FURNITURE = re.compile(r"^(?=.*(?:\d{4}年\d{1,2}月\d{1,2}日|第\s*\d{1,3}\s*版))[^，。；！？“”]{2,40}$")
_SPACES = re.compile(r"[ \xa0]+")
_COLUMN_TAG = COLUMN_TAG
# A person's name and post: 高晓东（复旦大学附属中山医院感染管理科副科长）.
_TAG_AT_END = re.compile(r"（[^（）]{2,12}）$")
_NAME_WITH_POST = re.compile(r"^[\u4e00-\u9fff·]{2,4}（[^（）]{4,}）$")
# A short word with its letters spaced out (安 徽, 内 蒙 古): a kicker set on a line of its own, not half a headline.
_LETTER_SPACED = re.compile(r"^\S(?:[ \u3000]+\S){1,3}$")


class _Draft:
    """An article being built, with what the segmenter needs to know about it."""

    __slots__ = ("article", "has_body", "closed", "titled", "pending_title", "signed", "cut", "heads", "part_head")

    def __init__(self) -> None:
        self.article = Article()
        self.has_body = False
        self.closed = False
        self.titled = False
        self.pending_title = False  # started by body text: its title block may follow it
        self.signed = False  # closed by a byline line, which may end one part of a longer report
        # where its text last went on after a wider gap than between paragraphs (paragraphs, bylines so far):
        # the place another article may have begun unmarked
        self.cut: tuple[int, int] | None = None
        # for each part head taken into its text so far, whether it was spaced (``_head_form``)
        self.heads: list[bool] = []
        # the last line of its title block when that line was short and plain and set over a byline
        self.part_head: str | None = None


def mark_pen_names(units: list[Unit], wide: int) -> None:
    """A four-character line that reads as a writer's name (``pen_name``) where a byline stands is one: set
    between a headline (one line, or one wrapped onto two) and the text under it (明天，我想重新喜欢上自己 / 林夏萨摩 /
    text), or right under
    a text with a title or nothing after it. Bare names of two or three characters are read as names
    wherever they stand (``fields``); four characters are mostly titles, so the place must vouch too."""
    n = len(units)
    for k, u in enumerate(units):
        if u.kind != HEAD or k == 0 or u.gap > 2 or len(u.text) != 4 or u.after_spaces:
            continue
        prev, nxt = units[k - 1], units[k + 1] if k + 1 < n else None
        top = k - 1  # the title lines above it: a headline, perhaps wrapped onto a second line with no blank
        if top > 0 and units[top - 1].kind == HEAD and prev.gap == 0:
            top -= 1
        under_title = (prev.kind == HEAD and nxt is not None and nxt.kind == BODY and nxt.gap <= 2
                       and (top == 0 or units[top - 1].kind != HEAD or units[top].gap >= wide)
                       and sum(len(units[x].text) for x in range(top, k)) >= 8)
        under_text = prev.kind == BODY and (nxt is None or nxt.gap >= wide or nxt.kind == HEAD)
        if (under_title or under_text) and pen_name(u.text):
            u.kind = NAMES
            u.data = [Byline(None, [u.text], None, u.text)]


def mark_tables(units: list[Unit]) -> None:
    """A title line right above a run of table rows is the table's title."""
    for i, u in enumerate(units):
        if u.kind == ROW and i > 0 and u.gap <= 2:
            prev = units[i - 1]
            if prev.kind == HEAD and (i < 2 or units[i - 2].kind != ROW):
                prev.kind = TABLE_TITLE


def split_title(texts: list[str], *, no_kicker: bool = False,
                slotted: bool = False) -> tuple[str | None, str, list[str]]:
    """Kicker, headline and subheadlines of a title block given as its lines.

    no_kicker: the layout shows the block has no kicker (its slot was printed empty).
    slotted: the block is printed in header slots (kicker, headline, subheadline, each a line of its own, an
    empty one printed as spaces), so its first line, when its slot is not empty, is the kicker."""
    texts = [t for t in texts if t]
    if not texts:
        return None, "", []
    if no_kicker:
        return None, texts[0], _subs(texts[1:])
    if slotted and len(texts) >= 2:
        return texts[0], texts[1], _subs(texts[2:])
    if len(texts) == 1:
        return (*one_line_title(texts[0]), [])
    first, second = texts[0], texts[1]
    kicker, headline = one_line_title(first, lead_ins=False)
    if kicker is not None and len(kicker) >= 1.5 * len(headline) and not second.startswith("——"):
        # a long kicker and the headline sharing the first line (李强：坚定信心、…服务要更周全 扎实细致做好面上
        # 核酸筛查): the lines under them are subheadlines
        return kicker, headline, _subs(texts[1:])
    if first.startswith("——"):
        return None, first, _subs(texts[1:])
    if second.startswith("——"):
        return None, first, _subs(texts[1:])
    if len(texts) >= 3:
        return first, second, _subs(texts[2:])
    # Two lines: kicker + headline, or headline + subheadline.
    second_parts = [p for p in _SPACES.split(second) if p]
    if first[-1] in "：:—，," or len(first) <= 5:
        return first, second, []
    # A column tag rides on the headline: 春雨化雪 归雁啄新泥（美丽中国） under 乍暖还寒的初春 is the headline.
    if _COLUMN_TAG.search(second) and not _COLUMN_TAG.search(first):
        return first, second, []
    if _COLUMN_TAG.search(first) and not _COLUMN_TAG.search(second):
        # (the tagged line may hold a kicker and the headline itself: 乍暖还寒的初春 春雨化雪 归雁啄新泥（美丽中国）)
        return (*one_line_title(first, lead_ins=False), _subs([second]))
    if first.endswith(K.KICKER_VERBS):
        return first, second, []  # who spoke where, then what was said: 孟建柱在湖南调研时强调 / 不断提高…
    if _parallel_set(first) and len(second_parts) == 1:
        return first, second, []  # a slogan of like short phrases (谁负责 谁落实 谁反馈) over a plain headline
    if _spaced_phrases(first) and len(second_parts) == 1:
        # the main statement set as short spaced phrases, a plain line under it: headline and subheadline
        # (这些“急难愁盼” 在抗疫互助平台获解 / 本报“战疫·帮侬忙”全网关注度破2亿); a kicker is one phrase
        return None, first, _subs([second])
    if _figure_after_verb(second) and not first.endswith(K.KICKER_VERBS) and len(first) > 5:
        return None, first, _subs([second])  # 全国地质灾害现状基本查明 / 共有隐患28.2万余处: the figure that tells more
    if len(first) <= 8 and len(second) > len(first) and " " not in first and _names_only(first):
        return first, second, []  # a body or a place named over what it did: 中央国家机关 / 部门机关…研讨班举办
    if (len(second_parts) >= 3 and sum(map(len, second_parts)) >= 5 * len(second_parts)) \
            or len(second) > 2 * len(first) or second.startswith(K.SUBHEAD_OPENERS):
        # several clauses parted by spaces (袁家军主持并讲话 胡衡华王炯程丽华传达) are subheadlines; words of
        # two to four characters parted so (哪组 冤家路窄 谁人 一马平川) are one headline in spaced phrases
        return None, first, _subs([second])
    if len(second_parts) == 1 and len(second) >= 18 and len(second) >= 1.2 * len(first):
        # the headline is the line in the largest type, so it is kept short; a plain line clearly longer than
        # the one above it is the subheadline that tells more (第三次阿富汗邻国外长会在华举行 / 美俄代表出席…)
        return None, first, _subs([second])
    return first, second, []


_DIGIT = re.compile(r"\d")


def _figure_after_verb(t: str) -> bool:
    """Does a title line open with a verb, its subject left out, and give a figure (共有隐患28.2万余处)? A
    subheadline goes on so from its headline; a headline under a kicker names its subject or time first."""
    if " " in t or _DIGIT.search(t) is None or not _HAN_START.match(t):
        return False
    import rjieba  # (word classes; asked only for a title line holding a figure)

    return rjieba.tag(t[:6])[0][1] == "v"


def _names_only(t: str) -> bool:
    """Is a short line only names of bodies, places or things, with no verb (中央国家机关, 迈阿密网球公开赛)? Such a
    line says what the title speaks of, not what happened: a lead-in set as a kicker, never a headline over
    a subheadline."""
    if not _HAN_START.match(t) or not all(_HAN_START.match(c) for c in t):
        return False
    import rjieba  # (word classes; asked only for a short first line of a two-line title block)

    return all(tag[0] in "nj" for _, tag in rjieba.tag(t))


def _parallel_set(t: str) -> bool:
    """A line of three or more phrases of one length, two to four characters each (谁负责 谁落实 谁反馈): a
    slogan, set whole as a kicker. (A headline in spaced words mixes lengths: 哪组 冤家路窄 谁人 一马平川.)"""
    parts = [p for p in _SPACES.split(t) if p]
    return len(parts) >= 3 and len({len(p) for p in parts}) == 1 and 2 <= len(parts[0]) <= 4


def _spaced_phrases(t: str) -> bool:
    """A line of short phrases parted by spaces, no clause among them (凝聚思想共识 发挥自身优势 提高履职水平)."""
    parts = [p for p in _SPACES.split(t) if p]
    return len(parts) >= 2 and "，" not in t and all(2 <= len(p) <= 9 for p in parts)


def one_line_title(t: str, *, lead_ins: bool = True) -> tuple[str | None, str]:
    """Kicker (or None) and headline of a title block printed on one line.

    lead_ins: also part a short place or subject set before a long headline (内蒙古 推进…建设). This is
    evidence for roles inside a title block, not that a line is one: running text holds such lines too."""
    parts = [p for p in _SPACES.split(t) if p]
    if len(parts) < 2:
        return None, t
    # 两江新区培育发展新质生产力 “重庆造”人工心脏再上新: a kicker and a headline sharing a line (the headline
    # may hold a space itself). A headline of short parallel halves (托起彩虹桥 铺就回家路) stays whole.
    # (a column tag, （关注改革最后一公里）, is no part of a phrase's length)
    if (len(parts[0]) >= 8 and len(parts[-1]) >= 4
            and (len(parts) == 2 or len(parts[0]) >= max(len(_TAG_AT_END.sub("", p)) for p in parts[1:]))):
        return parts[0], " ".join(parts[1:])
    if len(parts) == 4:
        a, b = sorted(map(len, parts[:2])), sorted(len(_TAG_AT_END.sub("", p)) for p in parts[2:])
        if a[1] <= 1.3 * a[0] and b[1] <= 1.3 * b[0] and b[0] >= 3 and a[0] > b[1]:
            # two balanced phrases over two shorter balanced ones: a kicker of two phrases and its headline
            # (私家车送物资 一个月未归家 奔跑乐手 月行万里)
            return " ".join(parts[:2]), " ".join(parts[2:])
    rest = [len(_TAG_AT_END.sub("", p)) for p in parts[1:]]
    if len(parts) == 3 and len(parts[0]) >= 7 and min(rest) >= 4 and max(rest) <= 1.3 * min(rest) \
            and len(parts[0]) >= 1.3 * max(rest):
        # a phrase clearly longer than the two balanced halves after it (乍暖还寒的初春 春雨化雪 归雁啄新泥（…）)
        return parts[0], " ".join(parts[1:])
    if ("，" in parts[0] and len(parts[0]) >= 10 and len(parts) <= 3 and sum(map(len, parts[1:])) >= 5
            and not any("，" in p for p in parts[1:])):
        # a kicker of two clauses and a short headline of spaced phrases (以竹子为基材，…效益巨大 竹缠绕 有说道)
        return parts[0], " ".join(parts[1:])
    if len(parts) >= 4 and _parallel_set(" ".join(parts[:-1])) and len(parts[-1]) >= 2 * len(parts[0]):
        return " ".join(parts[:-1]), parts[-1]  # 谁负责 谁落实 谁反馈 山西服务企业“马上就办”: a slogan, then the headline
    if parts[0][-1] in "：:" and len(parts[0]) >= 3 and len(parts[-1]) >= 4:
        return parts[0], " ".join(parts[1:])  # 比尔·盖茨： 中国是…: who speaks, then what was said
    if lead_ins:
        lead = 0  # (a name with its letters spaced out: 安 徽 政务公开划出“硬杠杠”)
        while lead < len(parts) - 1 and len(parts[lead]) == 1:
            lead += 1
        lead = lead if lead >= 2 else 1
        # parallel halves (春雨化雪 归雁啄新泥) are balanced; a lead-in is a third of its headline or less
        if lead == len(parts) - 1 and len(parts[-1]) >= 10 and (
                len(parts[-1]) >= 3 * sum(map(len, parts[:lead]))
                # (or a longer lead that only names a body or a place: 中央国家机关 部门机关…研讨班举办)
                or (lead == 1 and len(parts[0]) <= 8 and len(_TAG_AT_END.sub("", parts[-1])) >= max(10, len(parts[0]) + 1)
                    and _names_only(parts[0]))):
            return " ".join(parts[:lead]), parts[-1]
        rest = [len(_TAG_AT_END.sub("", p)) for p in parts[lead:]]
        lead_len = sum(map(len, parts[:lead]))
        if lead_len <= 4 and len(rest) >= 2 and min(rest) >= max(5, lead_len + 2) and max(rest) <= 1.5 * min(rest):
            # a place or subject before a headline of parallel spaced phrases, each clearly longer than it (广东
            # 推荐代表全覆盖 发扬民主共参与); words of two to four characters spaced (哪组 冤家路窄 谁人 一马平川) are
            # one headline
            return " ".join(parts[:lead]), " ".join(parts[lead:])
    return None, t


def _subs(texts: list[str]) -> list[str]:
    """Subheadlines: several may share a line, parted by spaces (袁家军主持并讲话 胡衡华王炯程丽华传达); a
    space inside a sentence with a comma is only a pause and parts nothing."""
    out: list[str] = []
    for t in texts:
        parts = [p for p in _SPACES.split(t) if p]
        out += [t] if any("，" in p for p in parts) else parts
    return out


def title_lines(units: list[Unit], i: int, j: int) -> list[str]:
    """The lines of the title run units[i:j]; two flush lines with no blank between that read as one phrase
    are a headline wrapped onto two lines and are joined (a kicker has a line of its own, or shows it).
    Two unspaced lines over 20 characters together are not one headline (headlines that long are rare, 7 of
    79 in the dev corpus, while a kicker and its headline, or a headline and its subheadline, mostly are)
    unless the first is a clause cut where no title ends (``_clause_goes_on``: 李克强同澳大利亚总理特恩布尔 /
    举行第五轮中澳总理年度会晤, 人类命运共同体理念首次载入 / 联合国人权理事会决议)."""
    out: list[str] = []
    for x in range(i, j):
        u = units[x]
        t = u.text
        if out and u.gap == 0 and u.indent != HEADER and units[x - 1].indent != HEADER:
            first = out[-1]
            joined = _wrap_joins(first, t)
            if (joined is None and " " not in first + t and x + 1 < j and units[x + 1].gap >= 1
                    and units[x + 1].text.startswith(K.SUBHEAD_OPENERS) and len(first) + len(t) <= 40):
                # two lines with no blank between over a subheadline that goes on with the verb (张高丽会见出席博鳌
                # 亚洲 / 论坛2017年年会的外国领导人 / 会见论坛理事会成员…): the subject's headline, wrapped
                joined = True
            if joined is None and " " in first:
                # a kicker and the first half of its wrapped headline sharing a line (山东平度创新执法模式，…
                # 环保执法：带上 / 专家好“治病”): the wrap is read on the headline's half alone
                kicker = one_line_title(first, lead_ins=False)[0]
                if kicker is not None and _wrap_joins(first[len(kicker):].lstrip(), t):
                    joined = True
            if joined:
                out[-1] += t
                continue
        out.append(t)
    return out


def _wrap_joins(first: str, t: str) -> bool | None:
    """Is the title line ``t``, set right under ``first`` with no blank between, the rest of a headline that
    ``first`` began (True)? False when ``t`` is a line of its own under a lead-in; None when the two do not
    read as one headline at all (a kicker over its headline, a headline over its subheadline)."""
    if (t.startswith("——") or first[-1] in "：:—！？"
            # a clause pair is a kicker, unless the wrap cut its last clause to a stub (不必恐慌，春天 / 临近了！)
            # or to a subject whose predicate opens the next line (历经苦难，叙利亚局势 / 依然脆弱（国际视点）)
            or not ("，" not in first or (len(first.rsplit("，", 1)[1]) <= 2 and len(first) + len(t) <= 20)
                    or (len(first) + len(t) <= 40 and " " not in first + t
                        and _subject_awaits_predicate(first.rsplit("，", 1)[1], t)))
            or _COLUMN_TAG.search(first) or first.endswith(K.KICKER_VERBS) or _LETTER_SPACED.match(first)):
        return None
    size = len(first) + len(t)
    if (len(first) <= 4 and len(t) >= 3 * len(first)) or (
            " " not in first + t and len(t) > 2 * len(first) and not _clause_goes_on(first, t)):
        # a wrap cuts a headline near its middle (the first line fills the column): a short word over a
        # line three times as long is a lead-in set as a kicker (内蒙古 / 推进呼伦贝尔中俄蒙合作先导区建设),
        # and so is a whole phrase under half as long as the line under it (质检总局 / 去年截获…122万次)
        return False
    if "，" in first and " " not in first + t:
        return True  # (a clause cut to a stub or to its subject, above)
    if (size <= 48 and not _whole_spaced_line(first, t)) if " " in first else size <= 20 or (
            size <= 40 and " " not in t and _clause_goes_on(first, t)) or _wrap_stub(first, t) or (
            " " not in first + t and len(first) >= 6 and _stub_line(t)):
        return True
    return None


def _whole_spaced_line(first: str, second: str) -> bool:
    """Is ``first`` a whole line of spaced phrases that ``second`` does not go on? A headline in spaced phrases
    is set as parallel halves of like length, and a wrap inside it leaves a short stub (凝聚思想共识 发挥 /
    自身优势 提高履职水平). When ``first``'s phrases are already of like length and whole, and joining would
    leave one phrase far longer than the rest, the two are separate lines of a title block (私家车送物资
    一个月未归家 / 奔跑乐手 月行万里: a kicker and its headline; 这些“急难愁盼” 在抗疫互助平台获解 / 本报…:
    a headline and its subheadline). A column tag (（绿色家园）) does not count to a phrase's length."""
    def sizes(t: str) -> list[int]:
        return [len(_TAG_AT_END.sub("", p)) for p in _SPACES.split(t) if p]

    own, joined = sizes(first), sizes(first + second)
    return (min(own) >= 4 or _parallel_set(first)) and max(own) <= 1.5 * min(own) and max(joined) > 2 * min(joined)


# An amount alone (两百多万): no headline says only that.
_BARE_AMOUNT = re.compile(r"^[\d.．零〇一二两三四五六七八九十百千万亿多余几]+(?:个|次|人|件|元|吨|处|户|家|名)?$")


def _stub_line(t: str) -> bool:
    """Is a title line, its column tag left out, a stub no headline is — two characters or fewer (特质（…）), or an
    amount alone (两百多万（…）)? Then it ends the headline the line above began."""
    core = _TAG_AT_END.sub("", t)
    return len(core) <= 2 or _BARE_AMOUNT.match(core) is not None


def _wrap_stub(first: str, second: str) -> bool:
    """Does ``second`` open with the stub of a headline in spaced phrases that the wrap cut after ``first``
    (申城最大隔离点运行 / 平稳 感染者转阴约需7-10天)? Joined, the phrases are of like length; a kicker over such a
    headline leaves them far apart (乍暖还寒的初春 / 春雨化雪 归雁啄新泥)."""
    parts = [p for p in _SPACES.split(second) if p]
    if len(parts) < 2 or len(parts[0]) > 3 or len(first) + len(second) > 48:
        return False
    sizes = [len(_TAG_AT_END.sub("", p)) for p in _SPACES.split(first + second) if p]
    return max(sizes) <= 1.5 * min(sizes)


def _subject_awaits_predicate(clause: str, second: str) -> bool:
    """Is the last clause of a title line a subject with no verb, whose predicate opens the next line with an
    adverb, an adjective or a verb and no clause break (…，叙利亚局势 / 依然脆弱)? A kicker's last clause is
    whole (…，继续保持高压态势), and a headline under it opens a statement of its own (…，“绣花”供给侧 / 今年春耕…)."""
    if len(clause) < 3 or "，" in second or not _HAN_START.match(clause):
        return False
    import rjieba  # (word classes; asked only for a title line with a comma over another line)

    own, rest = rjieba.tag(clause), rjieba.tag(second[:8])
    if any(tag[0] == "v" for _, tag in own) or not rest:
        return False
    first_tag = rest[0][1][0]
    if own[-1][1][0] == "d" and len(own) >= 2 and own[-2][1][0] == "n":
        return first_tag in "va"  # (the wrap may also fall after the adverb: …，叙利亚局势依然 / 脆弱…)
    if own[-1][1][0] not in "n":
        return False
    return first_tag in "va" or (first_tag == "d" and len(rest) > 1 and rest[1][1][0] in "va")


_HAN_START = re.compile(r"^[\u4e00-\u9fff]")


def _clause_goes_on(first: str, second: str) -> bool:
    """Is ``first`` a clause the wrap cut short, which ``second`` finishes? A kicker is a whole phrase; the
    first line of a wrapped headline may stop where no title ends: on a preposition, conjunction, particle,
    adverb or numeral that needs what follows (…共同 / 出席…, …出席第二届 / 中澳…论坛), on a verb whose object is
    the whole second line, a noun phrase with no verb of its own (…首次载入 / 联合国人权理事会决议), or on a
    subject with no verb yet, its verb near the start of the second line (李克强同澳大利亚总理特恩布尔 / 举行第五轮
    中澳总理年度会晤; a name cut in two: …总理特恩 / 布尔共同出席…)."""
    import rjieba  # (word classes; loaded only for the rare long two-line title)

    if "，" in first or first[-1] in "”）》":
        return False
    second = _TAG_AT_END.sub("", second) or second  # (a column tag is no part of the clause: …（国际视点）)
    own, rest = rjieba.tag(first), rjieba.tag(second)
    last_word, last_tag = own[-1]
    if last_tag[0] in "pcud" or (last_tag == "m" and last_word.startswith("第")):
        return True
    if last_tag == "v" and not any(tag[0] == "v" and tag != "vn" for _, tag in rest) and len(second) <= len(first):
        return True
    if any(tag[0] == "v" for _, tag in own) or "，" in second:
        return False  # (a second line of clauses is a headline of its own: …清新又亲民 / 来，让我们一起…)
    if _figure_after_verb(second):
        return False  # (a verb and a figure under a whole statement: its subheadline, 共有隐患28.2万余处)
    # the second line's verb comes first, or after only the rest of a name, an adverb or a number
    for _, tag in rest[:3]:
        if tag[0] == "v":
            return True
        if not (tag[0] in "dm" or tag.startswith("nr")):
            return False
    return False


def _set_title(d: _Draft, texts: list[str], *, replace: bool = False, no_kicker: bool = False,
               slotted: bool = False) -> None:
    a = d.article
    kicker, headline, subs = split_title(texts, no_kicker=no_kicker, slotted=slotted)
    if d.titled and not replace:
        # A second title block for one article: keep every line (as subheadlines) rather than lose any.
        a.subheadlines += [x for x in (kicker, headline) if x] + subs
        return
    a.kicker, a.headline, a.subheadlines = kicker, headline, subs
    d.titled = True


def _add_bylines(d: _Draft, u: Unit) -> None:
    d.article.bylines.extend(u.data)


def segment(units: list[Unit], indented: bool, body_gap: int | None = None) -> tuple[list[Article], list[str]]:
    mark_tables(units)
    for k in range(1, len(units)):
        kind = units[k].kind
        if kind == JUMP and units[k].gap <= 1 and units[k - 1].kind == HEAD:
            units[k - 1].kind = BODY  # a jump line cuts text: the short line above it is what it cut
        elif (kind == NAMES and units[k - 1].kind == HEAD and _PART_NUMBER.match(units[k - 1].text)
              and k + 1 < len(units) and units[k + 1].kind == BODY):
            # a part number is followed by its head, never by a signature: 2 / 初见 / text is no byline 初见
            units[k].kind, units[k].data = HEAD, None
    drafts: list[_Draft] = []
    leftover: list[str] = []
    cur: _Draft | None = None
    n = len(units)
    if body_gap is None:
        body_gap = usual_body_gap(units)
    # More blank lines than usually part paragraphs: the text after them is not the same run of text.
    wide = max(2, body_gap + 1)
    mark_pen_names(units, wide)

    def new() -> _Draft:
        d = _Draft()
        drafts.append(d)
        return d

    i = 0
    while i < n and units[i].kind in (HEAD, BODY) and _PAGE_FURNITURE.match(units[i].text):
        leftover.append(units[i].text)  # the page's own header (date, page number): no article's text
        i += 1
    while i < n:
        u = units[i]
        k = u.kind
        if k == BODY:
            nxt_gap = units[i + 1].gap if i + 1 < n else wide
            if (
                cur is not None and cur.has_body and u.gap >= wide and nxt_gap >= wide
                and not ends_sentence(u.text) and len(u.text) <= 80 and (cur.titled or cur.closed)
            ):
                cur.article.captions.append(u.text)  # a caption standing alone between wide gaps
                cur.closed = True
                i += 1
                continue
            if cur is None or cur.closed or (u.gap >= wide and cur.has_body):
                cur = new()
                cur.pending_title = True
            text = u.text
            closing = False
            jump = JUMP_TAIL.search(text) if text[-1] in "）)" else None
            if jump and jump.start() > 0:
                # （下转第三版） set at the end of the paragraph it cuts
                cur.article.jumps.append(jump.group(0))
                text = text[: jump.start()].rstrip()
                if jump.group(0)[1:3] not in ("上接", "接第"):
                    closing = True  # the text goes on elsewhere: what follows here is another article
            if cur.has_body and u.gap > body_gap:
                cur.cut = (len(cur.article.paragraphs), len(cur.article.bylines))
            cur.article.paragraphs.append(text)
            cur.has_body = True
            if u.data:
                outlet = _DATELINE_OUTLET.match(text)
                cur.article.bylines.append(Byline("记者", list(u.data), outlet.group(1) if outlet else None, ""))
            if closing or (u.text[0] in "（(" and u.text[-1] in "）)"
                           and ("电" in u.text or u.text[1:3] in ("作者", "来源") or u.text[1:5] == "资料来源")):
                cur.closed = True  # （本报开罗4月21日电）, （作者为…）, （资料来源：中国气象报）: the article's last line
            i += 1
            continue
        if k == ROW or k == TABLE_TITLE:
            title = None
            if k == TABLE_TITLE:
                title = u.text
                i += 1
            rows: list[list[str]] = []
            while i < n and units[i].kind == ROW and (not rows or units[i].gap <= 1):
                rows.append(units[i].cells or [])
                i += 1
            if cur is None:
                cur = new()
            cur.article.tables.append(build_table(title, rows))
            if cur.has_body:
                cur.closed = True  # a title after a list heads the next article, not a part of this one
            continue
        if k == CREDIT:
            credit, by = u.data
            if cur is None:
                cur = new()
            cur.article.bylines.extend(by)
            cur.article.credits.append(credit)
            if cur.has_body:
                cur.closed = True
            i += 1
            continue
        if k == SOURCE or k == JUMP:
            if cur is None:
                cur = new()
            if k == JUMP:
                cur.article.jumps.append(u.text)
            elif cur.article.source is None:
                if u.text[0] == "据":
                    # The value is who the story is from; the marker 据 is kept in leftover.
                    cur.article.source = u.text[1:].strip()
                    leftover.append("据")
                else:
                    cur.article.source = u.text
            else:
                cur.article.paragraphs.append(u.text)
            if cur.has_body:
                cur.closed = True
            i += 1
            continue
        if k == NAMES and i + 1 < n and units[i + 1].gap <= 1 and cur is not None and cur.has_body \
                and units[i + 1].text.endswith(K.JOB_TITLES):
            # a speaker introduced with the post under the name (仲富兰 / 上海市民俗文化学会会长): text
            cur.article.paragraphs += [u.text, units[i + 1].text]
            i += 2
            continue
        if (k == NAMES and i + 1 < n and units[i + 1].kind == HEAD and units[i + 1].gap <= 1
                and (u.indent == HEADER or u.gap >= wide or cur is None)):
            k = HEAD  # a short line that reads as a name but sits above a title line: a kicker (安  徽)
        if (k == NAMES and cur is not None and cur.has_body and u.gap >= wide
                and (i + 1 == n or units[i + 1].gap >= wide)):
            cur.article.captions.append(u.text)  # a name standing alone between wide gaps: a photo caption
            cur.closed = True
            i += 1
            continue
        if (k == NAMES and cur is not None and cur.has_body and u.gap >= wide and not u.after_spaces
                and _over_a_list(units, i + 1)):
            # a list's items shown as captions over it (马拉松 / 附：7项名单 / rows), one of them reading as a name
            cur.article.captions.append(u.text)
            cur.closed = True
            i += 1
            continue
        if k == BYLINE or (k == NAMES and cur is not None and (cur.has_body or cur.titled)):
            if cur is None:
                cur = new()
            _add_bylines(cur, u)
            if cur.has_body and not (indented and u.gap == 0):
                # (a byline set right under indented text may end one part of a longer report: text after it
                # continues the article, a title after it starts the next one anyway)
                cur.signed = not cur.closed
                cur.closed = True
            i += 1
            continue
        # A run of title lines (or a bare name line with nothing before it to belong to).
        j = i + 1
        while (j < n and units[j].kind == HEAD and units[j].gap <= 1 and j - i < 6
               and units[j].text not in K.SECTION_HEAD_WORDS):
            j += 1  # (a label such as 核心阅读 or 编者按 under a title opens its text)
        if cur is not None and cur.has_body and u.gap >= wide:
            # a line ending in a colon opens a title block (公安部：); lines before it in the run are
            # captions of the article before
            for x in range(i + 1, j):
                t = units[x].text
                if t[-1] in "：:" and len(t) <= 12:
                    if cur.pending_title and not cur.titled:
                        # the text above awaits its title, printed after it: these lines are that title
                        _set_title(cur, title_lines(units, i, x), no_kicker=u.after_spaces, slotted=u.indent == HEADER)
                    else:
                        cur.article.captions.extend(units[y].text for y in range(i, x))
                    cur.closed = True
                    i = x
                    u = units[i]
                    break
        b = j
        while b < n and units[b].kind in (BYLINE, NAMES) and units[b].gap <= (2 if units[b].kind == BYLINE else 1):
            b += 1  # (a bare name two blank lines down stands alone, as a caption does: 静安 / / 黄浦)
        nxt = units[b] if b < n else None
        bylines_between = b > j
        body_follows = nxt is not None and nxt.gap <= wide and (
            nxt.kind == BODY
            # a label that opens the text under a title (核心阅读, 编者按) or a part number (一), with the text under it
            or (nxt.kind == HEAD and (nxt.text in K.SECTION_HEAD_WORDS or _PART_NUMBER.match(nxt.text) is not None)
                and b + 1 < n and units[b + 1].kind == BODY and units[b + 1].gap <= wide)
        )
        if (cur is not None and cur.titled and cur.has_body and cur.cut and u.after_spaces
                and u.indent != HEADER):
            # A title block marked as printed after its body, while the text above already has a title: the
            # body it belongs to began where the text last went on after a wider gap.
            cur = _split_at_cut(cur, new())
        if (cur is not None and cur.pending_title and not cur.titled and cur.has_body
                and (not body_follows or (u.after_spaces and u.indent != HEADER))
                # (unmarked lines over a list are its items shown as captions, not the title of the text above)
                and (u.after_spaces or not _over_a_list(units, j))
                # (an author with his post under the text, unmarked, signs it: the title comes after it)
                and not (j - i == 1 and not u.after_spaces and _NAME_WITH_POST.match(u.text)
                         and is_surname_start(u.text))):
            # (a title block printed after its body is marked by a line holding a space; without it, a
            # title followed by body text heads that text)
            # The article before has its body but no title yet: its title block is printed after it. When
            # body text follows, only the first line is its title; the rest heads the next article.
            take = j - i
            if body_follows and (not bylines_between or j - i > 1):
                # its title: the first line, the lines that continue it (no blank between: a wrapped
                # headline) and subheadlines marked with ——
                take = 1
                while take < j - i and (units[i + take].gap == 0 or units[i + take].text.startswith("——")):
                    take += 1
                # and the lines after it that speak of the text above rather than of the text below (a
                # subheadline: 强调构建四大合作平台… under a headline on a 中澳 meeting, above 国际舆论热议亚投行…)
                while take < j - i - 1 and _speaks_of_text_above(units[i + take].text, cur.article.paragraphs,
                                                                 units, b):
                    take += 1
            while len(drafts) >= 2 and drafts[-1] is cur and _awaits_title(drafts[-2]):
                # text above it that a byline or credit parted from this text, and that no title claimed
                # either: one body printed before its title, signed in parts (…本报记者 徐驰 / 4.来沪就医…)
                before = drafts[-2]
                _merge_into(before.article, cur.article)
                drafts.pop()
                cur = before
            _set_title(cur, title_lines(units, i, i + take), no_kicker=u.after_spaces, slotted=u.indent == HEADER)
            cur.closed = True
            if take < j - i:
                i += take
            else:
                if not body_follows:
                    for x in range(j, b):
                        _add_bylines(cur, units[x])
                    i = b
                else:
                    i = j
                continue
        run = title_lines(units, i, j)
        if (j - i == 1 and cur is not None and cur.has_body and not cur.closed and units[i].gap <= body_gap
                and (ends_sentence(run[0]) or (nxt is not None and nxt.kind == SOURCE and nxt.gap <= 1))
                and not (bylines_between and body_follows and cur.article.bylines)):
            # a short last sentence of the text (还是那句话：冬天已到，春天还会远吗？), or the line right above
            # the source line: text, not a title — unless a byline under it heads more text while the text
            # above is signed already (孩子们的“云课堂”为什么这么受欢迎？ / 文/赵六 / text): the next headline
            cur.article.paragraphs.append(run[0])
            i = j
            continue
        if (j - i == 1 and body_follows and cur is not None and cur.has_body and cur.closed
                and u.gap >= wide and nxt.gap >= wide and not bylines_between and u.indent != HEADER
                and not (i > 0 and units[i - 1].kind == HEAD)):
            # one line standing between wide gaps after a closed article: a photo caption (a title is set
            # close to the text it heads)
            cur.article.captions.append(run[0])
            i = j
            continue
        if (len(run) >= 2 and run[0] == units[i].text and body_follows and cur is not None and cur.has_body and i > 0
                and (cur.closed or (units[i - 1].kind == BYLINE and units[i - 1].data[0].role == "摄影报道"))
                and u.gap >= wide and not cur.article.captions
                and ((not bylines_between and _foreign_to_text_below(units[i].text, run[1:], units, b, cur.article.paragraphs))
                     or (j - i >= 3 and _DATED_SENTENCE.match(units[i].text) is not None))):
            # under a photo credit (or a picture story's 摄影报道 byline), a line that shares no word with the
            # title and text below it: the picture's caption (日前该校老师在指导泰国学生练习书法), not the next
            # article's kicker; so is a dated sentence over a kicker and its headline (4月15日，渔民在进行春季捕鱼).
            # (A headline wrapped onto two lines is one title line: 王毅出席上合 / 组织外长会 is no caption over 组织外长会.)
            cur.article.captions.append(units[i].text)
            i += 1
            continue
        if body_follows:
            if (
                cur is not None
                and cur.has_body
                and (not cur.closed or (u.gap <= body_gap and (cur.signed or _appendix_head(units[i].text))))
                and not bylines_between
                and _is_section_head_run(units, i, j, nxt, indented, body_gap)
                and (_appendix_head(units[i].text) or (
                    _fits_series(cur.heads, _head_form(units, i, j))
                    and not _title_after_signature(units, i)
                    and not _essay_under_signature(units, i, j)
                    and not _heads_a_picture_story(cur, units, i, j)
                    and not _unrelated_late_head(cur, units, i, j)
                    and not _dateline_report(cur, units, i, j)
                    and not _unnumbered_after_numbered(cur, units[i].text)))
            ):
                cur.heads.append(_head_form(units, i, j))
                cur.article.paragraphs.extend(run)
                cur.closed = False  # (a signed part ended; the text under this head is the next part)
                i = j
                continue
            if (cur is not None and cur.titled and not cur.has_body and not bylines_between
                    and (cur.article.bylines or (j - i == 1 and run[0] in K.SECTION_HEAD_WORDS))):
                cur.article.paragraphs.extend(run)  # a head after the byline or the title: 核心阅读, 编者按
                i = j
                continue
            if cur is not None and cur.titled and not cur.has_body and not cur.article.bylines:
                _set_title(cur, [*_title_texts(cur.article), *run], replace=True)  # a title block cut by a gap
            elif (cur is not None and cur.has_body and cur.part_head and j - i == 1 and bylines_between
                  and u.gap <= body_gap and _part_head_shape(run[0])
                  and abs(len(run[0]) - len(cur.part_head)) <= 2):
                # the next part of a report in signed parts, headed like its first part (秦岭之巅桃花雪 / 本报记者
                # 姜峰 … 太行花开尽烂漫 / 本报记者 于洋 …): the first part's head, read as the last line of the
                # title block, goes back to the text
                a = cur.article
                if cur.part_head in a.subheadlines:
                    a.subheadlines.remove(cur.part_head)
                    a.paragraphs.insert(0, cur.part_head)
                cur.part_head = run[0]
                a.paragraphs.append(run[0])
                cur.closed = False
            elif j - i == 1 and not bylines_between and _PART_NUMBER.match(run[0]):
                # a part number alone (一) is no headline: it opens a text whose title, if any, follows it
                cur = new()
                cur.pending_title = cur.has_body = True
                cur.article.paragraphs.append(run[0])
                i = j
                continue
            else:
                cur = new()
                opening = None
                if len(run) >= 2 and len(run[-1]) <= 3 and not bylines_between:
                    opening = run.pop()  # 春天茶事 / 采药: a one-word head opening the text, no subheadline
                _set_title(cur, run, no_kicker=units[i].after_spaces, slotted=units[i].indent == HEADER)
                if opening:
                    cur.article.paragraphs.append(opening)
                if bylines_between and run[-1] in cur.article.subheadlines and _part_head_shape(run[-1]):
                    cur.part_head = run[-1]  # perhaps the head of a first part, over that part's byline
            for x in range(j, b):
                _add_bylines(cur, units[x])
            i = b
            continue
        if (j - i == 1 and cur is not None and cur.has_body and not cur.closed and u.gap <= body_gap
                and _NAME_WITH_POST.match(run[0]) and is_surname_start(run[0])):
            # the author and his post under the text, nothing under them: 高晓东（复旦大学附属中山医院…副科长）
            # signs the text and stays in it (over text, the same line heads that person's part)
            cur.article.paragraphs.append(run[0])
            i = j
            continue
        if cur is not None and (cur.has_body or cur.titled) and not bylines_between:
            cur.article.captions.extend(run)
            if cur.has_body:
                cur.closed = True  # captions stand after the text
            i = j
            continue
        cur = new()
        _set_title(cur, run, no_kicker=units[i].after_spaces, slotted=units[i].indent == HEADER)
        for x in range(j, b):
            _add_bylines(cur, units[x])
        i = b
    articles: list[Article] = []
    for d in drafts:
        a = d.article
        if d.pending_title and not d.titled and articles and (not a.tables or a.paragraphs):
            # Body text after a byline or a wide gap that no title block ever claimed: it continues the
            # article before (a multi-part report, a credit between photos), with any list it holds; a list
            # alone with no text stays an article of its own.
            _merge_into(articles[-1], a)
            continue
        if not a.headline and a.subheadlines:
            a.headline = a.subheadlines.pop(0)
        _check_table_counts(a)
        articles.append(a)
    return articles, leftover


# A sentence opening on its date and a comma (4月15日，…): a caption or a text, never a kicker.
_DATED_SENTENCE = re.compile(r"^\d{1,2}月\d{1,2}日(?:[上下]午|晚|凌晨)?，")
_bigrams = char_pairs


def _speaks_of_text_above(line: str, above: list[str], units: list[Unit], b: int) -> bool:
    """Does a title line share more of its words with the text above it than with the text below (the next
    few paragraphs from units[b])? Words are counted as character pairs."""
    words = _bigrams(line)
    if len(words) < 4:
        return False
    below = "".join(units[x].text for x in range(b, min(len(units), b + 4)) if units[x].kind == BODY)
    up = len(words & _bigrams("".join(above[-12:])))
    return up >= 0.3 * len(words) and up > 2 * len(words & _bigrams(below))


def _awaits_title(d: _Draft) -> bool:
    return d.pending_title and not d.titled and d.has_body and not d.article.tables


def _foreign_to_text_below(line: str, titles: list[str], units: list[Unit], b: int, above: list[str]) -> bool:
    """Does a line share no word (character pair) with the title lines and the paragraphs under it? When a
    jump line cuts the text under it short, the line must also speak of the text above (``above``)."""
    words = _bigrams(line)
    if len(words) < 4:
        return False
    near = units[b:b + 3]
    text = _bigrams("".join(u.text for u in near if u.kind == BODY))
    if words & (text | _bigrams("".join(titles))):
        return False
    if len(text) < 16 and any(u.kind == JUMP for u in near):
        # too little text below to tell (a dateline that a jump line cut, 据新华社巴黎4月21日电（记者苏斌）20): a
        # caption speaks of the picture above (吉布3水电站大坝 under a picture of the 吉布3水电站), a kicker does not
        # (欧冠半决赛对阵揭晓 under a picture of a league match)
        return bool(words & _bigrams("".join(above)))
    return True


def _split_at_cut(d: _Draft, e: _Draft) -> _Draft:
    """Move the text of ``d`` after its last cut into the new draft ``e`` (which awaits its title)."""
    paras, bylines = d.cut or (0, 0)
    a, b = d.article, e.article
    b.paragraphs, a.paragraphs = a.paragraphs[paras:], a.paragraphs[:paras]
    b.bylines, a.bylines = a.bylines[bylines:], a.bylines[:bylines]
    d.cut = None
    e.has_body = e.pending_title = True
    return e


def _merge_into(a: Article, b: Article) -> None:
    a.paragraphs += b.paragraphs
    a.bylines += b.bylines
    a.credits += b.credits
    a.captions += b.captions
    a.jumps += b.jumps
    a.tables += b.tables
    if b.source:
        if a.source is None:
            a.source = b.source
        else:
            a.paragraphs.append(b.source)


def _title_texts(a: Article) -> list[str]:
    return [x for x in (a.kicker, a.headline) if x] + a.subheadlines


_SPACED = re.compile(r"[^\s，。：:]{2,}[ \u3000\xa0]+[^\s，。：:]{2,}")


def _head_form(units: list[Unit], i: int, j: int) -> bool:
    """Does a line of the head run hold two phrases parted by a space (油菜花开 乡村如画)?"""
    # (a space inside a line of clauses is a pause, not two phrases: 多措并举，保定 “保淀”，…)
    return any(_SPACED.search(units[x].text) and "，" not in units[x].text for x in range(i, j))


_PLAIN_HEAD = re.compile(r"^[\u4e00-\u9fff]{4,10}$")


def _part_head_shape(text: str) -> bool:
    """A part head of a report in signed parts: a short phrase of Chinese characters only (太行花开尽烂漫)."""
    return _PLAIN_HEAD.match(text) is not None


def _fits_series(heads: list[bool], spaced: bool) -> bool:
    """Part heads of one article come in a series of one form (办赛很专业 / 观赛热情高 / 参与促普及); after
    such heads, a head of two phrases parted by a space, where none of them had one, is more likely the title
    of the next article printed one blank line below (迈阿密网球公开赛 张帅晋级女单第三轮)."""
    return not heads or not spaced or any(heads)


def _title_after_signature(units: list[Unit], i: int) -> bool:
    """Is the head run at units[i] set right under a signature (a byline line, a paragraph ending in its
    reporters' names, or a picture credit closing the text: 本版图片由受访者提供) and long enough to be a headline? A report in signed parts heads its parts with short
    labels (缓解焦虑, 第2计, 长宁区 …); a signed text followed by a full title (今晨上海的动与静, 油菜花开 乡村如画)
    has ended, and the title heads the next article."""
    if i == 0:
        return False
    prev = units[i - 1]
    if not (prev.kind in (BYLINE, NAMES, CREDIT) or (prev.kind == BODY and ends_signed(prev.text))):
        return False
    core = units[i].text.replace("“", "").replace("”", "")
    return len(core) >= 7 and len(core.split()[0]) >= 4


def _essay_under_signature(units: list[Unit], i: int, j: int) -> bool:
    """Is the head run at units[i:j] set right under a reporter's byline line (本报记者 陆玮鑫), over text that
    ends on a bare name with no role (葛昆元)? A report signed in parts signs each part as its reporters do; a
    text closed by its author's bare name is an essay or a commentary of its own, and the head is its title
    (做嫁衣的人)."""
    if i == 0 or units[i - 1].kind != BYLINE or not any(b.role for b in units[i - 1].data):
        return False
    k = j
    while k < len(units) and (units[k].kind == BODY or (units[k].kind == JUMP and k > j)):
        k += 1  # (a jump line may cut the text before its name: … / （下转第十六版） / 葛昆元)
    return k > j and k < len(units) and units[k].kind == NAMES


_PAUSES = re.compile(r"[，、：:；]")


def _unnumbered_after_numbered(d: _Draft, head: str) -> bool:
    """Were the text's parts numbered (1 / 寻找周大新 … 4 / 平静的周大新: a part number on a line of its own
    over each head, twice or more) while this head has none? Then it heads no part of that series but the
    next article (… / 打开春天的方式)."""
    if _PART_NUMBER.match(head):
        return False
    return sum(1 for p in d.article.paragraphs if _PART_NUMBER.match(p)) >= 2


def _dateline_report(d: _Draft, units: list[Unit], i: int, j: int) -> bool:
    """Is the head run units[i:j] the next article's title under a news report that opens with a dateline
    (本报北京3月24日电…, 新华社北京…电, 据新华社…电) and holds no part head? Such reports run on without part
    heads (none of the 61 dateline reports of the corpus' dev and held-out pages has one), so a head one blank
    line under one is a title (…会晤 report / 国际舆论热议亚投行扩大朋友圈) — when it is a title block of two
    lines or more, or the text under its one line speaks of something else (an eighth of its words or less are
    the report's; the second half of a paragraph that a column break cut goes on with the report's words), and
    the head is no cut line itself: one line with a
    pause inside (…发布、支持加工业发展; …特点：知识…) or a line ending on a speaker's post and name (…台长王庚年 |
    与…) is the first half of a sentence, and so is a head that uses the report's own words (over a fifth of
    its character pairs in the report's title and text: 前两月我国服务外包呈现 | 以下特点… under 前两月服务外包…).
    The shares (a fifth, an eighth) were set on fresh draws of both splits: the most pages better, none worse."""
    paras = d.article.paragraphs
    if d.heads or not paras or _DATELINE_START.match(paras[0]) is None:
        return False
    last = units[j - 1].text
    if (j - i == 1 and _PAUSES.search(last)) or ends_with_speaker(last) or last[-1] in "·“《（":
        return False  # (…萨利姆· | 谢赫…: a line stopping inside a name or on an opening mark is cut)
    above = _bigrams("".join(_title_texts(d.article) + paras))
    head = _bigrams("".join(units[x].text for x in range(i, j)))
    # (a title block of two lines or more is no pair of cut lines: the text under it may speak of the same
    # things, as the next report on a page of one subject does: …核酸筛查 report / 成人感染被转运，孩子谁来照顾？ /
    # “儿童督导员”“儿童主任”上线了 / text on 社区 and 核酸)
    return len(head & above) <= 0.2 * len(head) and (j - i >= 2 or _speaks_of_other(units, j, above, share=0.12))


def _speaks_of_other(units: list[Unit], j: int, above: set[str], share: float = 0.1) -> bool:
    """Do the two paragraphs from units[j] speak of something else than the text above (``share`` of their
    words, as character pairs, or less in ``above``)?"""
    below = _bigrams("".join(units[x].text for x in range(j, min(len(units), j + 2)) if units[x].kind == BODY))
    return bool(below) and len(below & above) <= share * len(below)


def _unrelated_late_head(d: _Draft, units: list[Unit], i: int, j: int) -> bool:
    """A first head after many paragraphs with no head (eight; four for a title block of two lines, which part
    heads seldom are), sharing no word with the text above, over a paragraph that speaks of something else: the
    title of the next article (an essay ends, 居家生活中的防控细节; a report ends, 2016城市可持续发展指数报告发布 /
    排出十个发展好的城市)."""
    paras = d.article.paragraphs
    if d.heads or len(paras) < (4 if j - i >= 2 else 8):
        return False
    head = _bigrams("".join(units[x].text for x in range(i, j)))
    above = _bigrams("".join(paras))
    if len(head) < 3 or head & above:
        return False
    return _speaks_of_other(units, j, above)


# A part number on a line of its own (一, 二, 3): the text under it opens with its first part.
_PART_NUMBER = re.compile(r"^(?:[" + K.CHINESE_NUMERALS + r"]{1,3}|\d{1,2})$")


def _over_a_list(units: list[Unit], j: int) -> bool:
    """Do short lines, one or more, from units[j] lead to a list (a table title or its rows)?"""
    while j < len(units) and units[j].kind in (HEAD, NAMES) and len(units[j].text) <= 12:
        j += 1
    return j < len(units) and units[j].kind in (TABLE_TITLE, ROW)


def _appendix_head(text: str) -> bool:
    """Is the head tagged as a piece that rides on the report above it rather than a column's article: a
    reporter's notes, a background box (什么是云（链接）, …（记者手记）)? Its tag is one of the in-article labels."""
    m = _TAG_AT_END.search(text)
    return m is not None and m.group(0)[1:-1] in K.SECTION_HEAD_WORDS


def _heads_a_picture_story(d: _Draft, units: list[Unit], i: int, j: int) -> bool:
    """Is the text under a head (from units[j]) one or two paragraphs closed by a 摄影报道 byline? Then the
    head is the title of a picture story (感受国粹), not a part of the text above. A photo credit alone does
    not tell (a part of a report may end with its picture) unless the head stands right under a signature:
    the text above has ended (单宋佳 邵亚波 / 水美鱼肥 / one paragraph / 人民视觉), or is a title block of two
    lines, as part heads seldom are (迈阿密网球公开赛 / 张帅晋级女单第三轮 / one paragraph / 人民视觉), or is the
    first head under a report signed at its top that ran three paragraphs or more without parts: a report in parts
    heads its first part early, and a lone part of one or two paragraphs ending in a photo credit is a picture
    set under it (单宋佳 邵亚波 / eight paragraphs / 水美鱼肥 / one paragraph / 人民视觉)."""
    k = j
    while k < len(units) and units[k].kind == BODY and k - j < 3:
        k += 1
    if not 1 <= k - j <= 2 or k == len(units):
        return False
    u = units[k]
    if u.gap <= 1 and u.kind == CREDIT and ((i > 0 and units[i - 1].kind in (BYLINE, NAMES)) or j - i >= 2
                                            or (not d.heads and d.article.bylines and len(d.article.paragraphs) >= 3)):
        return True  # (a head right under a signature, over a picture's text and its credit)
    return u.gap <= 1 and u.kind == BYLINE and any(b.role == "摄影报道" for b in u.data)


def _is_section_head_run(units: list[Unit], i: int, j: int, nxt: Unit, indented: bool, body_gap: int) -> bool:
    """Is the title-like run units[i:j], inside running text, an in-article section head?"""
    if indented:
        # Section heads are indented like paragraphs; a flush title line heads a new article.
        return False
    first = units[i]
    if _DATELINE_START.match(nxt.text) or _CUT_DATELINE.match(nxt.text):
        return False
    if first.gap > body_gap or nxt.gap > body_gap:
        return False
    if j - i > 3 or any(units[x].text.startswith("——") for x in range(i + 1, j)):
        return False  # a subheadline marked with ——, or a long block: a title block
    if any(units[x].gap < body_gap for x in range(i + 1, j)):
        return False  # lines set closer than paragraphs: one title block (kicker and headline, or a wrap)
    if any((_COLUMN_TAG.search(units[x].text) and not _appendix_head(units[x].text))
           or units[x].text in K.ARTICLE_TITLES for x in range(i, j)):
        return False  # 图片报道; a headline tagged with its column: …（绿色焦点）
    if j - i >= 2 and first.text[-1] in "：:" and len(first.text) <= 8:
        return False  # a kicker naming who speaks: 公安部：
    if j - i == 1 and one_line_title(first.text, lead_ins=False)[0] is not None:
        return False  # a kicker and a headline sharing a line (成人感染被转运，孩子谁来照顾？ “儿童督导员”…上线了)
    if j - i == 2 and _kicker_over_parallel_headline(first.text, units[i + 1].text):
        return False
    # One to three lines inside running text, not followed by a byline or a dateline: the head (and
    # subhead) of a part of the article. A new article printed one blank line after the last one, with
    # neither, is read as part of it.
    return True


def _kicker_over_parallel_headline(first: str, second: str) -> bool:
    """Are two head lines a kicker of clauses (宁波有个光伏村，家家装有光伏板，…) over a headline of two parallel
    phrases parted by a space (减排又赚钱 村民笑开颜)? A part head and its subhead are not set so: the head is the
    short line, and a line of spaced phrases heads no clauses."""
    parts = [p for p in _SPACES.split(second) if p]
    if len(parts) != 2 or "，" in second or not all(4 <= len(p) <= 9 for p in parts):
        return False
    if max(map(len, parts)) > 1.5 * min(map(len, parts)):
        return False
    return "，" in first and " " not in first and len(first) >= 10 and first[-1] not in "：:，。"


def _check_table_counts(a: Article) -> None:
    """Where the text announces how many items a list has and a header row makes one too many, drop the
    header row from the items (it stays in ``rows``)."""
    for t in a.tables:
        if not t.rows or len(t.rows) < 2:
            continue
        want = stated_count([t.title or "", *a.paragraphs])
        head = [c for c in t.rows[0] if c]
        if want is not None and want != len(t.items) and want == len(t.items) - len(head):
            body_rows = t.rows[1:]
            width = max(len(r) for r in body_rows)
            t.items = [r[c] for c in range(width) for r in body_rows if c < len(r) and r[c]]
