"""A commentary's summary lead set without a stop right under its column's title (…（体坛观澜）), no byline
between: a paragraph of its own, not the first half of the paragraph under it, also when the title's headline
is wrapped onto two lines (健身晒心得 一举 / 可多得（体坛观澜）). Real text (人民日报 2017-03-25)."""

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
