"""The soak's request mix: Quickstart requests (Examples/Quickstart, the Flask
oracle's routes) and what each must answer, in the order every client cycles
through them.

One list serves all the traffic shapes: client.py imports it for connection
churn and idle connections, and `python3 mix.py lua HOST:PORT` writes it as a
Lua table for wrk's keep-alive load (mixed.lua), so wrk sends the very same
bytes and checks the same answers.

Usage: python3 mix.py lua 127.0.0.1:24567 > mix-data.lua"""
import sys
from dataclasses import dataclass

SMALL_UPLOAD = b"hello, upload"
# Larger than one receive buffer, so the body arrives in several reads.
LARGE_UPLOAD = bytes(range(256)) * 128
MULTIPART_BOUNDARY = "soak-boundary-7MA4YWxkTrZu0gW"


@dataclass(frozen=True)
class Exchange:
    """One request and the answer it must get.

    `session` requests send the session cookie the last session answer set and
    keep the one their answer sets (a cleared cookie is dropped), so a client
    logs in, reads its session, flashes and logs out as a browser would.
    `etag="keep"` keeps the answer's ETag; `etag="send"` sends it back as
    If-None-Match."""

    method: str
    target: str
    status: int
    contains: str | None = None
    location: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    content_type: str | None = None
    body: bytes = b""
    session: bool = False
    etag: str | None = None

    @property
    def name(self) -> str:
        return f"{self.method} {self.target}"

    def head(self, host: str) -> bytes:
        """The request line and fixed header lines, each ending in CRLF; the
        client adds its cookie, If-None-Match and Connection lines and the
        blank line."""
        lines = [f"{self.method} {self.target} HTTP/1.1", f"Host: {host}"]
        lines += [f"{name}: {value}" for name, value in self.headers]
        if self.content_type:
            lines.append(f"Content-Type: {self.content_type}")
        if self.body or self.method in ("POST", "PUT"):
            lines.append(f"Content-Length: {len(self.body)}")
        return "".join(line + "\r\n" for line in lines).encode()


def form(fields: str) -> dict:
    return {"content_type": "application/x-www-form-urlencoded", "body": fields.encode()}


