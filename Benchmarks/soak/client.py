"""The soak's Python traffic: connection churn and idle keep-alive connections,
both cycling through the Quickstart mix of mix.py and checking every answer.

churn: one connection per request at a bounded rate. Of every ten connections,
five send `Connection: close` and wait for the server to close, four send a
keep-alive request, read the answer and close first, and one sends a request
and resets the connection at once, without reading (counted as aborted, not as
a request).

idle: CONNECTIONS keep-alive connections held open for the whole run, each
sending one request every INTERVAL seconds. Keep INTERVAL below the server's
idle timeout (60 s): a connection the server closed counts as an error.

Both stop after SECONDS and print "soak NAME COUNT" lines, as mixed.lua's done()
does: requests (answers checked), aborted, and errors: connect, timeout, closed
(the connection closed or reset before a whole answer), kept_open (no close
after `Connection: close`) and unexpected (wrong status, body or Location).

Usage: python3 client.py churn PORT SECONDS RATE
       python3 client.py idle PORT SECONDS CONNECTIONS INTERVAL"""
import signal
import socket
import struct
import sys
import time
from collections import Counter

from mix import ClientState, Exchange, exchanges

TIMEOUT_SECONDS = 5
MAX_SHOWN = 5


class ConnectionClosed(Exception):
    """The server closed or reset the connection before a whole answer."""


class Connection:
    """One HTTP/1.1 client connection to 127.0.0.1, one request in flight."""

    def __init__(self, port: int):
        self.socket = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT_SECONDS)
        self.buffer = b""

    def close(self, reset: bool = False) -> None:
        if reset:
            # A zero linger time makes close() send RST instead of FIN.
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.socket.close()

    def send(self, data: bytes) -> None:
        try:
            self.socket.sendall(data)
        except (BrokenPipeError, ConnectionResetError) as error:
            raise ConnectionClosed(str(error)) from error

    def _receive(self) -> bytes:
        try:
            return self.socket.recv(65536)
        except ConnectionResetError as error:
            raise ConnectionClosed(str(error)) from error

    def _fill(self) -> None:
        data = self._receive()
        if not data:
            raise ConnectionClosed("closed by the server")
        self.buffer += data

    def _take(self, count: int) -> bytes:
        while len(self.buffer) < count:
            self._fill()
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def _take_line(self) -> bytes:
        while b"\r\n" not in self.buffer:
            self._fill()
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line

    def read_answer(self) -> tuple[int, dict[str, str], bytes]:
        """Status, headers (lower-case names) and body of the next answer."""
        while b"\r\n\r\n" not in self.buffer:
            self._fill()
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        headers = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            headers.setdefault(name.strip().lower(), value.strip())
        if status in (204, 304) or status < 200:
            body = b""
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            chunks = []
            while size := int(self._take_line().split(b";")[0], 16):
                chunks.append(self._take(size))
                self._take(2)
            while self._take_line():
                pass
            body = b"".join(chunks)
        elif "content-length" in headers:
            body = self._take(int(headers["content-length"]))
        else:
            while data := self._receive():
                self.buffer += data
            body, self.buffer = self.buffer, b""
        return status, headers, body

    def closed_by_server(self) -> bool:
        """Whether the server closes the connection now, with nothing more sent."""
        try:
            return not self.buffer and not self._receive()
        except ConnectionClosed:
            return True
        except TimeoutError:
            return False


class Tally:
    """Counts and the first few errors shown, printed at the end."""

    def __init__(self):
        self.counts = Counter({kind: 0 for kind in ("requests", "aborted", "connect", "timeout", "closed", "kept_open", "unexpected")})

    def error(self, kind: str, exchange: Exchange | None, detail: str) -> None:
        self.counts[kind] += 1
        if sum(self.counts[kind] for kind in ("connect", "timeout", "closed", "kept_open", "unexpected")) <= MAX_SHOWN:
            about = f" ({exchange.name})" if exchange else ""
            print(f"{kind}{about}: {detail}", file=sys.stderr, flush=True)

    def print(self) -> None:
        for kind, count in self.counts.items():
            print(f"soak {kind} {count}", flush=True)


