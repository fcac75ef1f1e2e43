"""People of the story: names from the entity model, cleaned, with the titles the text gives them.

- Order is first mention in reading order (headline, then paragraphs), so an attendance list
  (胡衡华、王炯、程丽华，李明清) keeps the rank order readers see.
- Titles come from the words right before a name (市委书记袁家军, 永仁心医疗副总经理刘易海, chains such as
  中共中央总书记、国家主席、中央军委主席习近平) or right after it (习近平总书记).
- Reporters are not people of the story: names in bylines and credits, and mentions in reporter position
  (（记者倪弋）, 本报记者 X 摄) are left out.
- Names the model missed are added where the text makes them certain: right after an office and before a
  verb (副司长邱汝介绍), beside names it found in a list (胡衡华、王炯), or in a list of names before an
  attendance verb (王炯、程丽华出席).
- Junk the model tags as names (弘扬 — a common verb; 永仁 — part of 永仁心医疗; 成渝 — 成渝地区) is
  filtered by shape, dictionary frequency, context and the model's own consistency (a string printed often
  but seldom tagged is a word), never by a list of known mistakes.
- Each name is judged on all its mentions; ``mentions`` counts them in the headline and paragraphs, and
  the article's PER entities are rewritten to match: one per mention of each person, none for junk.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..model import Article, Entity, Person

if TYPE_CHECKING:
    from . import ArticleText

# Single-character surnames (the common few hundred) and compound ones.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴"
    "霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚"
    "岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑"
    "迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉"
    "禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阎戈伏鹿银郗邰双"
    "习赖揭谯蔚鄂贲苻蓬郦逯阙茅於訾钮幸鄢隆晏官冼滑羊战洪"
)
COMPOUND_SURNAMES = {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文",
                     "司徒", "夏侯", "令狐", "澹台", "轩辕", "端木", "独孤", "南宫", "西门", "呼延",
                     # Japanese two-character surnames, for four-character names (安倍晋三, 福田康夫)
                     "安倍", "福田", "田中", "山本", "中村", "小林", "铃木", "佐藤", "高桥", "渡边", "伊藤", "山田",
                     "松本", "井上", "木村", "清水", "山口", "池田", "桥本", "石川", "前田", "藤田", "小泉", "岸田",
                     "麻生", "鸠山", "野田", "河野", "茂木", "二阶", "河合", "菅义", "森喜", "村山", "细川", "竹下"}
# Characters that make up transliterated foreign names (特朗普, 默克尔, 古特雷斯).
TRANSLITERATION = set(
    "阿埃艾安昂奥巴拜班邦贝本比彼波伯博布查达戴丹德迪蒂丁东杜多厄恩法菲费芬丰弗福盖甘冈戈格贡古圭哈海汉"
    "豪赫亨洪胡华霍基吉加贾杰金卡凯坎康考柯科克肯库夸奎拉莱兰朗劳勒雷里利莉列林琳隆卢鲁伦罗洛马迈麦曼梅蒙"
    "米敏莫默姆穆纳娜内尼涅宁纽努诺帕潘佩彭皮普齐奇乔切钦琼丘萨塞桑瑟森沙莎善舍施什斯松苏索塔泰坦汤特滕"
    "提图托瓦万旺威韦维温沃乌武西希锡夏谢辛休修许雅亚扬耶伊因英尤于约泽扎詹兹佐祖"
    "延娃琪薇丝黛妮茨缪瑙鲍舍绍肖岑楚翁欧乔菲弗萨泽洛基科尔夫契侯卜易欣罕翰蓬赛逊顿龙登昌琴季黑"
)
# Words that end a title: the office, rank or role printed next to a name. Longest match wins.
TITLE_WORDS = frozenset("""
总书记 书记 副书记 第一书记 党组书记 支书 村支书 主席 副主席 委员长 副委员长 总理 副总理 国务委员 部长 副部长
司长 副司长 局长 副局长 处长 副处长 科长 厅长 副厅长 省长 副省长 市长 副市长 县长 副县长 区长 副区长 镇长
副镇长 乡长 村长 主任 副主任 常务副主任 委员 常委 秘书长 副秘书长 书记员 总经理 副总经理 经理 董事长 副董事长
董事 总裁 副总裁 首席执行官 执行官 行长 副行长 院长 副院长 校长 副校长 所长 副所长 馆长 社长 台长 总编辑 主编
会长 副会长 理事长 团长 队长 站长 厂长 总监 总工程师 工程师 教授 副教授 研究员 副研究员 院士 专家 医生
主任医师 护士长 发言人 新闻发言人 大使 参赞 总领事 领事 总统 副总统 首相 国务卿 外长 外交部长 防长 议长
国王 女王 王储 州长 总督 法官 检察长 庭长 司令员 政委 参谋长 军长 师长 将军 上将 中将 少将 主教练 教练
人大代表 政协委员 负责人 创始人 合伙人 民警 警官 律师 作家 导演 演员 总干事 秘书 特使 特首 省委书记
市委书记 县委书记 区委书记 党委书记 督察长 巡视员 调研员 指挥长 总指挥 处长助理 董事会主席 首席科学家 科学家
""".split())
_MAX_TITLE = max(map(len, TITLE_WORDS))
# Words after a name that are a title in postposition (习近平总书记) — offices, not roles like 代表.
POSTPOSED_TITLES = frozenset("""
总书记 书记 主席 总理 副总理 委员长 部长 省长 市长 县长 区长 主任 院长 校长 教授 院士 大使 总统 首相 局长 司长
厅长 处长 行长 董事长 总经理 会长 社长 研究员 博士 同志 先生 女士 老板 师傅 老师 阿姨 伯伯 老伯 阿婆 大爷 大妈
奶奶 爷爷 婆婆 医生
""".split())
# Postposed forms of address: split off a name (林博士 is no name) but not kept as titles.
_ADDRESS = frozenset({"同志", "先生", "女士", "老板", "师傅", "老师", "阿姨", "伯伯", "老伯", "阿婆", "大爷", "大妈",
                      "奶奶", "爷爷", "婆婆", "医生"})
# Parts of speech (jieba's tags) that may sit inside a title before its office word: nouns, names of
# places and bodies, abbreviations (政协), distinguishing words (副, 常务), idioms (发言人).
_TITLE_TAGS = ("n", "j", "b", "l", "vn")
_MAX_TITLE_PHRASE = 24
_REPORTER_BEFORE = re.compile(r"(?:记者|通讯员|摄影|实习生|编辑|撰稿|供稿|作者)[\s　:：]*$")
# A dateline's reporters: 新华社莫斯科4月21日电 （记者胡晓光、谭晶晶）, 本报北京3月24日电  （顾仲阳、耿凯丽）,
# 电  记者黄发红、俞懿春）; and a byline left in the body: 本报记者 祝大伟 刘洪超, 新重庆-重庆日报记者 杨帆.
_DATELINE_REPORTERS = re.compile(
    r"[（(][^（()）]{0,12}(?:记者|通讯员|实习生)[^（()）]{1,60}[）)]"
    r"|日电[\s\u3000]*[（(]?[^（()）。，,：:“”]{2,60}[）)]"
)
_BYLINE_PARAGRAPH = re.compile(
    r"^[\u4e00-\u9fff\-—·]{0,20}?(?:记者|通讯员)[\s\u3000]*[\u4e00-\u9fff]{2,4}"
    r"(?:[\s\u3000、]+[\u4e00-\u9fff]{2,4})*[\s\u3000]*$"
)
_REPORTER_AFTER = re.compile(r"^[\s　]*(?:摄|报道|供图|绘|制图|作|整理)")
# After a place or bloc, not a person: 成渝地区, 京津冀协同.
_PLACE_AFTER = re.compile(r"^(?:地区|两地|双城|经济圈|城市群|都市圈|片区|一带|沿线|地方|高速|铁路|高铁|省|市|县|区|镇|乡|村)")
_BODY_ENDINGS = set("区市县省镇乡村庄寨屯堡集局部委厅院会所馆站厂司园港路街队社网办处科股室组阁楼堂亭寺庙宫殿塔苑汇湾岛性式型率")
# Characters a model tends to run a two-character name into: 欧公曰, 陈晓说, 丁淀则.
_LEADING = set("同与及跟")
_TRAILING = set("说曰道则为于常自深译反在和也与将曾就都又已还对向从把被让给等时")
_NAME_CHARS = re.compile(r"^[\u4e00-\u9fff·•]+$")
# An office, then a two- or three-character name starting with a surname, then punctuation or a reporting verb.
_TITLED_NAME = re.compile(
    "(?:" + "|".join(sorted(TITLE_WORDS, key=len, reverse=True)) + ")"
    + "(?P<name>[" + "".join(sorted(SURNAMES)) + r"][\u4e00-\u9fff]{1,2}?)"
    + r"(?=[，。、；：！？,;:\s（(\d]|表示|说|指出|强调|介绍|主持|出席|在|会见|会晤|等|和|与|认为|称|告诉|透露|率|一行"
    + "|同志|昨|今|近日|日前|也|还|就|对|向|将|已|曾|的)"
)
# Two or more short names joined by 、 right before an attendance verb, after a clause boundary.
_ATTENDANCE_LIST = re.compile(
    r"(?:^|(?<=[，。；：、\s]))(?P<names>[\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3})+)(?:等)?"
    r"(?=出席|参加|陪同|参会|会见|列席)"
)
_LIST_ITEM = re.compile(r"[^、]+")
_LIST_SEP = "、，,"
_LIST_END = "、，,。；;：:！？）)”\"'" + "等出席参加陪同"
# jieba's dictionary tags many ordinary words nr (弘扬 430, 双赢 105, 晋级 238, 雷达 2930), so a two-character
# word it knows this often, or a longer one that does not open with a surname (利比亚), is taken for an
# ordinary word unless the text gives it a title. Three-character entries that open with a surname are
# famous names however common (邓小平 4055, 李大钊 1338); two-character ones are lost without a title (孔子).
COMMON_WORD_FREQ = 100  # (Dictionary keeps frequencies from FREQ_FLOOR up; both thresholds are above it)
# A three-character name whose first two characters are a word this common is a phrase: 范围广 (范围 12101).
# Real names rarely open so (王国 2631, 黄金 3086 stay below).
COMMON_HEAD_FREQ = 4000
# Two-character "names" that are places or sides: 张庄, 夏村; 韩方, 美方.
_PLACE_END_2 = set("村庄寨屯堡集姓")
_SIDE = re.compile(r"^[中美俄日韩朝英法德意印巴叙伊土以越泰澳加欧非马蒙缅老柬菲新尼阿埃沙希葡西荷比瑞挪芬丹波匈捷乌哈吉塔南北密斐约黎苏古墨秘智]方$")
# A two-character "name" ending in a speech verb is a clause: 边说, 他称.
_SPEECH_END = set("说説称讲问答道")
# 郭老, 王总, 李姐: a form of address, not a name.
_ADDRESS_END = set("老总哥姐叔伯婆爷")


def _tag_table() -> tuple[dict[str, int], dict[str, str]]:
    from . import dictionary

    d = dictionary()
    return d.freq, d.tags


def has_surname(name: str) -> bool:
    return name[:2] in COMPOUND_SURNAMES or name[0] in SURNAMES


def looks_foreign(name: str) -> bool:
    """A transliterated name: 特朗普, 默克尔; from four characters on, all but one will do (马特维延科)."""
    if "·" in name or "•" in name:
        return True
    hits = sum(c in TRANSLITERATION for c in name)
    return len(name) >= 3 and (hits == len(name) or (len(name) >= 4 and hits >= len(name) - 1))


def name_shape_ok(name: str) -> bool:
    if not _NAME_CHARS.match(name):
        return False
    if "·" in name or "•" in name:
        return 3 <= len(name) <= 20
    if len(name) == 4:
        # Four characters with a one-character surname are rare (欧阳小红 has a compound one, 陈冯富珍 her
        # husband's surname first); they are mostly four-character phrases (丰硕成果) or transliterations.
        return name[:2] in COMPOUND_SURNAMES or _two_surnames(name) or looks_foreign(name)
    return 2 <= len(name) <= 3 or (looks_foreign(name) and len(name) <= 8)


def _two_surnames(name: str) -> bool:
    """陈冯富珍; not 祝贺法基 (祝贺 is a word) nor 宋欧阳修 (a dynasty before 欧阳修)."""
    return (name[0] in SURNAMES and name[1] in SURNAMES and name[1:3] not in COMPOUND_SURNAMES
            and _dictionary_freq(name[:2]) < COMMON_WORD_FREQ)


def split_title(name: str) -> tuple[str, list[str], list[str]]:
    """A span the model ran into a title (市委书记袁家军, 习近平总书记) → (name, titles before, after)."""
    before: list[str] = []
    after: list[str] = []
    for n in range(min(_MAX_TITLE, len(name) - 1), 1, -1):
        if name[-n:] in POSTPOSED_TITLES:
            after.append(name[-n:])
            name = name[:-n]
            break
    for n in range(min(_MAX_TITLE, len(name) - 1), 1, -1):
        if name[:n] in TITLE_WORDS:
            before.append(name[:n])
            name = name[n:]
            break
    return name, before, [t for t in after if t not in _ADDRESS]


def _word_allowed_in_title(word: str, tags: dict[str, str]) -> bool:
    if word in _VERBS_BEFORE_TITLES:  # jieba's dictionary tags some of them nouns (会见 n)
        return False
    if word in TITLE_WORDS or word.startswith("驻"):
        return True
    tag = tags.get(word)
    if tag is None:  # not in the dictionary: a new word jieba found (永仁心); allowed if Chinese
        return bool(_NAME_CHARS.match(word)) and len(word) <= 6
    return tag.startswith(_TITLE_TAGS)


_JOINS = "与和及"
_OPENERS = "同与和及跟向对在于从据由"


def _word_bridges_title(word: str, tags: dict[str, str]) -> bool:
    if word in _VERBS_BEFORE_TITLES:
        return False
    return word in _JOINS or tags.get(word, "x")[:1] in ("v", "a", "f", "m")


# Verbs that come before a person's title in a sentence, never inside a body's name: 会见国务院副总理刘延东.
_VERBS_BEFORE_TITLES = frozenset("""
会见 会晤 看望 接见 陪同 宴请 会谈 致电 致信 祝贺 邀请 表示 说 指出 担任 出任 任命 当选 就任 卸任 欢迎 感谢
拜会 拜访 访问 率 率领 带领 出席 参加 主持 听取 采访 询问 告诉 认为 强调 介绍 称 透露 分别 前往 来到 同 向 对 为
是 有 由 据 经 被 把 让 请 给 任 及其 联系 通知 找到 找 请教 咨询 遇到 见到 看到 带着 跟着 帮助 协助 配合
组织 安排 派 派出 推荐 通过 经过 跟 随 随同 时间
""".split())


def titles_before(text: str, start: int, words: list[tuple[str, int, int]], tags: dict[str, str],
                  names: list[tuple[int, int]] = (), word_starts: list[int] | None = None) -> list[str]:
    """Titles printed right before the name at ``start``: 外交部发言人陆慷 → [外交部发言人].

    ``names`` are the spans of other people in the same text: a title never reaches back over one
    (李克强与澳大利亚总理特恩布尔 gives 特恩布尔 澳大利亚总理, not 李克强与…).
    """
    found: list[str] = []
    starts = word_starts if word_starts is not None else [s for _, s, _ in words]
    pos = start
    while True:
        office = next((text[pos - n:pos] for n in range(min(_MAX_TITLE, pos), 1, -1)
                       if text[pos - n:pos] in TITLE_WORDS), None)
        if office is None:
            break
        begin = pos - len(office)
        k = bisect_right(starts, begin) - 1  # the word holding the office's first character
        if k >= 0 and words[k][1] < begin and _word_allowed_in_title(words[k][0], tags):
            begin = words[k][1]  # the office is the tail of a word: 市委常委 holds 常委
        k = bisect_right(starts, begin - 1) - 1 if begin > 0 else -1
        # Extend left over the body the office belongs to (外交部, 国家体育总局群体司, 永仁心医疗).
        while k >= 0 and pos - words[k][1] <= _MAX_TITLE_PHRASE and words[k][2] == begin:
            word, s, e = words[k]
            if any(ns < e and s < ne for ns, ne in names):
                break  # another person: 马特维延科和国家杜马主席沃洛金
            if word not in tags and len(word) > 1 and word[0] in _OPENERS:
                begin = s + 1  # jieba ran a preposition into the body's name: 同非盟 → 非盟
                break
            if _word_allowed_in_title(word, tags):
                begin, k = s, k - 1
                continue
            # A verb or joint inside a body's name (气象探测中心, 物理与强风暴重点实验室): up to two such words,
            # when a noun comes before them and no other person does (李克强与澳大利亚总理特恩布尔).
            j = k
            while j >= 0 and k - j < 2 and _word_bridges_title(words[j][0], tags):
                j -= 1
            # 与 before a place starts a new party: 在悉尼与澳大利亚总理特恩布尔.
            joins_place = any(words[x][0] in _JOINS and x + 1 < len(words)
                              and tags.get(words[x + 1][0], "").startswith("ns") for x in range(j + 1, k + 1))
            if (j < k and j >= 0 and not joins_place and _word_allowed_in_title(words[j][0], tags)
                    and not any(ns < words[j][2] and words[j][1] < ne for ns, ne in names)):
                begin, k = words[j + 1][1], j
            else:
                break
        # A title never opens on a joining word (与坦革命党 is jieba's word for 与 + 坦革命党).
        while begin < pos - len(office) and text[begin] in _JOINS:
            begin += 1
        found.append(text[begin:pos])
        # A chain of titles: 中共中央总书记、国家主席、中央军委主席习近平.
        if begin > 0 and text[begin - 1] == "、":
            pos = begin - 1
        else:
            break
    found.reverse()
    return found


def titles_after(text: str, end: int) -> list[str]:
    for n in range(_MAX_TITLE, 1, -1):
        word = text[end:end + n]
        if len(word) == n and word in POSTPOSED_TITLES:
            return [] if word in _ADDRESS else [word]
    return []


def reporter_spans(text: str) -> list[tuple[int, int]]:
    """Where a text names its reporters: a dateline's parenthesis, or the whole text when it is a byline."""
    if len(text) <= 60 and _BYLINE_PARAGRAPH.match(text):
        return [(0, len(text))]
    return [m.span() for m in _DATELINE_REPORTERS.finditer(text)]


