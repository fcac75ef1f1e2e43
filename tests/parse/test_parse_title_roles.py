"""Which line of a title block is the kicker, the headline, the subheadline."""

from pathlib import Path

import pytest

from banmian import parse_text
from banmian.parse.segment import one_line_title, split_title


@pytest.mark.parametrize(
    "line, want",
    [
        ("内蒙古 推进呼伦贝尔中俄蒙合作先导区建设", ("内蒙古", "推进呼伦贝尔中俄蒙合作先导区建设")),
        ("安 徽 政务公开划出“硬杠杠”加强监督", ("安 徽", "政务公开划出“硬杠杠”加强监督")),
        ("春雨化雪 归雁啄新泥", (None, "春雨化雪 归雁啄新泥")),  # parallel halves: one headline
        ("托起彩虹桥 铺就回家路", (None, "托起彩虹桥 铺就回家路")),
    ],
)
def test_a_short_lead_in_before_a_long_headline_is_its_kicker(line, want):
    assert one_line_title(line) == want
    # the lead-in is evidence for roles only, never that a line inside running text is a title
    assert one_line_title(line, lead_ins=False)[0] is None


def test_the_line_with_a_column_tag_is_the_headline():
    assert split_title(["乍暖还寒的初春", "春雨化雪 归雁啄新泥（美丽中国）"]) == (
        "乍暖还寒的初春", "春雨化雪 归雁啄新泥（美丽中国）", [])
    assert split_title(["生态环境要为投资环境让路吗（生态论苑）", "环保执法监管不严也是投资环境差"]) == (
        None, "生态环境要为投资环境让路吗（生态论苑）", ["环保执法监管不严也是投资环境差"])


def test_two_title_lines_too_long_for_one_headline_are_not_joined():
    text = "湖北老河口市探索处置生活垃圾新路子\n水泥窑烧垃圾一举多得\n\n本报记者  张三\n\n近日，记者来到老河口市，看到垃圾进了水泥窑。\n"
    a = parse_text(text).articles[0]
    assert (a.kicker, a.headline) == ("湖北老河口市探索处置生活垃圾新路子", "水泥窑烧垃圾一举多得")
    # a short headline wrapped onto two lines is still joined
    a = parse_text("民生实事\n件件落地\n\n近日，记者来到老河口市，看到垃圾进了水泥窑。\n").articles[0]
    assert (a.kicker, a.headline) == (None, "民生实事件件落地")


def test_a_paragraph_ending_in_dots_is_complete():
    text = "标题在此\n\n第一段讲到这里，就是由他推荐，推向海外的......\n\n听到这里，我感慨地说了一句话。\n"
    assert len(parse_text(text).articles[0].paragraphs) == 2


def test_a_letter_spaced_kicker_on_its_own_line_is_not_half_a_headline():
    text = "安 徽\n政务公开划出“硬杠杠”\n\n本报合肥3月24日电  （记者朱磊）安徽省日前印发通知，要求各地加强政务公开。\n"
    a = parse_text(text).articles[0]
    assert (a.kicker, a.headline) == ("安 徽", "政务公开划出“硬杠杠”")


def test_a_question_headline_with_its_byline_under_a_signed_article_heads_the_next_one():
    text = ("防疫物资保障有序\n\n本报记者 李四 王五\n\n记者今天走访了本市多家超市，发现供应充足。\n\n"
            "孩子们的“云课堂”为什么这么受欢迎？\n\n文/赵六\n\n网课开了一周，孩子们越来越喜欢上课了。\n")
    arts = parse_text(text).articles
    assert [a.headline for a in arts] == ["防疫物资保障有序", "孩子们的“云课堂”为什么这么受欢迎？"]
    assert arts[1].bylines[0].names == ["赵六"]
    # unsigned text: the question is its last sentence, the byline signs it
    text = "标题在此\n\n正文第一段写了很多内容。\n\n还是那句话：冬天已到，春天还会远吗？\n\n首席记者 连建明\n"
    a = parse_text(text).articles[0]
    assert a.paragraphs[-1] == "还是那句话：冬天已到，春天还会远吗？"
    assert a.bylines[0].names == ["连建明"]


