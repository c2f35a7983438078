"""Serves two session requests through Flask's request path without sockets
(app.wsgi_app with a prepared environ, as a WSGI server would call it), as
Sources/SessionBenchmark does through AsyncWeb's: /read opens the session
cookie, /write also signs a new one. Prints what each answered to stdout and
the median microseconds per request of each to stderr (read, then write).

Usage: flask_benchmark.py COOKIE SECONDS"""
import sys
import time
from datetime import timedelta

from flask import Flask, session
from werkzeug.test import EnvironBuilder

app = Flask("sessions")
app.secret_key = "benchmark-secret"
# The cookie was signed once, long ago: a long lifetime keeps it valid.
app.permanent_session_lifetime = timedelta(days=100 * 365)


@app.get("/read")
def read():
    return session.get("username", "anonymous")


@app.get("/write")
def write():
    session["visits"] = session.get("visits", 0) + 1
    return "counted"


def environ(path, cookie):
    return EnvironBuilder(path=path, headers={"Cookie": "session=" + cookie}).get_environ()


def respond(environ_template):
    """One request, as a WSGI server makes it: a fresh environ, the body drained."""
    captured = {}

    def start_response(status, headers, exc_info=None):
        captured["headers"] = headers

    body = b"".join(app.wsgi_app(dict(environ_template), start_response))
    return body, captured["headers"]


def answer(environ_template):
    body, headers = respond(environ_template)
    cookie = next((value for name, value in headers if name == "Set-Cookie"), None)
    payload = cookie.split(".", 1)[0] if cookie else "-"
    return body.decode() + " " + payload


def measure(environ_template, seconds):
    samples = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        start = time.perf_counter()
        for _ in range(100):
            respond(environ_template)
        samples.append((time.perf_counter() - start) / 100)
    samples.sort()
    return samples[len(samples) // 2] * 1e6


def main():
    cookie, seconds = sys.argv[1], float(sys.argv[2])
    read_environ, write_environ = environ("/read", cookie), environ("/write", cookie)
    print(answer(read_environ))
    print(answer(write_environ))
    timings = [measure(read_environ, seconds), measure(write_environ, seconds)]
    sys.stderr.write(" ".join(f"{t:.2f}" for t in timings) + "\n")


main()
