/// itsdangerous' `TimestampSigner` with the key derived by HMAC, SHA-1 and `.` between
/// the parts, as Flask's `SecureCookieSessionInterface` sets it up (with the salt
/// `cookie-session`). A value signed by itsdangerous with the same secret key and salt
/// verifies here, and the other way round.
///
/// ```swift
/// let signer = TimestampSigner(secretKeys: ["test-secret"], salt: "cookie-session")
/// signer.sign("eyJuIjoxLCJ1c2VyIjoiYWxpY2UifQ", timestamp: 1_700_000_000)
/// // "eyJuIjoxLCJ1c2VyIjoiYWxpY2UifQ.ZVPxAA.Wi7ReJ20yYF2hKOPodlJGwbn1nE"
/// ```
public struct TimestampSigner: Sendable {
    /// What a signed value carried, once its signature checked out.
    public struct Verified: Equatable, Sendable {
        public var payload: String
        /// Seconds since 1970 when it was signed.
        public var timestamp: Int

        public init(payload: String, timestamp: Int) {
            self.payload = payload
            self.timestamp = timestamp
        }
    }

    /// MACs under the derived keys, newest first: `SECRET_KEY`, then
    /// `SECRET_KEY_FALLBACKS`. Signing uses the first; verifying accepts any.
    private let keys: [HMACSHA1]

    /// A signer for `secretKeys`, newest first (signing uses the first; verifying accepts
    /// any, for key rotation), under `salt` (itsdangerous' default is `itsdangerous.Signer`).
    public init(secretKeys: [String], salt: String = "itsdangerous.Signer") {
        precondition(!secretKeys.isEmpty, "TimestampSigner needs at least one secret key")
        // itsdangerous' "hmac" key derivation: the key is the MAC of the salt under the secret.
        keys = secretKeys.map { HMACSHA1(key: HMACSHA1(key: Array($0.utf8)).authenticate(Array(salt.utf8))) }
    }

    /// `payload.timestamp.signature`.
    public func sign(_ payload: String, timestamp: Int) -> String {
        let value = payload + "." + URLSafeBase64.encode(Self.bigEndianBytes(timestamp))
        return value + "." + URLSafeBase64.encode(keys[0].authenticate(Array(value.utf8)))
    }

    /// The payload and time of a signed value, or nil when the signature does
    /// not match any key, or the value is older than `maxAge` seconds or
    /// dated in the future (itsdangerous refuses both).
    public func verify(_ signed: String, maxAge: Int?, now: Int) -> Verified? {
        // Searching the UTF-8 bytes, not the characters: a dot is one byte.
        guard let lastDot = signed.utf8.lastIndex(of: UInt8(ascii: ".")),
            let signature = URLSafeBase64.decode(signed[signed.index(after: lastDot)...])
        else { return nil }
        let value = signed[..<lastDot]
        let message = Array(value.utf8)
        guard keys.contains(where: { HMACSHA1.isEqual($0.authenticate(message), signature) }) else {
            return nil
        }
        guard let timeDot = value.utf8.lastIndex(of: UInt8(ascii: ".")),
            let timeBytes = URLSafeBase64.decode(value[value.index(after: timeDot)...]), timeBytes.count <= 8
        else { return nil }
        // itsdangerous reads the bytes as an unsigned number: eight 0xFF bytes are a time
        // far in the future, refused as such, not -1.
        let unsigned = timeBytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard let timestamp = Int(exactly: unsigned) else { return nil }
        let (age, overflow) = now.subtractingReportingOverflow(timestamp)
        if overflow || age < 0 { return nil }
        if let maxAge, age > maxAge { return nil }
        return Verified(payload: String(value[..<timeDot]), timestamp: timestamp)
    }

    /// itsdangerous' `int_to_bytes`: big-endian, no leading zero bytes.
    private static func bigEndianBytes(_ number: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = UInt64(max(number, 0))
        while rest > 0 {
            bytes.insert(UInt8(rest & 0xFF), at: 0)
            rest >>= 8
        }
        return bytes
    }
}
