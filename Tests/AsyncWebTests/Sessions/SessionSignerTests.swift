import Foundation
import Testing
@testable import AsyncWeb

@Suite("Session signing (itsdangerous)")
struct SessionSignerTests {
    let signer = SessionSigner(secretKeys: ["test-secret"])

    @Test func signsLikeFlaskForTheIssuesVector() {
        // From real Flask 3.1.3: secret "test-secret", time 1700000000, {"user":"alice","n":1}.
        let payload = URLSafeBase64.encode(Array(#"{"n":1,"user":"alice"}"#.utf8))
        #expect(signer.sign(payload, timestamp: 1_700_000_000)
            == "eyJuIjoxLCJ1c2VyIjoiYWxpY2UifQ.ZVPxAA.Wi7ReJ20yYF2hKOPodlJGwbn1nE")
    }

    @Test func verifiesWhatItSignedAndRefusesTampering() {
        let signed = signer.sign("cGF5bG9hZA", timestamp: 1_700_000_000)
        #expect(signer.verify(signed, maxAge: nil, now: 1_700_000_100)
            == SessionSigner.Verified(payload: "cGF5bG9hZA", timestamp: 1_700_000_000))
        var tampered = Array(signed)
        tampered[2] = tampered[2] == "a" ? "b" : "a"
        #expect(signer.verify(String(tampered), maxAge: nil, now: 1_700_000_100) == nil)
        #expect(SessionSigner(secretKeys: ["other"]).verify(signed, maxAge: nil, now: 1_700_000_100) == nil)
        #expect(signer.verify("garbage", maxAge: nil, now: 0) == nil)
    }

    @Test func refusesExpiredAndFutureDatedValues() {
        let signed = signer.sign("eA", timestamp: 1_700_000_000)
        #expect(signer.verify(signed, maxAge: 60, now: 1_700_000_060) != nil)
        #expect(signer.verify(signed, maxAge: 60, now: 1_700_000_061) == nil)
        #expect(signer.verify(signed, maxAge: 60, now: 1_699_999_999) == nil)
    }

    @Test func fallbackKeysStillVerifyButNewValuesUseTheNewestKey() {
        let old = SessionSigner(secretKeys: ["old-secret"]).sign("eA", timestamp: 1_700_000_000)
        let rotated = SessionSigner(secretKeys: ["new-secret", "old-secret"])
        #expect(rotated.verify(old, maxAge: nil, now: 1_700_000_000) != nil)
        let fresh = rotated.sign("eA", timestamp: 1_700_000_000)
        #expect(SessionSigner(secretKeys: ["new-secret"]).verify(fresh, maxAge: nil, now: 1_700_000_000) != nil)
    }

    /// Secrets of every length HMAC treats differently: empty, short, longer than SHA-1's
    /// 64-byte block (hashed first), and not ASCII.
    @Test(arguments: ["s3cret", "", String(repeating: "k", count: 100), "ключ-🔑"])
    func verifiesValuesItsdangerousSigned(secret: String) throws {
        let script = """
            import hashlib, sys
            from itsdangerous import TimestampSigner
            signer = TimestampSigner(sys.argv[1], salt="cookie-session", key_derivation="hmac", digest_method=hashlib.sha1)
            import itsdangerous.timed
            itsdangerous.timed.time = type("T", (), {"time": staticmethod(lambda: 1712345678)})
            sys.stdout.write(signer.sign("aGVsbG8").decode())
            """
        let signed = String(decoding: try PythonOracle.run(script, arguments: [secret]), as: UTF8.self)
        let ours = SessionSigner(secretKeys: [secret])
        #expect(ours.sign("aGVsbG8", timestamp: 1_712_345_678) == signed)
        #expect(ours.verify(signed, maxAge: nil, now: 1_712_345_679)?.payload == "aGVsbG8")
    }

    /// Signing from many tasks at once shares each key's OpenSSL contexts safely.
    @Test func concurrentSigningGivesTheSameSignatures() async {
        let expected = signer.sign("cGF5bG9hZA", timestamp: 1_700_000_000)
        let signer = self.signer
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<500).allSatisfy { _ in
                        signer.sign("cGF5bG9hZA", timestamp: 1_700_000_000) == expected
                            && signer.verify(expected, maxAge: nil, now: 1_700_000_000) != nil
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }

    @Test func base64RoundTripsWithoutPadding() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(($0 * 37 + 11) & 0xFF) }
            let text = URLSafeBase64.encode(bytes)
            #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
            #expect(URLSafeBase64.decode(text) == bytes)
            #expect(text == Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: ""))
        }
        #expect(URLSafeBase64.decode("a+b") == nil)
    }
}

@Suite("Session payloads (itsdangerous)")
struct SessionPayloadTests {
    @Test func matchesItsdangerousCompressedOrNot() throws {
        let script = """
            import json, sys
            from itsdangerous.url_safe import URLSafeSerializerMixin
            from itsdangerous.serializer import Serializer
            class S(URLSafeSerializerMixin, Serializer): pass
            s = S("k")
            small = json.dumps({"user": "alice"}, separators=(",", ":")).encode()
            large = json.dumps({"items": ["item %d" % (i % 7) for i in range(60)]}, separators=(",", ":")).encode()
            sys.stdout.write(json.dumps([s.dump_payload(json.loads(small)).decode(), s.dump_payload(json.loads(large)).decode(),
                                         small.decode(), large.decode()]))
            """
        let expected = try JSONDecoder().decode([String].self, from: PythonOracle.run(script))
        let small = Array(expected[2].utf8)
        let large = Array(expected[3].utf8)
        #expect(SessionPayload.encode(small) == expected[0])
        #expect(SessionPayload.encode(large) == expected[1])
        #expect(expected[1].hasPrefix("."))
        #expect(SessionPayload.decode(expected[0]) == small)
        #expect(SessionPayload.decode(expected[1]) == large)
    }

    @Test func refusesPayloadsThatAreNotBase64OrZlib() {
        #expect(SessionPayload.decode("!!") == nil)
        #expect(SessionPayload.decode("." + URLSafeBase64.encode(Array("not zlib".utf8))) == nil)
    }

    @Test func refusesDecompressionBombs() {
        let bomb = Zlib.compress([UInt8](repeating: 0, count: 2 << 20))
        #expect(Zlib.decompress(bomb) == nil)
        #expect(Zlib.decompress(bomb, limit: 4 << 20)?.count == 2 << 20)
    }
}
