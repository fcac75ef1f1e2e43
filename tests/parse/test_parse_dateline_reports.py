"""A news report that opens with a dateline runs on without part heads: a head one blank line under one, over
text that speaks of something else, is the next article's title (one-paragraph-a-line dumps). Real text
from the corpus' dev pages (人民日报 2017-03-25)."""

from banmian import parse_text

W1 = ("新华社北京3月24日电  国务院安委会24日召开危险化学品安全综合治理电视电话专题会议，国务委员、国务院安委会副主任"
      "王勇出席会议并讲话。")
W2 = ("王勇指出，近年来各有关方面认真落实党中央、国务院决策部署，不断强化安全红线意识，持续加大工作力度，危化品安全生产"
      "取得积极成效。")
W3 = ("王勇强调，各地区、各部门和相关企事业单位要坚决贯彻党中央、国务院的决策部署，严格落实《危险化学品安全综合治理方案》，"
      "加强组织领导，狠抓责任落实，强化督促考核，完善长效机制，坚决打好打赢综合治理攻坚战。")
C1 = ("农业“四季歌”，今年大不同。贯彻落实党中央、国务院决策部署，铆住需求侧，“绣花”供给侧，今年的春季农业生产深深地"
      "打上了农业供给侧结构性改革烙印，是一场不同凡响的春耕。")
C2 = ("农业部部长韩长赋在接受本报记者专访时表示，今年的春耕春播着力“四推进一稳定”，就是推进结构调整，改善农产品供求"
      "关系；推进绿色发展，缓解资源环境压力。")
Z1 = ("本报堪培拉3月24日电 （记者焦翔、李锋、鲍捷）当地时间3月24日上午，国务院总理李克强在堪培拉议会大厦同澳大利亚总理"
      "特恩布尔举行第五轮中澳总理年度会晤。")
Z2 = "会晤后，两国总理共同见证中澳经贸、创新、农业、食品、知识产权、执法安全、旅游、教育等多项双边合作文件的签署。"
Y1 = ("“从成员规模上来看，亚投行已经成为仅次于世界银行的全球第二大多边开发机构”、亚投行“唱响了全球经济治理体系的改革"
      "之歌”……3月23日，由中国倡议成立的亚洲基础设施投资银行在北京宣布，批准13个新意向成员的加入申请。")


def page(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


def test_a_two_line_title_under_a_dateline_report_heads_the_next_article():
    arts = parse_text(page("王勇在危化品安全综治专题会上强调", "促进安全生产形势持续稳定好转", W1, W2,
                           "铆住需求端，“绣花”供给侧", "今年春耕不一样", C1, C2)).articles
    assert [a.headline for a in arts] == ["促进安全生产形势持续稳定好转", "今年春耕不一样"]
    assert arts[0].paragraphs == [W1, W2]
    assert arts[1].kicker == "铆住需求端，“绣花”供给侧"
    assert arts[1].paragraphs == [C1, C2]


def test_a_one_line_title_under_a_dateline_report_heads_the_next_article():
    arts = parse_text(page("李克强同澳大利亚总理特恩布尔举行第五轮中澳总理年度会晤", Z1, Z2,
                           "国际舆论热议亚投行扩大朋友圈", Y1)).articles
    assert [a.headline for a in arts] == ["李克强同澳大利亚总理特恩布尔举行第五轮中澳总理年度会晤", "国际舆论热议亚投行扩大朋友圈"]
    assert arts[1].paragraphs == [Y1]


def test_a_head_in_a_report_without_a_dateline_stays_a_part_head():
    # without a dateline opening the text, a head over the report's own words is a part head, as before
    head = "危化品安全管理仍存在薄弱环节"
    more = "王勇强调，各地区、各部门和相关企事业单位要坚决贯彻党中央、国务院决策部署，强化安全红线意识，加大工作力度。"
    (a,) = parse_text(page("促进安全生产形势持续稳定好转", W2, head, more)).articles
    assert a.paragraphs == [W2, head, more]


def test_under_a_dateline_report_a_cut_line_is_no_title():
    # one line with a pause inside, or ending on a post and a name, is the first half of a cut sentence
    for first, second in (("继续通过加强产供销衔接和市场信息发布、支持加工业发展", "等措施，引导企业收购。"),
                          ("省广播电视台台长王建国", "与来访的外国电视台代表签署了合作协议。")):
        arts = parse_text(page("今年继续深化玉米等收储制度改革", Z1, first, second)).articles
        assert len(arts) == 1


def test_a_title_like_cut_line_in_a_dateline_report_going_on_with_its_words_is_joined():
    # no cue of its own: stops on a whole word, no comma; but the report holds no part heads, and the text under
    # it goes on with the report's words
    first = "王勇在国务院安委会召开的危险化学品安全综合治理电视电话"
    second = "专题会议上说，要全面排查危化品安全风险，强化安全红线意识，持续加大工作力度。"
    (a,) = parse_text(page("促进安全生产形势持续稳定好转", W1, first, second, W2)).articles
    assert a.paragraphs == [W1, first + second, W2]


def test_a_two_line_title_may_share_a_few_more_words_with_the_report_above():
    # the report's third paragraph shares 党中央、国务院…决策部署 with the new article's lead: a two-line title block
    # is no pair of cut lines, so the text under it may share up to a fifth of its words with the report
    arts = parse_text(page("王勇在危化品安全综治专题会上强调", "促进安全生产形势持续稳定好转", W1, W2, W3,
                           "铆住需求端，“绣花”供给侧", "今年春耕不一样", C1, C2)).articles
    assert [a.headline for a in arts] == ["促进安全生产形势持续稳定好转", "今年春耕不一样"]
    assert arts[0].paragraphs == [W1, W2, W3]


def test_a_title_over_a_dateline_that_a_jump_line_cut_heads_an_article():
    # (under a text that opens with no dateline: the head is told by the dateline under it, cut before its 电)
    arts = parse_text(page("今年春耕不一样", C1, C2, "坦桑尼亚总统会见郭金龙", "新华社达累斯萨拉姆3月24日\n（下转第四版）")).articles
    assert [a.headline for a in arts] == ["今年春耕不一样", "坦桑尼亚总统会见郭金龙"]
    assert arts[1].jumps == ["（下转第四版）"]
