#!/usr/bin/env python3
"""Runs Werkzeug 3.1 over the inputs below and writes cases.json, the oracle
for the Swift RequestData tests.

    python3 Tests/AsyncWebHTTPTests/Fixtures/requestdata/generate.py

Every answer is Werkzeug's own: query strings go through ``Request.args``,
bodies through ``Request.form`` / ``Request.files`` (Flask's path, with
Flask's default limits), limits through ``MultiPartParser``, filenames
through ``secure_filename``. Bytes are base64 in the JSON. Seeded random
inputs join the hand-written ones, so the output is the same on every run.

Werkzeug's multipart parser answers slightly differently depending on how
many bytes it reads at a time (at one byte a read it can add a stray CR to a
value); the answers here are for the whole body, and each case notes the read
sizes at which Werkzeug itself would differ.
"""

from __future__ import annotations

import base64
import io
import json
import random
import types
from importlib.metadata import version
from pathlib import Path
from urllib.parse import parse_qsl

import werkzeug.urls  # noqa: F401  registers the "werkzeug.url_quote" codec used below
import werkzeug.utils
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.formparser import FormDataParser, MultiPartParser
from werkzeug.http import parse_options_header
from werkzeug.test import create_environ
from werkzeug.wrappers import Request

HERE = Path(__file__).resolve().parent
WERKZEUG_VERSION = version("werkzeug")
assert WERKZEUG_VERSION.startswith("3.1."), WERKZEUG_VERSION


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class OrderedRequest(Request):
    """Werkzeug's request, but its form and files come back as the ordered
    list of pairs the parser built, so the fixtures keep the order across keys."""

    parameter_storage_class = list  # type: ignore[assignment]


def request_for(body: bytes, content_type: str | None, query: bytes = b"", cls=OrderedRequest) -> Request:
    environ = create_environ(method="POST", input_stream=io.BytesIO(body), content_length=len(body))
    environ.pop("CONTENT_TYPE", None)
    if content_type is not None:
        environ["CONTENT_TYPE"] = content_type
    # A WSGI server hands the raw query bytes over as latin-1, as Werkzeug expects.
    environ["QUERY_STRING"] = query.decode("latin-1")
    return cls(environ)


def pairs(items) -> list[list[str]]:
    return [[k, v] for k, v in items]


# ---------------------------------------------------------------------------
# Query strings and application/x-www-form-urlencoded bodies

QUERIES: list[bytes] = [
    b"",
    b"a=1",
    b"a=1&b=2",
    b"a=1&b=2&a=3",
    b"a",
    b"a=",
    b"=a",
    b"=",
    b"&",
    b"&&a=1&&",
    b"a=1&",
    b"&a=1",
    b"a=b=c",
    b"a==b",
    b"a+b=c+d",
    b"a%20b=c%20d",
    b"a%2Bb=c%2bd",
    b"%41%42%43=%61%62%63",
    b"a=%",
    b"a=%4",
    b"a=%zz",
    b"a=%%41",
    b"a=%4g",
    b"a=100%",
    b"a=%%",
    b"a=%2",
    b"a=%C3%A9",
    b"a=%c3%a9",
    b"a=%E2%82%AC",
    b"a=%F0%9F%98%80",
    b"a=%ff",
    b"a=%FF%FE",
    b"a=%C3",
    b"a=%E2%82",
    b"a=%E2%82%41",
    b"a=%ED%A0%80",
    b"a=%C0%AF",
    b"a=%F4%90%80%80",
    b"a=%80",
    b"%ff=1",
    b"a=\xc3\xa9",
    b"\xc3\xa9=\xe2\x82\xac",
    b"a=\xc3\xa9%C3%A9",
    b"a=%C3\xc3\xa9",
    b"a=\xff",
    b"a=\xc3",
    b"a=1;b=2",
    b"a=1%26b%3D2",
    b"a=%3D&b=%26",
    b"a=1#frag",
    b"a[]=1&a[]=2",
    b"user[name]=x&user[age]=3",
    b"a=+",
    b"a=++",
    b"+=+",
    b"a=%2B+%2B",
    b"a=%0D%0A",
    b"a=%00",
    b"a=\t",
    b"a=1&A=2",
    b"key with space=1",
    b"a=%e2%82%ac%e2%82",
    b"%=%",
    b"a=%a",
    b"%a=%ab",
    b"x=%u00e9",
    b"a=1&b&c=&d=4",
    b"q=caf%C3%A9+cr%C3%A8me&lang=fr",
    b"redirect=http%3A%2F%2Fexample.com%2F%3Fa%3D1%26b%3D2",
    b"emoji=%F0%9F%91%8D%F0%9F%8F%BD",
    b"a=%F0%9F%91",
    b"a=%F0%9F%91%F0%9F%91%8D",
    b"a=1&a=2&a=3&b=4&a=5",
]


