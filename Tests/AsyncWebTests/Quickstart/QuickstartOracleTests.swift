import AsyncWeb
import AsyncWebTesting
import Foundation
import IOUring
import QuickstartApp
import Testing
import TestSupport

/// The Quickstart twin against the Flask oracle app (`Fixtures/oracle`, a copy of
/// shared/oracle), request by request: status, content type, Location, Allow, custom
/// headers, Set-Cookie and body must be Flask's.
@Suite("Quickstart twin against Flask")
struct QuickstartOracleTests {
    struct Exchange: Codable {
        var method: String
        var target: String
        var headers: [String: String] = [:]
        var form: [String: String]? = nil
        var upload: String? = nil
        /// A session (a Python literal) that Flask signs into a `session` cookie for this
        /// request; we send the very same cookie, so Flask-minted cookies are read here too.
        var session: String? = nil
    }

    struct Answer: Codable, Equatable, CustomStringConvertible {
        var status: Int
        var headers: [String: String]
        var body: String
        /// The session cookie Flask minted for the exchange, not compared.
        var minted: String? = nil
        var description: String { "\(status) \(headers) \(body.debugDescription)" }

        static func == (lhs: Answer, rhs: Answer) -> Bool {
            lhs.status == rhs.status && lhs.headers == rhs.headers && lhs.body == rhs.body
        }
    }

