"""Column breaks in one-paragraph-a-line dumps: a short first half that no title line could be (it stops just
after a colon or an enumeration comma, or the line under it goes on with an amount or with the speaker its
post names) is joined to the second half."""

from banmian import parse_text

HEADLINE = "前两月服务外包合同执行额增10.9%"
LEAD = "前两月，我国企业签订服务外包合同额1264.2亿元人民币，执行额885.4亿元，分别增长14.1%和10.9%。"


def paragraphs(*blocks: str) -> list[str]:
    (a,) = parse_text(HEADLINE + "\n\n" + "\n\n".join(blocks) + "\n").articles
    return a.paragraphs


def article_after_a_wide_gap(*blocks: str, title: str, gap: int = 3):
    """The second article of a page where a text set off by ``gap`` newlines runs under the first article and
    its title is printed after it (body, a line holding a space, the title)."""
    text = f"{HEADLINE}\n\n{LEAD}" + "\n" * gap + "\n\n".join(blocks) + f"\n\n \n{title}\n"
    arts = parse_text(text).articles
    assert [a.headline for a in arts] == [HEADLINE, title]
    return arts[1]


def test_a_line_stopping_just_after_a_colon_or_an_enumeration_comma_was_cut_by_a_column_break():
    for a, b in (("前两月我国服务外包呈现以下特点：知识", "流程外包服务呈现较快增长，信息技术服务业在发包行业中占比最高。"),
                 ("水漆是以水为稀释剂的涂料，具有节能环保、不燃", "不爆等特点。产业园规划投产后，不仅可以解决上万人的就业。")):
        assert paragraphs(LEAD, a, b) == [LEAD, a + b]


def test_a_line_going_on_with_an_amount_or_with_the_speaker_its_post_names_was_cut():
    for a, b in (("1—2月，公路水路完成固定资产投资", "1726亿元，同比增长33.9%，完成全年投资目标的9.6%。"),
                 ("中国化工学会会长、中国水性涂料产业联盟会长", "杨元一表示，在欧美一些发达国家，水漆的使用率已经达到80%以上。")):
        assert paragraphs(LEAD, a, b) == [LEAD, a + b]


def test_a_part_head_naming_its_items_whole_stays_a_head():
    head = "三大变化：规模、结构与质量"
    body = "从规模看，服务外包执行额继续增长，离岸业务增速有所放缓。"
    assert paragraphs(LEAD, head, body) == [LEAD, head, body]


def test_a_first_paragraph_cut_after_a_measure_word_under_its_title_is_joined():
    first, second = "自3月16日A股砸出个", "瞬间底部之后，近半个月来沪深股市进入了一个大箱体整理态势。"
    (a,) = parse_text("“政策底”已现 “市场底”还有待夯实\n\n" + first + "\n\n" + second + "\n\n" + LEAD + "\n").articles
    assert a.headline == "“政策底”已现 “市场底”还有待夯实"
    assert a.paragraphs == [first + second, LEAD]


def test_a_text_set_off_by_a_wide_gap_and_cut_one_character_into_a_clause_is_joined():
    first, second = "在文化交流日益频繁的今天，越", "来越多外国留学生来到中国读大学，他们也对中国的传统文化颇感兴趣。"
    assert article_after_a_wide_gap(first, second, title="图片报道", gap=4).paragraphs == [first + second]


def test_a_long_line_of_clauses_cut_inside_a_word_is_joined_even_when_both_halves_look_like_title_lines():
    first = "如果说在某个项目达到顶尖水平的运动员，是超越了竞争对手，那么站在顶尖位置还继续追"
    second = "求极致，则是对自我的超越"
    body = "“我从不会安于现状，我就是受不了自己在某个晚上没能表现出应有的水平。”这是一位老将在赛季末说的话。"
    (a,) = parse_text(f"追求极致是种境界（体坛观澜）\n\n{first}\n\n{second}\n\n{body}\n\n唐天奕\n").articles
    assert (a.kicker, a.headline, a.subheadlines) == (None, "追求极致是种境界（体坛观澜）", [])
    assert a.paragraphs == [first + second, body]


def test_a_lead_marked_with_a_square_and_cut_inside_a_word_is_joined():
    first, second = "■有人把环保监管比作猫捉老鼠，目前企业环", "境违法比例居高不下，可谓环保监管遭遇了鼠患。"
    body = "为改善京津冀及周边地区大气质量，环保部近日从全国抽调执法人员开展督查。"
    (a,) = parse_text(f"治鼠不能只靠猫（生态论苑）\n\n{first}\n\n{second}\n\n{body}\n\n贺 震\n").articles
    assert a.subheadlines == []
    assert a.paragraphs == [first + second, body]


def test_a_dateline_set_off_by_a_wide_gap_and_cut_in_its_date_opens_the_text():
    first, second = "本报阿斯塔纳4月21", "日电  （记者周翰博）外交部长王毅21日在阿斯塔纳出席上海合作组织外长会议。"
    a = article_after_a_wide_gap(first, second, LEAD2, title="王毅出席上合组织外长会")
    assert a.paragraphs == [first + second, LEAD2]
    assert [b.names for b in a.bylines] == [["周翰博"]]


LEAD2 = "王毅在发言中表示，今年是《上合组织宪章》签署15周年，各方应继续弘扬“上海精神”。"