class MixCycle:
    """The mix in order, round and round, with one client's cookie and ETag."""

    def __init__(self, port: int):
        self.host = f"127.0.0.1:{port}"
        self.exchanges = exchanges(f"http://{self.host}")
        self.index = 0
        self.state = ClientState()

    def next(self) -> Exchange:
        exchange = self.exchanges[self.index]
        self.index = (self.index + 1) % len(self.exchanges)
        return exchange

    def request(self, exchange: Exchange, close: bool) -> bytes:
        connection_header = b"Connection: close\r\n" if close else b""
        return exchange.head(self.host) + self.state.dynamic_headers(exchange) + connection_header + b"\r\n" + exchange.body

    def exchange(self, connection: Connection, tally: Tally, close: bool = False) -> bool:
        """Sends the next request and checks its answer; False if the connection failed."""
        exchange = self.next()
        try:
            connection.send(self.request(exchange, close))
            status, headers, body = connection.read_answer()
            tally.counts["requests"] += 1
            problem = self.state.check(exchange, status, headers, body)
            if problem:
                tally.error("unexpected", exchange, problem)
            if close and not connection.closed_by_server():
                tally.error("kept_open", exchange, "the server sent more after answering a Connection: close request")
            return True
        except TimeoutError:
            tally.error("timeout", exchange, f"no whole answer within {TIMEOUT_SECONDS}s")
        except ConnectionClosed as error:
            tally.error("closed", exchange, str(error))
        return False


def connect(port: int, tally: Tally) -> Connection | None:
    try:
        return Connection(port)
    except TimeoutError:
        tally.error("timeout", None, f"connecting took over {TIMEOUT_SECONDS}s")
    except OSError as error:
        tally.error("connect", None, str(error))
    return None


def churn(port: int, seconds: float, rate: float, tally: Tally) -> None:
    cycle = MixCycle(port)
    abort_request = b"GET /hello-tpl/abort HTTP/1.1\r\nHost: " + cycle.host.encode() + b"\r\n\r\n"
    interval = 1 / rate
    deadline = time.monotonic() + seconds
    next_start = time.monotonic()
    number = 0
    while (now := time.monotonic()) < deadline:
        if now < next_start:
            time.sleep(next_start - now)
        # Behind schedule (a slow answer), start again from now rather than in a burst.
        next_start = max(next_start + interval, time.monotonic() - 1)
        number += 1
        connection = connect(port, tally)
        if connection is None:
            continue
        if number % 10 == 0:
            try:
                connection.send(abort_request)
                tally.counts["aborted"] += 1
            except ConnectionClosed as error:
                tally.error("closed", None, f"sending a request to abort: {error}")
            connection.close(reset=True)
        else:
            try:
                cycle.exchange(connection, tally, close=number % 2 == 1)
            finally:
                connection.close()


def idle(port: int, seconds: float, count: int, interval: float, tally: Tally) -> None:
    cycle = MixCycle(port)
    connections = [connect(port, tally) for _ in range(count)]
    deadline = time.monotonic() + seconds
    while time.monotonic() + interval < deadline:
        time.sleep(interval)
        for index, connection in enumerate(connections):
            if connection is None or not cycle.exchange(connection, tally):
                if connection is not None:
                    connection.close()
                connections[index] = connect(port, tally)
    time.sleep(max(0.0, deadline - time.monotonic()))
    for connection in connections:
        if connection is not None:
            connection.close()


def main() -> None:
    usage = __doc__.split("Usage: ")[1]
    if len(sys.argv) < 2 or sys.argv[1] not in ("churn", "idle"):
        sys.exit(f"usage: {usage}")
    mode, arguments = sys.argv[1], sys.argv[2:]
    tally = Tally()
    # run.sh stops a client that overruns with SIGTERM: print what it counted so far.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        if mode == "churn" and len(arguments) == 3:
            churn(int(arguments[0]), float(arguments[1]), float(arguments[2]), tally)
        elif mode == "idle" and len(arguments) == 4:
            idle(int(arguments[0]), float(arguments[1]), int(arguments[2]), float(arguments[3]), tally)
        else:
            sys.exit(f"usage: {usage}")
    finally:
        tally.print()


if __name__ == "__main__":
    main()
