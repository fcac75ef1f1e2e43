"""Leads and heads under a title in one-paragraph-a-line dumps. A commentary's summary lead set without a stop
right under its column's title (…（体坛观澜）), no byline between, is a paragraph of its own, not the first half
of the paragraph under it, also when the title's headline is wrapped onto two lines (健身晒心得 一举 /
可多得（体坛观澜）; real text, 人民日报 2017-03-25). A head is joined to the text under it as a word cut in two only
on evidence that holds: three characters seen elsewhere going on otherwise (扫码核验) do not tell."""

import pytest

from banmian import parse_text

TITLE = "健身晒心得 一举可多得（体坛观澜）"
LEAD = "晒心得不仅是知识的共享，更是快乐的传递，很有可能会影响和带动身边的朋友参与健身"
P1 = ("“最近自创了几个拉伸动作，对缓解运动疲劳有帮助，分享给大家。”每次运动完，河北廊坊的叶阿姨都会在朋友圈里晒一晒"
      "自己的心得。")
P2 = "叶阿姨最初爱上运动是因为晒数据获得的成就感，但时间久了，多少有些乏味的感觉。"


def test_a_summary_lead_right_under_a_column_title_is_a_paragraph():
    (a,) = parse_text("\n\n".join([TITLE, LEAD, P1, P2]) + "\n").articles
    assert a.headline == TITLE
    assert a.paragraphs == [LEAD, P1, P2]


def test_a_summary_lead_under_a_wrapped_column_title_is_a_paragraph():
    text = "健身晒心得 一举\n可多得（体坛观澜）\n\n" + "\n\n".join([LEAD, P1, P2]) + "\n"
    (a,) = parse_text(text).articles
    assert a.headline == TITLE
    assert a.subheadlines == []
    assert a.paragraphs == [LEAD, P1, P2]


def test_a_cut_first_paragraph_under_a_column_title_is_still_joined():
    first = "晒心得不仅是知识的共享，更是快乐的传递，很有可能会影响和带动身边的朋友参"
    second = "与健身。“最近自创了几个拉伸动作，对缓解运动疲劳有帮助。”"
    (a,) = parse_text("\n\n".join([TITLE, first, second, P2]) + "\n").articles
    assert a.paragraphs == [first + second, P2]


def test_a_head_under_a_part_label_is_not_joined_on_a_word_seen_going_on_otherwise():
    # 扫码核验 elsewhere on the page is no evidence that 自制“纸盒”快扫码 | 核酸检测… is one word cut in two
    intro = "社区里的志愿者们想出了不少妙招，让核酸检测更快更顺。"
    head = "自制“纸盒”快扫码"
    text_ = "核酸检测之前，居民如何快速扫描预约的核酸检测登记二维码？"
    more = "居民到场后，志愿者先扫码核验，随后引导居民有序采样。"
    (a,) = parse_text("\n\n".join(["抗疫达人亮妙招", intro, "第8计", "因陋就简", head, text_, more]) + "\n").articles
    assert a.paragraphs == [intro, "第8计", "因陋就简", head, text_, more]


def test_a_line_opening_on_a_speech_verb_finishes_the_line_above():
    first = "中国化工学会会长、中国水性涂料产业联盟会长杨元一"
    second = "表示，有数据表明，在欧美一些发达国家，水漆的使用比例已达到80%以上。"
    (a,) = parse_text("\n\n".join(["亚洲最大全水漆生产线落户河北", P1, first, second, P2]) + "\n").articles
    assert a.paragraphs == [P1, first + second, P2]


CUT_UNDER_A_TITLE = [
    # a word seen whole elsewhere on the page (天鹅重现清水河，) runs across the break
    ("生态美如画 天鹅来做客", "春暖花开，北京市密云区太师屯镇清水", "河畔迎来了12年未见的白天鹅。",
     "天鹅重现清水河，镇里的村民纷纷前来观看。"),
    # a number is cut
    ("不必恐慌，春天临近了！", "上证指数今年1月4日以36", "49.15点跳空高开，摸高3651.89点后就一路下跌。", P2),
    # (synthetic text) a range of years is cut at its dash
    ("老将的坚持", "他在美国职业篮球联赛（NBA）2016—", "2017赛季的季后赛里场均得到32分。", P2),
    # (synthetic text) a lead under a column title that reads whole (…中国古生物), while 古生物研究 stands elsewhere
    ("一眼看万年（博物之旅）", "沉静中透着古朴的这座博物馆，坐落于城东的一处风景区，是近代以来中国古生物",
     "研究的重镇。馆内陈列着大量珍贵的化石标本。", "该馆隶属于中国科学院古生物研究所，每年接待观众数十万人次。"),
]


@pytest.mark.parametrize(("title", "first", "second", "more"), CUT_UNDER_A_TITLE)
def test_a_line_under_a_title_cut_inside_a_word_or_number_is_joined(title, first, second, more):
    (a,) = parse_text("\n\n".join([title, first, second, more]) + "\n").articles
    assert a.paragraphs == [first + second, more]


def test_a_line_opening_a_subordinate_clause_before_its_comma_is_a_first_half():
    # (synthetic text) a commentary's lead cut right under its byline: 如果说… waits for its main clause after a
    # comma, so the short line is no head
    first = "如果说在朋友圈晒数据"
    second = "是为了督促自己，那么晒心得则是一种分享，很有可能会带动身边的朋友参与健身"
    (a,) = parse_text("\n\n".join([TITLE, "史 哲", first, second, P1, P2]) + "\n").articles
    assert a.paragraphs == [first + second, P1, P2]


@pytest.mark.parametrize(("first", "second"), [
    # (synthetic text) a line ending on a word that waits for what it introduces
    ("馆藏中尤以“澄江动物群”和包括", "“中华龙鸟”在内的化石最为珍贵，吸引了大批观众。"),
    ("这次展出的文物都来自", "故宫博物院和国家博物馆，其中不少是首次亮相。"),
    # a measure word waits for its noun
    ("九千多个条文要浓缩进一部", "厚厚的法典里，立法者的工作量可想而知。"),
    # a line carrying a day and its time, with no comma yet: a news lead's first half
    ("国家卫生计生委等6部门21日下午在国新办", "召开新闻发布会，介绍健康扶贫工程实施进展。"),
])
def test_a_first_half_that_waits_for_more_is_joined_under_text_or_a_byline(first, second):
    (a,) = parse_text("\n\n".join(["去年分类救治贫困患者两百多万", "本报记者 申少铁", first, second, P2]) + "\n").articles
    assert a.paragraphs == [first + second, P2]