def test_epaper_jump_lines_before_the_next_header_are_no_column_width():
    # two jumps of the same length, each followed by the next article's header lines: the e-paper copy
    # format is not hard-wrapped, and the headers stay titles
    def article(kicker, headline, dateline_text):
        return (f"    {kicker}\n    {headline}\n    \n    \n\u3000\u3000{dateline_text}\n"
                "\u3000\u3000（下转第七版）\n")
    text = (article("北京再控住房信贷风险", "离婚一年内信贷政策按二套房执行",
                    "本报北京3月24日电  （记者王观）北京市日前出台通知，进一步加强住房信贷管理。")
            + article("安徽出台实施细则", "政务公开划出“硬杠杠”",
                      "本报合肥3月24日电  （记者孙振）安徽省日前出台实施细则，要求加强政务公开。")
            + article("内蒙古", "推进呼伦贝尔中俄蒙合作先导区建设",
                      "本报呼和浩特3月24日电  （记者张枨）内蒙古日前印发方案，推进合作先导区建设。"))
    arts = parse_text(text).articles
    assert [a.headline for a in arts] == ["离婚一年内信贷政策按二套房执行", "政务公开划出“硬杠杠”",
                                          "推进呼伦贝尔中俄蒙合作先导区建设"]
    assert all(a.jumps == ["（下转第七版）"] for a in arts)


def test_a_long_headline_cut_before_its_verb_is_joined():
    text = ("李克强同澳大利亚总理特恩布尔\n举行第五轮中澳总理年度会晤\n\n"
            "新华社堪培拉3月24日电  （记者焦翔）当地时间24日，两国总理举行年度会晤。\n")
    a = parse_text(text).articles[0]
    assert (a.kicker, a.headline) == (None, "李克强同澳大利亚总理特恩布尔举行第五轮中澳总理年度会晤")


def test_a_caption_under_a_picture_story_is_not_the_next_kicker():
    text = ("感受国粹\n\n\n\n\u3000\u30003月27日“世界戏剧日”到来之际，河北各地举行传统戏曲进校园活动。\n"
            "史自强 郝群英摄影报道\n\n\n\n3月24日，河北邯郸渚河路小学的孩子们正在近距离观赏戏曲表演\n\n"
            "公安部： 1395万余“黑户”落了户\n\n\u3000\u3000本报北京3月24日电  （记者张洋）记者从公安部获悉，"
            "我国累计已有1395.4万无户口人员登记了户口。\n")
    first, second = parse_text(text).articles
    assert first.captions == ["3月24日，河北邯郸渚河路小学的孩子们正在近距离观赏戏曲表演"]
    assert (second.kicker, second.headline) == ("公安部：", "1395万余“黑户”落了户")


def test_a_label_right_under_the_title_opens_the_text():
    text = ("四川渠县选拔46名退役军人任贫困村“第一书记”\n脱贫，他们使上军人这股劲\n\n核心阅读\n\n"
            "两年前，四川渠县选拔46名退役军人担任贫困村“第一书记”。\n\n昔日被称作烂泥沟，一年之间就变成美丽庄园。\n")
    a = parse_text(text).articles[0]
    assert (a.kicker, a.headline, a.subheadlines) == (
        "四川渠县选拔46名退役军人任贫困村“第一书记”", "脱贫，他们使上军人这股劲", [])
    assert a.paragraphs[0] == "核心阅读"


def test_a_short_first_half_with_a_comma_over_a_line_opening_mid_clause_is_joined():
    text = ("天坑群的发现\n\n陕西汉中发现大型天坑群，专家前往考察。\n\n天坑是一种漏斗形岩溶地质景观，大部分坑壁\n\n"
            "都是陡崖环绕。按照专家的介绍，天坑是在地下河强烈溶蚀作用下形成的。\n")
    a = parse_text(text).articles[0]
    assert a.paragraphs[-1].startswith("天坑是一种漏斗形岩溶地质景观，大部分坑壁都是陡崖环绕。")


def test_a_caption_under_a_closed_picture_story_is_not_the_next_kicker():
    text = ("\u3000\u3000泰国学生来到学校学习中国书法和传统文化，体验中华文化的魅力。\n\n据新民晚报\n\n \n图片报道\n\n\n\n"
            "日前该校老师在指导泰国学生练习书法\n\n杨洁篪同非盟委员会主席法基通电话\n\n"
            "\u3000\u3000新华社科纳克里3月23日电  3月23日，国务委员杨洁篪在非洲访问期间同非盟委员会主席法基通电话。\n"
            "\u3000\u3000杨洁篪祝贺法基当选非盟委员会主席，表示中方将积极支持法基履行职责。\n")
    first, second = parse_text(text).articles
    assert first.headline == "图片报道"
    assert first.captions == ["日前该校老师在指导泰国学生练习书法"]
    assert (second.kicker, second.headline) == (None, "杨洁篪同非盟委员会主席法基通电话")



