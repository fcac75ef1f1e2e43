"""Where one article ends and the next begins in the one-paragraph-a-line style, and which line of a title block
is which, read from the shape of the lines (synthetic pages of the shapes found on composed draws)."""

from banmian import parse_text


def titles(*blocks: str) -> list[tuple[str | None, str]]:
    """Kicker and headline of each article of a page made of these blocks, one blank line apart."""
    return [(a.kicker, a.headline) for a in parse_text("\n\n".join(blocks) + "\n").articles]


def test_a_part_number_alone_under_a_signed_essay_opens_a_text_whose_title_follows_it():
    # an essay signed with a bare name; three blank lines; a text in numbered parts whose title is printed after
    # it (marked by a line holding a space); then the next article with its author
    page = "\n".join([
        "春夜读书记", "", "林  雨", "",
        "灯下翻开一本旧书，纸页已经发黄，墨香却还在。", "",
        "读书的乐趣，大抵在于和古人对坐而谈。", "",
        "周  舟", "", "", "",
        "一", "",
        "在闽南一带的村庄里，最显眼的是那些高大的石头房子。", "",
        "这些房子大多建于百年以前，墙上刻满了花鸟。", "",
        "二", "",
        "前些日子我又回到村里，看见新房子一排排立起来了。", "",
        "据东南日报", "", " ",
        "石屋絮语", "",
        "采茶歌", "",
        "吴  川", "",
        "清明前后，山上的茶树冒出了新芽。", "",
    ]) + "\n"
    arts = parse_text(page).articles
    assert [a.headline for a in arts] == ["春夜读书记", "石屋絮语", "采茶歌"]
    parts = arts[1]
    assert parts.paragraphs[0] == "一"
    assert parts.paragraphs[1].startswith("在闽南一带的村庄里")
    assert "二" in parts.paragraphs
    assert arts[2].paragraphs == ["清明前后，山上的茶树冒出了新芽。"]


def test_a_column_tag_does_not_count_to_the_length_of_the_headline_after_a_kicker_on_its_line():
    # kicker, then a headline of two short spaced phrases and its column's tag, all on one line
    page = ("平江县设立公路养护基金 山路弯弯 养护有方（关注改革最后一公里）\n\n本报记者 何  林\n\n"
            "记者近日从平江县交通运输局获悉，全县设立乡村公路养护基金，每年投入三千万元。\n")
    (a,) = parse_text(page).articles
    assert (a.kicker, a.headline) == ("平江县设立公路养护基金", "山路弯弯 养护有方（关注改革最后一公里）")


def test_a_short_place_before_a_headline_of_parallel_spaced_phrases_is_its_kicker():
    page = ("江西 稻虾共养见成效 农户增收有奔头\n\n本报记者 何  林\n\n"
            "记者近日从江西省农业农村厅获悉，全省稻虾共养面积已超过一百万亩。\n")
    (a,) = parse_text(page).articles
    assert (a.kicker, a.headline) == ("江西", "稻虾共养见成效 农户增收有奔头")
    # words of two to four characters spaced out stay one headline
    page = "哪组 冤家路窄 谁人 一马平川\n\n世界杯分组抽签今晨揭晓，各队的对手都已确定。\n"
    (a,) = parse_text(page).articles
    assert (a.kicker, a.headline) == (None, "哪组 冤家路窄 谁人 一马平川")


def test_a_headline_wrapped_after_the_adverb_of_its_last_clause_is_joined():
    # 历经风雨，老街面貌依然 / 整洁（…）: no title line stops on an adverb that waits for its predicate
    page = ("历经风雨，老街面貌依然\n整洁（城市漫步）\n\n本报记者 何  林\n\n"
            "走进这条百年老街，青石板路干干净净，两旁的店铺依次开门迎客。\n")
    (a,) = parse_text(page).articles
    assert (a.kicker, a.headline) == (None, "历经风雨，老街面貌依然整洁（城市漫步）")


