import codecs

import pytest

from banmian.errors import InputError
from banmian.readers import decode_bytes, meta_from_name

TEXT = "市委召开全市领导干部会议\n\n3月12日下午，市委召开全市领导干部会议。\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
        TEXT.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    ],
)
def test_encodings_decode_to_the_same_text(data):
    assert decode_bytes(data) == TEXT


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfa", "invalid utf-8"),
    ],
)
def test_bad_input_is_refused_with_a_reason(data, message):
    with pytest.raises(InputError, match=message):
        decode_bytes(data)


def test_size_limit():
    with pytest.raises(InputError, match="over the limit"):
        decode_bytes(TEXT.encode() * 100, max_bytes=1000)


def test_meta_from_name():
    assert meta_from_name("rmrb-20170325-p02.txt") == ("rmrb", "2017-03-25", 2)
    assert meta_from_name("重庆日报-2024-03-13-01.txt") == ("重庆日报", "2024-03-13", 1)
    assert meta_from_name("page.txt") == (None, None, None)
