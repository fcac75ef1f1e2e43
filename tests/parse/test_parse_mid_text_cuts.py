"""Column breaks in one-paragraph-a-line dumps between two paragraphs of running text: a short first half
that opens the way only a sentence does is joined to the second half, not read as a part head."""

from banmian import parse_text

HEADLINE = "公园文创礼品进植物园"
LEAD = "4月21日，北京植物园的工作人员正在向游客介绍一件新近推出的文创产品。"
LAST = "这些礼品既蕴含历史文化内涵，又非常实用、有趣，成为游客们喜爱的伴手礼。"


def paragraphs(*blocks: str) -> list[str]:
    (a,) = parse_text(HEADLINE + "\n\n" + "\n\n".join(blocks) + "\n").articles
    return a.paragraphs


def test_a_line_opening_with_a_day_or_a_month_and_a_comma_was_cut():
    for first, second in (("20日起，北京市公园管理中心", "在植物园内集中展示来自11家公园的237类文化创意礼品。"),
                          ("21日下午，市园林绿化局", "在北海公园召开现场会，部署“五一”假期的游园服务。"),
                          ("4月，正是花开的季节，康复国际执委会", "会议首次在北京召开。")):
        assert paragraphs(LEAD, first, second, LAST) == [LEAD, first + second, LAST]


def test_a_date_cut_before_its_day_stays_joined_and_a_head_stays_a_head():
    first, second = "南京东路街道近日发布公告。3月", "26日，辖区居民实施一次抗原检测，一群老人忙活起来了。"
    assert paragraphs(LEAD, first, second, LAST) == [LEAD, first + second, LAST]
    assert paragraphs(LEAD, "礼品带回家", LAST) == [LEAD, "礼品带回家", LAST]


def test_a_line_ending_on_a_determiner_and_its_measure_word_was_cut():
    for first, second in (("《办法》也提出了统筹考虑各类", "适用人群的特点，保障青少年、老年人和残疾人的健身需求。"),
                          ("我经常前一秒幻想，回到过去某个", "特殊的时间点，去改变一些重大的选择。"),
                          ("在北京首都体育馆，几乎每天都有数千名", "观众观看比赛。")):
        assert paragraphs(LEAD, first, second, LAST) == [LEAD, first + second, LAST]
    assert paragraphs(LEAD, "珍惜每一天", LAST) == [LEAD, "珍惜每一天", LAST]


def test_a_line_ending_on_a_post_in_yuan_over_the_name_and_speech_verb_was_cut():
    first, second = "中央气象台首席预报员", "张涛介绍，发生冰雹天气主要考虑水汽的汇聚、不稳定层结和抬升条件。"
    assert paragraphs(LEAD, first, second, LAST) == [LEAD, first + second, LAST]


def test_a_line_ending_on_a_post_and_a_name_over_a_preposition_was_cut():
    first, second = "中国国际广播电台台长王庚年", "与摩洛哥电视台台长代表双方签署了影视节目播出协议。"
    assert paragraphs(LEAD, first, second, LAST) == [LEAD, first + second, LAST]


def test_a_line_ending_on_a_verb_and_its_complement_marker_was_cut():
    first, second = "走在村里的河道边，看着一天天变得", "洁净、优美的环境，她的心情并没有轻松下来。"
    assert paragraphs(LEAD, first, second, LAST) == [LEAD, first + second, LAST]


def test_a_clause_ending_on_a_verb_of_saying_was_cut_but_a_kicker_over_its_headline_stays():
    first, second = "为改善京津冀大气质量，环保部近日宣布", "从全国抽调5600名环境执法人员，开展为期一年的大气污染防治强化督查。"
    assert paragraphs(LEAD, first, second, LAST) == [LEAD, first + second, LAST]
    text = (f"{HEADLINE}\n\n{LEAD}\n\n{LAST}\n\n孟建柱在湖南调研，强调\n\n推进政法工作改革创新\n\n"
            "本报长沙3月24日电  （记者张洋）中共中央政治局委员孟建柱近日在湖南调研。\n")
    first_article, second_article = parse_text(text).articles
    assert (second_article.kicker, second_article.headline) == ("孟建柱在湖南调研，强调", "推进政法工作改革创新")


def test_a_dateline_cut_before_its_reporters_is_joined_and_names_them():
    first, second = "据新华社北京4月2日电", "（记者 吴雨）记者2日从中国人民银行获悉，数字人民币试点范围再次扩大。"
    (a,) = parse_text(f"{HEADLINE}\n\n{first}\n\n{second}\n\n{LAST}\n").articles
    assert a.paragraphs == [first + second, LAST]
    assert [n for b in a.bylines for n in b.names] == ["吴雨"]


def test_a_paragraph_ending_on_someone_asking_runs_on_to_the_question():
    first, second = "近日，我国多地发布预警，提醒市民关注冰雹天气。有人问：", "一个普通人被冰雹砸中的概率能有多大？"
    assert paragraphs(LEAD, first, second, LAST) == [LEAD, first + second, LAST]


def test_a_commentary_lead_cut_inside_the_answer_to_its_condition_is_joined():
    lead = "如果说在某个项目达到顶尖水平的运动员，是超越了竞争对手，那么站在顶尖位置还继续追求极致，则是对自我的超越"
    body = "“我从不会安于现状，我就是受不了自己在某个晚上没能表现出应有的水平。”这是一位老将在赛季末说的话。"
    for cut in ("那么站", "那么站在顶尖"):
        k = lead.index(cut) + len(cut)
        text = f"追求极致是种境界（体坛观澜）\n\n唐天奕\n\n{lead[:k]}\n\n{lead[k:]}\n\n{body}\n"
        (a,) = parse_text(text).articles
        assert a.paragraphs == [lead, body]


def test_a_paragraph_cut_after_a_verb_whose_object_is_the_reporter_is_joined():
    first = "“辰辰确实一个人在家。”记者辗转找到了求助视频里女孩的父母。女孩爸爸王先生告诉"
    second = "记者，由于夫妻两人都被确诊，3月28日已经被统一收治。"
    assert paragraphs(LEAD, first, second, LAST) == [LEAD, first + second, LAST]
    # (a paragraph that ends its sentence is followed by one opening 记者，… as by any other)
    whole = "记者，昨天从市卫健委获悉，全市新增病例呈下降趋势。"
    assert paragraphs(LEAD, whole, LAST) == [LEAD, whole, LAST]


def test_a_text_set_off_by_a_wide_gap_and_cut_inside_a_quotation_it_opened_is_joined():
    first = "3月25日晚10时起，本报在新民App、“新民"
    second = "帮侬忙”微信公众号等开通互助服务类融媒体平台，收集市民的求助信息。"
    body = "目前，平台已收到求助信息上万条，其中大部分已经得到解决。"
    text = f"{HEADLINE}\n\n{LEAD}\n\n\n\n{first}\n\n{second}\n\n{body}\n\n \n这些“急难愁盼”在互助平台获解\n"
    arts = parse_text(text).articles
    assert [a.headline for a in arts] == [HEADLINE, "这些“急难愁盼”在互助平台获解"]
    assert arts[1].paragraphs == [first + second, body]
