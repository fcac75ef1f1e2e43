"""``banmian entities`` end to end: real model, real process, good and malformed input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

BANMIAN = [sys.executable, "-c", "import sys; from banmian.cli import main; sys.exit(main())"]


def run(data: bytes) -> subprocess.CompletedProcess:
    return subprocess.run(BANMIAN + ["entities"], input=data, capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def mixed_run():
    lines = ["市委书记袁家军主持会议并讲话。", "", "直到2013年，北京实施清洁空气行动计划。", "   "]
    long_line = "陕西省地质调查中心特别抽调了十几名队员，" * 2000  # 40,000 characters, no sentence end
    data = ("\ufeff" + "\n".join(lines + [long_line]) + "\r\n").encode("utf-8")
    return run(data), lines + [long_line]


def test_one_object_per_line(mixed_run):
    result, lines = mixed_run
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert len(out) == len(lines)
    for line, obj in zip(lines, out, strict=True):
        assert set(obj) == {"entities"}
        for ent in obj["entities"]:
            assert set(ent) == {"text", "type", "start", "end"}
            assert line[ent["start"] : ent["end"]] == ent["text"]
    assert {"text": "袁家军", "type": "PER", "start": 4, "end": 7} in out[0]["entities"]
    assert out[1] == {"entities": []}
    assert any(e["text"] == "北京" and e["type"] == "LOC" for e in out[2]["entities"])
    assert out[3] == {"entities": []}
    assert len(out[4]["entities"]) >= 1900


def test_non_utf8_is_one_line_error():
    result = run("北京实施清洁空气行动计划。\n".encode() + "上海".encode("gb18030") + b"\xff\n")
    assert result.returncode == 2
    err = result.stderr.decode("utf-8")
    assert err.count("\n") == 1 and "line 2" in err and "UTF-8" in err
    assert "Traceback" not in err
    assert len(result.stdout.decode("utf-8").splitlines()) == 1  # the good line before it was answered


def test_binary_is_one_line_error():
    result = run(b"\x00\x01\x02binary")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr.decode("utf-8")
    assert result.stderr.decode("utf-8").count("\n") == 1


def test_empty_input_gives_no_output():
    result = run(b"")
    assert result.returncode == 0
    assert result.stdout == b""