    static let exchanges: [Exchange] = [
        Exchange(method: "GET", target: "/"),
        Exchange(method: "GET", target: "/hello-name/%3Cscript%3E"),
        Exchange(method: "GET", target: "/index"),
        Exchange(method: "GET", target: "/hello"),
        Exchange(method: "GET", target: "/user/%3Cb%3Ealice%3C/b%3E"),
        Exchange(method: "GET", target: "/post/42"),
        Exchange(method: "GET", target: "/post/-1"),
        Exchange(method: "GET", target: "/post/abc"),
        Exchange(method: "GET", target: "/path/a/b/c.txt"),
        Exchange(method: "GET", target: "/price/3.5"),
        Exchange(method: "GET", target: "/price/3"),
        Exchange(method: "GET", target: "/item/1B4E28BA-2FA1-11D2-883F-0016D3CCA427"),
        Exchange(method: "GET", target: "/item/not-a-uuid"),
        Exchange(method: "GET", target: "/projects"),
        Exchange(method: "GET", target: "/projects?x=1"),
        Exchange(method: "GET", target: "/projects/"),
        Exchange(method: "GET", target: "/about"),
        Exchange(method: "GET", target: "/about/"),
        Exchange(method: "GET", target: "/profile/John%20Doe"),
        Exchange(method: "GET", target: "/urls"),
        Exchange(method: "GET", target: "/login"),
        Exchange(method: "OPTIONS", target: "/login"),
        Exchange(method: "HEAD", target: "/login"),
        Exchange(method: "PUT", target: "/login"),
        Exchange(method: "GET", target: "/split"),
        Exchange(method: "POST", target: "/split"),
        Exchange(method: "DELETE", target: "/split"),
        Exchange(method: "GET", target: "/hello-tpl/"),
        Exchange(method: "GET", target: "/hello-tpl/%3Cb%3EJohn"),
        Exchange(method: "GET", target: "/hello-tpl"),
        Exchange(method: "GET", target: "/child"),
        Exchange(method: "GET", target: "/markup"),
        Exchange(method: "GET", target: "/search?key=%3Ci%3Ex+y"),
        Exchange(method: "GET", target: "/search"),
        Exchange(method: "POST", target: "/form-required", form: ["username": "<alice>"]),
        Exchange(method: "POST", target: "/form-required", form: ["other": "x"]),
        Exchange(method: "GET", target: "/form-required"),
        Exchange(method: "GET", target: "/upload"),
        Exchange(method: "POST", target: "/upload", upload: "../../notes for you.txt"),
        Exchange(method: "GET", target: "/cookie", headers: ["Cookie": "username=\"the username\""]),
        Exchange(method: "GET", target: "/cookie"),
        Exchange(method: "GET", target: "/cookie-set"),
        Exchange(method: "GET", target: "/go"),
        Exchange(method: "GET", target: "/forbidden"),
        Exchange(method: "GET", target: "/no/such/page"),
        Exchange(method: "GET", target: "/custom-header"),
        Exchange(method: "GET", target: "/tuple-status"),
        Exchange(method: "GET", target: "/tuple-headers"),
        Exchange(method: "GET", target: "/tuple-both"),
        Exchange(method: "GET", target: "/stream"),
        Exchange(method: "GET", target: "/me"),
        Exchange(method: "GET", target: "/users"),
        Exchange(method: "GET", target: "/log"),
        Exchange(method: "GET", target: "/session"),
        Exchange(method: "POST", target: "/login", form: ["username": "alice"]),
        Exchange(method: "GET", target: "/session", session: #"{"username": "alice"}"#),
        Exchange(method: "GET", target: "/session", session: #"{"username": "<b>Zoë 🙂</b>", "n": (1, 2.5, None)}"#),
        Exchange(method: "GET", target: "/session", session: #"{"username": "alice", "_permanent": True}"#),
        Exchange(method: "GET", target: "/session", headers: ["Cookie": "session=eyJ1c2VybmFtZSI6ImFsaWNlIn0.ZVPxAA.forged"]),
        Exchange(method: "GET", target: "/logout", session: #"{"username": "alice"}"#),
        Exchange(method: "GET", target: "/logout", session: #"{"username": "alice", "theme": "dark"}"#),
        Exchange(method: "GET", target: "/logout"),
        Exchange(method: "GET", target: "/flash"),
        Exchange(method: "GET", target: "/flash", session: #"{"_flashes": [("error", "Earlier")]}"#),
        Exchange(
            method: "GET", target: "/flash-show",
            session: #"{"_flashes": [("message", "You were successfully logged in"), ("warning", "Second message")]}"#),
        Exchange(method: "GET", target: "/flash-show", session: #"{"_flashes": [("message", "x" * 3000)], "username": "alice"}"#),
        Exchange(method: "GET", target: "/flash-show"),
        Exchange(method: "GET", target: "/static/style.css"),
        Exchange(method: "GET", target: "/static/../flask_quickstart.py"),
    ]

    /// Headers compared; Allow as a set, because Flask's order follows Python's set iteration.
    static let comparedHeaders = [
        "Content-Type", "Location", "Allow", "Set-Cookie", "X-Something", "X-Tuple", "Content-Disposition", "Cache-Control", "Vary",
    ]

    /// A session cookie's signature and timestamp, and a permanent cookie's expiry, depend on
    /// the second it was made: compare the signed payload and the attributes.
    static func comparable(setCookie: String) -> String {
        var parts = setCookie.components(separatedBy: "; ")
        if parts[0].hasPrefix("session="), !parts[0].hasSuffix("=") {
            parts[0] = parts[0].components(separatedBy: ".").dropLast(2).joined(separator: ".") + ".<timestamp>.<signature>"
        }
        return parts.map { $0.hasPrefix("Expires=") && !$0.contains("1970") ? "Expires=<in 31 days>" : $0 }.joined(separator: "; ")
    }

    static let uploadBytes = "hello, upload"

    /// Flask's answers to ``exchanges``, asked over `scheme` (what the test client puts in
    /// `wsgi.url_scheme`: redirects Werkzeug makes are absolute URLs of that scheme).
    static func flaskAnswers(scheme: String = "http") throws -> [Answer] {
        let oracle = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("oracle").path
        let script = """
            import json, sys, io, os, logging, tempfile
            sys.path.insert(0, sys.argv[1])
            os.environ["UPLOADS"] = tempfile.mkdtemp()
            import flask_quickstart
            app = flask_quickstart.app
            app.logger.disabled = True
            out = []
            serializer = app.session_interface.get_signing_serializer(app)
            for exchange in json.loads(sys.argv[2]):
                # A client per exchange: no cookie carries over from one to the next.
                client = app.test_client()
                headers = dict(exchange.get("headers") or {})
                minted = None
                if exchange.get("session"):
                    minted = serializer.dumps(eval(exchange["session"]))
                    headers["Cookie"] = "session=" + minted
                # Werkzeug's client sends its own jar in place of a Cookie header: use the jar.
                cookies = [part.split("=", 1) for part in headers.pop("Cookie", "").split("; ") if part]
                for name, value in cookies:
                    client.set_cookie(name, value.strip('"'))
                kwargs = {"headers": headers, "base_url": sys.argv[5] + "://localhost"}
                if exchange.get("form") is not None:
                    kwargs["data"] = exchange["form"]
                if exchange.get("upload"):
                    kwargs["data"] = {"the_file": (io.BytesIO(sys.argv[3].encode()), exchange["upload"])}
                r = client.open(exchange["target"], method=exchange["method"], **kwargs)
                headers = {}
                for name in json.loads(sys.argv[4]):
                    values = r.headers.getlist(name)
                    if values:
                        headers[name] = ", ".join(sorted(v.strip() for v in ",".join(values).split(","))) if name == "Allow" else values[0]
                out.append({"status": r.status_code, "headers": headers, "body": r.get_data(as_text=True), "minted": minted})
            print(json.dumps(out))
            """
        let encoder = JSONEncoder()
        let data = try PythonOracle.run(script, arguments: [
            oracle, String(decoding: try encoder.encode(exchanges), as: UTF8.self), uploadBytes,
            String(decoding: try encoder.encode(comparedHeaders), as: UTF8.self), scheme,
        ])
        return try JSONDecoder().decode([Answer].self, from: data)
    }

    /// An exchange as the request sent for it, the same over every transport: a form
    /// urlencoded as browsers do, an upload as multipart, the session cookie Flask minted.
    static func request(for exchange: Exchange, minted: String?) -> (method: HTTPMethod, target: String, headers: HTTPHeaders, body: [UInt8]) {
        let method = HTTPMethod(rawValue: exchange.method)
        if let form = exchange.form {
            let pairs = form.map { FormEncodedPair($0.key, $0.value) }
            return (method, exchange.target, ["Content-Type": "application/x-www-form-urlencoded"], Array(pairs.map(\.encoded).joined(separator: "&").utf8))
        }
        if let filename = exchange.upload {
            let boundary = "QuickstartOracleBoundary7MA4YWxkTrZu0gW"
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"the_file\"; filename=\"\(filename)\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\(uploadBytes)\r\n--\(boundary)--\r\n"
            return (method, exchange.target, ["Content-Type": "multipart/form-data; boundary=\(boundary)"], Array(body.utf8))
        }
        var headers = HTTPHeaders()
        for (name, value) in exchange.headers { headers[name] = value }
        if let minted { headers["Cookie"] = "session=" + minted }
        return (method, exchange.target, headers, [])
    }

    /// A response as compared: the status, the compared headers (`values(name)` gives a
    /// header's every value, Allow as a sorted set, Set-Cookie without its timestamp) and the body.
    static func answer(status: Int, body: String, values: (String) -> [String]) -> Answer {
        var headers: [String: String] = [:]
        for name in comparedHeaders {
            let found = values(name)
            guard let first = found.first else { continue }
            headers[name] = name == "Allow"
                ? found.joined(separator: ",").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.sorted().joined(separator: ", ")
                : first
        }
        headers["Set-Cookie"] = headers["Set-Cookie"].map(comparable(setCookie:))
        return Answer(status: status, headers: headers, body: body)
    }

    /// Flask's answer, compared as ours is.
    static func comparable(_ flask: Answer) -> Answer {
        var flask = flask
        flask.headers["Set-Cookie"] = flask.headers["Set-Cookie"].map(comparable(setCookie:))
        return flask
    }

    @Test(arguments: Transport.allCases)
    func everyQuickstartRouteAnswersAsFlaskDoes(over transport: Transport) async throws {
        let expected = try Self.flaskAnswers()
        let app = makeQuickstartApp()
        let server = try await transport.start(app)
        var checked = 0
        for (exchange, flask) in zip(Self.exchanges, expected) {
            // A client per exchange, as on Flask's side: no cookie carries over.
            let client = server.map { TestClient($0) } ?? TestClient(app)
            let request = Self.request(for: exchange, minted: flask.minted)
            let response = try await client.request(request.method, request.target, headers: request.headers, body: request.body)
            let ours = Self.answer(status: response.status.code, body: response.text) { response.headers.values(for: $0) }
            #expect(ours == Self.comparable(flask), "\(exchange.method) \(exchange.target) \(exchange.session ?? "")")
            checked += 1
        }
        #expect(checked == Self.exchanges.count)
        try await server?.stop()
    }

    /// The same exchanges over HTTPS (the test certificate, `Tests/AsyncWebTests/TLS`), sent
    /// by Python's `http.client` verifying it, each on a connection of its own as above, and
    /// asked of Flask over https too: answers match, the https redirects Werkzeug builds
    /// from the request's scheme (`/projects` → `https://localhost/projects/`) included.
    @Test(arguments: IOBackend.allCases)
    func everyQuickstartRouteAnswersAsFlaskDoesOverHTTPS(io: IOBackend) async throws {
        let expected = try Self.flaskAnswers(scheme: "https")
        let requests = zip(Self.exchanges, expected).map { exchange, flask in
            let request = Self.request(for: exchange, minted: flask.minted)
            // What TestClient sends over a socket: Host, Connection: close, then the fields.
            return PythonTLSClient.Request(
                method: request.method.rawValue, target: request.target,
                headers: [["Host", "localhost"], ["Connection", "close"]] + request.headers.map { [$0.0, $0.1] },
                body: Data(request.body))
        }
        let server = try await LiveServer.startHTTPS(makeQuickstartApp(), io: io)
        let responses = try await server.serving {
            try await onThread { try PythonTLSClient.requests(requests, port: server.port) }
        }
        #expect(responses.count == Self.exchanges.count)
        for ((exchange, flask), response) in zip(zip(Self.exchanges, expected), responses) {
            let ours = Self.answer(status: response.status, body: response.text) { response.values(of: $0) }
            #expect(ours == Self.comparable(flask), "over HTTPS: \(exchange.method) \(exchange.target) \(exchange.session ?? "")")
        }
    }
}

/// One `name=value` of a urlencoded form, encoded as browsers do.
struct FormEncodedPair {
    let encoded: String
    init(_ name: String, _ value: String) {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._*"))
        func encode(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: allowed.union(.init(charactersIn: " ")))!.replacingOccurrences(of: " ", with: "+")
        }
        encoded = encode(name) + "=" + encode(value)
    }
}