def test_a_column_tag_is_no_part_of_the_clause_that_finishes_a_wrapped_headline():
    # …带来 / 清水和健康（…）: the verb's object opens the next line; the tag after it is no verb of its own
    page = ("中国企业援建水厂带来\n清水和健康（“一带一路”·互利互惠）\n\n本报记者 何  林\n\n"
            "在东非高原上，一座由中国企业承建的水厂日前正式投入运营。\n")
    (a,) = parse_text(page).articles
    assert (a.kicker, a.headline) == (None, "中国企业援建水厂带来清水和健康（“一带一路”·互利互惠）")


def test_a_second_title_line_that_is_a_stub_or_an_amount_alone_ends_the_headline_above():
    for first, second in (("去年全省救助困难群众", "三百多万（在省政府新闻发布会上）"),
                          ("用法治守护中华文化的精神", "内核（你该知道的《民法典》）")):
        page = f"{first}\n{second}\n\n本报记者 何  林\n\n记者日前从有关部门获悉，相关工作进展顺利，成效明显。\n"
        (a,) = parse_text(page).articles
        assert (a.kicker, a.headline) == (None, first + second)


def test_a_kicker_of_clauses_over_a_headline_of_two_parallel_phrases_starts_a_new_article():
    report = ["城市绿地指数报告发布", "本报记者 何  林",
              "一家研究机构近日发布城市绿地指数报告，对全国百余座城市的绿地建设进行了评估。",
              "报告显示，多数城市的人均绿地面积稳步增加，但城市之间的差距仍然明显。"]
    assert titles(*report, "山里有个茶叶村，家家种上生态茶，户户开起民宿", "采茶又待客 村民乐开怀",
                  "清明刚过，村里的茶园就热闹起来，游客们跟着村民一起上山采茶。",
                  "村支书说，这几年村里的收入翻了一番，年轻人也愿意回来了。") == [
        (None, "城市绿地指数报告发布"), ("山里有个茶叶村，家家种上生态茶，户户开起民宿", "采茶又待客 村民乐开怀")]
    # a part head with its subhead inside a report stays text
    assert titles(*report, "绿地面积稳步增加", "多数城市人均绿地超过十平方米，公园数量逐年增长",
                  "各地新建了一批口袋公园，居民出门几百米就能见到绿色。") == [(None, "城市绿地指数报告发布")]


def test_a_title_block_of_two_lines_under_a_dateline_report_heads_the_next_article_on_the_same_subject():
    # the report and the next article speak of the same things (a page of one subject): the title block of two
    # lines under a news report, which holds no part heads, still heads a new article
    assert titles(
        "全市社区核酸检测有序推进",
        "本报讯 昨天，全市各社区组织居民有序开展核酸检测，社区工作者和志愿者坚守一线，确保检测工作平稳进行。",
        "各区加强社区核酸检测点位管理，合理安排居民分批检测，减少人员聚集。",
        "独居老人不便下楼怎么办？",
        "“敲门服务”送到家门口",
        "社区核酸检测期间，一些行动不便的老人无法下楼，社区志愿者和医务人员一起上门为老人检测。",
        "社区工作者表示，将继续做好居民核酸检测服务，确保不漏一户、不落一人。",
    ) == [(None, "全市社区核酸检测有序推进"), ("独居老人不便下楼怎么办？", "“敲门服务”送到家门口")]


def test_a_kicker_and_a_headline_of_two_short_phrases_on_one_line_are_no_first_half_of_the_text_under_them():
    # …效益明显 竹编忙 日子甜: a kicker of clauses and a headline of two short spaced phrases, not a cut sentence
    assert titles(
        "山区小镇推广竹编工艺",
        "记者近日走进一座山区小镇，看到家家户户都在编竹器，产品远销海外。",
        "镇里的竹编合作社已有社员三百多人。",
        "以竹子为原料，发展特色手工编织，生态、经济和社会效益明显 竹编忙 日子甜",
        "过去山里的竹子多用来烧火做饭，如今却成了村民手中的宝贝。",
    )[1:] == [("以竹子为原料，发展特色手工编织，生态、经济和社会效益明显", "竹编忙 日子甜")]


