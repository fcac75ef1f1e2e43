"""News leads without a dateline (本报讯), part numbers on a line of their own, and picture credits in the
evaluation corpus: real text, copied under tests/data/parse."""

from pathlib import Path

from banmian import parse_text
from banmian.evaluate import load_xinmin

DATA = Path(__file__).resolve().parent.parent / "data" / "parse"


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def test_a_news_lead_cut_by_a_column_break_is_joined_not_read_as_a_subheadline():
    # 本报讯 opens the text as a dateline does; cut short after 市委, it is still the first paragraph.
    (a,) = parse_text(read("xinmin-20220402-news-lead-cut.txt")).articles
    assert a.headline == "扎实细致做好面上核酸筛查"
    assert a.subheadlines[-1] == "诸葛宇杰参加"
    assert a.paragraphs[0].startswith("本报讯 市委书记李强，市委副书记、市长龚正昨天上午")
    assert len(a.paragraphs) == 3


def test_a_news_lead_after_a_one_line_head_makes_that_head_a_title():
    text = read("xinmin-20220402-news-lead-cut.txt").split("\n\n")
    lead = text[3] + text[4]
    page = "\n\n".join(["市民生活物资保障有力有序", "供应链企业日均配送蔬菜超过一万吨，保供人员坚守一线。", "扎实细致做好面上核酸筛查", lead]) + "\n"
    arts = parse_text(page).articles
    assert [x.headline for x in arts] == ["市民生活物资保障有力有序", "扎实细致做好面上核酸筛查"]


def test_a_part_number_on_a_line_of_its_own_stays_a_paragraph():
    (a,) = parse_text(read("rmrb-20170325-part-number-lines.txt")).articles
    assert a.headline == "侨乡楼语"
    assert [b.names for b in a.bylines] == [["陈志泽"]]
    assert a.paragraphs[0] == "一"
    assert a.paragraphs[1].startswith("在泉州一带侨乡")
    assert len(a.paragraphs) == 3


def test_the_corpus_reads_a_closing_picture_credit_as_a_credit_and_the_byline_above_it():
    (art,) = load_xinmin(DATA / "xinmin-20220402-picture-credit.csv")
    assert art.body[-1].kind == "credit"
    assert art.body[-1].credit == {"role": "供图", "names": [], "text": "本版图片由受访者提供"}
    assert art.body[-2].kind == "byline" and art.body[-2].bylines[0]["names"] == ["王军"]
    assert all("本版图片" not in p for p in art.paragraphs())


def test_a_full_title_under_a_signature_and_a_picture_credit_starts_the_next_article():
    # 本报记者王军 / 本版图片由受访者提供 close a report in signed parts; the title below is no part label
    first, second = parse_text(read("xinmin-20220402-credit-then-title.txt")).articles
    assert [b.names for b in first.bylines] == [["王军"]]
    assert [c.text for c in first.credits] == ["本版图片由受访者提供"]
    assert len(first.paragraphs) == 1
    title = [x for x in (second.kicker, second.headline, *second.subheadlines) if x]
    assert title == ["第三次阿富汗邻国外长会在华举行", "美俄代表出席“中美俄+”磋商机制会议"]
    assert len(second.paragraphs) == 2


def test_a_title_over_a_label_such_as_core_reading_heads_the_text_under_the_label():
    # 核心阅读 under the title opens its text: the title is no caption of the article above the jump line
    before, after = parse_text(read("rmrb-20170325-label-under-title-lines.txt")).articles
    assert before.jumps == ["（下转第三版）"] and not before.captions
    assert after.kicker == "四川渠县选拔46名退役军人任贫困村“第一书记”"
    assert after.headline == "脱贫，他们使上军人这股劲"
    assert after.paragraphs[0] == "核心阅读"
    assert len(after.paragraphs) == 3


def test_a_wrapped_dateline_whose_reporters_open_a_line_is_text_not_a_byline():
    # 本报堪培拉3月24日电 | （记者焦翔、李锋、鲍捷 | ）当地时间…: the outlet of a byline holds no date or bracket
    arts = parse_text(read("rmrb-20170325-dateline-wrapped-title-after.txt")).articles
    a = arts[-1]
    assert a.headline == "李克强同澳大利亚总理特恩布尔共同会见记者"
    assert a.paragraphs[0].startswith("本报堪培拉3月24日电（记者焦翔、李锋、鲍捷）当地时间3月24日中午")
    assert [(b.role, b.names, b.outlet) for b in a.bylines] == [("记者", ["焦翔", "李锋", "鲍捷"], "本报")]
    assert len(a.paragraphs) == 5


