"""The real 重庆日报 front page parses exactly: every field of every article against its gold parse."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from banmian import parse_text

SEED = Path(__file__).resolve().parent.parent / "data" / "seed"
TEXT = SEED / "000_e4fee7fd16952364.txt"
GOLD = SEED / "000_e4fee7fd16952364.gold.json"
BANMIAN = str(Path(sys.executable).with_name("banmian"))  # the installed console script
SPACE = re.compile(r"[\s\u3000\xa0]+")


def squeeze(value):
    """Whitespace does not count (the dump pads names and splits lines); everything else does."""
    if isinstance(value, str):
        return SPACE.sub("", value)
    if isinstance(value, list):
        return [squeeze(v) for v in value]
    if isinstance(value, tuple):
        return tuple(squeeze(v) for v in value)
    return value


@pytest.fixture(scope="module")
def gold():
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def parsed():
    return parse_text(TEXT.read_text(encoding="utf-8"), paper="重庆日报", date="2024-03-13", page=1).to_dict()


def field_pairs(gold, parsed):
    """(label, want, got) for every checked field of every gold article."""
    got_articles = parsed["articles"]
    yield "article count", len(gold["articles"]), len(got_articles)
    for i, want in enumerate(gold["articles"]):
        got = got_articles[i] if i < len(got_articles) else {}
        for key in ("kicker", "headline", "subheadlines", "paragraphs", "source", "captions"):
            yield f"a{i}.{key}", want[key], got.get(key)
        yield (f"a{i}.bylines", [(b["role"], b["names"], b["outlet"]) for b in want["bylines"]],
               [(b["role"], b["names"], b["outlet"]) for b in got.get("bylines", [])])
        yield (f"a{i}.credits", [(c["role"], c["names"]) for c in want["credits"]],
               [(c["role"], c["names"]) for c in got.get("credits", [])])
        yield (f"a{i}.tables", [(t["title"], t["rows"], t["items"]) for t in want["tables"]],
               [(t["title"], t["rows"], t["items"]) for t in got.get("tables", [])])


def test_every_field_of_the_seed_matches_its_gold(gold, parsed):
    wrong = [f"{label}: want {want!r} got {got!r}" for label, want, got in field_pairs(gold, parsed)
             if squeeze(want) != squeeze(got)]
    assert not wrong, "\n".join(wrong)


def test_seed_has_the_expected_shape(parsed):
    a1, a2, a3 = parsed["articles"]
    assert a1["subheadlines"][-1] == "胡衡华王炯程丽华传达"
    assert len(a1["paragraphs"]) == 6  # two paragraphs a column break split are whole again
    assert a2["headline"] == "重庆新命名31个市级爱国主义教育基地"  # printed after its body
    table = a2["tables"][0]
    assert len(table["items"]) == 31  # the count the text announces (31个单位)
    assert table["items"][15:17] == ["韦奚成烈士陵园", "慕江烈士陵园"]  # column by column
    assert (a3["kicker"], a3["headline"]) == ("两江新区培育发展新质生产力", "“重庆造”人工心脏再上新")
    assert a3["credits"][0]["role"] == "供图"


def test_seed_through_the_cli(gold):
    out = subprocess.run([BANMIAN, "parse", str(TEXT), "--format", "json"],
                         capture_output=True, text=True, check=True).stdout
    parsed = json.loads(out)
    assert parsed["schema"] == "banmian.page/1"
    wrong = [label for label, want, got in field_pairs(gold, parsed) if squeeze(want) != squeeze(got)]
    assert not wrong