def query_case(raw: bytes) -> dict:
    case: dict = {"input": b64(raw)}
    try:
        case["args"] = pairs(request_for(b"", None, query=raw).args)
        plain = request_for(b"", None, query=raw, cls=Request)
        grouped: dict[str, list[str]] = {}
        for k, v in case["args"]:
            grouped.setdefault(k, []).append(v)
        assert list(plain.args.lists()) == list(grouped.items()), raw
    except UnicodeDecodeError:
        # Werkzeug's Request.args fails on raw bytes that are not UTF-8 (a 500 in
        # Flask). AsyncWeb percent-encodes them instead, as Werkzeug does for
        # percent-encoded invalid bytes: the same as decoding with its codec first.
        case["args"] = None
        lenient = raw.decode("utf-8", "werkzeug.url_quote")
        case["argsLenient"] = pairs(parse_qsl(lenient, keep_blank_values=True, errors="werkzeug.url_quote"))
    form_request = request_for(raw, "application/x-www-form-urlencoded")
    case["form"] = pairs(form_request.form)
    return case


# ---------------------------------------------------------------------------
# multipart/form-data bodies

CRLF = b"\r\n"


def disposition(name: str | None, filename: str | None = None, extra: str = "") -> bytes:
    value = "form-data"
    if name is not None:
        value += f'; name="{name}"'
    if filename is not None:
        value += f'; filename="{filename}"'
    return ("Content-Disposition: " + value + extra).encode("utf-8")


def multipart(boundary: bytes, parts: list[tuple[list[bytes], bytes]], *, preamble: bytes = b"",
              epilogue: bytes = b"\r\n", lb: bytes = CRLF, close: bool = True) -> bytes:
    out = preamble
    for headers, data in parts:
        out += b"--" + boundary + lb
        for header in headers:
            out += header + lb
        out += lb + data + lb
    if close:
        out += b"--" + boundary + b"--" + epilogue
    return out


def ct(boundary: str) -> str:
    return f"multipart/form-data; boundary={boundary}"


def field(name: str, value: bytes, *more: bytes) -> tuple[list[bytes], bytes]:
    return ([disposition(name), *more], value)


def file(name: str, filename: str, data: bytes, content_type: str = "text/plain", *more: bytes):
    return ([disposition(name, filename), f"Content-Type: {content_type}".encode(), *more], data)


rng = random.Random(20240611)
BINARY = bytes(range(256)) * 4
LARGE = bytes(rng.getrandbits(8) for _ in range(70_000))
B = b"----WebKitFormBoundary7MA4YWxkTrZu0gW"
BS = B.decode()