def test_a_word_that_a_jump_line_cuts_off_ends_the_paragraph_and_names_no_one():
    # …对存在问题的整改 | 时限 | （下转第十一版）: 时限 reads like a name, but it is the end of the cut text
    picture, report = parse_text(read("rmrb-20170325-jump-cuts-a-word-wrapped.txt")).articles
    assert report.paragraphs[-1].endswith("对存在问题的整改时限")
    assert [b.names for b in report.bylines] == [["潘俊强"]]
    assert report.jumps == ["（下转第十一版）"]


def test_a_title_line_ending_in_le_is_not_the_first_half_of_the_paragraph_under_it():
    # “儿童督导员”“儿童主任”上线了 | 社区封控期间…: 了社区 also occurs on the page (当了社区民警), which is no
    # evidence of a word cut across the break after a particle that closes a title
    first = parse_text(read("xinmin-20220402-title-ending-in-le-lines.txt")).articles[0]
    title = [x for x in (first.kicker, first.headline, *first.subheadlines) if x]
    assert title == ["成人感染被转运，孩子谁来照顾？", "“儿童督导员”“儿童主任”上线了"]
    assert first.paragraphs[0].startswith("社区封控期间，需要加强对特殊人群的关心照顾。")


def test_a_lead_cut_by_a_column_break_after_a_wide_gap_is_joined_not_taken_for_a_title():
    # a body printed before its title starts after a wide gap; its first paragraph, cut mid-word
    # (农机专业合作 | 社院内), is text, and 图片报道 after the line holding a space is its title
    report, picture = parse_text(read("rmrb-20170325-lead-cut-title-after-lines.txt")).articles
    assert picture.headline == "图片报道"
    assert picture.paragraphs[0] == "3月24日，在黑龙江哈尔滨市双城区东官农业农机专业合作社院内，维修工人在检修农机具。"
    assert len(picture.paragraphs) == 2 and picture.source == "人民网"
    assert report.headline == "国办转发《中国传统工艺振兴计划》" and len(report.paragraphs) == 5


def test_the_text_under_a_part_head_after_a_signed_part_goes_on_with_the_report():
    # 本报记者 江跃中 通讯员 孙志勤 / 宝山区 “九宫格+六个组”为小区托底 / text … / 本报记者 郭剑烽: one report in
    # signed parts; the caption and the list under it are the report's, not the title of its last part
    (a,) = parse_text(read("xinmin-20220402-signed-parts-lines.txt")).articles
    assert "浦西首日封控检测“动静有序”" in (a.kicker, a.headline)
    k = a.paragraphs.index("宝山区 “九宫格+六个组”为小区托底")
    assert a.paragraphs[k + 1].startswith("宝山区友谊路街道有38个居民区")
    assert ["郭剑烽"] in [b.names for b in a.bylines]
    assert a.captions == ["快速投递组"] and [t.title for t in a.tables] == ["附：5项名单"]


def test_a_short_first_half_opening_as_reported_speech_is_joined():
    # 王勇指出，近年来各有关方面认真落实 | 党中央、国务院决策部署…: who speaks, a comma and more is a sentence
    (a,) = parse_text(read("rmrb-20170325-reported-speech-cut-lines.txt")).articles
    assert a.paragraphs[1].startswith("王勇指出，近年来各有关方面认真落实党中央、国务院决策部署")
    assert len(a.paragraphs) == 3


def test_a_question_after_a_colon_closing_the_text_is_text_not_a_kicker():
    # 还是那句话：冬天已到，春天还会远吗？ ends the report; the title under it heads the next article alone
    first, second = parse_text(read("xinmin-20220402-closing-question-lines.txt")).articles
    assert first.paragraphs[-1] == "还是那句话：冬天已到，春天还会远吗？"
    assert len(first.paragraphs) == 32
    assert (second.kicker, second.headline) == (None, "“政策底”已现 “市场底”还有待夯实")
    assert len(second.paragraphs) == 6



def test_the_author_and_post_under_the_text_with_nothing_under_them_stay_in_the_text():
    # 高晓东（复旦大学附属中山医院感染管理科副科长、…委员） signs the advice above it: text, not a caption
    advice, report = parse_text(read("xinmin-20220401-author-with-post-lines.txt")).articles
    assert advice.paragraphs[-1].startswith("高晓东（复旦大学附属中山医院感染管理科副科长")
    assert len(advice.paragraphs) == 6 and not advice.captions
    assert report.headline == "今晨上海的动与静"


