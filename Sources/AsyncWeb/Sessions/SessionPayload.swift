/// The payload part of a signed session cookie, as itsdangerous' URL-safe
/// serializer writes it: the JSON in URL-safe base64, or, when zlib makes it
/// shorter, the compressed JSON marked by a leading `.`.
enum SessionPayload {
    static func encode(_ json: [UInt8]) -> String {
        let compressed = Zlib.compress(json)
        // itsdangerous compresses only when that saves more than the marker costs.
        if compressed.count < json.count - 1 { return "." + URLSafeBase64.encode(compressed) }
        return URLSafeBase64.encode(json)
    }

    /// The JSON bytes, or nil for a payload that is not valid base64 or zlib.
    static func decode(_ payload: some StringProtocol) -> [UInt8]? {
        guard payload.hasPrefix(".") else { return URLSafeBase64.decode(payload) }
        return URLSafeBase64.decode(payload.dropFirst()).flatMap { Zlib.decompress($0) }
    }
}
