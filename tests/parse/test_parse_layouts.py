"""Page layouts: the three dump styles, column breaks, title blocks before and after bodies, section heads."""

from pathlib import Path

from banmian import parse_text

P1 = "3月12日下午，市委召开全市领导干部会议，深入学习贯彻习近平总书记重要讲话精神和全国两会精神，对全市学习贯彻工作作出部署。"
P2 = "市委书记袁家军主持会议并讲话。会议传达习近平总书记在两会期间重要讲话精神，传达十四届全国人大二次会议精神。"
P3 = "会议以视频方式举行。各区县、两江新区、重庆高新区、万盛经开区设分会场。"


def wrap(text: str, width: int) -> list[str]:
    text = "\u3000\u3000" + text
    return [text[i:i + width] for i in range(0, len(text), width)]


def test_one_paragraph_per_line_with_a_column_break():
    cut = 40
    text = "\n\n".join(["市委召开全市领导干部会议", P1[:cut], P1[cut:], P2, P3, "新重庆-重庆日报记者 杨帆"])
    (a,) = parse_text(text).articles
    assert a.paragraphs == [P1, P2, P3]
    assert [(b.role, b.names) for b in a.bylines] == [("记者", ["杨帆"])]


def test_a_short_first_half_of_a_cut_paragraph_is_joined_too():
    # short enough to pass for a section head, but it holds a sentence end: a paragraph cut in two
    text = "\n\n".join(["市委召开全市领导干部会议", P1, P2[:20], P2[20:], P3])
    (a,) = parse_text(text).articles
    assert a.paragraphs == [P1, P2, P3]


def test_hard_wrapped_column_with_a_column_break():
    lines = ["市委召开全市领导干部会议", "", "新重庆-重庆日报记者 杨帆", ""]
    w1 = wrap(P1, 17)
    lines += w1[:3] + [""] + w1[3:]  # the break leaves one blank line inside the paragraph
    lines += wrap(P2, 17) + wrap(P3, 17)
    (a,) = parse_text("\n".join(lines) + "\n").articles
    assert a.paragraphs == [P1, P2, P3]
    assert a.bylines[0].names == ["杨帆"]


def test_epaper_copy_format():
    text = (
        "    吉林省依托社会企业，做好刑满释放人员过渡性安置就业\n    托起彩虹桥 铺就回家路\n    \n"
        "    本报记者  孟海鹰\n\u3000\u3000核心阅读\n\u3000\u3000" + P1 + "\n\u3000\u3000" + P2 + "\n"
        "    \n    全运会向民间高手敞开大门\n    8000多名业余选手将参加群众比赛项目\n    \n"
        "\u3000\u3000本报北京4月21日电  （记者季芳）" + P3 + "\n"
    )
    a, b = parse_text(text).articles
    assert (a.kicker, a.headline) == ("吉林省依托社会企业，做好刑满释放人员过渡性安置就业", "托起彩虹桥 铺就回家路")
    assert a.paragraphs == ["核心阅读", P1, P2]  # the section head stays in the article
    assert a.bylines[0].names == ["孟海鹰"]
    assert (b.headline, b.subheadlines) == ("全运会向民间高手敞开大门", ["8000多名业余选手将参加群众比赛项目"])
    assert [(x.role, x.names) for x in b.bylines] == [("记者", ["季芳"])]


def test_title_block_after_its_body_then_captions():
    text = "\n\n".join(["第一篇的标题", P1, "新重庆-重庆日报记者 杨帆", P2, P3, "据新重庆-重庆日报"])
    text += "\n\n \n重庆新命名31个市级爱国主义教育基地\n\n\n\n重庆市规划展览馆\n\n\n\n水车坪红军革命纪念馆\n"
    first, second = parse_text(text).articles
    assert first.paragraphs == [P1]
    assert second.headline == "重庆新命名31个市级爱国主义教育基地"
    assert second.paragraphs == [P2, P3]
    assert second.source == "新重庆-重庆日报"
    assert second.captions == ["重庆市规划展览馆", "水车坪红军革命纪念馆"]


def test_kicker_and_headline_on_one_line_and_subheadlines_on_one_line():
    page = parse_text("两江新区培育发展新质生产力 “重庆造”人工心脏再上新\n\n" + P1 + "\n")
    assert (page.articles[0].kicker, page.articles[0].headline) == ("两江新区培育发展新质生产力", "“重庆造”人工心脏再上新")
    page = parse_text("市委召开全市领导干部会议\n\n深入学习贯彻重要讲话精神 袁家军主持并讲话 胡衡华王炯程丽华传达\n\n" + P1)
    assert page.articles[0].subheadlines == ["深入学习贯彻重要讲话精神", "袁家军主持并讲话", "胡衡华王炯程丽华传达"]


def test_a_headline_with_a_space_stays_whole():
    page = parse_text("托起彩虹桥 铺就回家路\n\n本报记者  孟海鹰\n\n" + P1)
    assert (page.articles[0].kicker, page.articles[0].headline) == (None, "托起彩虹桥 铺就回家路")


def test_section_heads_stay_in_the_article():
    text = "\n\n".join(["市委召开全市领导干部会议", "本报记者  顾  春", P1, "生产方式变了：", P2, "一、2024年工作回顾", P3])
    (a,) = parse_text(text).articles
    assert a.paragraphs == [P1, "生产方式变了：", P2, "一、2024年工作回顾", P3]


