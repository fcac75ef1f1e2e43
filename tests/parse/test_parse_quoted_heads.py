"""Part heads and titles inside running text. A part head that ends on a whole quotation
(…，“那些年连水鸟都不来了”) is a head, however long, not the first half of the paragraph under it; and a
later head whose space is only a pause inside its clauses (多管齐下，治湖 “护湖”，…) is no head of another form that would start a new article; a head right under a
signature, over a picture's text and its credit, is a picture story's title, and so is a head with no part number
after parts numbered on lines of their own (synthetic text after real pages)."""

from banmian import parse_text

LEAD = "4月1日，中共中央、国务院决定设立新区的消息发布。新区将湖区囊括其中，湖区的生态保护受到各方关注。"
P1 = "多年来，当地对于湖区的生态治理一直在持续。治理的效果如何？还面临怎样的问题？记者进行了采访。"
HEAD1 = "长年污染累积，一度导致湖区环境严重破坏，“那些年连水鸟都不来了”"
P2 = "4月的湖区，清风拂面，碧波荡漾。芦苇已经进入发芽期，舟行湖上，不时有水鸟从水面掠过。"
P3 = "历史上，湖区水域面积曾经达到1000平方公里，水量非常丰富，后来水位不断降低。"
HEAD2 = "多管齐下，治湖 “护湖”，核心区水质在提升，生态初步改善"
P4 = "近几年，当地对湖区生态保护的力度不断加大，关停了一批污染企业，水质逐步好转。"


def page(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


def test_a_long_head_ending_on_a_whole_quotation_is_a_head():
    (a,) = parse_text(page("湖区明珠 再绽璀璨", LEAD, P1, HEAD1, P2, P3, HEAD2, P4)).articles
    assert a.paragraphs == [LEAD, P1, HEAD1, P2, P3, HEAD2, P4]


def test_a_line_cut_after_a_quotation_is_still_joined_when_the_rest_goes_on():
    first = "广袤的平原上，湖区是这里最大的淡水湖泊，素有“华北明珠”“华北之肾”"
    second = "的美誉，生态地位十分重要。"
    (a,) = parse_text(page("湖区明珠 再绽璀璨", LEAD, first, second, P3)).articles
    assert a.paragraphs == [LEAD, first + second, P3]


def test_a_pause_space_in_a_head_of_clauses_is_no_new_form_of_head():
    (a,) = parse_text(page("湖区明珠 再绽璀璨", LEAD, P1, "治理效果初步显现", P2, P3, HEAD2, P4)).articles
    assert a.paragraphs == [LEAD, P1, "治理效果初步显现", P2, P3, HEAD2, P4]
    # two phrases parted by a space after plain heads still start the next article (test_parse_boundaries.py)
    arts = parse_text(page("湖区明珠 再绽璀璨", LEAD, P1, "治理效果初步显现", P2, "油菜花开 乡村如画", P4)).articles
    assert [x.headline for x in arts] == ["湖区明珠 再绽璀璨", "油菜花开 乡村如画"]


def test_a_head_under_a_signature_over_a_picture_text_and_its_credit_is_a_picture_story():
    pic = "近日，安徽省望江县漳湖镇万亩油菜花怒放，大地铺上金黄色的地毯，吸引了不少游客前来观赏。"
    arts = parse_text(page("湖区明珠 再绽璀璨", LEAD, P1, P3, "本报记者 史自强", "花开满地", pic, "人民视觉")).articles
    assert [a.headline for a in arts] == ["湖区明珠 再绽璀璨", "花开满地"]
    assert arts[1].paragraphs == [pic]
    # a part head under a signature over text with no credit still continues a report signed in parts
    (a,) = parse_text(page("湖区明珠 再绽璀璨", LEAD, P1, "本报记者 史自强", "花开满地", pic, P3)).articles
    assert "花开满地" in a.paragraphs


def test_a_kicker_and_headline_over_a_picture_text_and_its_credit_is_a_picture_story():
    # real text (人民日报 2017-03-25): a title block of two lines, one blank line under running text
    c1 = "本届世锦赛还组织了部分观众到场观赛，其中多数为在校学生，目的是希望有更多青少年爱上冰壶。"
    c2 = "据了解，世锦赛结束后，比赛使用的赛道将保留4天，用于首届北京市青少年冰壶锦标赛。"
    pic = ("当地时间3月23日，中国选手张帅在比赛中回球。当日，在2017迈阿密网球公开赛女单第二轮比赛中，张帅以2∶1战胜意大利"
           "选手埃拉尼，晋级下一轮。")
    arts = parse_text(page("精彩冰壶赛 引得粉丝来", c1, c2, "迈阿密网球公开赛", "张帅晋级女单第三轮", pic, "人民视觉")).articles
    assert [a.headline for a in arts] == ["精彩冰壶赛 引得粉丝来", "张帅晋级女单第三轮"]
    assert arts[1].kicker == "迈阿密网球公开赛"
    # one head line over a text and a credit may still be a part of the report that ends with its picture
    (a,) = parse_text(page("精彩冰壶赛 引得粉丝来", c1, "赛场内外", c2, "人民视觉")).articles
    assert a.paragraphs == [c1, "赛场内外", c2]


def test_an_unnumbered_head_after_numbered_parts_heads_the_next_article():
    # (synthetic text) parts numbered 1, 2 over their heads; a head with no number after them is a new title
    spring = "茶梅、含笑、桃花、樱花次第开放，春天如约而至。我们得学会接受天地万物的变化。"
    arts = parse_text(page("湖区明珠 再绽璀璨", "本报记者 史自强", "1", "寻找湖区", LEAD, "2", "追问湖区", P1, P3,
                           "打开春天的方式", spring)).articles
    assert [a.headline for a in arts] == ["湖区明珠 再绽璀璨", "打开春天的方式"]
    assert arts[1].paragraphs == [spring]
    # a numbered head after numbered parts stays a part
    (a,) = parse_text(page("湖区明珠 再绽璀璨", "本报记者 史自强", "1", "寻找湖区", LEAD, "2", "追问湖区", P1, "3",
                           "平静的湖区", P3)).articles
    assert a.paragraphs[-3:] == ["3", "平静的湖区", P3]