def test_a_report_in_signed_parts_headed_alike_stays_one_article():
    # 秦岭之巅桃花雪 / 本报记者 姜 峰摄影报道 / text / 太行花开尽烂漫 / 本报记者 于 洋 / text: the second part is
    # headed like the first, one blank line under the text; the first head goes back from the title to the text
    report, swans = parse_text(read("rmrb-20170325-report-in-signed-parts-lines.txt")).articles
    assert (report.kicker, report.headline, report.subheadlines) == (
        "乍暖还寒的初春", "春雨化雪 归雁啄新泥（美丽中国）", [])
    assert report.paragraphs[0] == "秦岭之巅桃花雪" and report.paragraphs[3] == "太行花开尽烂漫"
    assert len(report.paragraphs) == 6
    assert [b.names for b in report.bylines] == [["姜峰"], ["于洋"]]
    assert swans.headline == "生态美如画 天鹅来做客"



def test_a_first_half_stopping_on_a_comma_under_a_title_is_joined():
    # …天坑群 新地质遗迹 … / 作为特殊喀斯特地貌， | 天坑令人神往…: no title line stops on a comma or just after one
    (a,) = parse_text(read("rmrb-20170325-title-then-cut-after-comma-lines.txt")).articles
    assert a.subheadlines == []
    assert a.paragraphs[0].startswith("作为特殊喀斯特地貌，天坑令人神往。")


def test_a_wrapped_first_line_padded_past_the_column_still_shows_the_width():
    # 　　本报北京3月24日电␣␣ + padding / （记者杜海涛）记者从国家粮食 / 局获悉…: the line, its own spaces and the
    # dump's padding reach past the column; the paragraph runs on
    _, grain = parse_text(read("rmrb-20170325-padded-dateline-wrapped.txt")).articles
    assert grain.headline == "今年继续深化玉米等收储制度改革"
    (para,) = grain.paragraphs
    assert para.startswith("本报北京3月24日电（记者杜海涛）记者从国家粮食局获悉：今年我国将继续坚持市场定价")
    assert [b.names for b in grain.bylines] == [["杜海涛"]] and grain.jumps == ["（下转第六版）"]


def test_a_dateline_opening_with_ju_is_text_not_a_source_line():
    # 　　据新华社澳门3月24日电␣␣ / (column break) / （记者杨懿）为纪念…: a dateline, however short, opens the text
    _, macao = parse_text(read("rmrb-20170325-xinhua-dateline-cut-wrapped.txt")).articles
    assert macao.paragraphs[0].startswith("据新华社澳门3月24日电（记者杨懿）为纪念《澳门特别行政区基本法》")
    assert [b.names for b in macao.bylines] == [["杨懿"]]


def test_a_column_break_inside_a_quotation_is_joined_even_after_a_full_stop():
    # “…很危险。 | 能不能快点来帮我们开下门！”: the quotation opened above closes below
    (a,) = parse_text(read("xinmin-20220402-quote-across-break-wrapped.txt")).articles
    assert a.paragraphs[0].endswith("快烧干了，很危险。能不能快点来帮我们开下门！”")
    assert a.headline == "下楼做核酸，129人忘带钥匙"


def test_a_first_half_holding_a_space_and_stopping_on_a_comma_is_no_kicker_and_headline():
    # 实施细则明确，…公文流转程序 （含电子办公系统）中增加公开属性审查环节， | 并提出具体操作规定，…
    _, anhui = parse_text(read("rmrb-20170325-spaced-first-half-lines.txt")).articles
    assert (anhui.kicker, anhui.headline) == ("安 徽", "政务公开划出“硬杠杠”")
    assert len(anhui.paragraphs) == 3
    assert anhui.paragraphs[1].endswith("增加公开属性审查环节，并提出具体操作规定，拟制公文时要明确主动公开、依申请公开、"
                                        "不予公开等属性，随公文一并报批，拟不公开的，要依法依规说明理由。")


def _joined(name: str, end: str) -> str:
    """The first half of a cut paragraph in a fixture (the line ending with ``end``) and the line under it."""
    blocks = [b for b in read(name).split("\n\n") if b.strip()]
    k = next(x for x, b in enumerate(blocks) if b.strip().endswith(end))
    return blocks[k].strip() + blocks[k + 1].strip()


def paragraphs_of(name: str) -> list[str]:
    return [p for a in parse_text(read(name)).articles for p in a.paragraphs]


def test_a_first_half_ending_inside_a_book_title_is_joined():
    name = "xinmin-20220401-cut-open-book-title-lines.txt"  # …鲁秀珍担任了《 | 北方文学》副主编
    assert _joined(name, "担任了《") in paragraphs_of(name)


