"""``banmian parse`` as users run it: the real console script in a subprocess, good input and bad."""

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest

BANMIAN = str(Path(sys.executable).with_name("banmian"))
SEED = Path(__file__).resolve().parent.parent / "data" / "seed" / "000_e4fee7fd16952364.txt"
PAGE = "市委召开全市领导干部会议\n\n3月12日下午，市委召开全市领导干部会议，对全市学习贯彻工作作出部署。\n\n新重庆-重庆日报记者 杨帆\n"


def run(*args, stdin: bytes | None = None):
    return subprocess.run([BANMIAN, "parse", *args], input=stdin, capture_output=True, timeout=60)


def assert_refused(proc, fragment: str):
    err = proc.stderr.decode("utf-8")
    assert proc.returncode != 0
    assert err.count("\n") == 1 and err.startswith("banmian: "), err  # one line, no traceback
    assert "Traceback" not in err
    assert fragment in err, err
    assert proc.stdout == b""


@pytest.mark.parametrize(
    "data, fragment",
    [
        (bytes(range(256)) * 8, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
        (b"", "empty"),
        ("  \n\u3000\n".encode("utf-8"), "empty"),
        (PAGE.encode("utf-8")[:-3], "truncated UTF-8"),  # the last character (帆) cut after one byte
        (codecs.BOM_UTF8 + b"\xc3\x28\xa0\xa1" * 20, "invalid utf-8"),
        (b"\x80\x81\xfe\xff" * 50, "not text"),
    ],
    ids=["binary", "png", "empty", "blank", "truncated-utf8", "bad-utf8-bom", "undecodable"],
)
def test_bad_input_gets_one_line_and_a_nonzero_exit(tmp_path, data, fragment):
    f = tmp_path / "page.txt"
    f.write_bytes(data)
    assert_refused(run(str(f)), fragment)


def test_missing_file(tmp_path):
    assert_refused(run(str(tmp_path / "nope.txt")), "no such file")


def test_size_limit_and_the_flag_that_raises_it(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(PAGE * 400, encoding="utf-8")
    assert_refused(run(str(f), "--max-bytes", "10000"), "--max-bytes")
    ok = run(str(f), "--max-bytes", "1000000")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["articles"]


def test_size_limit_on_stdin():
    assert_refused(run("-", "--max-bytes", "100", stdin=(PAGE * 10).encode()), "over the limit")


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-16", "utf-8-sig"])
def test_other_encodings_are_read(tmp_path, encoding):
    f = tmp_path / "page.txt"
    f.write_bytes(PAGE.encode(encoding))
    proc = run(str(f))
    assert proc.returncode == 0, proc.stderr
    page = json.loads(proc.stdout)
    assert page["articles"][0]["headline"] == "市委召开全市领导干部会议"
    assert page["articles"][0]["bylines"][0]["names"] == ["杨帆"]


def test_one_file_gives_one_json_document_with_meta_from_the_name(tmp_path):
    f = tmp_path / "rmrb-20170325-p02.txt"
    f.write_text(PAGE, encoding="utf-8")
    page = json.loads(run(str(f)).stdout)
    assert (page["paper"], page["date"], page["page"]) == ("rmrb", "2017-03-25", 2)
    flagged = json.loads(run(str(f), "--paper", "人民日报", "--date", "2017-03-26", "--page", "3").stdout)
    assert (flagged["paper"], flagged["date"], flagged["page"]) == ("人民日报", "2017-03-26", 3)


def test_several_files_or_a_folder_give_json_lines(tmp_path):
    for i in range(3):
        (tmp_path / f"p{i}.txt").write_text(PAGE, encoding="utf-8")
    proc = run(str(tmp_path))
    lines = proc.stdout.decode().splitlines()
    assert proc.returncode == 0 and len(lines) == 3
    assert all(json.loads(x)["schema"] == "banmian.page/1" for x in lines)
    two = run(str(tmp_path / "p0.txt"), str(tmp_path / "p1.txt")).stdout.decode().splitlines()
    assert len(two) == 2


def test_a_bad_file_among_good_ones_is_reported_and_the_rest_parsed(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    proc = run(str(tmp_path))
    assert proc.returncode != 0
    assert len(proc.stdout.decode().splitlines()) == 1
    assert proc.stderr.decode().count("\n") == 1 and "empty" in proc.stderr.decode()


def test_stdin_and_markdown():
    proc = run("-", "--format", "markdown", stdin=SEED.read_bytes())
    assert proc.returncode == 0, proc.stderr
    md = proc.stdout.decode()
    assert "## 市委召开全市领导干部会议" in md and "*两江新区培育发展新质生产力*" in md
    assert "| 重庆市规划展览馆 | 慕江烈士陵园 |" in md


def test_bad_flag_value_is_one_line():
    proc = run(str(SEED), "--date", "yesterday")
    assert proc.returncode != 0 and "Traceback" not in proc.stderr.decode()


def test_json_format_with_several_files_is_refused(tmp_path):
    for i in range(2):
        (tmp_path / f"p{i}.txt").write_text(PAGE, encoding="utf-8")
    assert_refused(run(str(tmp_path), "--format", "json"), "one file")
    one = run(str(tmp_path / "p0.txt"), "--format", "jsonl")
    assert one.returncode == 0 and len(one.stdout.decode().splitlines()) == 1
