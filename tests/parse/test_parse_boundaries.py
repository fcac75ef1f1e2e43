"""Where one article ends and the next begins in dumps without indents (one paragraph a line), and which lines
belong to which title block: the evidence the segmenter weighs."""

from banmian import parse_text

A1 = "2017年北京世界女子冰壶锦标赛激战正酣。连续几天的比赛已经为冰壶这项运动在国内积累了颇高的人气。"
A2 = "在赛事举办地的北京首都体育馆，几乎每天都有数千名观众观看比赛，精彩的赛事让更多人爱上了冰壶。"
A3 = "虽然是第一次落地北京，本届女子冰壶世锦赛却称得上具备了奥运水准，组委会派出了120多人的工作团队。"
A4 = "来自北京市第二中学的初二学生刘麦，一边看比赛一边在为旁边的同学讲解冰壶的规则和战术。"
B1 = "当地时间3月23日，中国选手张帅在比赛中回球。当日，张帅以2∶1战胜意大利选手埃拉尼，晋级下一轮。"
B2 = "张帅在赛后表示，自己会调整状态，争取在下一轮比赛中打出更好的水平，为中国网球争光。"


def page(*blocks: str, gap: int = 1) -> str:
    return ("\n" * (gap + 1)).join(blocks) + "\n"


def headlines(text: str) -> list[str]:
    return [a.headline for a in parse_text(text).articles]


def test_part_heads_of_one_form_stay_in_their_article():
    text = page("精彩冰壶赛 引得粉丝来", A1, "办赛很专业", A2, A3, "观赛热情高", A4)
    (a,) = parse_text(text).articles
    assert a.paragraphs == [A1, "办赛很专业", A2, A3, "观赛热情高", A4]


def test_a_spaced_head_after_plain_part_heads_starts_the_next_article():
    text = page("精彩冰壶赛 引得粉丝来", A1, "办赛很专业", A2, A3, "观赛热情高", A4,
                "迈阿密网球公开赛 张帅晋级女单第三轮", B1, B2)
    arts = parse_text(text).articles
    assert len(arts) == 2
    assert arts[0].paragraphs[-1] == A4
    assert arts[1].paragraphs == [B1, B2]


def test_a_paragraph_ending_in_its_reporter_is_text_and_a_full_title_under_it_starts_an_article():
    signed = A4 + " 本报记者 金旻矣"
    text = page("精彩冰壶赛 引得粉丝来", A1, A2, signed, "今晨上海的动与静", B1, B2)
    arts = parse_text(text).articles
    assert [a.headline for a in arts] == ["精彩冰壶赛 引得粉丝来", "今晨上海的动与静"]
    assert arts[0].paragraphs == [A1, A2, signed]


def test_a_signed_part_followed_by_a_short_label_continues_the_report():
    text = page("集思广益 阿拉抗疫自有妙计", A1, A2 + " 本报记者 金旻矣", "第2计", A3, A4 + " 本报记者 孙云")
    (a,) = parse_text(text).articles
    assert "第2计" in a.paragraphs


def test_a_line_between_wide_gaps_after_a_credit_is_a_caption():
    text = (page("图片报道", A1, "人民视觉") + "\n\n" + "日前该校老师在指导泰国学生练习书法"
            + "\n\n\n" + page("杨洁篪同非盟委员会主席法基通电话", B1, B2))
    arts = parse_text(text).articles
    assert [a.headline for a in arts] == ["图片报道", "杨洁篪同非盟委员会主席法基通电话"]
    assert arts[0].captions == ["日前该校老师在指导泰国学生练习书法"]


def test_a_long_title_set_off_by_a_wide_gap_is_not_half_of_a_cut_paragraph():
    title = "看得见的健康获得感，看不见的体系突破重构 上海 家庭医生“诊治”看病难"
    text = page("精彩冰壶赛 引得粉丝来", A1, A2) + "\n\n" + page(title, B1, B2)
    arts = parse_text(text).articles
    assert len(arts) == 2
    assert arts[1].paragraphs == [B1, B2]
    assert arts[1].kicker is not None and arts[1].headline.endswith("看病难")


def test_a_dateline_cut_by_a_jump_line_is_text():
    cut = "新华社北京3月24日电  国务院安委会24日召开危险化学品安全综合治理电视电"
    text = page("精彩冰壶赛 引得粉丝来", A1, A2) + "\n\n" + page("促进安全生产形势持续稳定好转", cut + "\n（下转第四版）")
    arts = parse_text(text).articles
    assert [a.headline for a in arts] == ["精彩冰壶赛 引得粉丝来", "促进安全生产形势持续稳定好转"]
    assert arts[1].paragraphs == [cut]
    assert arts[1].jumps == ["（下转第四版）"]