def test_a_numbered_item_cut_by_a_column_break_after_an_item_of_text_is_joined_not_read_as_a_head():
    page = "\n\n".join([
        "社区帮办解难事", "本报记者 何  林",
        "1.东城区某小区的王先生求助，家中老人需要长期服药，药快吃完了。社区志愿者已帮他配好药。",
        "2.西城区某街道幸福里小区七号楼的李女士求助，女儿患有哮喘每周",
        "要去医院复查，小区封控后无法出门。居委会已联系医院安排上门。",
        "3.南城区的赵先生求助，家里的米面快吃完了。街道已送去生活物资。",
    ]) + "\n"
    (a,) = parse_text(page).articles
    assert a.paragraphs[1] == "2.西城区某街道幸福里小区七号楼的李女士求助，女儿患有哮喘每周要去医院复查，小区封控后无法出门。居委会已联系医院安排上门。"
    assert len(a.paragraphs) == 3


def test_a_kicker_sharing_a_line_with_the_first_half_of_its_wrapped_headline():
    # KICKER HEAD-1 / HEAD-2 with no blank between: the wrap is read on the headline's half
    for line, rest, kicker, headline in (
            ("江苏如东创新调解模式，化解基层矛盾纠纷 调解工作：请来", "老娘舅当“裁判”",
             "江苏如东创新调解模式，化解基层矛盾纠纷", "调解工作：请来老娘舅当“裁判”"),
            ("一季度全省外贸进出口出现回落 不必担心，回暖", "就在眼前！",
             "一季度全省外贸进出口出现回落", "不必担心，回暖就在眼前！")):
        assert titles(f"{line}\n{rest}", "本报记者 何  林", "记者近日从有关部门获悉，相关工作进展顺利。") == [
            (kicker, headline)]


def test_a_short_line_naming_only_a_body_over_what_it_did_is_the_kicker():
    assert titles("全国妇联机关", "妇女干部专题培训班在京开班", "本报记者 何  林",
                  "记者近日获悉，一期妇女干部专题培训班在京开班，学员来自全国各地。") == [
        ("全国妇联机关", "妇女干部专题培训班在京开班")]
    # (also when both share one line)
    assert titles("全国妇联机关 妇女干部专题培训班在京开班", "本报记者 何  林",
                  "记者近日获悉，一期妇女干部专题培训班在京开班，学员来自全国各地。") == [
        ("全国妇联机关", "妇女干部专题培训班在京开班")]
    # a short headline that says what happened keeps the line under it as its subheadline
    assert titles("春耕生产有序推进", "各地抢抓农时推进春播，确保粮食面积稳中有增", "本报记者 何  林",
                  "记者近日获悉，各地抢抓农时推进春播。") == [(None, "春耕生产有序推进")]


def test_a_bare_name_two_blank_lines_under_a_short_line_is_no_byline_of_it():
    # two short captions standing alone between wide gaps under a report (the second reads as a bare name):
    # not a title over its byline, so the next title still heads the next article
    page = ("社区核酸检测有序推进\n\n本报记者 何  林\n\n"
            "昨天，全市各社区组织居民有序开展核酸检测，社区工作者和志愿者坚守一线。\n\n\n\n"
            "静安\n\n\n黄浦\n\n\n"
            "独居老人不便下楼怎么办？ “敲门服务”送到家门口\n\n"
            "社区核酸检测期间，一些行动不便的老人无法下楼，志愿者上门为老人检测。\n")
    arts = parse_text(page).articles
    assert [(a.kicker, a.headline) for a in arts] == [
        (None, "社区核酸检测有序推进"), ("独居老人不便下楼怎么办？", "“敲门服务”送到家门口")]
    assert [b.names for b in arts[0].bylines] == [["何林"]]