MULTIPART: list[tuple[str, str | None, bytes]] = [
    ("one field", ct(BS), multipart(B, [field("username", b"alice")])),
    ("several fields", ct(BS), multipart(B, [field("a", b"1"), field("b", b"2"), field("c", b"3")])),
    ("repeated field names keep their order", ct(BS),
     multipart(B, [field("tag", b"x"), field("other", b"o"), field("tag", b"y"), field("tag", b"z")])),
    ("field and file", ct(BS), multipart(B, [field("title", b"Report"), file("upload", "report.txt", b"hello\nworld\n")])),
    ("several files under one name", ct(BS),
     multipart(B, [file("docs", "a.txt", b"A"), file("docs", "b.txt", b"BB"), file("docs", "c.bin", BINARY, "application/octet-stream")])),
    ("unicode field value", ct(BS), multipart(B, [field("greeting", "héllo wörld €😀".encode())])),
    ("unicode field name", ct(BS), multipart(B, [field("prénom", b"x")])),
    ("raw UTF-8 filename", ct(BS), multipart(B, [file("f", "résumé €.pdf", b"%PDF", "application/pdf")])),
    ("RFC 2231 filename", ct(BS),
     multipart(B, [([b"Content-Disposition: form-data; name=\"f\"; filename*=UTF-8''%E2%82%AC%20rates.txt"], b"data")])),
    ("RFC 2231 continuations", ct(BS),
     multipart(B, [([b"Content-Disposition: form-data; name=\"f\"; filename*0*=UTF-8''%C3%A9t%C3%A9; filename*1=\"_long\"; filename*2*=%2Etxt"], b"d")])),
    ("filename* wins over filename", ct(BS),
     multipart(B, [([b"Content-Disposition: form-data; name=\"f\"; filename=\"fallback.txt\"; filename*=utf-8''na%C3%AFve.txt"], b"d")])),
    ("RFC 2231 latin-1 filename", ct(BS),
     multipart(B, [([b"Content-Disposition: form-data; name=\"f\"; filename*=iso-8859-1''caf%E9.txt"], b"d")])),
    ("RFC 2231 unknown charset stays quoted", ct(BS),
     multipart(B, [([b"Content-Disposition: form-data; name=\"f\"; filename*=shift_jis''%82%A0.txt"], b"d")])),
    ("no filename makes a field", ct(BS), multipart(B, [([disposition("note"), b"Content-Type: text/plain"], b"not a file")])),
    ("empty filename is still a file", ct(BS), multipart(B, [file("upload", "", b"", "application/octet-stream")])),
    ("empty file", ct(BS), multipart(B, [file("upload", "empty.txt", b"")])),
    ("empty field", ct(BS), multipart(B, [field("blank", b"")])),
    ("CRLF inside data", ct(BS), multipart(B, [field("text", b"line1\r\nline2\r\n\r\nline4"), file("f", "crlf.txt", b"\r\n\r\n")])),
    ("data ending in CR or LF", ct(BS), multipart(B, [field("a", b"ends with cr\r"), field("b", b"ends with lf\n"), field("c", b"\n\r")])),
    ("boundary-like text inside data", ct(BS),
     multipart(B, [field("a", b"--" + B + b"x"), field("b", b"\r\n--" + B + b"x\r\n"),
                   field("c", b"\r\n--" + B[:-1]), field("d", b"--" + B + b"--"),
                   field("e", b"x\r\n--" + B + b" x\r\n")])),
    ("boundary without a line break before it is data", ct(BS),
     multipart(B, [field("a", b"abc--" + B + b"\r\ndef")])),
    ("preamble", ct(BS), multipart(B, [field("a", b"1")], preamble=b"This is a preamble.\r\nIgnore it.\r\n")),
    ("epilogue", ct(BS), multipart(B, [field("a", b"1")], epilogue=b"\r\nThis is the epilogue.\r\n--" + B + b"\r\nnot a part\r\n")),
    ("LF line breaks", ct(BS), multipart(B, [field("a", b"1"), file("f", "x.txt", b"two\nlines")], lb=b"\n", epilogue=b"\n")),
    ("CR line breaks", ct(BS), multipart(B, [field("a", b"1"), field("b", b"2")], lb=b"\r", epilogue=b"\r")),
    ("whitespace after boundaries", ct(BS),
     (b"--" + B + b" \t\r\n" + disposition("a") + b"\r\n\r\nv\r\n--" + B + b"  \r\n" + disposition("b") + b"\r\n\r\nw\r\n--" + B + b"-- \t\r\n")),
    ("final boundary without line break", ct(BS), multipart(B, [field("a", b"1")], epilogue=b"")),
    ("quoted boundary with special characters", 'multipart/form-data; boundary="a:b c=d?"',
     multipart(b"a:b c=d?", [field("a", b"1"), field("b", b"2")])),
    ("boundary parameter among others", 'Multipart/Form-Data; charset=utf-8; BOUNDARY=xyz',
     multipart(b"xyz", [field("a", b"1")])),
    ("short boundary", ct("x"), multipart(b"x", [field("a", b"x-x--x\r\n-x"), field("b", b"--x-")])),
    ("field charset iso-8859-1", ct(BS), multipart(B, [field("a", "café".encode("latin-1"), b"Content-Type: text/plain; charset=ISO-8859-1")])),
    ("field charset ascii with high bytes", ct(BS), multipart(B, [field("a", b"caf\xe9", b"Content-Type: text/plain; charset=us-ascii")])),
    ("field unknown charset decodes as UTF-8", ct(BS), multipart(B, [field("a", "日本".encode(), b"Content-Type: text/plain; charset=shift_jis")])),
    ("invalid UTF-8 in field values", ct(BS),
     multipart(B, [field("a", b"\xff\xfe"), field("b", b"ok\xe2\x82"), field("c", b"\xe2\x82A\xed\xa0\x80\xf0\x9f\x98"), field("d", b"\xc0\xaf\xf4\x90\x80\x80")])),
    ("folded header lines", ct(BS),
     multipart(B, [([b"Content-Disposition: form-data;", b" name=\"folded\";", b"\tfilename=\"f.txt\"", b"Content-Type: text/plain"], b"x")])),
    ("header names in any case", ct(BS),
     multipart(B, [([b"CONTENT-DISPOSITION: form-data; name=\"a\"", b"content-TYPE: text/csv"], b"1,2"), ([b"content-disposition:form-data;name=b;filename=b.txt"], b"b")])),
    ("escaped quotes in names", ct(BS),
     multipart(B, [([b'Content-Disposition: form-data; name="a\\"b"'], b"1"), ([b'Content-Disposition: form-data; name="c%22d"; filename="e%22f.txt"'], b"2")])),
    ("file headers kept", ct(BS),
     multipart(B, [file("f", "x.json", b"{}", "application/json; charset=utf-8", b"Content-Length: 2", b"X-Custom:  spaced value  ")])),
    ("file content-length header not a number", ct(BS), multipart(B, [file("f", "x.txt", b"abc", "text/plain", b"Content-Length: +3")])),
    ("binary file with every byte value", ct(BS), multipart(B, [file("bin", "all.bin", BINARY, "application/octet-stream")])),
    ("file larger than Werkzeug's read size", ct(BS), multipart(B, [field("a", b"before"), file("big", "big.bin", LARGE, "application/octet-stream"), field("z", b"after")])),
    ("data that is a partial boundary", ct("Bob"), multipart(b"Bob", [field("a", b"\r\n--Bo"), field("b", b"\r\n--B\r"), field("c", b"\r-\n--")])),
    ("part with no data and no line break", ct(BS),
     b"--" + B + b"\r\n" + disposition("a") + b"\r\n\r\n--" + B + b"--\r\n"),
    ("blank line of two CRs", ct(BS), b"--" + B + b"\r\n" + disposition("a") + b"\r\r\nvalue\r\n--" + B + b"--\r\n"),
    ("header line without a colon", ct(BS), multipart(B, [([disposition("a"), b"NoColonHere"], b"v")])),
    ("two content-dispositions, the first counts", ct(BS), multipart(B, [([disposition("first"), disposition("second")], b"v")])),
    ("transfer encoding is ignored", ct(BS), multipart(B, [file("f", "b64.txt", b"aGVsbG8=", "text/plain", b"Content-Transfer-Encoding: base64")])),
    ("nested multipart stays raw", ct(BS),
     multipart(B, [([disposition("files"), b"Content-Type: multipart/mixed; boundary=inner"], multipart(b"inner", [file("x", "x.txt", b"x")]))])),
    ("part without a name", ct(BS), multipart(B, [([b"Content-Disposition: form-data; filename=\"anon.txt\""], b"x"), field("a", b"1")])),
    ("only the closing boundary", ct(BS), b"--" + B + b"--\r\n"),
    ("closing boundary after a preamble", ct(BS), b"preamble\r\n--" + B + b"--"),
    ("parts after the closing boundary are ignored", ct(BS),
     multipart(B, [field("a", b"1")]) + multipart(B, [field("b", b"2")])),
    ("null bytes and controls in data", ct(BS), multipart(B, [field("a", b"\x00\x01\x7f"), file("f", "n.bin", b"\x00" * 50)])),
    ("many small parts", ct("b"), multipart(b"b", [field(f"f{i}", str(i).encode()) for i in range(60)])),
    # Malformed: Werkzeug rejects these, and Flask's form is then empty.
    ("missing closing boundary", ct(BS), multipart(B, [field("a", b"1")], close=False)),
    ("truncated in the middle of data", ct(BS), multipart(B, [field("a", b"1"), field("b", b"22222")])[:-30]),
    ("truncated in the headers", ct(BS), b"--" + B + b"\r\nContent-Disposition: form-da"),
    ("no boundary at all", ct(BS), b"just some text\r\nwith lines\r\n"),
    ("empty body", ct(BS), b""),
    ("missing content-disposition", ct(BS), multipart(B, [([b"Content-Type: text/plain"], b"x")])),
    ("headers never end", ct(BS), b"--" + B + b"\r\n" + disposition("a") + b"\r\nvalue\r\n--" + B + b"--\r\n"),
    ("invalid UTF-8 in a header", ct(BS), multipart(B, [([b"Content-Disposition: form-data; name=\"\xff\""], b"x")])),
    ("boundary missing from the content type", "multipart/form-data", multipart(B, [field("a", b"1")])),
    ("empty boundary", 'multipart/form-data; boundary=""', multipart(b"", [field("a", b"1")])),
    ("non-ASCII boundary", "multipart/form-data; boundary=\u00e9t\u00e9", multipart("été".encode("latin-1"), [field("a", b"1")])),
    ("boundary followed by other text", ct(BS), b"--" + B + b"xyz\r\n" + disposition("a") + b"\r\n\r\n1\r\n--" + B + b"--\r\n"),
    # Not form data at all: nothing is parsed.
    ("other content type", "application/json", b'{"a": 1}'),
    ("no content type", None, multipart(B, [field("a", b"1")])),
    ("urlencoded content type on a multipart body", "application/x-www-form-urlencoded", b"a=1&b=%20two"),
]


