import Foundation

/// Python's `ssl` and `http.client` as the HTTPS client: a context made with the test CA as
/// its `cafile`, so the server's certificate and name are verified as any Python program
/// would verify them.
///
/// Two ways in: ``requests(_:port:keepAlive:)`` sends HTTP requests with `http.client`;
/// ``exchange(_:port:)`` writes raw bytes on one TLS connection and returns every byte
/// that comes back until the server closes (pipelining, a connection held open).
enum PythonTLSClient {
    /// One request, as `http.client` sends it: the method, the target as is, and exactly
    /// these header fields (no Host or Accept-Encoding of its own), plus Content-Length.
    struct Request: Codable, Sendable {
        var method: String
        var target: String
        var headers: [[String]] = []
        var body: Data = Data()
    }

    /// A response as `http.client` read it, header fields in order.
    struct Response: Codable, Sendable {
        var status: Int
        var headers: [[String]]
        var body: Data

        func header(_ name: String) -> String? {
            headers.first { $0[0].lowercased() == name.lowercased() }?[1]
        }

        func values(of name: String) -> [String] {
            headers.filter { $0[0].lowercased() == name.lowercased() }.map { $0[1] }
        }

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// What one raw TLS connection saw.
    struct Exchange: Codable, Sendable {
        var received: Data
        var version: String
        var alpn: String?
        /// SHA-256 of the certificate the server presented, lowercase hex.
        var fingerprint: String
        /// Whether the server ended the connection with a TLS `close_notify` (rather than
        /// a bare TCP close, which a client cannot tell from a truncation attack).
        var cleanClose: Bool
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Sends `requests` to 127.0.0.1:`port` (verified against the name `localhost`), each on
    /// a connection of its own, or all on one when `keepAlive`; their responses in order.
    static func requests(_ requests: [Request], port: Int, keepAlive: Bool = false, timeout: Duration = .seconds(120)) throws -> [Response] {
        try run(mode: "http", keepAlive: keepAlive, payload: JSONEncoder().encode(requests), port: port, timeout: timeout, as: [Response].self)
    }

    /// Writes `bytes` at once on a new TLS connection, then reads until the server closes.
    static func exchange(_ bytes: [UInt8], port: Int, timeout: Duration = .seconds(60)) throws -> Exchange {
        try run(mode: "raw", payload: Data(bytes), port: port, timeout: timeout, as: Exchange.self)
    }

    /// What the script reads on its standard input.
    private struct Spec: Encodable {
        var mode: String
        var keep_alive: Bool
        var port: Int
        var cafile: String
        var payload: Data
    }

    private static func run<Value: Decodable>(
        mode: String, keepAlive: Bool = false, payload: Data, port: Int, timeout: Duration, as: Value.Type
    ) throws -> Value {
        let spec = Spec(mode: mode, keep_alive: keepAlive, port: port, cafile: try TestCertificates.shared().authority, payload: payload)
        let input = try JSONEncoder().encode(spec)
        let finished = try ExternalTool.run(["python3", "-c", script], input: Array(input), timeout: timeout)
        guard finished.status == 0, !finished.timedOut else { throw Failure(description: "the Python TLS client failed: \(finished)") }
        return try JSONDecoder().decode(Value.self, from: finished.outputBytes)
    }

    static let script = #"""
        import base64, hashlib, http.client, json, socket, ssl, sys

        spec = json.load(sys.stdin)
        payload = base64.b64decode(spec["payload"])
        context = ssl.create_default_context(cafile=spec["cafile"])

        def connect():
            raw = socket.create_connection(("127.0.0.1", spec["port"]), timeout=60)
            # A close without close_notify raises, rather than reading as a clean end.
            return context.wrap_socket(raw, server_hostname="localhost", suppress_ragged_eofs=False)

        def describe(sock):
            return {"version": sock.version(), "alpn": sock.selected_alpn_protocol(),
                    "fingerprint": hashlib.sha256(sock.getpeercert(binary_form=True)).hexdigest()}

        if spec["mode"] == "raw":
            sock = connect()
            sock.sendall(payload)
            received = bytearray()
            clean_close = True
            while True:
                try:
                    piece = sock.recv(65536)
                except (ssl.SSLEOFError, ConnectionResetError):
                    clean_close = False
                    break
                if not piece:
                    break
                received += piece
            out = describe(sock)
            out["cleanClose"] = clean_close
            out["received"] = base64.b64encode(bytes(received)).decode()
            print(json.dumps(out))
            sys.exit(0)

        answers = []
        connection = None
        for request in json.loads(payload):
            if connection is None or not spec["keep_alive"]:
                connection = http.client.HTTPSConnection("127.0.0.1", spec["port"], context=context, timeout=60)
                connection.sock = connect()
                first_socket = connection.sock
            elif connection.sock is not first_socket:
                sys.exit("the keep-alive connection was replaced")
            body = base64.b64decode(request["body"])
            connection.putrequest(request["method"], request["target"], skip_host=True, skip_accept_encoding=True)
            for name, value in request["headers"]:
                connection.putheader(name, value)
            if body:
                connection.putheader("Content-Length", str(len(body)))
            connection.endheaders(body or None)
            response = connection.getresponse()
            data = response.read()
            answers.append({"status": response.status, "headers": [[n, v] for n, v in response.getheaders()],
                            "body": base64.b64encode(data).decode()})
            if not spec["keep_alive"]:
                connection.close()
        print(json.dumps(answers))
        """#
}
