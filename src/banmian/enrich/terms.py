"""Policy terms and slogans, and keywords.

``terms``: what the article puts in quotation marks as a name — “33618”, “416”, “两个确立”, “小县大城” — with the
number of times it is quoted: ``{"text", "count", "mentions", "paragraph", "start"}`` (``mentions`` counts it
with or without quotation marks; ``paragraph``/``start`` locate the first quoted mention, ``start`` being the
offset of the term inside ``paragraphs[paragraph]``, -1 the headline). Quoted speech (a clause with
sentence punctuation, or longer than a slogan) is not a term; nor is a single quoted character.

``keywords``: the article's most distinctive words by TF-IDF over the shared jieba segmentation, with jieba's
IDF table; no punctuation, digits or stop words.
"""

from __future__ import annotations

import heapq
import re
import threading
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import ArticleText

QUOTE_RE = re.compile(r"“([^“”\n]{1,40})”|「([^「」\n]{1,40})」|『([^『』\n]{1,40})』|\"([^\"\n]{1,40})\"")
MAX_TERM = 16
_SPEECH = re.compile(r"[，。！？；：,!?;:…]")
KEYWORDS = 10
HEADLINE_WEIGHT = 2  # a word in the headline counts as two in the body: headlines name the subject

# Words too common in news prose to tell articles apart. jieba's IDF already lowers them; the list removes
# the function words and reporting verbs whose IDF is still high enough to surface.
STOP_WORDS = frozenset("""
我们 你们 他们 她们 它们 我国 我市 我省 我区 我县 自己 大家 这个 那个 这些 那些 这样 那样 这种 那种 这里 那里
一个 一些 一种 一批 一系列 一年 一直 一定 一起 一方面 一是 二是 三是 四是 五是 其中 其他 其它 以及 以来 以上 以下
进行 开展 表示 指出 强调 认为 介绍 说 称 获悉 了解 报道 记者 本报 通讯员 编辑 今年 去年 明年 目前 当前 现在 同时
已经 正在 将要 可以 能够 需要 通过 根据 按照 关于 对于 由于 因为 所以 但是 而且 并且 或者 还是 如果 虽然 不断
进一步 不仅 而是 就是 也是 都是 还有 没有 不是 这是 是否 以及 及其 等等 方面 情况 问题 工作 有关 相关 有效
主要 重要 重大 全面 更加 更好 坚持 推动 推进 加强 加快 实现 提高 提升 发挥 作用 方式 部分 各级 各类 全市
全省 全国 之一 之间 期间 作为 成为 具有 取得 得到 实施 举行 召开 会议 活动 这一 该 此 其 与 和 及 或 的 了 在
""".split())
_WORD_OK = re.compile(r"^(?:[\u4e00-\u9fff]{2,}|[A-Za-z][A-Za-z\-]{1,})$")
# A word made only of these is a number or an amount (三万, 余万元), not a keyword.
_NUMERALS = set("零〇一二两三四五六七八九十百千万亿几余多数第元个年月日号")

_GLUE = set("是于对当按日至还额用同可之的了在和与也就都又将被把从向摄为而及其")

_idf_lock = threading.Lock()
_idf: tuple[dict[str, float], float] | None = None


def _idf_table() -> tuple[dict[str, float], float]:
    """jieba's IDF table (word → idf, median for unknown words), loaded once."""
    global _idf
    if _idf is None:
        with _idf_lock:
            if _idf is None:
                # Read the file directly: importing jieba.analyse builds its own extractors and loads it twice.
                from . import jieba_file

                table: dict[str, float] = {}
                with jieba_file("analyse/idf.txt").open(encoding="utf-8") as f:
                    for line in f:
                        word, _, value = line.rstrip().partition(" ")
                        if value:
                            table[word] = float(value)
                _idf = table, sorted(table.values())[len(table) // 2]
    return _idf


def extract_terms(text: ArticleText) -> list[dict[str, Any]]:
    terms: dict[str, dict[str, Any]] = {}
    for i in text.indices():
        para = text.text(i)
        for m in QUOTE_RE.finditer(para):
            group = next(g for g in range(1, 5) if m.group(g) is not None)
            term = m.group(group).strip()
            if len(term) < 2 or len(term) > MAX_TERM or _SPEECH.search(term):
                continue
            if term in terms:
                terms[term]["count"] += 1
            else:
                terms[term] = {"text": term, "count": 1, "paragraph": i, "start": m.start(group)}
    for term, item in terms.items():
        # Printed with or without quotation marks: a term is quoted when introduced, then often used plainly.
        item["mentions"] = max(item["count"], sum(text.text(i).count(term) for i in text.indices()))
    return list(terms.values())


@lru_cache(maxsize=1 << 16)
def keyword_candidate(word: str) -> bool:
    if word in STOP_WORDS or not _WORD_OK.match(word) or all(c in _NUMERALS for c in word):
        return False
    # A word jieba's dictionary lacks (found by its HMM) that opens or closes on a function character is
    # a mis-cut, not a word: 云是, 后于, 还会, 日起, 李志伟摄.
    if (word[0] in _GLUE or word[-1] in _GLUE) and word not in _dictionary():
        return False
    return True


def _dictionary() -> dict[str, str]:
    from . import dictionary

    return dictionary().tags  # every word of jieba's dictionary


def extract_keywords(text: ArticleText, limit: int = KEYWORDS) -> list[str]:
    idf, median = _idf_table()
    counts: Counter[str] = Counter()  # keeps first-seen order, which breaks ties below
    # Reporters and photographers are not what an article is about.
    credited = {n for b in text.article.bylines for n in b.names} | {n for c in text.article.credits for n in c.names}
    for i in text.indices():
        words = [w for w in text.tokens(i) if keyword_candidate(w) and w not in credited]
        for _ in range(HEADLINE_WEIGHT if i == -1 else 1):
            counts.update(words)
    scores = {w: n * idf.get(w, median) for w, n in counts.items()}
    return heapq.nlargest(limit, scores, key=scores.__getitem__)
