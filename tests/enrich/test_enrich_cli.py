"""``banmian parse … --enrich``: the page JSON carries the enrichment fields; without the flag it does not."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from banmian.cli import main

SEED_TEXT = Path(__file__).resolve().parents[1] / "data" / "seed" / "000_e4fee7fd16952364.txt"
FIELDS = ("entities", "people", "dates", "quantities", "terms", "keywords")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_with_enrich_adds_every_field(capsys):
    code, out, err = run(capsys, "parse", str(SEED_TEXT), "--date", "2024-03-13", "--enrich")
    assert code == 0, err
    page = json.loads(out)
    meeting = page["articles"][0]
    for field in FIELDS:
        assert field in meeting
    assert [p["name"] for p in meeting["people"]][:2] == ["习近平", "袁家军"]
    assert {"text": "3月12日下午", "value": "2024-03-12"}.items() <= meeting["dates"][0].items()


def test_parse_without_enrich_stays_structure_only(capsys):
    code, out, _ = run(capsys, "parse", str(SEED_TEXT), "--date", "2024-03-13")
    assert code == 0
    for article in json.loads(out)["articles"]:
        assert not set(FIELDS) & set(article)


def test_enrich_without_a_page_date_leaves_relative_dates_open(capsys, tmp_path):
    page = tmp_path / "page.txt"  # no date in the name, none on the command line
    page.write_text(SEED_TEXT.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run(capsys, "parse", str(page), "--enrich", "--format", "jsonl")
    assert code == 0, err
    articles = json.loads(out)["articles"]
    dates = {d["text"]: d["value"] for a in articles for d in a["dates"]}
    assert dates["昨天"] is None and dates["2019年"] == "2019"


def test_console_script_enriches_from_stdin():
    exe = Path(sys.executable).with_name("banmian")
    proc = subprocess.run([str(exe), "parse", "-", "--date", "2024-03-13", "--enrich", "--format", "jsonl"],
                          input=SEED_TEXT.read_bytes(), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    page = json.loads(proc.stdout)
    names = [p["name"] for a in page["articles"] for p in a["people"]]
    assert "刘易海" in names and "杨帆" not in names


def test_enrich_with_markdown_and_a_folder(capsys, tmp_path):
    for name in ("重庆日报-20240313-p01.txt", "重庆日报-20240313-p02.txt"):
        (tmp_path / name).write_text(SEED_TEXT.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run(capsys, "parse", str(tmp_path), "--enrich")
    assert code == 0, err
    pages = [json.loads(line) for line in out.splitlines()]
    assert [p["page"] for p in pages] == [1, 2]
    assert all(p["articles"][0]["people"][0]["name"] == "习近平" for p in pages)
    code, out, err = run(capsys, "parse", str(SEED_TEXT), "--enrich", "--format", "markdown")
    assert code == 0, err
    assert "市委召开全市领导干部会议" in out