def test_list_items_shown_as_captions_over_their_list_are_captions_even_when_they_read_as_names():
    page = ("全运会向群众开放\n\n本报记者 何  林\n\n"
            "本届全运会首次设立群众比赛项目，业余选手可以报名参加。\n\n\n"
            "马拉松\n\n"
            "附：3项名单\n轮滑\t马拉松\n羽毛球\t太极拳\n乒乓球\t\n\n"
            "城市书房亮灯\n\n一批城市书房近日开放，市民可以免费借阅图书。\n")
    arts = parse_text(page).articles
    assert [a.headline for a in arts] == ["全运会向群众开放", "城市书房亮灯"]
    assert [b.names for b in arts[0].bylines] == [["何林"]]
    assert "马拉松" in arts[0].captions


def test_a_slogan_of_like_short_phrases_over_a_plain_headline_is_the_kicker():
    slogan, headline = "早发现 早报告 早处置", "江西推行涉企服务“一次办好”"
    body = ["本报记者 何  林", "记者近日从江西省政务服务办获悉，全省推行涉企服务“一次办好”改革。"]
    for title in (f"{slogan}\n\n{headline}", f"{slogan}\n{headline}", f"{slogan} {headline}"):
        assert titles(title, *body) == [(slogan, headline)]
    # spaced words of mixed lengths are one headline
    assert titles("哪组 冤家路窄 谁人 一马平川", *body) == [(None, "哪组 冤家路窄 谁人 一马平川")]


def test_a_head_under_a_reporters_byline_over_a_text_closed_by_a_bare_name_heads_an_essay():
    report = ["赛车手谈新赛季", "本报记者 李  明",
              "新赛季开始前，年轻车手接受了本报采访，谈到了自己的目标。",
              "备战", "整个冬天，他都留在车队工厂，和工程师一起讨论赛车的调校。",
              "本报记者 李  明"]
    essay = ["编书的人", "又到清明，我照例想起一位故去的老编辑。",
             "她一生为人作嫁衣，编过的书摞起来比人还高。"]
    assert titles(*report, *essay, "周  舟") == [(None, "赛车手谈新赛季"), (None, "编书的人")]
    # (also when a jump line cuts the essay before its author's name)
    assert titles(*report, *essay[:-1], essay[-1] + "\n（下转第十六版）", "周  舟") == [
        (None, "赛车手谈新赛季"), (None, "编书的人")]
    # the next part of a report signed in parts, signed by its reporter, stays in the report
    assert titles(*report, *essay, "本报记者 王  芳") == [(None, "赛车手谈新赛季")]


def test_a_phrase_clearly_longer_than_the_two_balanced_halves_after_it_on_its_line_is_the_kicker():
    assert titles("细雨蒙蒙的清晨 桃花盛开 游人如织（美丽中国）", "本报记者 何  林",
                  "记者近日走进江南水乡，只见桃花盛开，游人如织。") == [
        ("细雨蒙蒙的清晨", "桃花盛开 游人如织（美丽中国）")]


def test_a_tagged_title_line_over_a_part_head_may_hold_its_kicker_too():
    (a,) = parse_text("\n\n".join([
        "细雨蒙蒙的清晨 桃花盛开 游人如织（美丽中国）", "西湖边上春意浓", "本报记者 何  林",
        "清晨的西湖边，细雨中的桃花开得正艳，游人撑着伞沿湖漫步。"]) + "\n").articles
    assert (a.kicker, a.headline) == ("细雨蒙蒙的清晨", "桃花盛开 游人如织（美丽中国）")


def test_two_balanced_phrases_before_two_shorter_balanced_ones_on_a_line_are_the_kicker():
    assert titles("骑车送药上门 半个月没回家 社区跑腿 风雨无阻", "本报记者 何  林",
                  "半个月来，社区志愿者每天骑车为居民送药上门。") == [
        ("骑车送药上门 半个月没回家", "社区跑腿 风雨无阻")]


