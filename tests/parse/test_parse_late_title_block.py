"""A title block of two lines one blank line under a report that has run four paragraphs or more without a
part head, sharing no word with that report and over text that speaks of something else, heads the next
article (synthetic text after a real page: a report on a court case, then 城市发展指数报告发布 / 排出十个…)."""

from banmian import parse_text

REPORT = [
    "3月28日，清镇市人民法院生态保护法庭办结了一起由省政府提起的生态环境损害赔偿案件。",
    "本案涉及的两家化工企业在息烽县非法倾倒工业废渣，造成当地土壤和地下水受到污染。",
    "在法庭的支持下，省律师协会作为第三方，组织省政府与两家企业进行磋商并达成协议。",
    "根据试点方案规定，省级人民政府是生态环境损害赔偿权利人，可以指定部门开展工作。",
    "环保厅负责人认为，此次通过具体案例找出难题，寻求解决方案，推动了试点工作取得突破。",
]
OTHER = [
    "国际著名咨询机构与清华大学合作的研究计划近日发布报告，汇集了185个地级市长达9年的大数据。",
    "报告显示，大多数中国城市的综合水平都在稳步提高，带来整体水平变化的主要因素是社会民生改善。",
]


def page(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


def test_a_two_line_title_block_foreign_to_a_long_unheaded_report_heads_the_next_article():
    text = page("破解权利人主体资格受限难题", "郝迎灿 梁瀚泽", *REPORT, "2016城市发展指数报告发布", "排出十个表现好的城市", *OTHER,
                "本报记者 孙秀艳")
    first, second = parse_text(text).articles
    assert first.paragraphs == REPORT
    assert (second.kicker, second.headline, second.paragraphs) == ("2016城市发展指数报告发布", "排出十个表现好的城市", OTHER)


def test_a_two_line_part_head_of_the_report_stays_in_it():
    text = page("破解权利人主体资格受限难题", "郝迎灿 梁瀚泽", *REPORT[:4], "磋商达成协议", "两家企业承担修复责任",
                "两家企业提出生态环境损害修复方案，经省环保厅同意后组织实施，修复费用由企业承担。")
    (a,) = parse_text(text).articles
    assert a.paragraphs[4:6] == ["磋商达成协议", "两家企业承担修复责任"]
