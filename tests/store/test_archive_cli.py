"""The archive commands end to end — ingest, search, export — on both engines, through ``banmian.cli.main``
(and once through a real subprocess for exit codes and stderr)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from banmian.cli import main

from .conftest import ENGINES, NINJS_SCHEMA, PAGES, TEXT_PAGES


@pytest.fixture(params=ENGINES)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        return request.getfixturevalue("pg_cluster").new_database()
    return str(tmp_path / "cli.db")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def ingest_json(capsys, *argv: str) -> tuple[int, dict]:
    code, out, _ = run(capsys, "ingest", *argv, "--format", "json")
    return code, json.loads(out)


def test_ingest_is_idempotent_and_searchable(capsys, db):
    code, report = ingest_json(capsys, str(PAGES), "--db", db, "--no-enrich")
    assert code == 0 and report["pages"] == 23 and report["articles"] == 81 and report["failed"] == []
    code, again = ingest_json(capsys, str(PAGES), "--db", db, "--no-enrich")
    assert code == 0 and again["pages"] == 0 and again["skipped"] == 23 and again["articles"] == 0
    code, out, _ = run(capsys, "search", "李克强", "--db", db, "--format", "json", "--limit", "3")
    results = json.loads(out)
    assert code == 0 and 0 < len(results) <= 3
    assert all(set(r) == {"id", "headline", "paper", "date", "page", "snippet"} for r in results)
    assert "李克强" in results[0]["headline"]
    code, out, _ = run(capsys, "search", "上海", "--db", db, "--paper", "新民晚报", "--from", "2022-04-02",
                       "--to", "2022-04-02", "--format", "json", "--limit", "100")
    assert code == 0 and json.loads(out) and all(r["date"] == "2022-04-02" for r in json.loads(out))
    code, out, _ = run(capsys, "search", "上海", "--db", db)
    assert code == 0 and "articles match" in out and "【上海】" in out


def test_text_pages_stdin_and_a_bad_file(capsys, db, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    shutil.copytree(TEXT_PAGES, folder)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary\xff" * 50)
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    code, report = ingest_json(capsys, str(folder), "--db", db, "--no-enrich")
    assert code == 1  # something failed, the rest went in
    assert report["pages"] == 3 and report["articles"] > 0
    failed = {Path(f["input"]).name: f["reason"] for f in report["failed"]}
    assert set(failed) == {"broken.txt", "empty.txt"} and "binary" in failed["broken.txt"]
    # A changed page replaces its old version.
    first = sorted(folder.glob("人民日报-*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n\n鲲鹏展翅九万里\n\n　　新加的一段，有一个独特的词。\n",
                     encoding="utf-8")
    code, report = ingest_json(capsys, str(first), "--db", db, "--no-enrich")
    assert report["replaced"] == 1 and report["added"] == 0
    code, out, _ = run(capsys, "search", "鲲鹏展翅", "--db", db, "--format", "json")
    assert len(json.loads(out)) == 1
    # Standard input: one page, named by the flags.
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(
        "测试标题重庆\n\n　　重庆的测试段落，来自标准输入。\n".encode())))
    code, report = ingest_json(capsys, "-", "--db", db, "--no-enrich", "--paper", "测试报", "--date", "2024-01-01",
                               "--page", "1")
    assert code == 0 and report["added"] == 1
    code, out, _ = run(capsys, "search", "标准输入", "--db", db, "--format", "json")
    assert json.loads(out)[0]["paper"] == "测试报"


def test_workers_give_the_same_archive(capsys, tmp_path):
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    ingest_json(capsys, str(PAGES), str(TEXT_PAGES), "--db", one, "--no-enrich")
    code, report = ingest_json(capsys, str(PAGES), str(TEXT_PAGES), "--db", two, "--no-enrich", "--workers", "2")
    assert code == 0 and report["failed"] == []
    outs = []
    for db in (one, two):
        _, out, _ = run(capsys, "export", "--db", db, "--format", "jsonl")
        outs.append(out)
    assert outs[0] == outs[1] and outs[0].count("\n") > 50


def test_export_formats(capsys, db):
    ingest_json(capsys, str(PAGES), "--db", db, "--no-enrich")
    code, out, err = run(capsys, "export", "--db", db, "--format", "jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(lines) == 81 and "81 articles exported" in err
    assert all(line["headline"] and "paragraphs" in line for line in lines)
    code, out, _ = run(capsys, "export", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 81 and rows[0]["headline"] == lines[0]["headline"]
    assert rows[0]["text"].split("\n") == lines[0]["paragraphs"]
    code, out, _ = run(capsys, "export", "--db", db, "--format", "ninjs")
    schema = json.loads(NINJS_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    items = [json.loads(line) for line in out.splitlines()]
    assert len(items) == 81
    for item, art in zip(items, lines, strict=True):
        errors = list(validator.iter_errors(item))
        assert not errors, errors[0].message
        roles = {h["role"]: h["value"] for h in item["headlines"]}
        assert roles["main"] == art["headline"]
        assert roles.get("kicker") == art["kicker"]
        ids = {x["role"]: x["value"] for x in item["altIds"]}
        assert ids["paper"] == art["paper"] and ids["date"] == art["date"] and ids["page"] == str(art["page"])
    with_sub = [i for i, a in zip(items, lines, strict=True) if a["subheadlines"]]
    assert with_sub and all(any(h["role"] == "subheadline" for h in i["headlines"]) for i in with_sub)
    assert any("by" in i for i in items)
    assert len({i["uri"] for i in items}) == 81
    # jsonschema checks "format": "uri" only with optional packages; check the URN syntax (RFC 8141) here.
    assert all(re.fullmatch(r"urn:banmian:[A-Za-z0-9%._~-]+(?::[A-Za-z0-9%._~-]+)*", i["uri"]) for i in items)
    # The schema really checks: a ninjs object without its uri is refused.
    assert list(validator.iter_errors({k: v for k, v in items[0].items() if k != "uri"}))


def test_default_db_from_environment(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_DB", str(tmp_path / "env.db"))
    code, report = ingest_json(capsys, str(PAGES / "人民日报-20170325-p02.json"), "--no-enrich")
    assert code == 0 and report["pages"] == 1 and (tmp_path / "env.db").exists()


def test_errors_are_one_line_with_exit_codes(tmp_path):
    db = tmp_path / "e.db"
    cmd = [sys.executable, "-c", "import sys; from banmian.cli import main; sys.exit(main())"]
    done = subprocess.run([*cmd, "ingest", str(PAGES), "--db", str(db), "--no-enrich"], capture_output=True, text=True)
    assert done.returncode == 0 and "23 pages written" in done.stderr
    for argv, code in ((["search", '"', "--db", str(db)], 2), (["search", "NOT 重庆", "--db", str(db)], 2),
                       (["search", "重庆", "--db", str(tmp_path / "missing.db")], 2),
                       (["ingest", str(tmp_path / "nope.txt"), "--db", str(db)], 2),
                       (["search", "重庆", "--db", str(PAGES / "人民日报-20170325-p02.json")], 2)):
        done = subprocess.run([*cmd, *argv], capture_output=True, text=True)
        assert done.returncode == code, (argv, done.stderr)
        assert "Traceback" not in done.stderr and done.stderr.count("\n") <= 2, done.stderr
    for q in ("NEAR(", "'; DROP TABLE articles; --", "*"):
        done = subprocess.run([*cmd, "search", q, "--db", str(db), "--format", "json"], capture_output=True, text=True)
        assert done.returncode in (0, 2) and "Traceback" not in done.stderr
    done = subprocess.run([*cmd, "search", "重庆", "--db", str(db), "--format", "json"], capture_output=True, text=True)
    assert done.returncode == 0  # the archive survived


def test_killed_ingest_leaves_whole_pages_and_resumes(tmp_path):
    import signal
    import sqlite3
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    pages = sorted(PAGES.glob("*.json"))
    expected = {}
    for k in range(40):  # 920 real pages under distinct keys (a page number per copy)
        for p in pages:
            d = json.loads(p.read_text(encoding="utf-8"))
            d["page"] = d["page"] + 100 * (k + 1)
            (folder / f"{k:02d}-{p.name}").write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
            expected[f"{d['paper']}/{d['date']}/{d['page']}"] = len(d["articles"])
    db = tmp_path / "killed.db"
    cmd = [sys.executable, "-c", "import sys; from banmian.cli import main; sys.exit(main())",
           "ingest", str(folder), "--db", str(db), "--no-enrich"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if sqlite3.connect(db).execute("SELECT count(*) FROM pages").fetchone()[0] > 0:
                break
        except sqlite3.Error:
            pass
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = dict(con.execute("SELECT p.key, count(a.id) FROM pages p LEFT JOIN articles a ON a.page_id = p.id"
                              " GROUP BY p.id").fetchall())
    assert 0 < len(stored) < len(expected)  # killed part-way
    assert all(stored[k] == expected[k] for k in stored)  # whole pages only
    con.close()
    done = subprocess.run([*cmd, "--format", "json"], capture_output=True, text=True)
    report = json.loads(done.stdout)
    assert done.returncode == 0 and report["skipped"] == len(stored) and report["added"] == len(expected) - len(stored)


def test_progress_bar_on_a_terminal(tmp_path):
    import os
    import pty

    primary, secondary = pty.openpty()
    cmd = [sys.executable, "-c", "import sys; from banmian.cli import main; sys.exit(main())",
           "ingest", str(PAGES), "--db", str(tmp_path / "tty.db"), "--no-enrich"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=secondary)
    os.close(secondary)
    out = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        out += chunk
    assert proc.wait() == 0
    text = out.decode()
    assert "\r[" in text and "23/23 pages" in text and "23 pages written" in text


def test_no_progress_bar_when_not_a_terminal(capsys, tmp_path):
    code, _, err = run(capsys, "ingest", str(PAGES), "--db", str(tmp_path / "p.db"), "--no-enrich")
    assert code == 0 and "[" not in err and "23 pages written" in err
