"""``banmian entities``: one sentence a line in, one JSON object of entities a line out.

Reads UTF-8 from stdin as it comes (a BOM on the first line is dropped) and writes, for each line,
``{"entities": [{"text", "type", "start", "end"}]}`` with offsets into that line (``end`` exclusive,
line ending not counted). An empty line gives ``{"entities": []}``; a long line is tagged in pieces.
A line that is not UTF-8 stops the run with a one-line error naming it and exit code 2; the lines before
it have been answered.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import InputError


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "entities",
        help="tag people, places and organisations in text from stdin, one sentence a line",
        description="Read UTF-8 text from stdin, one sentence a line; write one JSON object a line: "
        '{"entities": [{"text", "type", "start", "end"}]} with PER/LOC/ORG and offsets into the line.',
    )
    p.set_defaults(run=run_entities)


def entities_json(line: str, spans: list[tuple[int, int, str]]) -> str:
    items = [{"text": line[s:e], "type": t, "start": s, "end": e} for s, e, t in spans]
    return json.dumps({"entities": items}, ensure_ascii=False)


def run_entities(args: argparse.Namespace) -> int:
    from ..enrich.ner import default_recognizer

    recognizer = default_recognizer()
    out = sys.stdout
    for number, raw in enumerate(sys.stdin.buffer, start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"stdin line {number}: not UTF-8 (byte {exc.start})") from None
        if number == 1 and line.startswith("\ufeff"):
            line = line[1:]
        line = line.rstrip("\r\n")
        if "\x00" in line:
            raise InputError(f"stdin line {number}: binary data (NUL), not text")
        out.write(entities_json(line, recognizer.recognize(line)) + "\n")
        out.flush()
    return 0
