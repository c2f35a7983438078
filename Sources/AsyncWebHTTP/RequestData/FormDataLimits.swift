/// Flask's limits on request bodies read as forms, with Flask's names and defaults.
///
/// ```swift
/// var limits = FormDataLimits()                  // 500 kB per field, 1000 parts, any length
/// limits.maxContentLength = 16 * 1024 * 1024     // Flask's MAX_CONTENT_LENGTH
/// let data = try await FormData.parse(body: request.body, contentType: type, contentLength: length, limits: limits)
/// ```
/// Going over one throws ``RequestEntityTooLargeError`` (413). `nil` lifts a limit.
public struct FormDataLimits: Sendable, Equatable {
    /// `MAX_FORM_MEMORY_SIZE`: the most bytes a multipart field's value may have, and a
    /// urlencoded body as a whole. File parts are not limited by it: they go to disk. The
    /// preamble, each part's headers and the epilogue of a multipart body, which are held
    /// in memory, may not exceed it either. Flask's default: 500,000.
    public var maxFormMemorySize: Int?

    /// `MAX_FORM_PARTS`: the most parts, fields and files together, a multipart body may
    /// have. Flask's default: 1,000.
    public var maxFormParts: Int?

    /// `MAX_CONTENT_LENGTH`: the most bytes the body may have, checked against
    /// `Content-Length` before reading and while reading. Flask's default: none.
    public var maxContentLength: Int?

    public init(maxFormMemorySize: Int? = 500_000, maxFormParts: Int? = 1_000, maxContentLength: Int? = nil) {
        self.maxFormMemorySize = maxFormMemorySize
        self.maxFormParts = maxFormParts
        self.maxContentLength = maxContentLength
    }

    /// Feeds `body` to `handle` a chunk at a time, throwing once it exceeds ``maxContentLength``.
    func forEachChunk<Body: AsyncSequence>(
        of body: Body, _ handle: ([UInt8]) throws -> Void
    ) async throws where Body.Element == [UInt8] {
        var total = 0
        for try await chunk in body {
            total += chunk.count
            if let maxContentLength, total > maxContentLength {
                throw RequestEntityTooLargeError(limit: .maxContentLength)
            }
            try handle(chunk)
        }
    }
}