def test_a_short_cut_text_above_a_jump_line_is_a_paragraph_not_a_caption():
    text = page("精彩冰壶赛 引得粉丝来", A1, A2) + "\n\n" + page("图片报道", "3月24日，在黑龙江哈尔滨市双城区东官\n（下转第七版）")
    arts = parse_text(text).articles
    assert [a.headline for a in arts] == ["精彩冰壶赛 引得粉丝来", "图片报道"]
    assert arts[1].paragraphs == ["3月24日，在黑龙江哈尔滨市双城区东官"]
    assert arts[0].captions == []


def test_a_jump_at_a_paragraphs_end_closes_the_article():
    text = page("精彩冰壶赛 引得粉丝来", A1, A2 + "（下转第六版）", "张帅晋级女单第三轮", B1, B2)
    arts = parse_text(text).articles
    assert [a.headline for a in arts] == ["精彩冰壶赛 引得粉丝来", "张帅晋级女单第三轮"]
    assert arts[0].jumps == ["（下转第六版）"]


def test_a_title_block_after_its_body_keeps_the_subheadline_that_speaks_of_that_body():
    body = ("本报堪培拉3月24日电  国务院总理李克强同澳大利亚总理特恩布尔举行第五轮中澳总理年度会晤。双方同意构建四大"
            "合作平台和三大对话机制，推动中澳自贸区建设，迈向自贸繁荣时代。")
    text = page(body, "据央视新闻") + "\n \n" + page(
        "李克强同澳大利亚总理特恩布尔举行第五轮中澳总理年度会晤", "强调构建四大合作平台和三大对话机制，推动中澳迈向自贸繁荣时代",
        "国际舆论热议亚投行扩大朋友圈", B1, B2)
    arts = parse_text(text).articles
    assert arts[0].headline == "李克强同澳大利亚总理特恩布尔举行第五轮中澳总理年度会晤"
    assert arts[0].subheadlines == ["强调构建四大合作平台和三大对话机制，推动中澳迈向自贸繁荣时代"]
    assert arts[1].headline == "国际舆论热议亚投行扩大朋友圈"


def test_a_kicker_with_commas_and_its_headline_on_one_line():
    line = "李强：坚定信心、毫不松懈，态度要更坚决、行动要更迅速、举措要更严密、服务要更周全 扎实细致做好面上核酸筛查"
    (a,) = parse_text(page(line, B1, B2)).articles
    assert a.headline == "扎实细致做好面上核酸筛查"
    assert a.kicker.startswith("李强：")
    assert a.paragraphs == [B1, B2]


def test_pictures_provided_by_is_a_credit_naming_no_one():
    (a,) = parse_text(page("精彩冰壶赛 引得粉丝来", A1, A2, "本版图片由受访者提供")).articles
    assert a.paragraphs == [A1, A2]
    assert [(c.role, c.names, c.text) for c in a.credits] == [("供图", [], "本版图片由受访者提供")]


def test_a_wrapped_paragraph_ending_in_its_signature_is_not_cut_by_the_title_under_it():
    # (its last line fills the 14-character column, as the first half of a paragraph cut by a column break does)
    def wrap(text: str, width: int = 14) -> str:
        text = "\u3000\u3000" + text
        return "\n".join(text[i:i + width] for i in range(0, len(text), width))

    text = "\n".join(["精彩冰壶赛 引得粉丝来", "", wrap(A1), wrap(A2 + " 本报记者 郜阳"), "",
                      "浦西首日封控检测“动静有序”", "", wrap(B1), wrap(B2)]) + "\n"
    arts = parse_text(text).articles
    assert [a.headline for a in arts] == ["精彩冰壶赛 引得粉丝来", "浦西首日封控检测“动静有序”"]
    assert arts[0].paragraphs[0] == A1 and arts[0].paragraphs[1].endswith("郜阳")  # (a wrap may eat the space)
    assert len(arts[0].paragraphs) == 2


