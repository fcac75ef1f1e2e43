"""Bytes → text for page dumps: encoding detection, size limit, and clear errors for what is not text.

Accepted: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 (a superset of GBK and GB2312).
Refused with an ``InputError``: empty or whitespace-only input, input over ``max_bytes``, binary data
(NUL bytes or many control characters), and bytes that none of the encodings above decode.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import InputError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # a dense broadsheet page is ~30 KB; 20 MB is far past any real page

# Share of characters that may be control characters (other than tab/newline/CR/form feed) before we call
# the input binary. Real dumps hold none; a few stray ones from bad extraction are tolerated.
MAX_CONTROL_SHARE = 0.01

# Runs of characters that are certainly assigned and not control characters (ASCII, common punctuation,
# CJK symbols, CJK ideographs, full-width forms). Removing them first leaves the per-character category
# check only the rare rest, which makes the check ~20× cheaper on a real page with the same verdict.
_PLAIN_RUNS = re.compile(r"[\t\n\r\x20-\x7e\u2010-\u2027\u2030-\u205e\u3000-\u303f\u4e00-\u9fff\uff01-\uffbe]+")


def decode_bytes(data: bytes, *, name: str = "input", max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    if len(data) > max_bytes:
        raise InputError(
            f"{name}: {len(data):,} bytes is over the limit of {max_bytes:,} (raise it with --max-bytes)"
        )
    if not data.strip():
        raise InputError(f"{name}: empty input")
    text = _decode(data, name)
    _check_is_text(text, name)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(f"{name}: empty input")
    return text


def _decode(data: bytes, name: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name)
    if b"\x00" in data:
        raise InputError(f"{name}: binary data (NUL bytes), not a text page")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3 and _utf8_before(data, exc.start):
            # Valid UTF-8 up to a last character cut in half: a truncated file, not another encoding.
            raise InputError(f"{name}: truncated UTF-8 (the last character is cut off at byte {exc.start})") from None
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(f"{name}: not text in UTF-8, UTF-16 (with BOM) or GB18030") from None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: invalid {encoding} at byte {exc.start}") from None


def _check_is_text(text: str, name: str) -> None:
    if "\x00" in text:
        raise InputError(f"{name}: binary data (NUL characters), not a text page")
    sample = text[:65536]
    rest = _PLAIN_RUNS.sub("", sample)
    control = sum(1 for ch in rest if ch not in "\t\n\r\f\v" and unicodedata.category(ch) == "Cc")
    if control > max(2, MAX_CONTROL_SHARE * len(sample)):
        raise InputError(f"{name}: binary data ({control} control characters), not a text page")
    # GB18030 maps almost any byte string to *something*; real Chinese text decoded from it is mostly
    # CJK, ASCII and punctuation, while binary decoded from it is mostly private-use and rare code points.
    odd = sum(1 for ch in rest if unicodedata.category(ch) in ("Co", "Cn", "Cs"))
    if odd > max(2, 0.05 * len(sample)):
        raise InputError(f"{name}: undecodable or binary data, not a text page")


def _utf8_before(data: bytes, end: int) -> bool:
    """Is everything before ``end`` valid UTF-8 with some non-ASCII text (so the file was UTF-8)?"""
    try:
        head = data[:end].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return any(ord(ch) > 127 for ch in head)