def test_a_first_half_ending_on_a_numeral_and_measure_word_is_joined():
    name = "xinmin-20220401-cut-after-measure-word-lines.txt"  # …派出所的一名 | 社区民警。
    assert _joined(name, "派出所的一名") in paragraphs_of(name)


def test_a_dash_cut_in_two_by_a_column_break_is_joined():
    name = "xinmin-20220402-dash-cut-in-two-lines.txt"  # …他就动起了脑筋— | —能不能发明…
    assert _joined(name, "动起了脑筋—") in paragraphs_of(name)


def test_a_dateline_alone_with_its_reporters_is_joined_to_the_text_under_it():
    name = "rmrb-20170325-dateline-alone-lines.txt"  # 本报电  （记者刘毅） | 亚洲最大规模…
    (a,) = parse_text(read(name)).articles
    assert a.paragraphs[0] == _joined(name, "（记者刘毅）")
    assert [b.names for b in a.bylines] == [["刘毅"]]


def test_a_sentence_going_on_after_the_word_reporter_is_no_signature():
    # …（记者刘志强）记者从交通运 | 输部获悉：…: 从交通运 names no one, so the line is not a signed end
    name = "rmrb-20170325-false-signature-lines.txt"
    assert _joined(name, "记者从交通运") in paragraphs_of(name)


def test_a_first_half_opening_with_a_time_clause_is_joined():
    name = "xinmin-20220402-cut-after-time-clause-lines.txt"  # 会上，各方来宾围绕阿富汗 | 局势向稳、…
    assert _joined(name, "会上，各方来宾围绕阿富汗") in paragraphs_of(name)


def test_a_first_half_ending_on_a_dash_inside_brackets_is_joined():
    name = "rmrb-20170325-cut-inside-brackets-lines.txt"  # …发展规划（2014— | 2020年）》…
    assert _joined(name, "发展规划（2014—") in paragraphs_of(name)


def test_a_second_half_ending_on_a_colon_is_text():
    name = "xinmin-20220402-second-half-ends-on-colon-lines.txt"  # …将政 | 策底变成真正的市场底，…如下几点：
    assert _joined(name, "要走出这个底部区间，将政") in paragraphs_of(name)


def test_a_part_head_over_a_sentence_that_explains_it_stays_in_the_text():
    # 达到世界级地质遗迹标准 / 具有较高科研价值，填补了岩溶地质研究空白: the line under the head is a sentence.
    (a,) = parse_text(read("rmrb-20170325-part-head-over-sentence-lines.txt")).articles
    assert "达到世界级地质遗迹标准" in a.paragraphs
    assert "具有较高科研价值，填补了岩溶地质研究空白" in a.paragraphs


def test_a_first_half_holding_a_space_and_stopping_one_character_after_a_comma_is_no_title():
    # the same paragraph cut one character later: …审查环节，并 | 提出具体操作规定，…
    text = read("rmrb-20170325-spaced-first-half-lines.txt").replace("审查环节，\n\n并提出", "审查环节，并\n\n提出")
    assert "审查环节，并\n\n提出" in text
    _, anhui = parse_text(text).articles
    assert (anhui.kicker, anhui.headline) == ("安 徽", "政务公开划出“硬杠杠”")
    assert len(anhui.paragraphs) == 3
    assert "增加公开属性审查环节，并提出具体操作规定" in anhui.paragraphs[1]


def test_a_picture_story_lead_cut_mid_word_after_a_wide_gap_is_joined_not_a_title():
    # 3月27日“世界戏剧日”到来之际，…进校园活 | 动，通过…: the text of a picture story printed before its title
    arts = parse_text(read("rmrb-20170325-picture-story-lead-cut-lines.txt")).articles
    assert [a.headline for a in arts] == ["上海 家庭医生“诊治”看病难", "感受国粹"]
    assert arts[1].paragraphs == ["3月27日“世界戏剧日”到来之际，河北各地举行丰富多彩的传统戏曲进校园活动，通过亲手绘制脸谱、"
                                  "观看并体验戏曲表演等，让孩子们感受国粹的魅力。图为3月24日，河北邯郸渚河路小学的孩子们正在近距离"
                                  "观赏戏曲表演。"]


def test_a_caption_cut_under_a_picture_story_title_is_joined_not_a_headline():
    # 图片报道 / 在全国六大中心渔港之一的浙江象 | 山县石浦渔港，…: the caption, cut by a column break
    (a,) = parse_text(read("rmrb-20170325-picture-story-caption-cut-lines.txt")).articles
    assert (a.kicker, a.headline) == (None, "图片报道")
    assert len(a.paragraphs) == 1 and a.paragraphs[0].startswith("在全国六大中心渔港之一的浙江象山县石浦渔港，")
    assert [b.names for b in a.bylines] == [["顾春", "蒋勇"]]


