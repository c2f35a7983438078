import FuzzSupport
@testable import AsyncWeb

/// The session cookie's way in, as `CookieSessionStore.open` takes it:
/// signature and timestamp check, then base64 (and zlib after a `.`), then
/// Flask's tagged JSON.
///
/// The input goes in twice: as a cookie, which almost never carries a valid
/// signature, and as the signed part of one (`payload.timestamp`), signed
/// here with the store's key so the fuzzer gets past the HMAC.
@main enum SessionCookieFuzzer: FuzzTarget {
    static let secretKey = "fuzz-secret"
    static let signer = TimestampSigner(secretKeys: [secretKey], salt: "cookie-session")
    /// itsdangerous' key derivation, as `TimestampSigner` does it: the MAC of the salt under the secret.
    static let signingKey = HMACSHA1(key: HMACSHA1(key: Array(secretKey.utf8)).authenticate(Array("cookie-session".utf8)))
    static let now = 1_700_000_000
    static let lifetime = 31 * 24 * 3600

    static func fuzz(_ input: UnsafeRawBufferPointer) {
        let text = String(decoding: input, as: UTF8.self)
        open(text)
        open(text + "." + URLSafeBase64.encode(signingKey.authenticate(Array(text.utf8))))
    }

    private static func open(_ cookie: String) {
        guard let verified = signer.verify(cookie, maxAge: lifetime, now: now),
            let json = SessionPayload.decode(verified.payload)
        else { return }
        _ = TaggedJSON.deserialize(json)
    }
}