def test_a_title_after_its_body_followed_by_a_kicker_naming_who_speaks():
    text = (page("精彩冰壶赛 引得粉丝来", A1, A2) + "\n\n\n" + page(A3, A4, "据人民网") + "\n \n"
            + page("澳门将举办活动纪念基本法颁布24周年", "比尔·盖茨：", "中国是实现联合国减贫目标最大贡献者", B1, B2))
    arts = parse_text(text).articles
    assert [(a.kicker, a.headline) for a in arts] == [
        (None, "精彩冰壶赛 引得粉丝来"), (None, "澳门将举办活动纪念基本法颁布24周年"),
        ("比尔·盖茨：", "中国是实现联合国减贫目标最大贡献者")]
    assert arts[1].paragraphs == [A3, A4]


def test_a_head_over_one_paragraph_and_a_photo_report_byline_is_a_picture_story():
    story = "3月27日“世界戏剧日”到来之际，河北各地举行传统戏曲进校园活动，让孩子们感受国粹的魅力。"
    text = page("精彩冰壶赛 引得粉丝来", A1, "办赛很专业", A2, A3, "感受国粹", story, "史自强 郝群英摄影报道")
    arts = parse_text(text).articles
    assert [a.headline for a in arts] == ["精彩冰壶赛 引得粉丝来", "感受国粹"]
    assert arts[1].paragraphs == [story]
    assert arts[1].bylines[0].names == ["史自强", "郝群英"]


def test_a_short_first_half_is_joined_when_the_second_half_opens_with_one_character_and_a_comma():
    first, second = "在湖南省公安厅调研警务机制改革", "时，孟建柱指出，要按照扁平化管理和专业化建设相结合的要求推进改革。"
    (a,) = parse_text(page("精彩冰壶赛 引得粉丝来", A1, first, second, A2)).articles
    assert a.paragraphs == [A1, first + second, A2]


def test_a_title_after_its_body_claims_the_whole_body_even_when_a_byline_parts_it():
    text = (page("精彩冰壶赛 引得粉丝来", A1, A2) + "\n\n" + page(A3, "本报记者 徐驰", A4, "据人民网")
            + "\n \n" + page("这些“急难愁盼” 在抗疫互助平台获解", B1, B2))
    arts = parse_text(text).articles
    # (the text under the title has no title of its own: it goes on the article above, as text no title claims)
    assert [a.headline for a in arts] == ["精彩冰壶赛 引得粉丝来", "这些“急难愁盼” 在抗疫互助平台获解"]
    assert arts[0].paragraphs == [A1, A2]
    assert arts[1].paragraphs[:2] == [A3, A4]
    assert arts[1].bylines[0].names == ["徐驰"]


def test_a_line_under_a_photo_credit_that_shares_no_word_with_the_title_below_is_a_caption():
    text = (page("图片报道", A1, "人民视觉") + "\n\n" + page("日前该校老师在指导泰国学生练习书法",
                                                       "杨洁篪同非盟委员会主席法基通电话", B1, B2))
    arts = parse_text(text).articles
    assert [(a.kicker, a.headline) for a in arts] == [(None, "图片报道"), (None, "杨洁篪同非盟委员会主席法基通电话")]
    assert arts[0].captions == ["日前该校老师在指导泰国学生练习书法"]


def test_a_kicker_under_a_photo_credit_that_speaks_of_its_article_stays_a_kicker():
    text = (page("图片报道", A1, "人民视觉") + "\n\n" + page("迈阿密网球公开赛", "张帅晋级女单第三轮", B1, B2))
    arts = parse_text(text).articles
    assert [(a.kicker, a.headline) for a in arts] == [(None, "图片报道"), ("迈阿密网球公开赛", "张帅晋级女单第三轮")]


def test_a_kicker_and_headline_on_one_line_under_running_text_start_an_article():
    title = "成人感染被转运，孩子谁来照顾？ “儿童督导员”“儿童主任”上线了"
    arts = parse_text(page("精彩冰壶赛 引得粉丝来", A1, A2, title, B1, B2)).articles
    assert [(a.kicker, a.headline) for a in arts] == [
        (None, "精彩冰壶赛 引得粉丝来"), ("成人感染被转运，孩子谁来照顾？", "“儿童督导员”“儿童主任”上线了")]
    assert arts[1].paragraphs == [B1, B2]


def test_a_short_first_half_ending_in_a_comma_is_joined():
    first, second = "注意通风消杀：窗户还要尽量开，", "要保持房间内的空气流通。注意快递及货物等外包装的消毒。"
    (a,) = parse_text(page("精彩冰壶赛 引得粉丝来", A1, first, second, A2)).articles
    assert a.paragraphs == [A1, first + second, A2]


