"""A picture story printed one blank line under a report that was signed at its top: its title, one or two
paragraphs and the photo credit are an article of their own, not the last part of the report."""

from banmian import parse_text

REPORT = """光伏村里算收益

减排又赚钱 村民笑开颜

单宋佳 邵亚波

李岙村位于四明山区，这里光照十分充足，全年平均每天都有超过5小时的光照时间。

2015年12月，全村344户屋顶上都安装了光伏板，分布式光伏小电站正式发电并网。

村委会主任介绍，这些电全额卖给国家电网，村集体一年可以获得35万元纯收益。
"""


def test_a_lone_head_over_a_paragraph_and_a_photo_credit_under_an_unsigned_report_is_a_picture_story():
    story = "湖北省保康县一家渔业合作社发展立体生态养鱼，每年带动社员户均增收5万元以上。"
    text = REPORT + f"\n水美鱼肥\n\n{story}\n\n人民视觉\n"
    report, picture = parse_text(text).articles
    assert report.headline == "减排又赚钱 村民笑开颜"
    assert len(report.paragraphs) == 3
    assert (picture.headline, picture.paragraphs) == ("水美鱼肥", [story])
    assert [c.text for c in picture.credits] == ["人民视觉"]


def test_a_report_in_parts_keeps_its_last_part_with_its_picture_credit():
    parts = REPORT.replace("\n2015年12月", "\n光伏进村\n\n2015年12月").replace("\n村委会主任", "\n收益到户\n\n村委会主任")
    (report,) = parse_text(parts + "\n人民视觉\n").articles
    assert report.paragraphs[1] == "光伏进村" and report.paragraphs[3] == "收益到户"
    assert [c.text for c in report.credits] == ["人民视觉"]
