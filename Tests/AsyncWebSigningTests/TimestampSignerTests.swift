import AsyncWebSigning
import Foundation
import Testing
import TestSupport

@Suite("Timestamp signing (itsdangerous)")
struct TimestampSignerTests {
    let signer = TimestampSigner(secretKeys: ["test-secret"], salt: "cookie-session")

    @Test func signsLikeFlaskForTheIssuesVector() {
        // From real Flask 3.1.3: secret "test-secret", time 1700000000, {"user":"alice","n":1}.
        let payload = URLSafeBase64.encode(Array(#"{"n":1,"user":"alice"}"#.utf8))
        #expect(signer.sign(payload, timestamp: 1_700_000_000)
            == "eyJuIjoxLCJ1c2VyIjoiYWxpY2UifQ.ZVPxAA.Wi7ReJ20yYF2hKOPodlJGwbn1nE")
    }

    @Test func verifiesWhatItSignedAndRefusesTampering() {
        let signed = signer.sign("cGF5bG9hZA", timestamp: 1_700_000_000)
        #expect(signer.verify(signed, maxAge: nil, now: 1_700_000_100)
            == TimestampSigner.Verified(payload: "cGF5bG9hZA", timestamp: 1_700_000_000))
        var tampered = Array(signed)
        tampered[2] = tampered[2] == "a" ? "b" : "a"
        #expect(signer.verify(String(tampered), maxAge: nil, now: 1_700_000_100) == nil)
        #expect(TimestampSigner(secretKeys: ["other"], salt: "cookie-session").verify(signed, maxAge: nil, now: 1_700_000_100) == nil)
        #expect(signer.verify("garbage", maxAge: nil, now: 0) == nil)
    }

    @Test func refusesExpiredAndFutureDatedValues() {
        let signed = signer.sign("eA", timestamp: 1_700_000_000)
        #expect(signer.verify(signed, maxAge: 60, now: 1_700_000_060) != nil)
        #expect(signer.verify(signed, maxAge: 60, now: 1_700_000_061) == nil)
        #expect(signer.verify(signed, maxAge: 60, now: 1_699_999_999) == nil)
    }

    @Test func fallbackKeysStillVerifyButNewValuesUseTheNewestKey() {
        let old = TimestampSigner(secretKeys: ["old-secret"], salt: "cookie-session").sign("eA", timestamp: 1_700_000_000)
        let rotated = TimestampSigner(secretKeys: ["new-secret", "old-secret"], salt: "cookie-session")
        #expect(rotated.verify(old, maxAge: nil, now: 1_700_000_000) != nil)
        let fresh = rotated.sign("eA", timestamp: 1_700_000_000)
        #expect(TimestampSigner(secretKeys: ["new-secret"], salt: "cookie-session").verify(fresh, maxAge: nil, now: 1_700_000_000) != nil)
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
        let ours = TimestampSigner(secretKeys: [secret], salt: "cookie-session")
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