def file_json(name, storage) -> dict:
    storage.stream.seek(0)
    return {
        "name": name,
        "filename": storage.filename,
        "contentType": storage.content_type,
        "contentLength": storage.content_length,
        "headers": pairs(storage.headers.items()),
        "content": b64(storage.stream.read()),
    }


def werkzeug_outcome(body: bytes, content_type: str | None) -> tuple[str, str | None]:
    """What Werkzeug says when it is not silent: ok, malformed (a ValueError that
    Flask turns into an empty form), or tooLarge."""
    if content_type is None:
        return "ok", None
    mimetype, options = parse_options_header(content_type)
    parser = FormDataParser(max_form_memory_size=500_000, max_form_parts=1000, silent=False)
    try:
        parser.parse(io.BytesIO(body), mimetype.lower(), len(body), options)
    except RequestEntityTooLarge as error:
        return "tooLarge", str(error)
    except ValueError as error:
        return "malformed", f"{type(error).__name__}: {error}"
    return "ok", None


def multipart_chunk_dependence(body: bytes, content_type: str | None) -> list[int]:
    """Read sizes at which Werkzeug's own MultiPartParser answers differently
    from the whole body: recorded, not required of anyone."""
    if content_type is None:
        return []
    mimetype, options = parse_options_header(content_type)
    boundary = options.get("boundary", "")
    if mimetype.lower() != "multipart/form-data" or not boundary or not boundary.isascii():
        return []

    def run(size: int):
        parser = MultiPartParser(max_form_memory_size=None, cls=list, buffer_size=size)
        try:
            fields, files = parser.parse(io.BytesIO(body), boundary.encode(), len(body))
        except ValueError:
            return "malformed"
        return fields, [(n, f.filename, f.stream.read()) for n, f in files]

    whole = run(1 << 20)
    return [size for size in (1, 2, 3, 5, 7, 13, 64) if run(size) != whole]


