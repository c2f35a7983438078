internal import COpenSSL

/// What OpenSSL's error queue says went wrong, most recent reason last; the queue is emptied.
///
/// OpenSSL reports failures in a thread-local queue rather than in return values. Reading it
/// right after a failing call, on the same thread, names the cause ("key values mismatch").
enum OpenSSLError {
    static func drainReasons() -> String {
        var reasons: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            if let reason = ERR_reason_error_string(code) {
                reasons.append(String(cString: reason))
            } else {
                reasons.append("error \(code)")
            }
        }
        return reasons.isEmpty ? "unknown OpenSSL error" : reasons.joined(separator: ", ")
    }
}
