"""Turns what a capture program printed into content/captured/<library>.toml.

A capture program prints JSON, one object a line: first
  {"meta": {"library": ID, "version": "...", "runtime": "..."}}
(a protocol's client adds "protocol": SLUG, and its lines' code is the
protocol's code the server closed with)
then one object per captured line:
  {"scenario": "server-close-1008", "code": 1008, "side": "client",
   "kind": "exception", "text": "...", "seen": 1008}
`scenario` names what happened; several lines may share it (each side, each
kind). The file gets one unique, sorted scenario id per line.
"""

import json
import re

KINDS = ("exception", "log", "console", "close-event", "value")
SIDES = ("client", "server")
# The harness listens on these; any other port on 127.0.0.1 is an ephemeral one
# that changes from run to run.
FIXED_PORTS = range(18700, 18800)
ADDRESS = re.compile(r"127\.0\.0\.1:(\d+)")
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class CaptureError(Exception):
    pass


def normalise(text):
    def port(m):
        return m.group(0) if int(m.group(1)) in FIXED_PORTS else "127.0.0.1:PORT"

    return ADDRESS.sub(port, text)


def parse(library, output):
    """(meta, lines) from a program's standard output."""
    meta, lines = None, []
    for n, raw in enumerate(output.splitlines(), 1):
        if not raw.startswith("{"):
            raise CaptureError(f"{library}: output line {n} is not JSON: {raw[:120]}")
        obj = json.loads(raw)
        if "meta" in obj:
            meta = obj["meta"]
            continue
        problems = [f for f in ("scenario", "code", "side", "kind", "text") if f not in obj]
        if obj.get("kind") not in KINDS:
            problems.append(f"kind {obj.get('kind')!r}")
        if obj.get("side") not in SIDES:
            problems.append(f"side {obj.get('side')!r}")
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip() or "\n" in text or "\r" in text:
            problems.append(f"text {text!r} (must be one non-empty line)")
        if problems:
            raise CaptureError(f"{library}: output line {n}: bad {', '.join(problems)}: {raw[:200]}")
        obj["text"] = normalise(text)
        lines.append(obj)
    if not meta or meta.get("library") != library or not meta.get("version"):
        raise CaptureError(f"{library}: the program did not print its library and version first")
    return meta, lines


# Codes that may never appear in a Close frame (RFC 6455 section 7.4.1).
NOT_ON_THE_WIRE = {1004, 1005, 1006, 1015}
CLOSE_SCENARIO = re.compile(r"^(client|server)-close-(\d+)$")
SENDS_SCENARIO = re.compile(r"^bad-(client|server)-sends-(\d+)$")


def answer(line):
    """The code whose page answers a line. What a side reported is what its
    reader sees, unless the text itself names the code it is about (python-
    websockets' "sent 1002 (protocol error) ...; no close frame received"
    reports 1006). A side that received a code which may not be sent fails
    the connection as a protocol error, so what it prints is a 1002, as is
    anything a side printed after it saw 1002."""
    seen = line.get("seen")
    if seen == 1002:
        return 1002
    if seen is not None:
        return line["code"] if str(line["code"]) in line["text"] else seen
    if SENDS_SCENARIO.match(line["scenario"]):
        return 1002
    close = CLOSE_SCENARIO.match(line["scenario"])
    if close and int(close.group(2)) in NOT_ON_THE_WIRE and close.group(1) != line["side"]:
        return 1002
    return line["code"]


def one_line_per_text(lines, protocol=False):
    """Labels each line with the code whose page answers it, and keeps a text
    that several codes produce (a refusal that does not name the code) once:
    under the lowest code, with the others in `also`. A protocol client's line
    is answered by the protocol's code the server closed with, whatever the
    library reported."""
    codes = {}
    for line in lines:
        if not protocol:
            line["code"] = answer(line)
        codes.setdefault(line["text"], set()).add(line["code"])
    kept = []
    for line in lines:
        all_codes = sorted(codes[line["text"]])
        if line["code"] == all_codes[0]:
            kept.append(dict(line, also=all_codes[1:]) if len(all_codes) > 1 else line)
    return kept


def unique_ids(lines):
    """One scenario id per line: the scenario, the side, and the kind where a
    side printed more than one line."""
    by_side = {}
    for line in lines:
        by_side.setdefault((line["scenario"], line["side"]), []).append(line)
    out = []
    for (scenario, side), group in by_side.items():
        # Programs may print a side's lines in any order; the ids must not change.
        group.sort(key=lambda line: (line["kind"], line["text"]))
        seen = {}
        for line in group:
            sid = f"{scenario}-{side}"
            if len(group) > 1:
                sid += f"-{line['kind']}"
            seen[sid] = seen.get(sid, 0) + 1
            if seen[sid] > 1:
                sid += f"-{seen[sid]}"
            if not KEBAB.match(sid):
                raise CaptureError(f"scenario id {sid!r} is not kebab-case")
            out.append(dict(line, scenario=sid))
    return sorted(out, key=lambda line: line["scenario"])


def toml_string(s):
    # JSON's escapes are a subset of TOML's basic-string escapes.
    return json.dumps(s, ensure_ascii=False)


def render(meta, lines):
    out = [
        "# Written by capture/run from what the library printed; do not edit by hand.",
        f"library = {toml_string(meta['library'])}",
        f"version = {toml_string(meta['version'])}",
    ]
    if meta.get("runtime"):
        out.append(f"runtime = {toml_string(meta['runtime'])}")
    if meta.get("protocol"):
        out.append(f"protocol = {toml_string(meta['protocol'])}")
    for line in lines:
        out += ["", "[[line]]", f"scenario = {toml_string(line['scenario'])}", f"code = {int(line['code'])}"]
        if line.get("also"):
            out.append(f"also = [{', '.join(str(c) for c in line['also'])}]")
        out.append(f"side = {toml_string(line['side'])}")
        if line.get("seen") is not None:
            out.append(f"seen = {int(line['seen'])}")
        out.append(f"kind = {toml_string(line['kind'])}")
        out.append(f"text = {toml_string(line['text'])}")
    return "\n".join(out) + "\n"


# The lookup box reads any three- or four-digit number as a code.
CODE_IN_TEXT = re.compile(r"\b(\d{3,4})\b")
PAGES = set(range(1000, 1016)) | {3000, 3003, 3008}


def code_mismatches(lines):
    """Lines whose text names a close code other than the page they point at:
    the lookup finds a code by its number, so these need a look."""
    notes = []
    for line in lines:
        named = {int(n) for n in CODE_IN_TEXT.findall(line["text"])} & PAGES
        if line["code"] == 1002:
            named -= NOT_ON_THE_WIRE
        if named and not named & {line["code"], *line.get("also", [])}:
            notes.append(f"{line['scenario']}: code {line['code']} but the text names {sorted(named)}")
    return notes
