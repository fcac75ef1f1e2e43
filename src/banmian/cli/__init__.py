"""The ``banmian`` command. Each stage keeps its commands in its own module; this one only dispatches.

Errors from the library (``BanmianError``) become one line on stderr and the error's exit code; so does
an interrupted run (130). No traceback reaches the user.
"""

from __future__ import annotations

import argparse
import sys

from ..errors import BanmianError
from . import archive_cmds, enrich_cmds, parse_cmds, serve_cmds


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="banmian", description="Chinese newspaper pages in; articles, entities and a searchable archive out."
    )
    from .. import __version__

    parser.add_argument("--version", action="version", version=f"banmian {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (parse_cmds, enrich_cmds, archive_cmds, serve_cmds):
        module.add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except BanmianError as exc:
        print(f"banmian: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("banmian: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