def test_a_long_kicker_sharing_the_first_line_with_the_headline_leaves_the_lines_under_them_subheadlines():
    (a,) = parse_text("\n\n".join([
        "王明：坚定信心、毫不松懈，态度要更坚决、行动要更迅速、举措要更严密 扎实做好春耕生产",
        "与李华分别检查春耕备耕和农资供应工作情况", "赵刚参加",
        "本报讯 市委书记王明昨天前往郊区，实地检查春耕备耕工作。"]) + "\n").articles
    assert (a.kicker, a.headline) == ("王明：坚定信心、毫不松懈，态度要更坚决、行动要更迅速、举措要更严密", "扎实做好春耕生产")
    assert a.subheadlines == ["与李华分别检查春耕备耕和农资供应工作情况", "赵刚参加"]


def test_a_first_half_opening_with_a_speaker_and_his_post_is_joined_under_text():
    (a,) = parse_text("\n\n".join([
        "春季要防强对流天气", "本报记者 何  林",
        "近期南方多地出现强对流天气，气象部门提醒公众注意防范。",
        "省气象台首席预报员王强介绍，判断冰雹天气主要",
        "看水汽、不稳定能量和抬升条件，冰雹持续时间通常较短。"]) + "\n").articles
    assert a.paragraphs[-1] == "省气象台首席预报员王强介绍，判断冰雹天气主要看水汽、不稳定能量和抬升条件，冰雹持续时间通常较短。"


def test_a_second_title_line_opening_with_a_verb_and_giving_a_figure_is_the_subheadline():
    (a,) = parse_text("\n\n".join([
        "全省城市绿化工作稳步推进", "新增绿地35万平方米", "本报记者 何  林",
        "记者从省住房和城乡建设厅获悉，去年全省城市绿化工作稳步推进。"]) + "\n").articles
    assert (a.kicker, a.headline, a.subheadlines) == (None, "全省城市绿化工作稳步推进", ["新增绿地35万平方米"])


def test_two_lines_with_no_blank_between_over_a_subheadline_going_on_with_the_verb_are_one_headline():
    (a,) = parse_text("\n\n".join([
        "王明会见出席第二届国际茶业\n博览会的外国政府和企业嘉宾", "会见博览会组委会成员并同中外茶商座谈",
        "本报杭州4月20日电  （记者何林）王明20日在杭州会见出席国际茶业博览会的外国嘉宾。"]) + "\n").articles
    assert (a.kicker, a.headline, a.subheadlines) == (
        None, "王明会见出席第二届国际茶业博览会的外国政府和企业嘉宾", ["会见博览会组委会成员并同中外茶商座谈"])


def test_a_verb_and_a_figure_set_right_under_a_whole_statement_are_its_subheadline_not_its_rest():
    # (the dictionary reads no verb in …基本查明, so the line under it looked like its predicate)
    (a,) = parse_text("\n\n".join([
        "全省水土流失现状基本查明\n共有侵蚀沟5.3万余条", "本报记者 何  林",
        "记者从省林业局获悉，全省古树名木资源普查日前结束。"]) + "\n").articles
    assert (a.kicker, a.headline, a.subheadlines) == (None, "全省水土流失现状基本查明", ["共有侵蚀沟5.3万余条"])


def test_a_cut_line_whose_part_after_a_space_opens_with_a_bracket_is_no_kicker_and_headline():
    (a,) = parse_text("\n\n".join([
        "政务公开有了“硬杠杠”",
        "本报合肥3月24日电  （记者何林）省政府近日出台政务公开实施细则，对公开工作提出明确要求。",
        "实施细则明确，各地、各部门要在本单位公文流转程序 （含电子办公系统）中增加公开属",
        "性审查环节，拟制公文时要明确主动公开、依申请公开、不予公开等属性。"]) + "\n").articles
    assert a.paragraphs[-1].endswith("中增加公开属性审查环节，拟制公文时要明确主动公开、依申请公开、不予公开等属性。")


