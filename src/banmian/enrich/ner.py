"""Named-entity recognition (PER / LOC / ORG) for news text.

``recognize(text)`` returns ``[(start, end, type)]`` with ``end`` exclusive, offsets into ``text``.
First version: jieba's part-of-speech tags (nr → PER, ns → LOC, nt → ORG). A trained model replaces it
behind the same two functions.
"""

from __future__ import annotations

import threading

TYPES = ("PER", "LOC", "ORG")

_POS_TO_TYPE = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG"}
_lock = threading.Lock()
_posseg = None


def _tagger():
    global _posseg
    if _posseg is None:
        with _lock:
            if _posseg is None:
                import jieba
                import jieba.posseg

                jieba.setLogLevel(60)
                _posseg = jieba.posseg
    return _posseg


def recognize(text: str) -> list[tuple[int, int, str]]:
    if not text or not text.strip():
        return []
    spans = []
    pos = 0
    for word, flag in _tagger().cut(text, HMM=True):
        kind = _POS_TO_TYPE.get(flag)
        if kind:
            spans.append((pos, pos + len(word), kind))
        pos += len(word)
    return spans


def recognize_many(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    return [recognize(t) for t in texts]
