import AsyncWeb
import AsyncWebTesting
import Foundation
import IOUring
import Testing
import TestSupport

/// Signed timestamps and lifetimes at the edges of `Int`: itsdangerous reads a
/// timestamp as an unsigned number of any size, so eight 0xFF bytes are a time
/// far in the future, refused, and no timestamp or lifetime can trap.
@Suite("Session timestamps at their arithmetic edges")
struct SessionTimestampEdgeTests {
    static let secret = "test-secret"

    /// `{"user":"alice"}`, as a session cookie carries it.
    static let payload = URLSafeBase64.encode(Array(#"{"user":"alice"}"#.utf8))

    /// Session cookies itsdangerous signs with `secret` at each of `timestamps`.
    static func signedByItsdangerous(at timestamps: [String]) throws -> [String] {
        let script = """
            import hashlib, json, sys
            from itsdangerous import TimestampSigner
            out = []
            for timestamp in json.loads(sys.argv[2]):
                signer = TimestampSigner(sys.argv[1], salt="cookie-session", key_derivation="hmac", digest_method=hashlib.sha1)
                signer.get_timestamp = lambda: int(timestamp)
                out.append(signer.sign(sys.argv[3]).decode())
            print(json.dumps(out))
            """
        let encoded = String(decoding: try JSONEncoder().encode(timestamps), as: UTF8.self)
        return try JSONDecoder().decode([String].self, from: PythonOracle.run(script, arguments: [secret, encoded, payload]))
    }

    /// 2^64 - 1 (eight 0xFF bytes), 2^63 (what a signed reading makes `Int.min`) and 2^63 - 1.
    static let futureTimestamps = ["18446744073709551615", "9223372036854775808", "9223372036854775807"]

    @Test func timestampsPastNowAreRefusedHoweverLongTheLifetime() throws {
        let signer = TimestampSigner(secretKeys: [Self.secret], salt: "cookie-session")
        for (timestamp, signed) in zip(Self.futureTimestamps, try Self.signedByItsdangerous(at: Self.futureTimestamps)) {
            #expect(signer.verify(signed, maxAge: .max, now: 1_700_000_000) == nil, "\(timestamp)")
            #expect(signer.verify(signed, maxAge: 60, now: .min) == nil, "\(timestamp)")
        }
    }

    @Test func aTimestampBeforeNowBySoMuchItOverflowsIsStillOld() throws {
        let signed = try #require(try Self.signedByItsdangerous(at: ["0"]).first)
        #expect(TimestampSigner(secretKeys: [Self.secret], salt: "cookie-session").verify(signed, maxAge: 60, now: .max) == nil)
        #expect(TimestampSigner(secretKeys: [Self.secret], salt: "cookie-session").verify(signed, maxAge: .max, now: .max)?.timestamp == 0)
    }

    @Test func aPermanentSessionWithALifetimeOfIntMaxExpiresAtTheEndOf9999() async throws {
        let app = SessionTests.makeApp {
            $0.secretKey = Self.secret
            $0.config["PERMANENT_SESSION_LIFETIME"] = .int(.max)
        }
        let cookie = try await TestClient(app).get("/permanent").headers["Set-Cookie"]
        #expect(cookie?.contains("Expires=Fri, 31 Dec 9999 23:59:59 GMT") == true)
    }

    @Test(arguments: IOBackend.allCases)
    func futureDatedSessionCookiesGiveAnEmptySessionOverALiveServer(io: IOBackend) async throws {
        let app = SessionTests.makeApp {
            $0.secretKey = Self.secret
            $0.config["PERMANENT_SESSION_LIFETIME"] = .int(.max)
        }
        let cookies = try Self.signedByItsdangerous(at: Self.futureTimestamps)
        let server = try await LiveServer.start(app, io: io)
        let port = server.port
        let bodies = try await onThread {
            try (cookies + ["not-a-session"]).map { cookie in
                let client = try RawHTTPClient(port: port)
                try client.send("GET /get/user HTTP/1.1\r\nHost: a\r\nCookie: session=\(cookie)\r\n\r\n")
                return try client.readResponse().map { String(decoding: $0.body, as: UTF8.self) }
            }
        }
        try await server.stop()
        #expect(bodies == Array(repeating: "missing", count: cookies.count + 1))
    }
}
