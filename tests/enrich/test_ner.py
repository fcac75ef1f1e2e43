"""The shipped NER model on real text: held-out news sentences, the seed page, gold-set regressions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from banmian.enrich import ner, ner_rules
from banmian.enrich.ner_corpus import read_bio, score, spans_to_tags, tags_to_spans

DATA = Path(__file__).resolve().parents[1] / "data"
SEED = DATA / "seed" / "000_e4fee7fd16952364.txt"


def found(text: str) -> set[tuple[str, str]]:
    return {(text[s:e], t) for s, e, t in ner.recognize(text)}


def test_title_then_name():
    assert ("袁家军", "PER") in found("市委书记袁家军主持会议并讲话。")


def test_spans_are_offsets_into_the_text():
    text = "”王磊说，那个春节，他基本没顾得上陪伴家人。北京实施清洁空气行动计划。"
    spans = ner.recognize(text)
    assert spans
    for start, end, kind in spans:
        assert 0 <= start < end <= len(text)
        assert kind in ner.TYPES
    assert (text.index("王磊"), text.index("王磊") + 2, "PER") in spans


def test_held_out_news_sentences():
    """Hand-labelled sentences from 人民日报 2017 articles (never in the training data)."""
    rows = [json.loads(line) for line in (DATA / "enrich" / "ner_sentences.jsonl").read_text("utf-8").splitlines()]
    gold, predicted = [], []
    for row in rows:
        text = row["text"]
        spans, pos = [], {}
        for name, kind in row["entities"]:
            start = text.index(name, pos.get(name, 0))
            pos[name] = start + len(name)
            spans.append((start, start + len(name), kind))
        gold.append(spans)
        predicted.append(ner.recognize(text))
    scores = score(gold, predicted)
    assert scores["ALL"].f1 >= 0.6, scores
    # sentences without names stay (almost) empty
    assert sum(len(p) for g, p in zip(gold, predicted, strict=True) if not g) <= 1


def test_seed_meeting_report_people():
    page = SEED.read_text(encoding="utf-8")
    paragraph = next(line for line in page.splitlines() if line.startswith("市委书记袁家军"))
    people = {name for name, kind in found(paragraph) if kind == "PER"}
    assert {"袁家军", "胡衡华", "王炯", "程丽华", "李明清"} <= people
    everything = {name for name, _ in found(page)}
    assert not {"永仁", "弘扬", "成渝"} & {name for name, kind in found(page) if kind == "PER"}
    assert "习近平" in everything


@pytest.mark.parametrize("name", ["peoples_daily.head.bio", "msra.head.bio"])
def test_fits_its_training_data(name):
    """Sentences the shipped model was trained on: a regression check that weights and features agree
    (a feature change without retraining drops this far below)."""
    sentences = read_bio(DATA / "enrich" / name)
    assert len(sentences) == 120
    predicted = ner.recognize_many([s.text for s in sentences])
    assert score([s.spans for s in sentences], predicted)["ALL"].f1 >= 0.9


def test_long_text_in_pieces():
    sentence = "市委书记袁家军主持会议并讲话，"
    text = sentence * 400  # 6,000 characters and no sentence end
    spans = ner.recognize(text)
    hits = [s for s in spans if text[s[0] : s[1]] == "袁家军" and s[2] == "PER"]
    assert len(hits) >= 390
    assert all(text[s:e] == "袁家军" for s, e, t in spans if t == "PER")


def test_piece_split_keeps_every_character():
    text = "甲" * 1000 + "，乙乙。" + "丙，" * 300 + "\n丁"
    pieces = ner.split_pieces(text)
    assert "".join(p for _, p in pieces) == text
    assert all(text[o : o + len(p)] == p and len(p) <= ner.MAX_PIECE for o, p in pieces)


def test_empty_and_blank():
    assert ner.recognize("") == []
    assert ner.recognize("   \u3000 ") == []
    assert ner.recognize_many(["", "北京"]) [0] == []


def test_tags_round_trip():
    spans = [(0, 3, "PER"), (3, 4, "LOC"), (6, 10, "ORG")]
    assert tags_to_spans(spans_to_tags(12, spans)) == spans
    assert tags_to_spans(spans_to_tags(12, spans, scheme="BIO")) == spans
    # an I- without its B- still opens a span (conlleval's reading)
    assert tags_to_spans(["O", "I-LOC", "I-LOC", "B-PER"]) == [(1, 3, "LOC"), (3, 4, "PER")]


def test_name_sets_mark_longest_name_per_set():
    from banmian.enrich.ner_features import NameSets

    sets = NameSets({"gL": {"北京", "北京市"}, "xO": {"北京市委", "市委"}})
    marks: list[list[str]] = [[] for _ in range(4)]
    sets.mark("北京市委", marks)
    assert [set(m) for m in marks] == [{"gL=B", "xO=B"}, {"gL=I", "xO=I"}, {"gL=E", "xO=I"}, {"xO=E"}]


def test_trim_span_drops_stray_punctuation():
    assert ner.trim_span("天津日报》", 0, 5) == (0, 4)
    assert ner.trim_span("《时代》周刊", 0, 6) == (0, 6)
    assert ner.trim_span("“北京", 0, 3) == (1, 3)


def test_a_form_of_address_is_not_part_of_the_name():
    assert ner.trim_address("李大娘成了孤寡老人", 0, 3, "PER") == 1
    assert ner.trim_address("王小姐这样说", 0, 3, "PER") == 1
    assert ner.trim_address("周恩来总理", 0, 5, "PER") == 3
    # nothing left of the name: kept; other types and names without one untouched
    assert ner.trim_address("先生", 0, 2, "PER") == 2
    assert ner.trim_address("全国政协主席", 0, 6, "ORG") == 6
    assert ner.trim_address("袁家军", 0, 3, "PER") == 3
    # through the recogniser: whatever span the models give, the form of address stays outside it
    text = "他坚决贯彻毛主席制定的实事求是的方针，王小姐这样说。"
    for start, end, kind in ner.recognize(text):
        assert not (kind == "PER" and text[start:end].endswith(("主席", "小姐"))), text[start:end]


def test_a_name_tagged_once_is_tagged_everywhere_in_the_text():
    text = "巴基斯坦总理今天说，巴基斯坦愿意对话。"
    spans = ner.propagate_names(text, [(0, 4, "LOC")])
    assert spans == [(0, 4, "LOC"), (10, 14, "LOC")]
    # an occurrence inside another entity stays inside it; one-character names are not spread
    assert ner.propagate_names("中国和中国银行", [(0, 2, "LOC"), (3, 7, "ORG")]) == [(0, 2, "LOC"), (3, 7, "ORG")]
    assert ner.propagate_names("中美和中方", [(0, 1, "LOC")]) == [(0, 1, "LOC")]


def test_character_roles_from_dictionary_names():
    from banmian.enrich.ner_features import _char_roles

    tags = {f"{a}镇": "ns" for a in "甲乙丙丁戊己"} | {"镇定": "v", "王明": "nr", "王国": "n"}
    roles = _char_roles(tags)
    assert "rL=E++" in roles["镇"]  # closes 6 of its 7 dictionary words, all places: over 60%
    assert "王" not in roles  # too few dictionary names to say anything
    # 村 closes 3 places among its 43 words: the lowest bucket (5 to 10%)
    tags = {f"{a}村": "ns" for a in "子丑寅"} | {f"村{b}": "n" for b in "一二三四五六七八九十百千万亿甲乙丙丁戊己庚辛壬癸东南西北春夏秋冬金木水火土山川云"}
    assert _char_roles(tags)["村"] == ["rL=E-"]


def test_the_places_of_a_weather_table_are_found_by_its_records():
    # records run together: place, sky (two skies joined by 转), night/day temperatures; below zero and
    # full-width digits too; cities the gold sets never name
    table = "那曲小雪转阴零下8℃／2℃阿勒泰多云－12℃／－3℃喀什晴转多云３℃／１５℃巴黎阴转小雨12℃／18℃"
    places = [(table[s:e], t) for s, e, t in ner.recognize(table)]
    assert places == [("那曲", "LOC"), ("阿勒泰", "LOC"), ("喀什", "LOC"), ("巴黎", "LOC")]
    assert ner_rules.weather_table_places("他说，昨天19℃／32℃，今天闷热。") == []  # one range is not a table
    # a place whose record has no sky, and a table introduced by a lead-in
    table = "今日天气：拉萨多云6℃／23℃纽约12℃／20℃"
    assert [table[s:e] for s, e, _ in ner_rules.weather_table_places(table)] == ["拉萨", "纽约"]


def test_a_weather_table_overrides_what_the_models_tagged_over_a_place():
    text = "卡拉奇晴30℃／44℃法兰克福晴15℃／25℃"
    assert ner_rules.with_table_places(text, [(0, 3, "PER"), (11, 16, "PER")]) == [(0, 3, "LOC"), (11, 15, "LOC")]
    assert ner_rules.with_table_places("没有表格", [(0, 2, "LOC")]) == [(0, 2, "LOC")]
    # a sky word taken for a name inside the table goes; an entity after the table stays
    text = "南京雷阵雨17℃／29℃杭州多云20℃／31℃（中央气象台提供）"
    spans = ner_rules.with_table_places(text, [(2, 5, "PER"), (24, 29, "ORG")])
    assert [(text[s:e], t) for s, e, t in spans] == [("南京", "LOC"), ("杭州", "LOC"), ("中央气象台", "ORG")]


def test_two_states_named_by_one_character_each_are_both_places():
    text = "关于中非合作，他说中意两国关系良好。"
    spans = ner_rules.with_state_pairs(text, [])
    assert [(text[s:e], t) for s, e, t in spans] == [("中", "LOC"), ("非", "LOC"), ("中", "LOC"), ("意", "LOC")]
    # inside an organisation the models tagged, the pair stays part of it; no relation word, no pair
    org = [(0, 7, "ORG")]
    assert ner_rules.with_state_pairs("美中贸易全国委员会成立", org) == org
    assert ner_rules.with_state_pairs("中美术馆", []) == []
    assert ("印", "LOC") in found("国际社会在制止印巴核竞赛以及促进和平方面作出了努力。")


def test_a_periodical_in_title_marks_is_an_organisation():
    text = "据《朝日新闻》报道，《纽约时报》也登了，他读过《过去的新闻》。"
    spans = ner_rules.with_periodicals(text, [(11, 13, "LOC")])  # 纽约 inside 纽约时报
    assert [(text[s:e], t) for s, e, t in spans] == [("朝日新闻", "ORG"), ("纽约时报", "ORG")]
    # a wider name the models tagged holds the title
    assert ner_rules.with_periodicals("美国《时代周刊》说", [(0, 8, "ORG")]) == [(0, 8, "ORG")]
    assert ("朝日新闻", "ORG") in found("日本《朝日新闻》今天发表社论。")


def test_a_state_is_a_place_not_a_person_and_a_listed_state_is_found():
    text = "会议在阿根廷举行。参加的有：缅甸、老挝、柬埔寨。发展中国家欢迎。"
    spans = ner_rules.with_states(text, [(3, 6, "PER")])
    assert [(text[s:e], t) for s, e, t in spans] == [("阿根廷", "LOC"), ("缅甸", "LOC"), ("老挝", "LOC"), ("柬埔寨", "LOC")]
    # a state's name inside a word (发展中国家) is left alone, and so is a person not named like a state
    assert ner_rules.with_states("王阿根说", [(0, 3, "PER")]) == [(0, 3, "PER")]


def test_a_region_named_by_joining_one_character_names_is_one_place_a_character():
    text = "黄淮等地有雨，苏南模式，亚太地区"
    spans = ner_rules.with_joined_regions(text, [(7, 9, "LOC"), (12, 14, "LOC")])
    assert [(text[s:e], t) for s, e, t in spans] == [("黄", "LOC"), ("淮", "LOC"), ("苏", "LOC"), ("亚太", "LOC")]


def test_a_one_character_state_where_its_context_says_it_is_one():
    text = "他访韩期间说，日方表示同意，西方国家观望；俄总统将抵伊拉克。"
    spans = ner_rules.with_one_character_states(text, [])
    assert [(text[s:e], t) for s, e, t in spans] == [("韩", "LOC"), ("日", "LOC"), ("俄", "LOC")]


def test_a_run_of_latin_letters_is_no_person():
    text = "国内某名牌vcd的报道，克林顿说"
    assert ner_rules.without_latin_people(text, [(5, 8, "PER"), (11, 14, "PER")]) == [(11, 14, "PER")]
    assert ner_rules.without_latin_people("trw公司", [(0, 5, "ORG")]) == [(0, 5, "ORG")]