def multipart_case(title: str, content_type: str | None, body: bytes) -> dict:
    request = request_for(body, content_type)
    outcome, error = werkzeug_outcome(body, content_type)
    case = {
        "title": title,
        "contentType": content_type,
        "body": b64(body),
        "outcome": outcome,
        "fields": pairs(request.form),
        "files": [file_json(name, storage) for name, storage in request.files],
    }
    if error:
        case["error"] = error
    dependence = multipart_chunk_dependence(body, content_type)
    if dependence:
        case["werkzeugDiffersAtReadSizes"] = dependence
    return case


# ---------------------------------------------------------------------------
# Limits: MAX_FORM_MEMORY_SIZE, MAX_FORM_PARTS, MAX_CONTENT_LENGTH


def multipart_limit_case(title, body, boundary: bytes, memory, parts) -> dict:
    """Werkzeug's MultiPartParser with the given limits, reading the body in
    small pieces as a server streams it. Several read sizes must agree, so the
    answer is about the limit and not about how Werkzeug happens to read (at
    one byte a read it can add a stray CR to a value: see the note in main)."""

    def run(size: int, memory=memory):
        parser = MultiPartParser(max_form_memory_size=memory, max_form_parts=parts, cls=list, buffer_size=size)
        try:
            fields, files = parser.parse(io.BytesIO(body), boundary, len(body))
        except RequestEntityTooLarge:
            return "tooLarge", [], []
        except ValueError:
            return "malformed", [], []
        return "ok", pairs(fields), [file_json(n, f) for n, f in files]

    outcomes = {run(size)[0] for size in (2, 3, 5, 8)}
    assert len(outcomes) == 1, (title, outcomes)
    outcome = outcomes.pop()
    # The contents come from one whole read; the memory limit would trip on its size alone.
    _, fields, files = run(1 << 20, memory=None) if outcome == "ok" else (outcome, [], [])
    return {
        "title": title,
        "contentType": ct(boundary.decode()),
        "body": b64(body),
        "maxFormMemorySize": memory,
        "maxFormParts": parts,
        "maxContentLength": None,
        "outcome": outcome,
        "fields": fields,
        "files": files,
    }