def _wrapped(paragraph: str, width: int) -> str:
    """A paragraph hard-wrapped at ``width`` characters, its first line indented by two U+3000."""
    text = "\u3000\u3000" + paragraph
    return "\n".join(text[k:k + width] for k in range(0, len(text), width)) + "\n"


def test_a_title_line_as_long_as_the_column_under_a_finished_paragraph_heads_the_next_article():
    w = 13
    text = ("王勇强调促进安全生产\n\n"
            + _wrapped("新华社北京3月24日电  国务院安委会24日召开危险化学品安全综合治理电视电话会议，部署有关工作。", w)
            + _wrapped("会议要求有效遏制重特大事故，为党的十九大胜利召开营造良好安全生产环境，切实做好今年各项安全工作任务。", w)
            + "\n铆住需求端，“绣花”供给侧\n今年春耕不一样\n\n"
            + _wrapped("农业“四季歌”，今年大不同。贯彻落实党中央、国务院决策部署，今年的春季农业生产深深打上了烙印。", w)
            + _wrapped("农业部部长韩长赋在接受本报记者专访时表示，今年的春耕春播着力抓好几个方面。", w))
    # (the paragraph above the title ends on a full line, and the kicker is as long as the column)
    assert "\n做好今年各项安全工作任务。\n\n铆住" in text and len("做好今年各项安全工作任务。") == w
    arts = parse_text(text).articles
    assert len(arts) == 2
    assert arts[0].paragraphs[-1].endswith("安全工作任务。")
    assert arts[1].paragraphs[0].startswith("农业“四季歌”")


def test_a_short_first_half_cut_inside_a_word_is_joined():
    text = ("今晨上海的动与静\n\n凌晨时分，记者来到延安路高架附近，城市安静了下来。\n\n"
            "刚运送完医疗队的大巴在夜\n\n色中疾驰；高架下，民警正在主干道设置交通管制设施。\n")
    a = parse_text(text).articles[0]
    assert a.paragraphs[-1] == "刚运送完医疗队的大巴在夜色中疾驰；高架下，民警正在主干道设置交通管制设施。"


def test_a_short_second_half_cut_inside_a_word_is_joined():
    text = ("政策底已现\n\n近期股市出现调整，市场各方十分关注后市走向。\n\n"
            "自3月16日A股砸出个瞬间底部之后，要走出这个底部区间，将政策底变成真正的市场底，这需要一系列的条件相配合，这\n\n"
            "些条件不外乎如下几点：\n\n"
            "其一，市场需要以时间换取空间。\n")
    a = parse_text(text).articles[0]
    assert a.paragraphs[1].endswith("这需要一系列的条件相配合，这些条件不外乎如下几点：")


def test_a_kicker_of_two_clauses_shares_a_line_with_a_short_spaced_headline():
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "data" / "parse" /
            "rmrb-20170325-clause-kicker-same-line-lines.txt").read_text(encoding="utf-8")
    (a,) = parse_text(text).articles
    assert (a.kicker, a.headline) == ("以竹子为基材，采用缠绕工艺制成复合材料，生态、经济和社会效益巨大", "竹缠绕 有说道")
    assert len(a.paragraphs) == 2


def _fixture(name: str) -> str:
    return (Path(__file__).resolve().parent.parent / "data" / "parse" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name, kicker, headline, subheadlines",
    [
        # the main statement in spaced phrases over a plain line: headline and its subheadline
        ("xinmin-20220402-spaced-headline-over-subheadline-lines.txt", None, "这些“急难愁盼” 在抗疫互助平台获解",
         ["本报“战疫·帮侬忙”全网关注度破2亿"]),
        # two whole lines of spaced phrases, no blank between: a kicker and its headline, not one wrapped line
        ("xinmin-20220402-spaced-kicker-over-spaced-headline-lines.txt", "私家车送物资 一个月未归家",
         "奔跑乐手 月行万里", []),
        # words of two to four characters parted by spaces are one headline, not four subheadlines
        ("xinmin-20220402-headline-of-spaced-words-lines.txt", "卡塔尔世界杯分组抽签今晨揭晓",
         "哪组 冤家路窄 谁人 一马平川", []),
        # a headline of parallel spaced phrases wrapped inside a phrase is joined again
        ("rmrb-20170325-spaced-headline-wrapped-lines.txt", None, "凝聚思想共识 发挥自身优势 提高履职水平",
         ["——3月17日各民主党派中央、全国工商联和无党派人士代表发言摘编"]),
        # a plain line clearly longer than the one above it is the subheadline that tells more
        ("xinmin-20220401-long-subheadline-under-headline-lines.txt", None, "第三次阿富汗邻国外长会在华举行",
         ["美俄代表出席“中美俄+”磋商机制会议"]),
        # …but a line saying who spoke (…强调) is a kicker however long the headline under it
        ("rmrb-20170325-speaker-kicker-over-long-headline-lines.txt", "孟建柱在湖南调研时强调",
         "不断提高社会治理科学化法治化智能化水平", []),
        # a short word over a line three times as long is a lead-in kicker, not the first half of a wrap
        ("rmrb-20170325-place-kicker-over-headline-lines.txt", "内蒙古", "推进呼伦贝尔中俄蒙合作先导区建设", []),
        # a headline wrapped right after its comma leaves a stub of a clause: joined again
        ("xinmin-20220402-headline-wrapped-after-comma-lines.txt", "一季度沪深股市出现大幅调整", "不必恐慌，春天临近了！", []),
        # a headline in spaced phrases wrapped before its space: the stub under it opens the next line
        ("xinmin-20220402-spaced-headline-wrapped-before-dash-lines.txt", None,
         "申城最大隔离点运行平稳 感染者转阴约需7-10天", ["——访新国际博览中心", "集中隔离收治点总指挥陈尔真"]),
    ],
)
def test_spaced_phrases_tell_the_roles_in_a_title_block(name, kicker, headline, subheadlines):
    a = parse_text(_fixture(name)).articles[0]
    assert (a.kicker, a.headline, a.subheadlines) == (kicker, headline, subheadlines)



