"""``banmian serve`` and ``banmian demo`` as a user runs them: real processes on real ports."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import httpx
import pytest

from .conftest import banmian_command, run_server


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([*banmian_command(), *args], capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


def test_serve_answers_the_api_and_the_page(server):
    assert httpx.get(server + "/").status_code == 200
    papers = httpx.get(server + "/api/papers").json()
    assert "人民日报" in {p["paper"] for p in papers}
    assert httpx.get(server + "/static/style.css").status_code == 200
    assert httpx.get(server + "/docs").status_code == 200


@pytest.mark.parametrize("q", ['"', "NEAR(", "*", "'; DROP TABLE articles; --", "(((", "NOT", "重" * 2000])
def test_hostile_queries_on_the_running_server(server, q):
    for path in ("/api/search", "/search"):
        resp = httpx.get(server + path, params={"q": q}, timeout=10)
        assert resp.status_code in (200, 400), (path, q, resp.text[:200])


def test_unknown_ids_are_404_on_the_running_server(server):
    for path in ("/api/articles/987654321", "/api/pages/987654321", "/articles/987654321", "/api/articles/x"):
        resp = httpx.get(server + path)
        assert resp.status_code == 404, path
    assert httpx.get(server + "/api/articles/987654321").json()["status"] == 404


def test_an_oversized_request_is_refused_not_crashed(server):
    """A query far past any URL limit: the server refuses it and keeps serving."""
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        try:
            sock.sendall(b"GET /api/search?q=" + b"%E9%87%8D" * 400_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
            reply = sock.recv(100)
        except (ConnectionResetError, BrokenPipeError):
            # The server may answer and close while the request is still being sent: a refusal too.
            reply = b""
    assert not reply.startswith(b"HTTP/1.1 5")
    assert httpx.get(server + "/api/papers").status_code == 200


def test_serve_needs_an_existing_archive(tmp_path: Path):
    result = run("serve", "--db", str(tmp_path / "missing.db"), "--port", "0")
    assert result.returncode == 2
    assert result.stderr.startswith("banmian: ") and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "missing.db").exists()


def test_a_busy_port_is_a_one_line_error(archive_path: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run("serve", "--db", str(archive_path), "--port", str(port))
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_bad_port_is_refused():
    result = run("serve", "--port", "http")
    assert result.returncode == 2 and "not a port number" in result.stderr


def test_demo_ingests_the_bundled_pages_and_serves_them(tmp_path: Path):
    from importlib import resources

    bundled = sorted(p.name for p in (resources.files("banmian") / "data" / "pages").iterdir()
                     if p.name.endswith(".txt"))
    db = tmp_path / "demo.db"
    for _ in range(2):  # the second run finds everything already in the archive
        for url in run_server(["demo", "--db", str(db)]):
            stats = httpx.get(url + "/api/papers").json()
            pages = sum(len(i["pages"]) for i in httpx.get(url + "/api/issues").json())
            assert pages == len(bundled)
            assert {p["paper"] for p in stats} == {name.split("-")[0] for name in bundled}
            home = httpx.get(url + "/")
            assert home.status_code == 200 and "重庆日报" in home.text


def test_the_listening_socket_is_marked_tcp_so_responses_are_not_delayed():
    """asyncio disables Nagle only on sockets whose proto is TCP; without it keep-alive replies lag ~40 ms."""
    from banmian.cli.serve_cmds import listen

    sock = listen("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
        with socket.create_connection(sock.getsockname()[:2]):
            conn, _ = sock.accept()
            with conn:
                assert conn.proto == socket.IPPROTO_TCP
    finally:
        sock.close()
