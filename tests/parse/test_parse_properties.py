"""Properties of ``parse_text`` on arbitrary text: it never raises, loses nothing, and is deterministic."""

from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from banmian import parse_text
from banmian.model import Page

# Pieces that real dumps are made of, so generated text exercises every rule of the parser, not only
# the "long body paragraph" path; mixed with arbitrary characters.
PIECES = [
    "市委召开全市领导干部会议", "本报记者  顾  春", "新重庆-重庆日报记者 杨帆", "庞革平  吴宗航", "吴建勋摄影报道",
    "本报北京3月25日电  （记者姜洁）", "据新重庆-重庆日报", "两江新区党工委宣传部供图", "本报记者  刘洪超摄",
    "人民视觉", "隋先凯摄（新华社发）", "（下转第三版）", "（相关报道见第六版）", "生产方式变了：", "一、2024年工作回顾",
    "核心阅读", "——访德国国际铁路货运商业协会主席", "托起彩虹桥 铺就回家路", "何首君", "安  徽", "本版制图：郭祥",
    "重庆市规划展览馆\t慕江烈士陵园", "韦奚成烈士陵园\t", "\t", "第八批名单", "（本报开罗4月21日电）",
    "3月12日下午，市委召开全市领导干部会议，深入学习贯彻习近平总书记重要讲话精神。",
    "袁家军在讲话中指出，今年全国两会是在迎接新中国成立75周年的重要时间节点", "“强镇带村”", "说。”",
    "\u3000\u3000", "    ", " ", "\xa0", "\n", "\n\n", "\n\n\n", "\r\n", "\u3000", "（", "）", "。", "——", "：",
    "\u200b", "\ufeff", "\t\n",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map("".join)

def visible(s: str) -> Counter:
    """Every character that is not whitespace to Unicode (zero-width spaces count: they are not)."""
    return Counter(ch for ch in s if not ch.isspace())


def output_chars(page: Page) -> Counter:
    out: Counter = Counter()

    def walk(value) -> None:
        if isinstance(value, str):
            out.update(visible(value))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    d = page.to_dict()
    walk(d["articles"])
    walk(d["leftover"])
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
@example("\n\u3000\u200b\r\n市委召开全市领导干部会议")  # an indent over a zero-width space, then a line
def test_never_raises_and_loses_nothing(text):
    page = parse_text(text)
    missing = visible(text) - output_chars(page)
    assert not missing, f"lost {dict(missing)}"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode_never_raises_and_loses_nothing(text):
    page = parse_text(text)
    assert not (visible(text) - output_chars(page))


@settings(max_examples=100, deadline=None)
@given(texts)
def test_deterministic(text):
    assert parse_text(text).to_dict() == parse_text(text).to_dict()


def test_every_article_has_a_string_headline_and_lists():
    page = parse_text("\n\n".join(PIECES))
    for a in page.to_dict()["articles"]:
        assert isinstance(a["headline"], str)
        for key in ("subheadlines", "paragraphs", "bylines", "credits", "captions", "jumps", "tables"):
            assert isinstance(a[key], list)