def test_a_title_over_a_part_number_heads_the_text_under_it_not_the_text_above():
    # …text / 贾飞黄 / ␣ / 春困不觉晓（半日闲谭） / 侨乡楼语 / 陈志泽 / 一 / 在泉州…: the title after its body
    # is the first line only; 侨乡楼语 heads the text that opens with part 一
    arts = parse_text(read("rmrb-20170325-title-after-body-then-part-number-lines.txt")).articles
    assert [a.headline for a in arts] == ["春困不觉晓（半日闲谭）", "侨乡楼语"]
    assert [b.names for b in arts[0].bylines] == [["贾飞黄"]]
    assert [b.names for b in arts[1].bylines] == [["陈志泽"]]
    assert arts[1].paragraphs[0] == "一"


def test_a_second_half_opening_on_de_finishes_the_line_above():
    # 良好的水质、丰富的食物、没有人为干扰 | 的环境，是吸引天鹅栖息的重要因素。…: 的 opens no sentence
    (a,) = parse_text(read("rmrb-20170325-second-half-opens-on-de-lines.txt")).articles
    assert len(a.paragraphs) == 2
    assert a.paragraphs[1].startswith("良好的水质、丰富的食物、没有人为干扰的环境，是吸引天鹅栖息")


def test_a_short_first_half_holding_a_full_stop_and_an_open_quote_is_joined():
    # “安全是首要的。工程 | 安全、院感防控、人员安全，…: a sentence and a half, its quotation still open
    (a,) = parse_text(read("xinmin-20220402-short-first-half-with-full-stop-lines.txt")).articles
    assert len(a.paragraphs) == 3
    assert a.paragraphs[1].startswith("“安全是首要的。工程安全、院感防控、人员安全，")


def test_a_lead_opening_on_a_circumstance_and_cut_under_a_one_word_head_is_joined():
    # 春天茶事 / 采药 / 按照原定计划，此时我应该在某处高山 | 茶园，…
    (a,) = parse_text(read("xinmin-20220402-lead-cut-under-one-word-head-lines.txt")).articles
    assert (a.kicker, a.headline, a.subheadlines) == (None, "春天茶事", [])
    assert a.paragraphs[0] == "采药"
    assert a.paragraphs[1].startswith("按照原定计划，此时我应该在某处高山茶园，体验清明前采摘新茶。")


def test_a_lead_opening_on_a_time_word_and_cut_under_the_title_is_joined():
    # 这两天，安徽黄山屯溪吸引了 | 世界目光。…
    (a,) = parse_text(read("xinmin-20220401-lead-cut-after-time-word-lines.txt")).articles
    assert a.paragraphs[0].startswith("这两天，安徽黄山屯溪吸引了世界目光。")
    assert "这两天，安徽黄山屯溪吸引了" not in [a.kicker, a.headline, *a.subheadlines]


def test_a_marked_lead_cut_under_the_title_is_text_not_a_subheadline():
    # █环保执法监管不严，…，可以给一个地方带来 | 一时漂亮的GDP数据，…: █ marks a lead, not a head
    (a,) = parse_text(read("rmrb-20170325-marked-lead-cut-lines.txt")).articles
    assert a.subheadlines == []
    assert a.paragraphs[0].startswith("█环保执法监管不严，") and "带来一时漂亮的GDP数据" in a.paragraphs[0]


def test_an_author_under_a_text_awaiting_its_title_signs_it_and_the_marked_title_follows():
    # …不建议无医嘱下服用预防药物。 / 高晓东（…委员） / 据央视新闻 / ␣ / 居家生活中的防控细节
    arts = parse_text(read("xinmin-20220401-author-then-title-after-body-lines.txt")).articles
    assert [a.headline for a in arts] == ["捣烂凤鲚制玉饼", "居家生活中的防控细节"]
    assert arts[1].paragraphs[0].startswith("近期上海市新冠病毒疫情防控形势严峻，疫情下没有旁观者，")
    assert arts[1].paragraphs[-1].startswith("高晓东（复旦大学附属中山医院")
    assert arts[1].source == "央视新闻" and arts[1].captions == []


def test_a_cut_paragraph_whose_second_half_ends_on_a_colon_is_no_kicker_and_headline():
    # …条件相配合，这 | 些条件不外乎如下几点：: a clause pair over a line with none, but a cut, not a title
    arts = parse_text(read("xinmin-20220402-cut-pair-over-colon-lines.txt")).articles
    assert [a.headline for a in arts] == ["“政策底”已现 “市场底”还有待夯实"]