def test_a_headline_wrapped_onto_two_lines_under_a_closed_article_is_no_caption_over_its_second_half():
    page = ("各方呼吁政治解决危机\n\n本报开罗4月21日电  （记者何林）多国外长近日呼吁通过对话政治解决地区危机。\n\n"
            "（本报开罗4月21日电）\n\n本报驻埃及记者 何  林\n\n\n\n"
            "李明出席东盟\n地区论坛会议\n\n本报万象4月21日电  （记者周舟）外交部21日介绍了有关情况。\n")
    arts = parse_text(page).articles
    assert [a.headline for a in arts] == ["各方呼吁政治解决危机", "李明出席东盟地区论坛会议"]
    assert arts[0].captions == []


def test_a_dateline_opening_with_ju_cut_inside_its_date_is_joined_not_read_as_a_source_line():
    (a,) = parse_text("两车相撞致多人受伤\n\n据新华社开普敦4月\n\n21日电（记者周舟）当地警方21日说，两辆汽车当天相撞，造成多人受伤。\n").articles
    assert a.source is None
    assert a.paragraphs == ["据新华社开普敦4月21日电（记者周舟）当地警方21日说，两辆汽车当天相撞，造成多人受伤。"]
    assert [b.names for b in a.bylines] == [["周舟"]]


def test_an_interview_question_cut_by_a_column_break_runs_until_its_answer():
    (a,) = parse_text("\n\n".join([
        "方舱医院运行平稳", "本报记者 何  林", "记者日前专访了方舱医院总指挥。",
        "问：方舱医院的救治力量如何？", "已经收治的病人情况怎么样？",
        "答：截至目前，方舱医院运行总体平稳，已收治病人一千余名。"]) + "\n").articles
    assert a.paragraphs[1:] == ["问：方舱医院的救治力量如何？已经收治的病人情况怎么样？",
                                "答：截至目前，方舱医院运行总体平稳，已收治病人一千余名。"]


def test_an_inline_signature_cut_after_its_role_word_is_finished_by_the_names_under_it():
    (a,) = parse_text("\n\n".join([
        "社区改装移动采样车", "小区居民下楼做检测，如何减少交叉感染的风险？",
        "目前镇里部分有条件的小区，也开始改装“移动采样车”。 本报记者", "何  林"]) + "\n").articles
    assert a.paragraphs[-1] == "目前镇里部分有条件的小区，也开始改装“移动采样车”。 本报记者何  林"


def test_a_reported_question_cut_before_its_question_mark_runs_on_to_it():
    (a,) = parse_text("\n\n".join([
        "外交部就有关问题答记者问", "本报北京4月21日电  （记者何林）外交部发言人21日主持例行记者会。",
        "有记者问，据报道，某国日前宣布将提高关税。", "中方对此有何评论？",
        "发言人说，我们注意到有关报道。"]) + "\n").articles
    assert a.paragraphs[1] == "有记者问，据报道，某国日前宣布将提高关税。中方对此有何评论？"


def test_a_hard_wrapped_line_short_by_a_space_before_a_column_break_and_an_opening_mark_is_full():
    # column width 17: …“华北明珠”␣ is one short with its space; the “ it leaves went past a column break
    page = "\n".join([
        "湖泊生态保护迎来新机遇", "", "本报记者 何  林", "",
        "\u3000\u3000广袤的平原上，这片湖泊是这里最",
        "大的淡水湖泊，素有“华北明珠” ", "",
        "“华北之肾”的美誉，是我国北方稀缺",
        "的自然湿地。", "",
        "\u3000\u3000多年来，当地对于湖泊的生态治理",
        "一直在持续，水质已经明显好转，水鸟",
        "也越来越多了。", "",
        "\u3000\u3000四月的湖面，清风拂面，碧波荡漾",
        "，芦苇已经进入发芽期，不时有水鸟从",
        "水面掠过。", ""])
    (a,) = parse_text(page).articles
    assert a.paragraphs[0] == ("广袤的平原上，这片湖泊是这里最大的淡水湖泊，素有“华北明珠”“华北之肾”的美誉，"
                               "是我国北方稀缺的自然湿地。")