def upload(filename: str, content: bytes) -> dict:
    body = (
        f"--{MULTIPART_BOUNDARY}\r\n"
        f'Content-Disposition: form-data; name="the_file"; filename="{filename}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode() + content + f"\r\n--{MULTIPART_BOUNDARY}--\r\n".encode()
    return {"content_type": f"multipart/form-data; boundary={MULTIPART_BOUNDARY}", "body": body}


def exchanges(origin: str) -> list[Exchange]:
    """The cycle, for a server at `origin` (http://HOST:PORT, which appears in
    absolute redirects). GET /log is left out: each one adds a line to the
    server's log, which would grow for the whole soak."""
    return [
        Exchange("GET", "/", 200, "<p>Hello, World!</p>"),
        Exchange("GET", "/hello-name/%3Cscript%3E", 200, "Hello, &lt;script&gt;!"),
        Exchange("GET", "/index", 200, "Index Page"),
        Exchange("GET", "/user/soak", 200, "User soak"),
        Exchange("GET", "/post/42", 200, "Post 42"),
        Exchange("GET", "/post/abc", 404, "custom not found page"),
        Exchange("GET", "/path/a/b/c.txt", 200, "Subpath a/b/c.txt"),
        Exchange("GET", "/price/3.5", 200, "Price 3.5"),
        Exchange("GET", "/item/1B4E28BA-2FA1-11D2-883F-0016D3CCA427", 200, "Item 1b4e28ba-2fa1-11d2-883f-0016d3cca427"),
        Exchange("GET", "/projects", 308, location=f"{origin}/projects/"),
        Exchange("GET", "/projects/", 200, "The project page"),
        Exchange("GET", "/about", 200, "The about page"),
        Exchange("GET", "/urls", 200, "/static/style.css\n/post/42?page=2"),
        Exchange("GET", "/login", 200, '<form method="post">'),
        Exchange("OPTIONS", "/login", 200),
        Exchange("PUT", "/login", 405, "Method Not Allowed"),
        Exchange("POST", "/split", 200, "do the login"),
        Exchange("GET", "/hello-tpl/soak", 200, "<h1>Hello soak!</h1>"),
        Exchange("GET", "/hello-tpl/%3Cb%3EJohn", 200, "<h1>Hello &lt;b&gt;John!</h1>"),
        Exchange("GET", "/hello-tpl/", 200, "<h1>Hello, World!</h1>"),
        Exchange("GET", "/child", 200, '<li class="even">2: &lt;b&gt;</li>'),
        Exchange("GET", "/markup", 200, "<strong>Hello &lt;blink&gt;hacker&lt;/blink&gt;!</strong>"),
        Exchange("GET", "/search?key=%3Ci%3Ex+y", 200, "searched: &lt;i&gt;x y"),
        Exchange("POST", "/form-required", 200, "got &lt;alice&gt;", **form("username=%3Calice%3E")),
        Exchange("POST", "/form-required", 400, "Bad Request", **form("other=x")),
        Exchange("GET", "/upload", 200, "upload form"),
        Exchange("POST", "/upload", 200, "saved soak_notes.txt 13", **upload("../soak notes.txt", SMALL_UPLOAD)),
        Exchange("POST", "/upload", 200, f"saved soak_large.bin {len(LARGE_UPLOAD)}", **upload("soak large.bin", LARGE_UPLOAD)),
        Exchange("GET", "/cookie", 200, "cookie username: the username", headers=(("Cookie", 'username="the username"'),)),
        Exchange("GET", "/cookie-set", 200, "cookie set"),
        Exchange("GET", "/go", 302, location="/login"),
        Exchange("GET", "/forbidden", 401, "Unauthorized"),
        Exchange("GET", "/no/such/page", 404, "custom not found page"),
        Exchange("GET", "/custom-header", 200, "with header"),
        Exchange("GET", "/tuple-status", 201, "created"),
        Exchange("GET", "/tuple-both", 202, "accepted"),
        Exchange("GET", "/stream", 200, "chunk 4\n"),
        Exchange("GET", "/me", 200, '"username":"alice"'),
        Exchange("GET", "/users", 200, '{"id":2,"name":"bob"}'),
        Exchange("GET", "/static/style.css", 200, "body { color: #333; }", etag="keep"),
        Exchange("GET", "/static/style.css", 304, etag="send"),
        Exchange("GET", "/static/../flask_quickstart.py", 404),
        Exchange("POST", "/login", 302, location="/session", session=True, **form("username=soak")),
        Exchange("GET", "/session", 200, "Logged in as soak", session=True),
        Exchange("GET", "/flash", 302, location="/flash-show", session=True),
        Exchange("GET", "/flash-show", 200, "message:You were successfully logged in|warning:Second message", session=True),
        Exchange("GET", "/logout", 302, location="/session", session=True),
        Exchange("GET", "/session", 200, "You are not logged in", session=True),
    ]


@dataclass
class ClientState:
    """What a client carries from one answer to the next: the session cookie
    and the static file's ETag."""

    session_cookie: str | None = None
    etag: str | None = None

    def dynamic_headers(self, exchange: Exchange) -> bytes:
        lines = []
        if exchange.session and self.session_cookie:
            lines.append(f"Cookie: session={self.session_cookie}")
        if exchange.etag == "send" and self.etag:
            lines.append(f"If-None-Match: {self.etag}")
        return "".join(line + "\r\n" for line in lines).encode()

    def check(self, exchange: Exchange, status: int, headers: dict[str, str], body: bytes) -> str | None:
        """Why the answer is wrong, or None; keeps its cookie and ETag either way.
        `headers` has lower-case names."""
        if exchange.session and "set-cookie" in headers:
            cookie = headers["set-cookie"]
            if cookie.startswith("session="):
                value = cookie[len("session="):].split(";", 1)[0]
                self.session_cookie = value or None
        if exchange.etag == "keep":
            self.etag = headers.get("etag")
        if status != exchange.status:
            return f"status {status}, expected {exchange.status}"
        if exchange.contains is not None and exchange.contains.encode() not in body:
            return f"body {body[:120]!r} lacks {exchange.contains!r}"
        if exchange.location is not None and headers.get("location") != exchange.location:
            return f"Location {headers.get('location')!r}, expected {exchange.location!r}"
        return None


def lua_string(data: bytes) -> str:
    """A Lua string literal for any bytes: printable ASCII as is, the rest as
    three-digit decimal escapes (a shorter one would swallow a digit after it)."""
    out = []
    for byte in data:
        char = chr(byte)
        if char in '"\\':
            out.append("\\" + char)
        elif 32 <= byte < 127:
            out.append(char)
        else:
            out.append(f"\\{byte:03d}")
    return '"' + "".join(out) + '"'


def lua_table(host: str) -> str:
    rows = []
    for exchange in exchanges(f"http://{host}"):
        fields = {
            "name": lua_string(exchange.name.encode()),
            "head": lua_string(exchange.head(host)),
            "body": lua_string(exchange.body),
            "status": str(exchange.status),
            "contains": lua_string(exchange.contains.encode()) if exchange.contains is not None else None,
            "location": lua_string(exchange.location.encode()) if exchange.location is not None else None,
            "session": "true" if exchange.session else None,
            "etag": lua_string(exchange.etag.encode()) if exchange.etag else None,
        }
        rows.append("  { " + ", ".join(f"{key} = {value}" for key, value in fields.items() if value) + " },")
    return "-- Written by mix.py for one soak run; the mix is defined there.\nreturn {\n" + "\n".join(rows) + "\n}\n"


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "lua":
        sys.exit(__doc__.split("Usage: ")[1])
    sys.stdout.write(lua_table(sys.argv[2]))
