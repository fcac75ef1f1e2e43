"""A part number on a line of its own is followed by its part's head: a head of two characters that reads as a
person's name (初见) is that head, not a signature that would end the essay and start another article."""

from banmian import parse_text

P1 = "这条毛线围巾虽然距今至少九十年了，但看上去依然颇新，其颜色光亮，尤其是淡灰、奶色的条纹。"
P2 = "她老家在北京房山，1906年出生，1920年随父迁居河北保定，后来考入了保定女子师范学校。"
P3 = "在莫斯科校园内，他脖子上总系着一条蓝白相间的大围巾，同学们远远地就能认出他来。"


def test_a_two_character_head_under_a_part_number_is_the_part_head_not_a_byline():
    text = "\n\n".join(("那条永不褪色的围巾", "◆ 何建明", "1", "往事", P1, "2", "初见", P2, "3", "重逢", P3)) + "\n"
    (a,) = parse_text(text).articles
    assert a.headline == "那条永不褪色的围巾"
    assert a.paragraphs == ["1", "往事", P1, "2", "初见", P2, "3", "重逢", P3]
    assert [n for b in a.bylines for n in b.names] == ["何建明"]
