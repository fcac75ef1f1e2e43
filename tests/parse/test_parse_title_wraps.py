"""Wraps: which two title lines are one headline wrapped by the column and which a kicker over its headline
(the wrap's first line fills the column, and a wrap cuts a clause where it is not finished), and a hard-wrapped
body line that looks short only because of where its spaces and quotes fell."""

from banmian import parse_text

R1 = "本报北京3月24日电  （记者赵贝佳）3月23日是世界气象日，今年的主题是“观云识天”。"
R2 = "为什么观云能“识天”？除了肉眼观察，还有哪些手段能预测天气？针对这些问题，记者采访了相关专家。"


def title(*lines: str) -> tuple:
    a = parse_text("\n".join(lines) + "\n\n" + R1 + "\n\n" + R2 + "\n").articles[0]
    assert a.paragraphs == [R1, R2]
    return a.kicker, a.headline, a.subheadlines


def test_a_whole_phrase_under_half_as_long_as_the_line_below_is_a_kicker():
    assert title("国家统计局", "前两月工业增速加快至6.3%") == ("国家统计局", "前两月工业增速加快至6.3%", [])


def test_a_wrap_that_cuts_a_clause_to_its_subject_is_one_headline():
    assert title("历经寒冬，全球经济", "仍然低迷（国际视点）") == (None, "历经寒冬，全球经济仍然低迷（国际视点）", [])
    assert title("人潮涌动，春运大潮", "持续升温（新春走基层）") == (None, "人潮涌动，春运大潮持续升温（新春走基层）", [])


def test_a_kicker_in_clauses_over_a_headline_that_says_something_of_its_own_stays_apart():
    assert title("铆住需求端，“绣花”供给侧", "今年春耕不一样") == ("铆住需求端，“绣花”供给侧", "今年春耕不一样", [])
    assert title("查办工作开局良好，继续保持高压态势", "今年已查处各类案件八百余起") == (
        "查办工作开局良好，继续保持高压态势", "今年已查处各类案件八百余起", [])


def test_a_wrap_whose_first_line_fills_the_column_is_still_joined():
    assert title("人类命运共同体理念首次载入", "联合国人权理事会决议") == (None, "人类命运共同体理念首次载入联合国人权理事会决议", [])



def test_a_hard_wrapped_line_ending_in_a_space_whose_opening_quote_went_down_goes_on():
    text = ("雄安新区设立，将为白洋淀生态保护带来全新机遇\n华北明珠 再绽璀璨（绿色焦点）\n\n"
            "\u3000\u3000广袤的华北平原，白洋淀是这里最\n大的淡水湖泊，素有“华北明珠” \n“华北之肾”的美誉，是我国北方稀缺\n"
            "的自然湿地。\n\u3000\u30004月1日，中共中央、国务院决定\n设立河北雄安新区的消息发布。雄安新\n区将白洋淀囊括其中。\n")
    (a,) = parse_text(text).articles
    assert a.headline == "华北明珠 再绽璀璨（绿色焦点）"
    assert a.paragraphs == ["广袤的华北平原，白洋淀是这里最大的淡水湖泊，素有“华北明珠”“华北之肾”的美誉，是我国北方稀缺的自然湿地。",
                            "4月1日，中共中央、国务院决定设立河北雄安新区的消息发布。雄安新区将白洋淀囊括其中。"]



def _wrap(text: str, width: int) -> str:
    text = "\u3000\u3000" + text
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


def test_a_title_set_flush_under_a_closing_dateline_in_a_hard_wrapped_column_heads_the_next_article():
    # the closing dateline is one character longer than another article's column: it reads as a full line
    # with its bracket hung past the end, yet it closes its article
    one = "也门政治分析人士说，国际社会应进一步推动政治解决，严重的经济危机要求各方为实现和平作出努力。"
    two = "据新华社约翰内斯堡4月21日电  （记者赵熙）南非豪登省教育厅21日说，当天该省发生一起交通事故。"
    text = ("也门危机亟待政治解决\n\n" + _wrap(one, 14) + "\n" + _wrap(one, 14) + "\n\u3000\u3000（本报开罗4月21日电）\n\n"
            "南非两车相撞造成至少20名小学生丧生\n\n" + _wrap(two, 17) + "\n")
    arts = parse_text(text).articles
    assert [a.headline for a in arts] == ["也门危机亟待政治解决", "南非两车相撞造成至少20名小学生丧生"]
    assert arts[0].paragraphs == [one, one, "（本报开罗4月21日电）"]


def test_a_list_item_shown_as_a_caption_over_its_list_is_no_title_of_the_text_above():
    # (a part of a report signed at its head, then its text, its credit, a list item as a caption, the list)
    one = "北京颐和园西堤的桃花陆续盛开，成为人们踏青赏花的好去处，游人如织。"
    two = "在颐和园，除了山桃花，还有玉兰、蜡梅、迎春、山杏、梅花、探春、樱花、丁香、紫荆等相继进入花期。"
    text = ("春雨化雪 归雁啄新泥（美丽中国）\n\n" + _wrap(one, 16) + "\n" + _wrap(one, 16) + "\n"
            "\u3000\u3000隔帘花气静闻香\n\n本报记者 徐 隽\n" + _wrap(two, 16) + "\n本版制图：蔡华伟\n\n\n\n探春\n\n\n"
            "附：9项名单\n\n还有玉兰\t探春\n蜡梅\t樱花\n迎春\t丁香\n山杏\t紫荆\n梅花\t\n")
    (a,) = parse_text(text).articles
    assert a.headline == "春雨化雪 归雁啄新泥（美丽中国）"
    assert a.captions == ["探春"]
    assert [t.title for t in a.tables] == ["附：9项名单"]
    assert a.paragraphs[-1] == two
    (b,) = parse_text(text.replace("\n探春\n", "\n樱花\n\n\n山杏\n")).articles
    assert b.captions == ["樱花", "山杏"]
    assert b.headline == "春雨化雪 归雁啄新泥（美丽中国）"


def test_an_indented_line_opening_with_ju_cut_by_a_column_break_is_text_not_a_source_line():
    lead = "本报北京4月21日电  （记者谷业凯、赵永新）正在太空中飞行的天舟一号除了运送货物，还有一项重要任务。"
    text = ("天舟一号将开展四项太空实验试验\n\n" + _wrap(lead, 17) + "\n\u3000\u3000据中国科学院空间应用系统相关负\n\n"
            "责人介绍，这4项科学实验和技术验证\n试验是：微重力对细胞增殖和分化影响\n研究。\n" + _wrap(lead, 17) + "\n")
    (a,) = parse_text(text).articles
    assert a.source is None
    assert a.paragraphs[1] == "据中国科学院空间应用系统相关负责人介绍，这4项科学实验和技术验证试验是：微重力对细胞增殖和分化影响研究。"


def test_a_flush_source_line_under_an_indented_text_is_still_the_source():
    lead = "本报北京4月21日电  （记者谷业凯、赵永新）正在太空中飞行的天舟一号除了运送货物，还有一项重要任务。"
    (a,) = parse_text("天舟一号将开展四项太空实验试验\n\n" + _wrap(lead, 17) + "\n" + _wrap(lead, 17) + "\n据新华社\n").articles
    assert a.source == "新华社"