def _reporter_mention(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    if any(s <= start and end <= e for s, e in spans):
        return True
    return bool(_REPORTER_BEFORE.search(text[max(0, start - 6):start]) or _REPORTER_AFTER.match(text[end:end + 4]))


def _list_neighbours(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans next to a name across a list separator: in 胡衡华、王炯、程丽华, 王炯 is beside 胡衡华."""
    spans = []
    if end < len(text) and text[end] in _LIST_SEP:
        s = end + 1
        e = s
        while e < len(text) and e - s <= 5 and text[e] not in _LIST_END:
            e += 1
        if e < len(text) and text[e] in _LIST_END and 2 <= e - s <= 4:
            spans.append((s, e))
    if start > 0 and text[start - 1] in _LIST_SEP:
        e = start - 1
        s = e
        while s > 0 and e - s <= 5 and text[s - 1] not in _LIST_END:
            s -= 1
        if (s == 0 or text[s - 1] in _LIST_END) and 2 <= e - s <= 4:
            spans.append((s, e))
    return spans


def extract_people(article: Article, text: ArticleText) -> None:
    freq, tags = _tag_table()
    entities = list(article.entities or [])
    bylined = {n.replace(" ", "").replace("\u3000", "") for b in article.bylines for n in b.names}
    bylined |= {n.replace(" ", "") for c in article.credits for n in c.names}
    others = [e for e in entities if e.type in ("ORG", "LOC")]
    other_spans: dict[int, list[tuple[int, int]]] = {}
    for o in others:
        other_spans.setdefault(o.paragraph, []).append((o.start, o.end))
    for found in other_spans.values():
        found.sort()

    def inside_other(e: Entity) -> bool:
        """Inside a place or body the model found (the model's spans do not overlap one another)."""
        here = other_spans.get(e.paragraph, [])
        k = bisect_right(here, (e.start, len(text.text(e.paragraph)) + 1)) - 1
        return k >= 0 and here[k][0] <= e.start and e.end <= here[k][1]

    def overlaps_other(i: int, start: int, end: int) -> bool:
        """Overlaps a place or body: a name printed inside one (王炯 in 王炯工作室) is not a mention of him."""
        here = other_spans.get(i, [])
        k = bisect_right(here, (end, -1)) - 1  # the last span starting before ``end``
        return k >= 0 and here[k][1] > start

    def plausible(name: str) -> bool:
        if not name_shape_ok(name) or name in bylined or name.endswith(tuple(_ADDRESS)):
            return False
        if len(name) == 2 and (name[-1] in _SPEECH_END or name[-1] in _ADDRESS_END):
            return False  # 边说, 来説; 郭老, 王总
        if freq.get(name, 0) >= COMMON_WORD_FREQ and (len(name) == 2 or not has_surname(name)):
            # (a common three-character entry that opens with a surname is a famous name: 邓小平, 李大钊)
            return False
        return has_surname(name) or looks_foreign(name)

    def ordinary_word(word: str) -> bool:
        """In jieba's dictionary as something other than a name (部分, 市级)."""
        tag = tags.get(word)
        return tag is not None and not tag.startswith("nr")

    # 1. Candidate mentions from the model, with titles the model swallowed split off, and a function word it
    #    ran a name into (陈晓说) cut off when the name stands without it elsewhere in the article.
    kept: list[Entity] = []
    for e in entities:
        if e.type != "PER":
            continue
        name, before, after = split_title(e.text)
        start = e.start + (len(e.text) - len(name) - sum(map(len, after)))
        if len(name) >= 3 and name[-1] in _TRAILING and _stands_alone(text, name[:-1], name[-1]):
            name = name[:-1]
        if len(name) >= 3 and name[0] in _LEADING:
            name = name[1:]  # 同加尼 in 习近平主席同加尼总统: the preposition is not part of the name
            start += 1
        if name != e.text:
            e = Entity(name, "PER", e.paragraph, start, start + len(name))
        if name_shape_ok(name) and not inside_other(e):
            kept.append(e)

    votes = Counter(e.text for e in kept)  # how often the model itself called each name a person

    # 2a. Names the model missed right after an office and right before a verb or a stop (副司长邱汝介绍).
    taken = {(e.paragraph, pos) for e in kept for pos in range(e.start, e.end)}
    for i in text.indices():
        for m in _TITLED_NAME.finditer(text.text(i)):
            s, t = m.span("name")
            cand = m.group("name")
            if (i, s) in taken or (i, t - 1) in taken or not plausible(cand) or ordinary_word(cand):
                continue
            kept.append(Entity(cand, "PER", i, s, t))
            taken.update((i, pos) for pos in range(s, t))

    # 2b. A list of names the model missed altogether, closed by attendance (王炯、程丽华出席): every item
    #     must look like a name for any to count.
    for i in text.indices():
        for m in _ATTENDANCE_LIST.finditer(text.text(i)):
            items = list(_LIST_ITEM.finditer(m.group("names")))
            if len(items) < 2 or not all(plausible(x.group()) and not ordinary_word(x.group())
                                         and has_surname(x.group()) for x in items):
                continue
            for x in items:
                s, t = m.start("names") + x.start(), m.start("names") + x.end()
                if (i, s) not in taken and (i, t - 1) not in taken:
                    kept.append(Entity(x.group(), "PER", i, s, t))
                    taken.update((i, pos) for pos in range(s, t))

    # 2c. Names the model missed inside lists of names it did find (胡衡华、王炯、程丽华，李明清).
    seen = {(e.paragraph, e.start) for e in kept}
    frontier = list(kept)
    while frontier:
        e = frontier.pop()
        para = text.text(e.paragraph)
        for s, t in _list_neighbours(para, e.start, e.end):
            cand = para[s:t]
            if (e.paragraph, s) in seen or not plausible(cand) or not has_surname(cand) or ordinary_word(cand):
                continue
            new = Entity(cand, "PER", e.paragraph, s, t)
            seen.add((e.paragraph, s))
            kept.append(new)
            frontier.append(new)

    # 3. Judge each distinct name on all its mentions in the article. Longer names go first and claim their
    #    mentions, so a short form the model cut from one (刘锐 from 刘锐刚) keeps only mentions of its own.
    names = sorted({e.text for e in kept}, key=lambda n: (-len(n), n))
    spans: dict[int, list[tuple[int, int]]] = {}
    for e in kept:
        spans.setdefault(e.paragraph, []).append((e.start, e.end))
    for found in spans.values():
        found.sort()
    org_texts = sorted({o.text for o in others})
    claimed: set[tuple[int, int]] = set()  # (text index, offset) of every character of an accepted mention
    reporter_cache: dict[int, list[tuple[int, int]]] = {}

    def reporters(i: int) -> list[tuple[int, int]]:
        if i not in reporter_cache:
            reporter_cache[i] = reporter_spans(text.text(i))
        return reporter_cache[i]

    def blocking(i: int, span: tuple[int, int]) -> bool:
        """A person a title cannot reach over: a name already accepted, or one that looks like a name
        (so that junk such as 永仁 in 永仁心医疗副总经理 does not cut a title short)."""
        return (i, span[0]) in claimed or plausible(text.text(i)[span[0]:span[1]])

    accepted: list[str] = []
    people: list[tuple[tuple[int, int], Person]] = []
    per: list[Entity] = []
    for name in names:
        if name in bylined:
            continue
        real = [(i, s) for i, s in _occurrences(text, name)
                if (i, s) not in claimed and not overlaps_other(i, s, s + len(name))
                and not _reporter_mention(text.text(i), s, s + len(name), reporters(i))]
        if not real:
            continue
        before: list[str] = []
        after: list[str] = []
        for i, s in real:
            para = text.text(i)
            # Other people near enough to stop a title reaching back (a title is at most _MAX_TITLE_PHRASE).
            here = spans.get(i, [])
            lo = bisect_right(here, (s - _MAX_TITLE_PHRASE - 20, 0))
            others_here = [sp for sp in here[lo:bisect_right(here, (s, len(para)))]
                           if not sp[0] <= s < sp[1] and blocking(i, sp)]
            before += titles_before(para, s, text.words(i), tags, others_here, text.word_starts(i))
            after += titles_after(para, s + len(name))
        # A title printed before the name vouches for it (市长高峰); one after it only for a name that looks
        # like one (荣誉董事长 does not make 荣誉 a person).
        titled = bool(before) or (bool(after) and plausible(name))
        if not titled and not _judged_name(name, real, text, org_texts, accepted, plausible):
            continue
        # Printed three times or more and the model called it a person in under a third of them: a word
        # that looked like a name once (马蜂 of 马蜂窝, 马蜂蜇伤).
        if not titled and len(real) >= 3 and votes[name] * 3 < len(real):
            continue
        accepted.append(name)
        for i, s in real:
            claimed.update((i, pos) for pos in range(s, s + len(name)))
            per.append(Entity(name, "PER", i, s, s + len(name)))
        titles = list(dict.fromkeys(before + after))
        people.append((min(real), Person(name, _tidy_titles(titles), len(real))))
    people.sort(key=lambda p: p[0])
    article.people = [p for _, p in people]

    # Entities follow the judgement: junk PER mentions go; every mention of a person is in, with names found
    # in lists and mentions the model missed; spans are trimmed of titles.
    rest = [e for e in entities if e.type != "PER"]
    article.entities = sorted(rest + per, key=lambda e: (e.paragraph, e.start, e.end))


def _dictionary_freq(word: str) -> int:
    return _tag_table()[0].get(word, 0) or 0


def _judged_name(name: str, real: list[tuple[int, int]], text: ArticleText, org_texts: list[str],
                 names: Iterable[str], plausible) -> bool:
    """A name with no title must look like one and not like part of a place or organisation."""
    if not plausible(name):
        return False
    # Opens with a common word: 范围广 (范围), 文明史 (文明).
    if len(name) == 3 and _dictionary_freq(name[:2]) >= COMMON_HEAD_FREQ:
        return False
    # Part of a longer name found in the same article (阳明 in 王阳明), or the model's place or body elsewhere.
    if any(name in other and name != other for other in names) or name in org_texts:
        return False
    # Part of an organisation's or place's name printed in full elsewhere (永仁 in 重庆永仁心医疗器械有限公司).
    if any(name in o and name != o for o in org_texts):
        return False
    # Ends like a place or a body, not a given name: 高新区, 李岙村, 张庄; or is a side in talks: 韩方.
    if (len(name) >= 3 and name[-1] in _BODY_ENDINGS) or name[-1] in _PLACE_END_2 or _SIDE.match(name):
        return False
    # Every mention runs on into a place word: 成渝地区.
    if all(_PLACE_AFTER.match(text.text(i)[s + len(name):]) for i, s in real):
        return False
    # Every mention (two or more) runs on into the same character: a prefix of a longer word (永仁|心医疗).
    nexts = {text.text(i)[s + len(name):s + len(name) + 1] for i, s in real}
    return not (len(real) >= 2 and len(nexts) == 1 and _NAME_CHARS.match(next(iter(nexts)) or "-")
                and next(iter(nexts)) not in "在说和与等是也")


def _stands_alone(text: ArticleText, name: str, not_before: str) -> bool:
    """``name`` is printed somewhere in the article followed by something other than ``not_before``."""
    for i, s in _occurrences(text, name):
        if text.text(i)[s + len(name):s + len(name) + 1] != not_before:
            return True
    return False


def _occurrences(text: ArticleText, name: str) -> list[tuple[int, int]]:
    found = []
    for i in text.indices():
        para = text.text(i)
        pos = para.find(name)
        while pos >= 0:
            found.append((i, pos))
            pos = para.find(name, pos + len(name))
    return found


def _tidy_titles(titles: list[str]) -> list[str]:
    """Drop a title that is the tail of a longer one seen too (书记 beside 市委书记)."""
    return [t for t in titles if not any(o != t and o.endswith(t) for o in titles)]