def test_two_articles_one_blank_line_apart_when_a_byline_or_dateline_shows_it():
    text = "\n\n".join(["第一篇文章的标题", P1, "第二篇文章的标题", "本报北京3月25日电  （记者姜洁）" + P2])
    a, b = parse_text(text).articles
    assert (a.headline, b.headline) == ("第一篇文章的标题", "第二篇文章的标题")
    assert b.bylines[0].names == ["姜洁"]


def test_wide_gaps_part_articles():
    text = "第一篇文章的标题\n\n" + P1 + "\n\n\n\n第二篇文章的标题\n\n" + P2 + "\n"
    assert [a.headline for a in parse_text(text).articles] == ["第一篇文章的标题", "第二篇文章的标题"]


def test_empty_and_whitespace_only_text():
    assert parse_text("").articles == [] and parse_text("").leftover == []
    assert parse_text(" \n\u3000\n\t\n").articles == []


def test_a_credit_under_a_full_last_line_is_not_wrapped_text():
    width = 16
    para = "近日，安徽省望江县漳湖镇万亩油菜花怒放，大地铺金四野黄，美如画卷。"[: 2 * width - 3] + "。"
    lines = ["油菜花开 乡村如画", ""]
    w = wrap(para, width)
    assert len(w[-1]) == width  # the paragraph's last line fills the column …
    lines += w + ["李 博摄（人民视觉）", ""]  # … and the credit is set flush right under it
    lines += ["第二篇文章", ""] + wrap(P2, width) + wrap(P3, width)
    a, b = parse_text("\n".join(lines) + "\n").articles
    assert a.paragraphs == [para]
    assert [(c.role, c.names) for c in a.credits] == [("摄", ["李博"])]
    assert b.paragraphs == [P2, P3]


def test_epaper_byline_slot_without_a_byline_is_text():
    text = ("    \n    一起向未来\n    \n    许瓒  北京市第一七一中学  初三（20）班\n\u3000\u3000" + P1 + "\n")
    (a,) = parse_text(text).articles
    assert (a.headline, a.subheadlines) == ("一起向未来", [])
    assert a.paragraphs == ["许瓒  北京市第一七一中学  初三（20）班", P1]


def test_a_kicker_ending_in_a_colon_opens_the_next_title_block():
    text = ("第一篇文章的标题\n\n" + P1 + "\n\n新华社记者 王建威摄\n\n\n"
            "3月24日，孩子们正在近距离观赏戏曲表演\n\n公安部：\n1395万余“黑户”落了户\n\n"
            "本报北京3月24日电  （记者张洋）" + P2 + "\n")
    a, b = parse_text(text).articles
    assert a.captions == ["3月24日，孩子们正在近距离观赏戏曲表演"]
    assert (b.kicker, b.headline) == ("公安部：", "1395万余“黑户”落了户")


def test_page_header_lines_are_leftover_and_editor_lines_are_credits():
    text = "2024年3月13日 星期三\n第1版 要闻\n\n市委召开全市领导干部会议\n\n" + P1 + "\n\n责任编辑：张三\n"
    page = parse_text(text)
    assert page.leftover == ["2024年3月13日 星期三", "第1版 要闻"]
    (a,) = page.articles
    assert (a.headline, a.paragraphs) == ("市委召开全市领导干部会议", [P1])
    assert [(c.role, c.names) for c in a.credits] == [("责任编辑", ["张三"])]


def test_part_heads_over_their_bylines_tell_nothing_of_the_column_width():
    # 　　秦岭之巅桃花雪 / 本报记者 姜 峰摄影报道 …: an indented part head over a flush byline, twice; the
    # byline is no wrapped line of the head, whatever the head's length
    text = (Path(__file__).resolve().parent.parent / "data" / "parse" /
            "rmrb-20170325-headed-signed-parts-wrapped.txt").read_text(encoding="utf-8")
    (a,) = parse_text(text).articles
    assert a.headline == "春雨化雪 归雁啄新泥（美丽中国）"
    assert a.paragraphs[0] == "秦岭之巅桃花雪"
    assert "太行花开尽烂漫" in a.paragraphs
    assert [b.names for b in a.bylines] == [["姜峰"], ["于洋"]]


def test_a_dateline_cut_before_its_dian_is_joined_not_a_source_line():
    # 　　据新华社澳门3月24日 | 电  （记者杨懿）为纪念…: the first half reads as a source line (据新华社…)
    text = (Path(__file__).resolve().parent.parent / "data" / "parse" /
            "rmrb-20170325-dateline-cut-before-dian-wrapped.txt").read_text(encoding="utf-8")
    page = parse_text(text)
    (a,) = page.articles
    assert a.source is None and page.leftover == []
    assert a.paragraphs[0].startswith("据新华社澳门3月24日电  （记者杨懿）为纪念《澳门特别行政区基本法》颁布")
    assert [b.names for b in a.bylines] == [["杨懿"]]


def test_punctuation_hung_past_the_column_and_an_opening_mark_moved_down_keep_paragraphs_whole():
    # typesetting never starts a line with 。” nor ends one with ‘: …这钱还能拿回来。” runs two past the
    # width of 20, …还要当诚信 stops one short of it
    text = (Path(__file__).resolve().parent.parent / "data" / "parse" /
            "rmrb-20170325-hanging-punctuation-wrapped.txt").read_text(encoding="utf-8")
    paras = [p for a in parse_text(text).articles for p in a.paragraphs]
    assert len(paras) == 3
    assert paras[1].startswith("“没想到俺老杨不在了，这钱还能拿回来。”杨志强的爱人") and paras[1].endswith("妻子手中。")
    assert paras[2].startswith("“我们不仅要盖诚信大厦，还要当诚信‘种子’。”") and paras[2].endswith("实在做事。")
