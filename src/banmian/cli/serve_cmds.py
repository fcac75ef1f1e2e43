"""Serving commands: ``serve`` (an archive as a REST API and web page) and ``demo`` (the main job on the
bundled sample pages: ingest them, then serve)."""

from __future__ import annotations

import argparse
import socket
import sys
from importlib import resources

from ..errors import InputError


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve an archive as a REST API and web page",
                       description="Serve an archive: the web page at / and the REST API under /api "
                                   "(OpenAPI at /docs).")
    add_server_args(p)
    p.set_defaults(run=run_serve)

    p = sub.add_parser("demo", help="ingest the bundled sample pages and serve them",
                       description="Ingest the sample pages shipped with banmian into an archive and serve it.")
    add_server_args(p)
    p.set_defaults(run=run_demo)


def add_server_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="SQLite file or postgresql:// URL (default: $BANMIAN_DB, else banmian.db)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=port_number, default=8000,
                   help="port to listen on (default 8000; 0 picks a free one)")


def port_number(value: str) -> int:
    if not value.isdigit() or not 0 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}")
    return int(value)


def run_serve(args: argparse.Namespace) -> int:
    from ..store import default_db, open_store

    db = args.db or default_db()
    store = open_store(db, readonly=True)
    try:
        serve(store, args.host, args.port, archive=db)
    finally:
        store.close()
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from ..store import default_db, open_store
    from ..store.ingest import ingest

    db = args.db or default_db()
    store = open_store(db)
    try:
        with resources.as_file(resources.files("banmian") / "data" / "pages") as folder:
            report = ingest([str(folder)], store)
        print(f"banmian: sample pages into {db}: {report.summary()}", flush=True)
        serve(store, args.host, args.port, archive=db)
    finally:
        store.close()
    return 0


def listen(host: str, port: int) -> socket.socket:
    """A listening socket, opened here so that a busy port is a one-line error and port 0 a free port."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise InputError(f"cannot listen on {host}: {exc.strerror}") from None
    family, kind, proto, _, address = infos[0]
    # proto must be IPPROTO_TCP, not 0: asyncio turns Nagle off (TCP_NODELAY) only on sockets that say TCP,
    # and with Nagle on every keep-alive response waits ~40 ms for the client's delayed ACK.
    sock = socket.socket(family, kind, proto or socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    sock.set_inheritable(True)
    return sock


def serve(store: object, host: str, port: int, *, archive: str) -> None:
    """Serve ``store`` until interrupted, printing the address first."""
    import uvicorn

    from ..web import create_app

    sock = listen(host, port)
    bound_host, bound_port = sock.getsockname()[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    print(f"banmian: serving {archive} at http://{shown}:{bound_port}/ "
          f"(API docs at /docs; Ctrl-C stops)", flush=True)
    config = uvicorn.Config(create_app(store), log_level="warning", access_log=False)  # type: ignore[arg-type]
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
    sys.stdout.flush()
