"""Column breaks in one-paragraph-a-line dumps right under a run of part heads: the first paragraph of a part,
cut by a break, is joined again when its first half could not end a title line, so the heads stay heads of
the article above instead of reading as the title stack of a new article."""

from banmian import parse_text

HEADLINE = "社区里的“金点子”"
LEAD = "昨天，记者从多个社区采集的防疫妙招一经刊登，引来不少读者留言。今天，一起看看他们还有什么好办法。"
REST = ("利用这个办法，一名工作人员加上两台电脑，就能在半天内完成全村的登记。",
        "现在，周边的几十个村居也已开始使用这个办法，登记效率大大提高。")
HEADS = ("第3招", "登记“神器”", "预约码“批量生成”")


def parse(first: str, second: str):
    blocks = (HEADLINE, LEAD, *HEADS, first, second, *REST)
    return parse_text("\n\n".join(blocks) + "\n\n本报记者 王明\n").articles


def test_a_number_cut_from_its_unit_under_part_heads_is_joined():
    first, second = "在城东区的某个村里，近一半村民都是70", "岁以上老人，不擅长使用智能设备。"
    (a,) = parse(first, second)
    assert a.headline == HEADLINE
    assert a.paragraphs == [LEAD, *HEADS, first + second, *REST]


def test_a_clause_cut_after_an_adverb_under_part_heads_is_joined():
    first, second = "在城东区的某个村里，近一半村民都", "是70岁以上老人，不擅长使用智能设备。"
    (a,) = parse(first, second)
    assert a.headline == HEADLINE
    assert a.paragraphs == [LEAD, *HEADS, first + second, *REST]


def test_a_subheadline_of_two_clauses_ending_on_a_place_name_stays_a_title_line():
    sub = "老街换新颜，游客又回成都"
    body = "3月24日，在锦江区的一条老街上，游客们正排队走进刚刚修缮完毕的老茶馆。"
    (a,) = parse_text(f"古城新貌\n\n{sub}\n\n{body}\n\n本报记者 王明\n").articles
    assert [t for t in (a.kicker, a.headline, *a.subheadlines) if t] == ["古城新貌", sub]
    assert a.paragraphs == [body]