def test_a_second_half_cut_again_by_a_jump_line_is_joined():
    first = "新华社长沙3月24日电  中共中央政治局委员孟建柱20日至23日在湖南调研时强调，要深入推进改革，在长沙市公安局，孟建柱慰"
    second = "问一线民警，要求把从严治警"
    (a,) = parse_text(page("不断提高社会治理科学化法治化智能化水平", first, second + "\n（下转第九版）")).articles
    assert a.paragraphs == [first + second]
    assert a.jumps == ["（下转第九版）"]


def test_a_short_first_half_opening_like_a_lead_is_joined():
    first, second = "近日，“北大仓”黑龙江省的许多农机", "合作社和农民开始检修农机，为4月份的春耕做准备。"
    (a,) = parse_text(page("图片报道", A1, first, second)).articles
    assert a.paragraphs == [A1, first + second]


def test_a_paragraph_signed_by_a_reporter_and_an_intern_is_complete():
    signed = ("3.闵行区宾川路的鲁女士求助，独居的父母已年过八旬，已经好几天买不上大米、蔬菜和肉类。"
              "记者立刻介入。本报记者 王军 实习生 姚储杰")
    nxt = "4.来沪就医的苏女士求助，其55岁的大伯患病住院，急需药物抢救。"
    (a,) = parse_text(page("这些“急难愁盼” 在抗疫互助平台获解", A1, signed, nxt)).articles
    assert a.paragraphs == [A1, signed, nxt]


def test_a_paragraph_without_a_full_stop_is_not_joined_to_one_opening_with_a_time_word():
    deck = ("█环保执法监管不严，也许可以拉来一些项目，企业可以减少环保投入，多赚些银子，可以给一个地方带来一时漂亮的"
            "数据，但牺牲的是一个地方的长远发展之计")
    lead = "近日，一则题为《武汉两名环保执法人员损害投资环境被免职》的报道，引发关注。"
    (a,) = parse_text(page("生态环境要为投资环境让路吗（生态论苑）", "贺 震", deck, lead, A1)).articles
    assert a.paragraphs == [deck, lead, A1]


def test_a_second_title_line_going_on_with_the_verb_is_a_subheadline():
    (a,) = parse_text(page("李克强同澳大利亚总理特恩布尔举行第五轮中澳总理年度会晤",
                           "强调构建四大合作平台和三大对话机制，推动中澳迈向自贸繁荣时代", B1, B2)).articles
    assert (a.kicker, a.headline) == (None, "李克强同澳大利亚总理特恩布尔举行第五轮中澳总理年度会晤")
    assert a.subheadlines == ["强调构建四大合作平台和三大对话机制，推动中澳迈向自贸繁荣时代"]
    (b,) = parse_text(page("北京再控住房信贷风险", "离婚一年内信贷政策按二套房执行", B1, B2)).articles
    assert (b.kicker, b.headline, b.subheadlines) == ("北京再控住房信贷风险", "离婚一年内信贷政策按二套房执行", [])


def test_a_speaker_kicker_with_a_colon_shares_a_line_with_its_headline():
    (a,) = parse_text(page("比尔·盖茨： 中国是实现联合国减贫目标最大贡献者", B1, B2)).articles
    assert (a.kicker, a.headline) == ("比尔·盖茨：", "中国是实现联合国减贫目标最大贡献者")


def test_an_unrelated_first_head_after_a_long_text_without_heads_starts_the_next_article():
    essay = [A1, A2, A3, A4, A1[:-1] + "，观众热情高涨。", A2[:-1] + "，场面热烈。", A3, A4[:-1] + "，十分投入。"]
    lead = "近期上海市新冠病毒疫情防控形势严峻，我们每个人日常生活都要做好“防疫三件套”，才能有效控制疫情传播。"
    arts = parse_text(page("精彩冰壶赛 引得粉丝来", *essay, "居家生活中的防控细节", lead)).articles
    assert [a.headline for a in arts] == ["精彩冰壶赛 引得粉丝来", "居家生活中的防控细节"]
    assert arts[1].paragraphs == [lead]


def test_a_first_head_that_speaks_of_the_long_text_above_stays_in_it():
    essay = [A1, A2, A3, A4, A1[:-1] + "，观众热情高涨。", A2[:-1] + "，场面热烈。", A3, A4[:-1] + "，十分投入。"]
    (a,) = parse_text(page("精彩冰壶赛 引得粉丝来", *essay, "冰壶热在北京", A1)).articles
    assert "冰壶热在北京" in a.paragraphs