def test_a_text_set_off_by_a_wide_gap_stopping_on_a_word_that_waits_after_a_comma_is_joined():
    first, second = "黄昏，来电铃声响起，我看了一眼手机屏幕，是", "邻居“鱼先生”打来的。一种本能的紧张感顷刻间从心间弥漫开。"
    assert article_after_a_wide_gap(first, second, title="非常时期 非常友邻").paragraphs == [first + second]


def test_a_first_line_under_a_title_cut_inside_a_word_or_reporting_a_speaker_is_text():
    for first, second in (("沉静中透漏出绵密与古朴的中科院南京地", "质古生物博物馆，是一座以古生物化石为主题的博物馆。"),
                          ("市卫健委一级巡视员吴乾渝说，上海正在推进新一轮核酸筛查工作，主要任务是",
                           "彻底排除风险点、切断传播链。")):
        (a,) = parse_text(f"一步千万年（华夏博物之旅）\n\n{first}\n\n{second}\n\n{LEAD}\n").articles
        assert (a.headline, a.subheadlines) == ("一步千万年（华夏博物之旅）", [])
        assert a.paragraphs == [first + second, LEAD]


def test_a_news_lead_set_off_by_a_wide_gap_and_cut_between_words_is_joined():
    first, second = "3月24日，在黑龙江哈尔滨市双城区", "一家农机专业合作社院内，农机手正在检修农机具，准备春耕生产。"
    assert article_after_a_wide_gap(first, second, title="图片报道").paragraphs == [first + second]


def test_a_line_of_three_clauses_set_off_by_a_wide_gap_and_cut_inside_a_word_is_joined():
    first = "冰箱里过年时储存的各类崇明糕、宁波年糕有好多，新鲜劲儿过了后，在零下18摄氏"
    second = "度的冷冻室里放着，一时半会儿也吃不完。"
    assert article_after_a_wide_gap(first, second, title="珍惜资源").paragraphs == [first + second]


def test_a_title_ending_in_a_word_that_ends_on_a_function_character_is_no_cut_line():
    caption = "“我虽然是小朋友，爱地球，也有我一份！”世界地球日来临之际，在杭州一家乐园里，小朋友们上演环保动漫秀。"
    text = (f"强对流天气需要上冷下暖的条件，春夏之交发生概率最大。\n\n（资料来源：中国气象报）\n\n \n要警惕强对流天气（知识窗）\n\n"
            f"保护地球 我也参与\n\n{caption}\n\n人民视觉\n")
    arts = parse_text(text).articles
    assert [a.headline for a in arts] == ["要警惕强对流天气（知识窗）", "保护地球 我也参与"]
    assert arts[1].paragraphs == [caption]


def test_a_first_line_under_a_title_stopping_on_a_function_word_is_still_joined():
    first, second = "国家卫生计生委介绍，一年来全国已分类救治贫困患者两百多万人，并与", "民政部门一道开展大病救助工作。"
    (a,) = parse_text(f"去年分类救治贫困患者两百多万\n\n{first}\n\n{second}\n\n{LEAD}\n").articles
    assert a.paragraphs == [first + second, LEAD]


def test_a_picture_story_under_a_closing_source_note_is_its_own_article():
    caption = "“我虽然是小朋友，爱地球，也有我一份！”世界地球日来临之际，在杭州一家乐园里，小朋友们上演环保动漫秀。"
    text = ("要警惕强对流天气（知识窗）\n\n近日，我国多地发布预警，提醒市民关注冰雹天气。\n\n"
            "强对流天气需要上冷下暖的条件，春夏之交发生概率最大。\n\n（资料来源：中国气象报）\n\n"
            f"保护地球 我也参与\n\n{caption}\n\n人民视觉\n")
    arts = parse_text(text).articles
    assert [a.headline for a in arts] == ["要警惕强对流天气（知识窗）", "保护地球 我也参与"]
    assert arts[0].paragraphs[-1] == "（资料来源：中国气象报）"


def test_a_line_ending_in_a_word_that_waits_for_more_is_still_cut():
    for first in ("国家发改委有关负责人认为，问题的关键在于", "这一做法之所以受到欢迎，原因就是"):
        second = "各地能否把政策落到实处，让群众真正得到实惠。"
        assert paragraphs(LEAD, first, second) == [LEAD, first + second]


def test_a_sentence_opening_on_ju_cut_inside_a_word_is_joined_not_a_source_line():
    lead = "本报北京4月21日电  （记者谷业凯、赵永新）正在太空中飞行的天舟一号除了运送货物，还有一项重要任务。"
    first, second = "据中国科学院空间应用系统相关负", "责人介绍，这4项科学实验和技术验证试验是：微重力对细胞增殖和分化影响研究。"
    (a,) = parse_text(f"天舟一号将开展四项太空实验试验\n\n{lead}\n\n{first}\n\n{second}\n\n{LEAD}\n").articles
    assert a.source is None
    assert a.paragraphs == [lead, first + second, LEAD]


def test_a_numbered_item_head_over_the_text_it_cites_is_whole():
    intro = "其中，对依法应当进行核酸采样而拒不参加统一组织的核酸检测的人员，处罚依据有以下两项。"
    head, law = "（一）《治安管理处罚法》第五十条第一款第一项", "第五十条 有下列行为之一的，处警告或者二百元以下罚款。"
    assert paragraphs(intro, head, law, LEAD) == [intro, head, law, LEAD]
