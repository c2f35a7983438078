internal import COpenSSL

/// HMAC-SHA1 from OpenSSL's libcrypto: what itsdangerous, and so Flask's
/// session cookies, sign with.
enum HMACSHA1 {
    /// The 20-byte MAC of `message` under `key`.
    static func authenticate(_ message: some Collection<UInt8>, key: some Collection<UInt8>) -> [UInt8] {
        let key = Array(key)
        let message = Array(message)
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                digest.withUnsafeMutableBufferPointer { output in
                    _ = HMAC(
                        EVP_sha1(), keyBytes.baseAddress, Int32(keyBytes.count),
                        messageBytes.bindMemory(to: UInt8.self).baseAddress, messageBytes.count,
                        output.baseAddress, &length)
                }
            }
        }
        return Array(digest.prefix(Int(length)))
    }

    /// Compares two MACs in time that does not depend on where they differ.
    static func isEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.withUnsafeBytes { a in rhs.withUnsafeBytes { b in CRYPTO_memcmp(a.baseAddress, b.baseAddress, a.count) == 0 } }
    }
}