def request_limit_case(title, body, content_type, memory, parts, max_length) -> dict:
    """Flask's path, Request.form with the limits as its config would set them."""

    class Limited(OrderedRequest):
        max_form_memory_size = memory
        max_form_parts = parts
        max_content_length = max_length

    request = Limited(create_environ(method="POST", input_stream=io.BytesIO(body), content_length=len(body),
                                     content_type=content_type))
    try:
        fields, files = pairs(request.form), [file_json(n, f) for n, f in request.files]
        outcome = "ok"
    except RequestEntityTooLarge:
        outcome, fields, files = "tooLarge", [], []
    return {
        "title": title,
        "contentType": content_type,
        "body": b64(body),
        "maxFormMemorySize": memory,
        "maxFormParts": parts,
        "maxContentLength": max_length,
        "outcome": outcome,
        "fields": fields,
        "files": files,
    }


def limit_cases() -> list[dict]:
    L = b"limit"
    cases = []
    for size, limit in [(100, 100), (101, 100), (1000, 100), (64, 64)]:
        cases.append(multipart_limit_case(f"field of {size} bytes, limit {limit}",
                                          multipart(L, [field("a", b"v" * size)]), L, limit, None))
    cases.append(multipart_limit_case("fields each under the limit, together over it",
                                      multipart(L, [field(f"f{i}", b"x" * 90) for i in range(5)]), L, 100, None))
    cases.append(multipart_limit_case("file larger than the field limit",
                                      multipart(L, [field("a", b"1"), file("f", "f.bin", b"y" * 5000)]), L, 100, None))
    cases.append(multipart_limit_case("file then a field over the limit",
                                      multipart(L, [file("f", "f.bin", b"y" * 500), field("a", b"z" * 150)]), L, 100, None))
    cases.append(multipart_limit_case("field with many line breaks under the limit",
                                      multipart(L, [field("a", b"\r\n" * 45)]), L, 100, None))
    for count, limit in [(3, 3), (4, 3), (1000, 1000), (1001, 1000), (1, 0)]:
        cases.append(multipart_limit_case(f"{count} parts, limit {limit}",
                                          multipart(b"p", [field("f", b"1") for _ in range(count)]), b"p", None, limit))
    cases.append(multipart_limit_case("parts counted files too",
                                      multipart(b"p", [file("f", "a", b"1"), file("f", "b", b"2"), field("x", b"3")]), b"p", None, 2))
    cases.append(multipart_limit_case("long preamble over the limit",
                                      multipart(L, [field("a", b"1")], preamble=b"p" * 300 + b"\r\n"), L, 100, None))
    cases.append(multipart_limit_case("short preamble under the limit",
                                      multipart(L, [field("a", b"1")], preamble=b"p" * 40 + b"\r\n"), L, 100, None))
    cases.append(multipart_limit_case("part headers over the limit",
                                      multipart(L, [([disposition("a"), b"X-Long: " + b"h" * 300], b"1")]), L, 100, None))
    cases.append(multipart_limit_case("part headers under the limit",
                                      multipart(L, [([disposition("a"), b"X-Short: " + b"h" * 20], b"1")]), L, 100, None))
    cases.append(multipart_limit_case("epilogue over the limit",
                                      multipart(L, [field("a", b"1")], epilogue=b"\r\n" + b"e" * 300), L, 100, None))
    cases.append(multipart_limit_case("epilogue under the limit",
                                      multipart(L, [field("a", b"1")], epilogue=b"\r\n" + b"e" * 40), L, 100, None))
    cases.append(multipart_limit_case("both limits, parts exceeded first",
                                      multipart(b"p", [field("f", b"1"), field("g", b"2" * 500)]), b"p", 100, 1))
    cases.append(multipart_limit_case("no limits", multipart(L, [field("a", b"q" * 10_000)] * 3), L, None, None))

    urlencoded = "application/x-www-form-urlencoded"
    cases.append(request_limit_case("urlencoded body at the limit", b"a=" + b"x" * 98, urlencoded, 100, None, None))
    cases.append(request_limit_case("urlencoded body over the limit", b"a=" + b"x" * 99, urlencoded, 100, None, None))
    cases.append(request_limit_case("urlencoded parts are not counted", b"&".join(b"a=%d" % i for i in range(20)), urlencoded, None, 3, None))
    cases.append(request_limit_case("content length over the maximum", b"a=1&b=2", urlencoded, None, None, 6))
    cases.append(request_limit_case("content length at the maximum", b"a=1&b=2", urlencoded, None, None, 7))
    body = multipart(L, [field("a", b"1"), file("f", "f.txt", b"x" * 200)])
    cases.append(request_limit_case("multipart over the maximum content length", body, ct("limit"), None, None, len(body) - 1))
    cases.append(request_limit_case("multipart at the maximum content length", body, ct("limit"), None, None, len(body)))
    cases.append(request_limit_case("maximum content length checked for other types too", b"{}" * 10, "application/json", None, None, 5))
    return cases


