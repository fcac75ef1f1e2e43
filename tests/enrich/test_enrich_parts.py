"""The enrichment components one by one, on real sentences from People's Daily and other papers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banmian.enrich import ArticleText, cut, enrich_page, plan
from banmian.enrich.dates import extract_dates
from banmian.enrich.numbers import chinese_to_int, parse_number
from banmian.enrich.people import split_title, titles_before
from banmian.enrich.quantities import extract_quantities
from banmian.enrich.terms import extract_terms, keyword_candidate
from banmian.errors import InputError
from banmian.model import Article, Page


def article_text(*paragraphs: str, headline: str = "", date: str | None = "2017-04-22") -> ArticleText:
    page = Page(date=date, articles=[Article(headline=headline, paragraphs=list(paragraphs))])
    from banmian.enrich import page_date

    return ArticleText(page.articles[0], page_date(page))


@pytest.mark.parametrize("text, value", [
    ("一千三百", 1300), ("十四", 14), ("二〇二四", 2024), ("三万五千", 35000), ("三亿五千万", 350_000_000),
    ("一万亿", 10**12), ("一百零五", 105), ("两千", 2000), ("1.5万", 15000), ("20亿", 2_000_000_000),
    ("1,300", 1300), ("３００", 300), ("0.5", 0.5),
])
def test_numbers(text, value):
    assert parse_number(text) == value


def test_not_numbers():
    assert parse_number("") is None and parse_number("abc") is None and chinese_to_int("两会") is None


def dates_of(*paragraphs, date="2017-04-22"):
    return {d["text"]: d for d in extract_dates(article_text(*paragraphs, date=date))}


def test_dates_in_datelines_and_relative_words():
    d = dates_of("本报北京4月21日电  （记者姜波）外交部发言人陆慷21日在例行记者会上表示，昨晚已通知。")
    assert d["4月21日"]["value"] == "2017-04-21"
    assert d["21日"]["value"] == "2017-04-21" and d["21日"]["month_inferred"] is True
    assert d["昨晚"]["value"] == "2017-04-21" and d["昨晚"]["part_of_day"] == "晚上"


def test_dates_of_periods():
    d = dates_of("去年上半年，2016年第四季度，2014年3月，今年一季度，本月，2020年底，二〇一六年十月一日")
    assert d["去年上半年"]["value"] == "2016-H1"
    assert d["2016年第四季度"]["value"] == "2016-Q4"
    assert d["2014年3月"]["value"] == "2014-03" and d["2014年3月"]["granularity"] == "month"
    assert d["今年一季度"]["value"] == "2017-Q1"
    assert d["本月"]["value"] == "2017-04"
    assert d["2020年底"]["value"] == "2020" and d["2020年底"]["part_of_year"] == "end"
    assert d["二〇一六年十月一日"]["value"] == "2016-10-01"


def test_year_inferred_across_new_year():
    # A page of 5 January speaks of 28 December: last year's, not this year's.
    d = dates_of("12月28日，会议召开。", date="2024-01-05")
    assert d["12月28日"]["value"] == "2023-12-28" and d["12月28日"]["year_inferred"] is True


def test_year_from_the_sentence_before_the_page():
    d = extract_dates(article_text("2016年7月，项目启动，11月5日竣工。3月1日又开工。2015年一季度增长，二季度下降。"))
    got = {x["text"]: (x["value"], x.get("year_from")) for x in d}
    assert got["11月5日"] == ("2016-11-05", "context")
    assert got["3月1日"] == ("2017-03-01", "page_date")  # a new sentence: the page's year
    assert got["二季度"] == ("2015-Q2", "context")
    assert got["2016年7月"] == ("2016-07", None)
    d = extract_dates(article_text("5月1日至3日举行。2016年10月4日到6日举办。"))
    got = {x["text"]: (x["value"], x.get("year_from")) for x in d}
    assert got["3日"] == ("2017-05-03", "context") and got["6日"] == ("2016-10-06", "context")


def test_dates_without_page_date_keep_text_and_no_value():
    d = dates_of("昨天，3月12日下午，2019年", date=None)
    assert d["昨天"]["value"] is None and d["3月12日下午"]["value"] is None
    assert d["2019年"]["value"] == "2019"


def test_impossible_dates_are_dropped():
    assert "13月5日" not in dates_of("13月5日") and "2月30日" not in dates_of("2月30日")


def quantities_of(*paragraphs):
    text = article_text(*paragraphs)
    return {q["text"]: q for q in extract_quantities(text, extract_dates(text))}


def test_quantities_units_multipliers_and_marks():
    q = quantities_of("造成至少6人死亡，数千名撤离人员，近2000万人，大约30万人，投资3~5万元，四五岁的孩子，"
                      "高达1.2万亿元，增长8.2%，下降0.3个百分点，占地500平方公里。")
    assert q["6人"]["value"] == 6
    assert q["数千名"]["value"] == 1000 and q["数千名"]["approx"] == "several"
    assert q["近2000万人"]["value"] == 20_000_000 and q["近2000万人"]["approx"] == "nearly"
    assert q["大约30万人"]["approx"] == "about"
    assert (q["3~5万元"]["value"], q["3~5万元"]["max"]) == (30000, 50000)
    assert (q["四五岁"]["value"], q["四五岁"]["max"]) == (4, 5)
    assert q["1.2万亿元"]["value"] == 1_200_000_000_000
    assert q["8.2%"]["value"] == 8.2
    assert q["0.3个百分点"]["unit"] == "个百分点"
    assert q["500平方公里"]["unit"] == "平方公里"


def test_loose_ranges_and_counting_words():
    q = quantities_of("四五十岁的人，七八千元，人数52%以上，数十位，上千亩。")
    assert (q["四五十岁"]["value"], q["四五十岁"]["max"]) == (40, 50)
    assert (q["七八千元"]["value"], q["七八千元"]["max"]) == (7000, 8000)
    assert q["52%以上"]["approx"] == "over"  # 人数 is a word, not 数 "several"
    assert (q["数十位"]["value"], q["数十位"]["approx"]) == (10, "several")
    assert (q["上千亩"]["value"], q["上千亩"]["approx"]) == (1000, "over")


def test_not_quantities():
    q = quantities_of("第八批基地，千家万户，一个确立，2019年，3月12日，“33618”体系，80年代，十四届全国人大。")
    assert q == {}


def test_terms_are_short_quotations_not_speech():
    text = article_text("做大做强“33618”现代制造业集群体系，“两个确立”，又说“两个确立”。",
                        "“通过新建生产线，我们希望能在医疗领域推动深入研发。”刘易海说。“矛”与“盾”。",
                        headline="“重庆造”人工心脏再上新")
    terms = {t["text"]: t for t in extract_terms(text)}
    assert set(terms) == {"33618", "两个确立", "重庆造"}
    assert terms["两个确立"]["count"] == 2
    text = article_text("共建“一带一路”，一带一路倡议。", headline="“一带一路”建设")
    (term,) = extract_terms(text)
    assert (term["text"], term["count"], term["mentions"]) == ("一带一路", 2, 3)
    assert terms["重庆造"]["paragraph"] == -1 and terms["重庆造"]["start"] == 1


def test_keyword_filter():
    assert keyword_candidate("人工心脏") and keyword_candidate("EVA")
    assert not any(map(keyword_candidate, ["我们", "，", "2019", "三万", "余万元", "的", "进行", "云是", "李志伟摄"]))


def words(text):
    out, pos = [], 0
    for w in cut(text):
        out.append((w, pos, pos + len(w)))
        pos += len(w)
    return out


@pytest.mark.parametrize("text, name, titles", [
    ("当地时间3月24日上午，国务院总理李克强在堪培拉议会大厦同澳大利亚总理特恩布尔举行会晤。", "李克强", ["国务院总理"]),
    ("当地时间3月24日上午，国务院总理李克强在堪培拉议会大厦同澳大利亚总理特恩布尔举行会晤。", "特恩布尔", ["澳大利亚总理"]),
    ("本报北京4月21日电  （记者姜波）外交部发言人陆慷21日在例行记者会上表示。", "陆慷", ["外交部发言人"]),
    ("国家体育总局群体司副司长邱汝21日在北京介绍。", "邱汝", ["国家体育总局群体司副司长"]),
    ("中共中央政治局常委、国务院副总理张高丽24日在海南博鳌会见。", "张高丽", ["中共中央政治局常委", "国务院副总理"]),
    ("国务院安委会24日召开会议，国务委员、国务院安委会副主任王勇出席会议并讲话。", "王勇", ["国务委员", "国务院安委会副主任"]),
    ("中国气象局气象探测中心副主任曹晓钟说。", "曹晓钟", ["中国气象局气象探测中心副主任"]),
    ("李克强与澳大利亚总理特恩布尔共同出席论坛。", "特恩布尔", ["澳大利亚总理"]),
    ("胡衡华、王炯、程丽华，李明清出席。", "王炯", []),
])
def test_titles_before_a_name(text, name, titles):
    start = text.index(name)
    others = [(text.index("李克强"), text.index("李克强") + 3)] if "李克强与" in text else []
    assert titles_before(text, start, words(text), _tags(), others) == titles


def _tags():
    from banmian.enrich.people import _tag_table

    return _tag_table()[1]


def test_split_title_from_a_span():
    assert split_title("习近平总书记") == ("习近平", [], ["总书记"])
    assert split_title("市委书记袁家军") == ("袁家军", ["市委书记"], [])
    assert split_title("袁家军同志") == ("袁家军", [], [])


def test_reporters_are_not_people():
    page = Page(date="2017-04-22", articles=[Article(
        headline="张德江会见普京",
        paragraphs=["新华社莫斯科4月21日电  （记者胡晓光、谭晶晶）全国人大常委会委员长张德江18日至20日赴俄。",
                    "张德江说，合作成果丰硕。本报记者  顾春摄", "新重庆-重庆日报记者 杨帆"],
    )])
    enrich_page(page)
    names = [p.name for p in page.articles[0].people]
    assert names == ["张德江"]
    assert page.articles[0].people[0].mentions == 3
    assert page.articles[0].people[0].titles == ["全国人大常委会委员长"]


def test_plan_pulls_in_what_a_component_needs():
    assert [c.name for c in plan(["quantities"])] == ["dates", "quantities"]
    assert [c.name for c in plan(["people"])] == ["entities", "people"]
    with pytest.raises(InputError):
        plan(["sentiment"])


def test_subset_leaves_other_fields_unset():
    page = Page(date="2024-03-13", articles=[Article(headline="标题", paragraphs=["昨天下午，20亿元。"])])
    enrich_page(page, components=["quantities"])
    a = page.articles[0]
    assert a.quantities[0]["value"] == 2_000_000_000 and a.dates[0]["value"] == "2024-03-12"
    assert a.people is None and a.entities is None and "people" not in a.to_dict()


def test_empty_and_odd_articles():
    page = Page(articles=[Article(), Article(headline="只有标题"), Article(paragraphs=["", "   ", "\u3000"])])
    enrich_page(page)
    for a in page.articles:
        assert a.people == [] and a.dates == [] and a.quantities == [] and a.terms == []
        assert isinstance(a.keywords, list) and isinstance(a.entities, list)


def test_long_paragraphs_stay_linear():
    # 60,000 characters in one paragraph: pairwise overlap checks would take minutes here.
    page = Page(date="2024-03-13", articles=[Article(headline="长文", paragraphs=["3月12日，投资20亿元。" * 5000])])
    enrich_page(page, components=["dates", "quantities", "terms", "keywords"])
    a = page.articles[0]
    assert len(a.dates) == 5000 and len(a.quantities) == 5000
    assert a.dates[-1]["start"] == 13 * 4999


def test_names_right_after_an_office_are_found_even_when_the_model_misses_them():
    page = Page(date="2017-04-22", articles=[Article(
        headline="会议", paragraphs=["国家体育总局群体司副司长邱汝21日在北京介绍，市委书记袁家军主持会议并讲话。"
                                   "主席台上，市长热线开通。"])])
    enrich_page(page)
    people = {p.name: p.titles for p in page.articles[0].people}
    assert people["邱汝"] == ["国家体育总局群体司副司长"]
    assert people["袁家军"] == ["市委书记"]
    assert "台上" not in people and "热线" not in people


def test_unit_prefixes_and_float_noise():
    q = quantities_of("500千瓦，10千伏，2.51亿元，千万不要，几十分钟，5千元。")
    assert (q["500千瓦"]["value"], q["500千瓦"]["unit"]) == (500, "千瓦")
    assert (q["10千伏"]["value"], q["10千伏"]["unit"]) == (10, "千伏")
    assert q["2.51亿元"]["value"] == 251_000_000
    assert q["几十分钟"]["approx"] == "several"
    assert q["5千元"]["value"] == 5000
    assert not any(t.startswith("千万") for t in q)


def test_titles_stop_at_other_people():
    page = Page(date="2017-04-22", articles=[Article(headline="会见", paragraphs=[
        "应俄罗斯联邦委员会主席马特维延科和国家杜马主席沃洛金的邀请，全国人大常委会副委员长兼秘书长王晨参加活动。"
        "国务委员兼国防部长常万全出席。"])])
    enrich_page(page)
    people = {p.name: p.titles for p in page.articles[0].people}
    assert people["马特维延科"] == ["俄罗斯联邦委员会主席"]
    assert people["沃洛金"] == ["国家杜马主席"]
    assert people["王晨"] == ["全国人大常委会副委员长兼秘书长"]
    assert people["常万全"] == ["国务委员兼国防部长"]


def test_banmian_enrich_stays_callable_after_submodule_imports():
    import banmian
    import banmian.enrich.dates  # noqa: F401  (rebinds the attribute banmian.enrich to the package)

    page = Page(date="2024-03-13", articles=[Article(headline="标题", paragraphs=["昨天，投资20亿元。"])])
    assert banmian.enrich(page, components=["quantities"]) is page
    assert page.articles[0].quantities[0]["value"] == 2_000_000_000


def test_attendance_lists():
    page = Page(date="2024-03-13", articles=[Article(headline="会议", paragraphs=[
        "会议由市长主持。胡衡华、王炯、程丽华出席。国务院、全国人大出席。市委、市政府领导参加。"])])
    enrich_page(page)
    assert [p.name for p in page.articles[0].people] == ["胡衡华", "王炯", "程丽华"]


def test_famous_names_are_not_ordinary_words_but_common_words_are():
    page = Page(date="2024-03-13", articles=[Article(headline="纪念", paragraphs=[
        "李大钊是中国共产主义运动的先驱，邓小平曾在这里工作。雷达站旁，丁香花开。"])])
    enrich_page(page)
    names = [p.name for p in page.articles[0].people]
    assert "李大钊" in names and "邓小平" in names
    assert "雷达" not in names and "丁香" not in names


_PIECES = ["记者", "王炯", "、", "，", "。", "3月12日", "昨天", "20亿元", "近", "多", "约", "“", "”", "两个确立", "（",
           "）", "书记", "市委书记袁家军", "同", "与", "说", "年", "月", "日", "万", "亿", "~", "—", " ", "\u3000", "特朗普",
           "·", "A", "1", "一", "十", "第", "国务院", "总理", "李克强", "出席", "等", "本报北京4月21日电"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join), max_size=4),
       st.sampled_from([None, "2024-03-13", "2017-01-01"]))
def test_any_text_enriches_consistently(paragraphs, date):
    page = Page(date=date, articles=[Article(headline="".join(paragraphs)[:20], paragraphs=paragraphs)])
    enrich_page(page)
    a = page.articles[0]
    for e in a.entities:
        source = a.headline if e.paragraph == -1 else a.paragraphs[e.paragraph]
        assert source[e.start:e.end] == e.text
    for item in a.dates + a.quantities:
        source = a.headline if item["paragraph"] == -1 else a.paragraphs[item["paragraph"]]
        assert source[item["start"]:item["end"]] == item["text"]
    names = [p.name for p in a.people]
    assert len(names) == len(set(names)) and all(p.mentions >= 1 for p in a.people)
