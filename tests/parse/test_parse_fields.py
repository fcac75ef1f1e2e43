"""Bylines, credits, datelines, sources, jumps and tables as real pages print them."""

import pytest

from banmian import parse_text
from banmian.parse.fields import dateline_names, parse_byline, parse_credit, person_names


@pytest.mark.parametrize(
    "line, want",
    [
        ("新重庆-重庆日报记者 杨帆", [("记者", ["杨帆"], "新重庆-重庆日报")]),
        ("本报记者  顾  春", [("记者", ["顾春"], "本报")]),
        ("本报驻埃及记者  韩晓明  本报驻俄罗斯记者  曲  颂",
         [("记者", ["韩晓明"], "本报驻埃及"), ("记者", ["曲颂"], "本报驻俄罗斯")]),
        ("本报记者  杨洁  通讯员  刘一剑", [("记者", ["杨洁"], "本报"), ("通讯员", ["刘一剑"], None)]),
        ("本报记者  李茂颖  杨文明", [("记者", ["李茂颖", "杨文明"], "本报")]),
        ("特约通讯员  忻文轲", [("特约通讯员", ["忻文轲"], None)]),
    ],
)
def test_bylines_with_a_role(line, want):
    got = parse_byline(line)
    assert [(b.role, b.names, b.outlet) for b in got] == want
    assert got[0].text == line  # the line as printed is kept


@pytest.mark.parametrize("line", ["记者手记", "我是一名记者", "市委召开全市领导干部会议", "本报记者"])
def test_not_bylines(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    "text, want",
    [("庞革平  吴宗航", ["庞革平", "吴宗航"]), ("李  御", ["李御"]), ("顾 春 蒋 勇", ["顾春", "蒋勇"]),
     ("何首君", ["何首君"]), ("开秧门", None), ("侨乡楼语", None)],
)
def test_bare_names(text, want):
    assert person_names(text, strict=True) == want


@pytest.mark.parametrize(
    "line, role, names",
    [
        ("两江新区党工委宣传部供图", "供图", ["两江新区党工委宣传部"]),
        ("本报记者  刘洪超摄", "摄", ["刘洪超"]),
        ("新华社记者  杨  磊摄", "摄", ["杨磊"]),
        ("隋先凯摄（新华社发）", "摄", ["隋先凯"]),
        ("李 博摄（人民视觉）", "摄", ["李博"]),
        ("人民视觉", None, ["人民视觉"]),
        ("本版制图：郭祥", "制图", ["郭祥"]),
    ],
)
def test_credits(line, role, names):
    credit, bylines = parse_credit(line)
    assert (credit.role, credit.names, credit.text) == (role, names, line)
    assert bylines == []


def test_a_byline_and_a_credit_sharing_a_line():
    credit, bylines = parse_credit("新重庆-重庆晨报记者 杨新宇 两江新区党工委宣传部供图")
    assert (credit.role, credit.names) == ("供图", ["两江新区党工委宣传部"])
    assert [(b.role, b.names, b.outlet) for b in bylines] == [("记者", ["杨新宇"], "新重庆-重庆晨报")]


@pytest.mark.parametrize(
    "para, names",
    [
        ("本报北京3月25日电  （记者姜洁）日前，国务院印发通知。", ["姜洁"]),
        ("据新华社巴黎4月21日电  （记者苏斌）2016—2017赛季欧冠联赛半决赛抽签。", ["苏斌"]),
        ("本报海南博鳌3月24日电  （记者杨迅、刘睿）中共中央政治局常委张高丽会见。", ["杨迅", "刘睿"]),
        ("本报北京3月24日电  （顾仲阳、耿凯丽）3月24日上午，两国签署备忘录。", ["顾仲阳", "耿凯丽"]),
        ("（本报北京、曼谷3月24日电  记者黄发红、俞懿春）", ["黄发红", "俞懿春"]),
        ("本报北京4月21日电  全国政协副主席马飚21日在京会见了考察团。", None),
        ("（本报开罗4月21日电）", None),
    ],
)
def test_dateline_reporters(para, names):
    assert dateline_names(para) == names


def test_dateline_text_stays_in_its_paragraph():
    page = parse_text("将开展全国夏季消防检查\n\n本报北京4月21日电  （记者倪弋）近日，公安部决定开展检查。\n")
    a = page.articles[0]
    assert a.paragraphs == ["本报北京4月21日电  （记者倪弋）近日，公安部决定开展检查。"]
    assert [(b.role, b.names) for b in a.bylines] == [("记者", ["倪弋"])]


def test_jump_and_source_lines():
    page = parse_text("标题一行字\n\n正文第一段，内容完整。\n\n（下转第三版）\n")
    assert page.articles[0].jumps == ["（下转第三版）"]
    page = parse_text("正文第一段，内容完整。\n\n据新华社\n\n \n标题在正文后面\n")
    a = page.articles[0]
    assert (a.source, a.headline, page.leftover) == ("新华社", "标题在正文后面", ["据"])


def test_table_items_in_reading_order_and_the_count_agrees():
    rows = ["甲馆\t丁馆", "乙馆\t戊馆", "丙馆\t"]
    text = "名单公布\n\n市里命名甲馆等5个单位为教育基地。\n\n附：5项名单\n" + "\n".join(rows) + "\n"
    table = parse_text(text).articles[0].tables[0]
    assert table.title == "附：5项名单"
    assert table.rows == [["甲馆", "丁馆"], ["乙馆", "戊馆"], ["丙馆", ""]]
    assert table.items == ["甲馆", "乙馆", "丙馆", "丁馆", "戊馆"]


def test_a_header_row_is_not_an_item_when_the_text_counts_without_it():
    text = "名单公布\n\n共有4个单位入选。\n\n入选名单\n序号\t名称\n1\t甲馆\n2\t乙馆\n"
    table = parse_text(text).articles[0].tables[0]
    assert table.items == ["1", "2", "甲馆", "乙馆"]


def test_marked_byline_lines():
    page = parse_text("叫声小名别样亲\n\n文/付秀宏\n\n小名，又称乳名、奶名、小字。\n")
    assert page.articles[0].bylines[0].names == ["付秀宏"]
    page = parse_text("打开春天的方式\n\n◆周立民\n\n茶梅、含笑、桃花、樱花次第开放，春天如约而至。\n")
    assert page.articles[0].bylines[0].names == ["周立民"]


def test_a_marked_byline_with_a_role_keeps_the_mark_out_of_its_outlet():
    page = parse_text("地铁新线下月开通\n\n□本报记者 王小明 通讯员 赵六\n\n记者今天从市交通委获悉，新线将开通。\n")
    got = [(b.role, b.names, b.outlet) for b in page.articles[0].bylines]
    assert got == [("记者", ["王小明"], "本报"), ("通讯员", ["赵六"], None)]
    assert page.articles[0].bylines[0].text == "□本报记者 王小明 通讯员 赵六"
    page = parse_text("地铁新线下月开通\n\n□记者 张三\n\n记者今天从市交通委获悉，新线将开通。\n")
    assert [(b.role, b.names, b.outlet) for b in page.articles[0].bylines] == [("记者", ["张三"], None)]


def test_a_jump_at_the_end_of_the_paragraph_it_cuts():
    page = parse_text("标题一行\n\n正文第一段讲了很多事情，还没有讲完（下转第三版）\n")
    a = page.articles[0]
    assert (a.headline, a.paragraphs, a.jumps) == ("标题一行", ["正文第一段讲了很多事情，还没有讲完"], ["（下转第三版）"])
