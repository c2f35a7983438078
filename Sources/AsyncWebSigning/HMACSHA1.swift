internal import COpenSSL

/// HMAC-SHA1 under one key, from OpenSSL's libcrypto: what itsdangerous, and so
/// Flask's session cookies, sign with.
///
/// OpenSSL's one-shot `HMAC()` looks the algorithm up in its provider tables on
/// every call (about 1 µs here). A context keyed once and re-initialised costs a
/// sixth of that, so each key keeps a few keyed contexts ready, one per caller
/// at a time.
public final class HMACSHA1: Sendable {
    /// The HMAC implementation, looked up once for the process.
    private static let algorithm = MACAlgorithm()

    /// Contexts keyed with this key, each a copy of the first.
    private let contexts: ReusablePool<MACContext>

    /// A MAC keyed with `key`.
    public init(key: [UInt8]) {
        let keyed = MACContext(algorithm: Self.algorithm, key: key)
        contexts = ReusablePool { keyed.copy() }
    }

    /// The 20-byte MAC of `message`.
    public func authenticate(_ message: [UInt8]) -> [UInt8] {
        contexts.use { $0.authenticate(message) }
    }

    /// Compares two MACs in time that does not depend on where they differ.
    public static func isEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.withUnsafeBytes { a in rhs.withUnsafeBytes { b in CRYPTO_memcmp(a.baseAddress, b.baseAddress, a.count) == 0 } }
    }
}

/// OpenSSL's `EVP_MAC` for HMAC; shared by every thread, as OpenSSL allows.
private final class MACAlgorithm: @unchecked Sendable {
    let pointer: OpaquePointer

    init() {
        guard let mac = EVP_MAC_fetch(nil, "HMAC", nil) else {
            preconditionFailure("OpenSSL has no HMAC: its default provider did not load")
        }
        pointer = mac
    }
}

/// One `EVP_MAC_CTX` keyed for HMAC-SHA1; used by one caller at a time.
private final class MACContext: @unchecked Sendable {
    private let pointer: OpaquePointer

    init(algorithm: MACAlgorithm, key: [UInt8]) {
        guard let context = EVP_MAC_CTX_new(algorithm.pointer) else { preconditionFailure("OpenSSL is out of memory") }
        pointer = context
        let initialised = "digest".withCString { name in
            "SHA1".withCString { digest in
                var parameters = [
                    OSSL_PARAM_construct_utf8_string(name, UnsafeMutablePointer(mutating: digest), 0),
                    OSSL_PARAM_construct_end(),
                ]
                // A trailing byte keeps the pointer non-null for an empty key, which OpenSSL
                // would take as "no key" rather than as the empty key HMAC allows.
                return (key + [0]).withUnsafeBufferPointer { EVP_MAC_init(context, $0.baseAddress, key.count, &parameters) }
            }
        }
        precondition(initialised == 1, "OpenSSL refused to set up HMAC-SHA1")
    }

    private init(copying context: OpaquePointer) {
        guard let copy = EVP_MAC_CTX_dup(context) else { preconditionFailure("OpenSSL is out of memory") }
        pointer = copy
    }

    deinit {
        EVP_MAC_CTX_free(pointer)
    }

    func copy() -> MACContext {
        MACContext(copying: pointer)
    }

    func authenticate(_ message: [UInt8]) -> [UInt8] {
        // Initialising without a key starts a new MAC under the key already set.
        precondition(EVP_MAC_init(pointer, nil, 0, nil) == 1, "OpenSSL refused to restart HMAC-SHA1")
        message.withUnsafeBufferPointer { _ = EVP_MAC_update(pointer, $0.baseAddress, $0.count) }
        return [UInt8](unsafeUninitializedCapacity: Int(EVP_MAX_MD_SIZE)) { digest, count in
            var length = 0
            _ = EVP_MAC_final(pointer, digest.baseAddress, &length, digest.count)
            count = length
        }
    }
}
