"""A commentary's summary lead set without a stop under its byline, and a sidebar tagged as riding on the
report above it (（链接）, （记者手记）): what the one-paragraph-a-line dumps print them as."""

from banmian import parse_text

TITLE = "健身晒心得 一举可多得（体坛观澜）"
LEAD = "晒心得不仅是知识的共享，更是快乐的传递，很有可能会影响和带动身边的朋友参与健身"
P1 = ("“最近自创了几个拉伸动作，对缓解运动疲劳有帮助，分享给大家。”每次运动完，河北廊坊的叶阿姨都会在朋友圈里晒一晒"
      "自己的心得。")
P2 = "叶阿姨最初爱上运动是因为晒数据获得的成就感，但时间久了，多少有些乏味的感觉。"


def page(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


def test_a_summary_lead_under_the_byline_is_a_paragraph_of_its_own():
    (a,) = parse_text(page(TITLE, "史 哲", LEAD, P1, P2)).articles
    assert a.headline == TITLE
    assert a.paragraphs == [LEAD, P1, P2]
    assert [b.names for b in a.bylines] == [["史哲"]]


def test_a_first_paragraph_cut_after_a_verb_awaiting_its_object_is_still_joined():
    first = "与剧场暂别的日子，戏曲演出始终“在线”，上海戏曲艺术中心与旗下院团、剧场，继续陪"
    second = "你在云上“艺”起前行。即日起至4月5日，云赏戏曲每日精彩不断。"
    (a,) = parse_text(page("每天都有好戏等你解锁", "本报记者 朱光", first, second, P2)).articles
    assert a.paragraphs == [first + second, P2]


def test_a_cut_first_paragraph_that_breaks_a_word_is_still_joined():
    first = "水漆是以水为稀释剂的涂料，具有节能环保、不燃不爆等特点，产业园规划投产后，不仅可以解决上万人的就"
    second = "业，每年还可以减少VOC排放110万吨。"
    (a,) = parse_text(page("亚洲最大全水漆生产线落户河北", "本报记者 刘毅", first, second, P2)).articles
    assert a.paragraphs == [first + second, P2]


R1 = ("本报北京3月24日电  （记者赵贝佳）3月23日是世界气象日，今年的主题是“观云识天”。知名天气预报节目主持人宋英杰认为，"
      "这是多年来世界气象组织颁布的主题中“最亲民”的一个。")
R2 = "为什么观云能“识天”？除了肉眼观察，还有哪些手段能预测天气？针对这些问题，记者采访了相关专家。"
S1 = "云是大气中水汽凝结成的水滴、过冷水滴、冰晶或者它们混合组成的飘浮在空中的可见聚合物。"
S2 = "采访中，几位专家都提到，观云识天更大的意义在于推动公众参与，让更多人关注气象。"


def test_a_head_tagged_as_a_sidebar_stays_in_the_report_above():
    for head in ("大气中的云是怎样形成的（链接）", "观云识天 贵在参与（记者手记）"):
        (a,) = parse_text(page("今年世界气象日主题清新又亲民", R1, R2, head, S1, S2)).articles
        assert a.paragraphs == [R1, R2, head, S1, S2]


def test_a_sidebar_under_a_picture_story_and_its_credit_stays_with_it():
    caption = "“我虽然是小朋友，爱地球，也有我一份！”世界气象日来临之际，在杭州一家乐园里，小朋友们绘制环保画作。"
    arts = parse_text(page("看云识天 我也参与", caption, "人民视觉", "大气中的云是怎样形成的（链接）", S1, S2)).articles
    assert len(arts) == 1
    assert arts[0].paragraphs == [caption, "大气中的云是怎样形成的（链接）", S1, S2]


def test_a_head_tagged_with_a_column_still_heads_an_article():
    arts = parse_text(page("今年世界气象日主题清新又亲民", R1, R2, "治鼠不能只靠猫（生态论苑）", S1, S2)).articles
    assert [a.headline for a in arts] == ["今年世界气象日主题清新又亲民", "治鼠不能只靠猫（生态论苑）"]


E1 = "疫情期间居家的日子里，我重新拾起了搁置多年的画笔，在阳台上画下窗外的玉兰。"
E2 = "画着画着，我发现自己并没有想象中那样笨拙，那些被忙碌遮住的喜欢，又一点点回来了。"


def test_a_pen_name_of_four_characters_between_a_title_and_its_text_is_the_byline():
    (a,) = parse_text(page("明天，我想重新喜欢上自己", "苏米亚娜", E1, E2)).articles
    assert (a.kicker, a.headline) == (None, "明天，我想重新喜欢上自己")
    assert [b.names for b in a.bylines] == [["苏米亚娜"]]
    assert a.paragraphs == [E1, E2]


def test_a_pen_name_under_a_headline_wrapped_onto_two_lines_is_the_byline():
    (a,) = parse_text("明天，我想重新\n喜欢上自己\n\n苏米亚娜\n\n" + E1 + "\n\n" + E2 + "\n").articles
    assert [b.names for b in a.bylines] == [["苏米亚娜"]]
    assert "苏米亚娜" not in (a.kicker, a.headline, *a.subheadlines)
    assert a.paragraphs == [E1, E2]


def test_a_pen_name_under_a_text_signs_it_and_the_title_under_it_heads_the_next():
    arts = parse_text(page("明天，我想重新喜欢上自己", E1, E2, "苏米亚娜", "非常时期 非常友邻", R1, R2)).articles
    assert [(a.kicker, a.headline) for a in arts] == [(None, "明天，我想重新喜欢上自己"), (None, "非常时期 非常友邻")]
    assert [b.names for b in arts[0].bylines] == [["苏米亚娜"]]


def test_a_four_character_headline_under_a_kicker_is_no_name():
    for head in ("高歌猛进", "江南春早", "王子文化"):
        (a,) = parse_text(page("今年世界气象日主题清新又亲民", head, R1, R2)).articles
        assert (a.kicker, a.headline) == ("今年世界气象日主题清新又亲民", head)
        assert not a.bylines or all(head not in b.names for b in a.bylines)


def test_the_epaper_byline_slot_vouches_for_a_pen_name():
    text = ("    \n    明天，我想重新喜欢上自己\n    \n    苏米亚娜\n"
            f"\u3000\u3000{E1}\n\u3000\u3000{E2}\n")
    (a,) = parse_text(text).articles
    assert a.headline == "明天，我想重新喜欢上自己"
    assert [b.names for b in a.bylines] == [["苏米亚娜"]]


def test_a_lead_marked_as_one_under_its_title_is_a_paragraph_of_its_own():
    lead = ("■环保执法监管不严，也许可以拉来一些项目，企业可以减少环保投入，多赚些银子，可以给一个地方带来一时漂亮的GDP数据，"
            "助力官员升迁")
    body = "为改善京津冀及周边地区大气质量，环保部近期开展了大气污染防治强化督查。"
    (a,) = parse_text(page("生态环境要为投资环境让路吗（生态论苑）", lead, body, P2, "贺 震")).articles
    assert a.paragraphs == [lead, body, P2]


def test_a_paragraph_ending_in_a_note_after_its_last_sentence_is_whole():
    ended = "“春天是打开的书，每一页都是新的。”（《花间小记》第137页）"
    nxt = "从来，我们都把春天当作一年的开始，可春天也是一种打开世界的方式。"
    (a,) = parse_text(page("打开春天的方式", "周立民", E1, ended, nxt)).articles
    assert a.paragraphs == [E1, ended, nxt]


def test_a_kicker_on_the_line_of_a_headline_ending_in_an_exclamation_makes_a_title_not_text():
    line = "新国际博览中心方舱医院今天起分批送走符合条件的出院者 “我好了！ 我要回家了！”"
    (a,) = parse_text(page(line, R1, R2)).articles
    assert (a.kicker, a.headline) == ("新国际博览中心方舱医院今天起分批送走符合条件的出院者", "“我好了！ 我要回家了！”")
    assert a.paragraphs == [R1, R2]


def test_a_kicker_in_clauses_on_the_line_of_a_headline_naming_its_place_with_a_colon():
    line = "今年采暖季前，全市将完成数百个村的改造任务，基本实现南部平原地区无煤化 北京：“煤改电”正攻坚（绿色家园）"
    (a,) = parse_text(page(line, "本报记者 赵贝佳", R2, S2)).articles
    assert a.headline == "北京：“煤改电”正攻坚（绿色家园）"
    assert a.kicker == "今年采暖季前，全市将完成数百个村的改造任务，基本实现南部平原地区无煤化"
    assert a.paragraphs == [R2, S2]


LONG_LEAD = ("如果说在某个项目达到顶尖水平的运动员，是超越了竞争对手，那么站在顶尖位置还继续追求极致，则是对自我的超越")
QUOTE = "“我从不会安于现状，我就是受不了自己在某个晚上没能表现出应有的水平。”这是一位老将在赛季末说的话。"


def test_a_long_summary_lead_right_under_a_column_title_is_a_paragraph_of_its_own():
    (a,) = parse_text(page("追求极致是种境界（体坛观澜）", LONG_LEAD, QUOTE, P2, "唐天奕")).articles
    assert a.paragraphs == [LONG_LEAD, QUOTE, P2]


def test_a_lead_marked_as_one_may_hold_sentences():
    lead = ("■有人把环保监管比作猫捉老鼠，可谓环保监管遭遇了鼠患。治鼠患，投药，养猫，还得堵好鼠道，多管齐下才能有效。"
            "治理企业环境违法，同样如此")
    body = "为改善京津冀及周边地区大气质量，环保部近日从全国抽调执法人员开展督查。"
    (a,) = parse_text(page("治鼠不能只靠猫（生态论苑）", lead, body, P2, "贺 震")).articles
    assert a.paragraphs == [lead, body, P2]


def test_a_long_first_paragraph_under_a_part_head_cut_after_a_verb_is_joined():
    first = "国家卫生计生委副主任王培安介绍，国家从2016年起实施健康扶贫工程，一年来，国务院扶贫办会同有关部门围绕"
    second = "防止因病致贫、因病返贫，精准施策，推动健康扶贫工程取得明显成效。"
    # (over a text that opens with no dateline: a news report under a dateline holds no part heads, so a head
    # over unrelated text there heads the next article — test_parse_dateline_reports.py)
    text = page("去年分类救治贫困患者两百多万", R2, "基层工作者两个多月摸底核查", first, second, P2)
    (a,) = parse_text(text).articles
    assert a.paragraphs == [R2, "基层工作者两个多月摸底核查", first + second, P2]


def test_a_dated_sentence_under_a_photo_credit_is_its_caption_not_the_next_kicker():
    pic = "河北廊坊的叶阿姨在朋友圈里晒一晒自己的健身心得，成了社区里小有名气的健身达人。"
    text = (page("健身晒心得", pic, "人民视觉") + "\n\n" + page("3月23日，叶阿姨在社区健身房里做拉伸",
                                                          "河北廊坊补短板创特色", "全民健身带动社区活力", "本报记者 史哲", R1, R2))
    arts = parse_text(text).articles
    assert [(a.kicker, a.headline) for a in arts] == [(None, "健身晒心得"), ("河北廊坊补短板创特色", "全民健身带动社区活力")]
    assert arts[0].captions == ["3月23日，叶阿姨在社区健身房里做拉伸"]
