"""Under a picture story's credit, a line set off by a wide gap over a title and a report that a jump line cuts
right after its dateline: with so little text below, the line is the next article's kicker unless it speaks of
the picture above, as a caption does (synthetic text after a real page)."""

from banmian import parse_text

PICTURE = ("4月21日，江苏苏宁队球员与广州富力队球员拼抢。当日，在中超联赛第六轮比赛中，江苏苏宁队主场以1∶2负于广州富力队，"
           "广州富力队继续领跑中超积分榜。")


def page(line: str) -> str:
    return (f"中超第六轮打响\n\n广州富力继续领跑\n\n{PICTURE}\n\n新华社记者 杨 磊摄\n\n\n{line}\n\n"
            "皇马对马竞 摩纳哥碰尤文\n\n据新华社巴黎4月21日电  （记者苏斌）20\n（下转第十三版）\n")


def test_a_line_foreign_to_the_picture_above_is_the_kicker_of_the_jumped_report():
    picture, report = parse_text(page("欧冠半决赛对阵揭晓")).articles
    assert picture.captions == []
    assert (report.kicker, report.headline) == ("欧冠半决赛对阵揭晓", "皇马对马竞 摩纳哥碰尤文")


def test_a_line_speaking_of_the_picture_above_is_its_caption():
    picture, report = parse_text(page("广州富力队球员在比赛中拼抢")).articles
    assert picture.captions == ["广州富力队球员在比赛中拼抢"]
    assert (report.kicker, report.headline) == (None, "皇马对马竞 摩纳哥碰尤文")