def test_header_slots_decide_the_roles_over_the_lines_shapes():
    # printed in the e-paper's header slots, a filled first slot is the kicker whatever the lines' lengths
    # (unslotted, a plain line clearly longer than the one above it reads as the subheadline)
    lines = ["浦西首日封控检测“动静有序”", "街道干部下沉社区保障“民间高手”优化采样路线"]
    assert split_title(lines) == (None, lines[0], [lines[1]])
    assert split_title(lines, slotted=True) == (lines[0], lines[1], [])
    assert split_title(lines, slotted=True, no_kicker=True) == (None, lines[0], [lines[1]])
    page = "    " + "\n    ".join([*lines, "", "本报记者  张三"]) + "\n\u3000\u3000昨天是浦西封控首日，街道干部下沉社区。\n"
    a = parse_text(page).articles[0]
    assert (a.kicker, a.headline, a.subheadlines) == (lines[0], lines[1], [])


@pytest.mark.parametrize("name", ["rmrb-20170325-headline-wrapped-before-its-object-lines.txt",
                                  "rmrb-20170325-headline-wrapped-after-ordinal-lines.txt"])
def test_a_long_headline_cut_where_no_title_ends_is_joined_again(name):
    # over 20 characters, two lines are mostly a kicker and its headline; but a first line that stops on a
    # verb whose object is the whole line under it (…首次载入 / 联合国人权理事会决议), or on a word that needs
    # what follows (…出席第二届 / 中澳…), is a headline the wrap cut in two
    text = _fixture(name)
    first, second = text.splitlines()[:2]
    a = parse_text(text).articles[0]
    assert (a.kicker, a.headline, a.subheadlines) == (None, first + second, [])


def test_the_cut_of_a_wrapped_headline_may_fall_anywhere_in_its_clause():
    text = _fixture("rmrb-20170325-headline-wrapped-after-ordinal-lines.txt")
    headline, body = "".join(text.splitlines()[:2]), text.split("\n\n", 1)[1]
    # after an adverb, inside a name, after the subject: the verb comes early in the line under it
    for cut in ("李克强与澳大利亚总理特恩布尔共同", "李克强与澳大利亚总理特恩", "李克强与澳大利亚总理特恩布尔"):
        a = parse_text(f"{cut}\n{headline[len(cut):]}\n\n{body}").articles[0]
        assert (a.kicker, a.headline, a.subheadlines) == (None, headline, [])


@pytest.mark.parametrize("kicker, headline", [
    ("湖北老河口市探索处置生活垃圾新路子", "水泥窑烧垃圾一举多得"),  # a whole phrase over a whole clause
    ("今年世界气象日主题清新又亲民", "来，让我们一起“观云识天”（绿色焦点）"),  # a clause pair under it
    ("全国律协召开首场新闻发布会", "成立“两个中心”规范律师执业"),  # the verb's object is in the first line
])
def test_a_kicker_over_a_headline_stays_apart(kicker, headline):
    body = _fixture("rmrb-20170325-headline-wrapped-before-its-object-lines.txt").split("\n\n", 1)[1]
    a = parse_text(f"{kicker}\n{headline}\n\n{body}").articles[0]
    assert (a.kicker, a.headline, a.subheadlines) == (kicker, headline, [])
