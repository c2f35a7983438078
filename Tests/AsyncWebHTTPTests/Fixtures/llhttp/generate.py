#!/usr/bin/env python3
"""Turn llhttp's request fixtures (test/request/*.md, llhttp 9.4.2, MIT) into
`request-cases.json`, the table the HTTP parser conformance test reads.

Usage: generate.py [LLHTTP_REQUEST_FIXTURES_DIR]
The directory defaults to `shared/corpora/llhttp-request-fixtures` beside the
repository. The output is written next to this script and checked in, so the
tests never need the markdown files.

Only the cases a strict HTTP/1.1 server can be compared against are kept: type
`request`, no `pause` or `skipBody` meta (those steer llhttp's callbacks, not
its grammar), not from a `lenient-*.md` file, and no inline JavaScript
(`${...}`). A case expects rejection when its log reports an error other than
code 22, which is llhttp pausing for CONNECT or Upgrade.

Each markdown section (a heading) holds one test: a `<!-- meta=... -->`
comment, an `http` block with the input and a `log` block with llhttp's
callbacks. Text may sit between the two blocks ("_Note the trailing CRLF
above_"), so blocks are matched per section, as llhttp's own md-test.ts does
through mdgator, rather than by one regular expression across the file.
A title repeated within a file gets " (2)", so titles name cases uniquely.

Besides the verdict, each case records how many messages llhttp completed
and how many body bytes it reported, so a test can check that an accepted
input is also framed the same way.

In the JSON, `input` maps every byte to the code point of the same value
(latin-1), so the file stays readable and any byte survives the round trip.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
DEFAULT_SOURCE = os.path.join(os.path.dirname(REPO), "shared", "corpora", "llhttp-request-fixtures")
OUTPUT = os.path.join(HERE, "request-cases.json")

SECTION = re.compile(r"^#+ (.*)$", re.M)
META = re.compile(r"<!-- meta=(\{.*?\}) -->")
BLOCK = re.compile(r"^```(http|log)\n(.*?)^```", re.M | re.S)
ERROR = re.compile(r"error code=(\d+) reason=\"(.*)\"")
BODY_SPAN = re.compile(r"len=(\d+) span\[body\]")
PAUSE_ON_UPGRADE = 22


def normalise(text):
    """Apply md-test.ts's input rewriting: drop the final newline, join escaped
    line breaks, make every line end CRLF, expand escapes."""
    text = re.sub(r"\n\Z", "", text)  # JavaScript's `$`, not Python's, which also matches before a final newline
    text = re.sub(r"\\(\r\n|\r|\n)", "", text)
    text = re.sub(r"\r\n|\r|\n", "\r\n", text)
    text = text.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t").replace("\\f", "\f")
    text = re.sub(r"\\x([0-9a-fA-F]+)", lambda m: chr(int(m.group(1), 16)), text)
    text = re.sub(r"\\([0-7]{1,3})", lambda m: chr(int(m.group(1), 8)), text)
    if all(ord(ch) < 256 for ch in text):
        return text.encode("latin-1")
    return text.encode("utf-8")


def sections(path):
    """Yield (title, body) for every heading of a markdown file."""
    text = open(path, encoding="utf-8").read()
    headings = list(SECTION.finditer(text))
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
        yield heading.group(1).strip(), text[heading.end():end]


def cases(source):
    for name in sorted(os.listdir(source)):
        if not name.endswith(".md"):
            continue
        seen = {}
        for title, body in sections(os.path.join(source, name)):
            meta = META.search(body)
            blocks = {kind: content for kind, content in BLOCK.findall(body)}
            if meta is None or "http" not in blocks:
                continue
            seen[title] = seen.get(title, 0) + 1
            yield {
                "file": name,
                "title": title if seen[title] == 1 else f"{title} ({seen[title]})",
                "meta": json.loads(meta.group(1)),
                "http": blocks["http"],
                "log": blocks["log"],
            }


def is_strict(case):
    meta = case["meta"]
    return (meta.get("type") == "request"
            and "pause" not in meta
            and not meta.get("skipBody")
            and not case["file"].startswith("lenient-")
            and "${" not in case["http"])


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SOURCE
    out = []
    for case in cases(source):
        if not is_strict(case):
            continue
        errors = [(int(code), reason) for code, reason in ERROR.findall(case["log"])]
        rejecting = [reason for code, reason in errors if code != PAUSE_ON_UPGRADE]
        out.append({
            "file": case["file"],
            "title": case["title"],
            "input": normalise(case["http"]).decode("latin-1"),
            "expectsError": bool(rejecting),
            "llhttpError": rejecting[0] if rejecting else None,
            "completedMessages": case["log"].count("message complete"),
            "bodyBytes": sum(int(length) for length in BODY_SPAN.findall(case["log"])),
        })
    with open(OUTPUT, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(f"{len(out)} strict request cases written to {os.path.relpath(OUTPUT, REPO)}")


if __name__ == "__main__":
    main()