# ---------------------------------------------------------------------------
# secure_filename, parse_options_header

FILENAMES = [
    "My cool movie.mov", "../../../etc/passwd", "i contain cool \u00fcml\u00e4uts.txt", "", ".", "..", "...",
    "__init__.py", "._hidden", "file.", "file_", "_.-file-._", "a b\tc\nd", "a  b", " leading and trailing ",
    "a/b/c.txt", "a\\b\\c.txt", "C:\\Windows\\system32\\cmd.exe", "/absolute/path.txt", "dir/../x", "CON", "con.txt",
    "CON.tar.gz", "aux", "NUL.", "prn.txt", "COM1", "com9.log", "LPT1", "lpt5.txt", "COM10", "CONIN$", "COM\u00b9",
    "console.txt", "x.CON", "\u65e5\u672c\u8a9e.txt", "\u00e9t\u00e9.txt", "\ufb01le.txt", "\u2460\u2461.txt",
    "na\u00efve caf\u00e9", "\u00c5ngstr\u00f6m", "\u212b", "\u0130stanbul", "emoji\U0001f600.png", "tab\there",
    "semi;colon&amp.txt", "quote\"s'.txt", "<script>.html", "per%cent.txt", "a\x1cb\x1fc", "a\x00b", "\u00a0nbsp\u3000x",
    "x" * 300 + ".txt", "-dash-.txt", "v1.2.3.tar.gz", "\u00bd.txt", "\u2126hm", "Z\u0306\u0301.txt",
]

OPTIONS_HEADERS = [
    None, "", "text/html", "text/html; charset=UTF-8", "  text/plain  ;  charset = utf-8 ", "text/plain; charset=\"utf-8\"",
    'multipart/form-data; boundary="----abc"', "multipart/form-data; boundary=----abc",
    'form-data; name="a"; filename="b.txt"', 'form-data; name="a\\"b"; filename="c\\\\d"', 'form-data; name="a%22b"',
    "form-data; name=a b; c=d", "form-data; name", "form-data; =x; name=y", "form-data;;;name=y", 'form-data; name="unterminated',
    'form-data; name="x;y"; z=1', "attachment; filename*=UTF-8''%E2%82%AC%20rates", "attachment; filename*=utf-8'en'%C3%A9",
    "attachment; filename*=ISO-8859-1''%E9", "attachment; filename*=ascii''%E9", "attachment; filename*=koi8-r''%E9",
    "attachment; filename*=''plain", "attachment; filename*0=\"a\"; filename*1=\"b\"; filename*2=c",
    "attachment; filename*0*=UTF-8''%C3%A9; filename*1*=%C3%A9", "attachment; FileName=x; FILENAME=y", "x; a*=utf-8''%ff%41",
    "x; a*=utf-8''%22q%22", "x; a*=\"quoted\"", "x; a=\"\"", "; a=1", "x;a=1", "x; a=1; a*=utf-8''2", "x; a=\u00e9",
    "x; a=\"\u00e9\"", "x; a=tok\"en", "x\t;\ta=1", "x; a=1,b=2", "x; k\u00e9y=1", "x; a= 1",
]


def windows_secure_filename(name: str) -> str:
    """secure_filename as Werkzeug runs it on Windows, the stricter of its two
    behaviours and the one AsyncWeb follows everywhere: both slashes are
    separators and device names such as CON are prefixed."""
    real_os = werkzeug.utils.os
    werkzeug.utils.os = types.SimpleNamespace(name="nt", sep="\\", path=types.SimpleNamespace(altsep="/"))
    try:
        return werkzeug.utils.secure_filename(name)
    finally:
        werkzeug.utils.os = real_os


# ---------------------------------------------------------------------------
# Seeded random inputs built from the pieces the grammars care about, so the
# corners nobody thought of get Werkzeug's answer too.

FUZZ_BOUNDARY = "zz-Z"
DISPOSITIONS = [b"Content-Disposition: form-data; name=\"a\"", b"Content-Disposition: form-data; name=b"]
HEADER_EXTRAS = [b"; filename=\"f.txt\"", b"Content-Type: text/plain; charset=latin-1", b"X: y"]
MULTIPART_PIECES = [
    b"--zz-Z", b"--zz-Z", b"--zz-", b"\r\n", b"\r\n", b"\n", b"\r", b"--", b"-", b" ", b"\t", b"x", b"\xc3\xa9",
    b"\r\n\r\n", *DISPOSITIONS, *HEADER_EXTRAS,
]
QUERY_PIECES = ["a", "b", "=", "&", "+", "%", "%4", "%41", "%2B", "%26", "%3D", "%ff", "%C3", "%A9", "%e2%82", "%AC",
                "\u00e9", "\u20ac", " ", ";", "#"]
HEADER_PIECES = ["x", "; ", ";", "a", "A*", "*0", "*1", "*", "=", '"', "\\", "\\\"", "%22", "%E2%82%AC", "%ff",
                 "UTF-8''", "iso-8859-1''", "utf-8'en'", "'", " ", "\t", "tok", "\u00e9"]


def fuzz_multipart(rng: random.Random, count: int) -> list[tuple[str, str, bytes]]:
    """Half are well-formed skeletons with odd line breaks, padding and data; half are
    the pieces in any order."""

    def pieces(low: int, high: int) -> bytes:
        return b"".join(rng.choice(MULTIPART_PIECES) for _ in range(rng.randint(low, high)))

    def line_break() -> bytes:
        return rng.choice([b"\r\n", b"\r\n", b"\r\n", b"\n", b"\r"])

    def padding() -> bytes:
        return rng.choice([b"", b"", b"", b" ", b"\t ", b"\x0b"])

    cases = []
    for number in range(count):
        if number % 2:
            body = pieces(4, 40)
        else:
            body = pieces(0, 3) if rng.random() < 0.3 else b""
            for _ in range(rng.randint(0, 3)):
                body += line_break() + b"--" + FUZZ_BOUNDARY.encode() + padding() + line_break()
                body += rng.choice(DISPOSITIONS) + (rng.choice(HEADER_EXTRAS) if rng.random() < 0.4 else b"")
                body += line_break() + line_break() + pieces(0, 8)
            body += line_break() + b"--" + FUZZ_BOUNDARY.encode() + b"--" + padding() + rng.choice([b"", line_break()])
            body += pieces(0, 2) if rng.random() < 0.3 else b""
        cases.append((f"random body {number}", ct(FUZZ_BOUNDARY), body))
    return cases


def fuzz_queries(rng: random.Random, count: int) -> list[bytes]:
    queries = []
    for _ in range(count):
        text = "".join(rng.choice(QUERY_PIECES) for _ in range(rng.randint(1, 12)))
        raw = text.encode("utf-8")
        if rng.random() < 0.1:
            raw += b"\xff"
        queries.append(raw)
    return queries


def fuzz_headers(rng: random.Random, count: int) -> list[str]:
    return ["".join(rng.choice(HEADER_PIECES) for _ in range(rng.randint(1, 14))) for _ in range(count)]


def main() -> None:
    fuzz = random.Random(31337)
    multipart_cases = [multipart_case(*c) for c in MULTIPART + fuzz_multipart(fuzz, 400)]
    cases = {
        "werkzeug": WERKZEUG_VERSION,
        "query": [query_case(q) for q in QUERIES + fuzz_queries(fuzz, 300)],
        "multipart": multipart_cases,
        "limits": limit_cases(),
        "secureFilename": [{"input": n, "output": windows_secure_filename(n), "posixOutput": werkzeug.utils.secure_filename(n)}
                           for n in FILENAMES],
        "optionsHeader": [{"input": h, "value": parse_options_header(h)[0], "options": parse_options_header(h)[1]}
                          for h in OPTIONS_HEADERS + fuzz_headers(fuzz, 300)],
    }
    (HERE / "cases.json").write_text(json.dumps(cases, indent=1, ensure_ascii=True) + "\n")
    outcomes = {}
    for case in multipart_cases:
        outcomes[case["outcome"]] = outcomes.get(case["outcome"], 0) + 1
    print(f"{len(cases['query'])} query, {len(multipart_cases)} multipart {outcomes}, {len(cases['limits'])} limits, "
          f"{len(cases['secureFilename'])} filenames, {len(cases['optionsHeader'])} options headers")
    dependent = [case["title"] for case in multipart_cases if "werkzeugDiffersAtReadSizes" in case]
    print(f"Werkzeug's own answer depends on its read size for {len(dependent)} multipart cases")


if __name__ == "__main__":
    main()
