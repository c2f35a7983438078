/// The fields and files of a request body: Flask's `request.form` and `request.files`.
///
/// ```swift
/// let data = try await FormData.parse(
///     body: request.body, contentType: request.headers["Content-Type"], contentLength: contentLength)
/// let title = try data.form.require("title")
/// if let upload = data.files["attachment"] { try upload.save(to: uploadPath) }
/// ```
public struct FormData: Sendable {
    /// The text fields: urlencoded pairs, or multipart parts without a filename.
    public var form: MultiDict<String>
    /// The uploaded files: multipart parts with a filename.
    public var files: FileMultiDict

    public init(form: MultiDict<String> = [:], files: FileMultiDict = [:]) {
        self.form = form
        self.files = files
    }

    /// Reads `body` according to its content type, as Flask does when a handler first
    /// touches `request.form`.
    ///
    /// - `application/x-www-form-urlencoded`: see ``URLEncodedParser``; a body that is not
    ///   UTF-8 gives an empty form.
    /// - `multipart/form-data`: see ``MultipartParser``; a malformed body gives an empty
    ///   form and no files, as Werkzeug's silent parsing does.
    /// - anything else, or no content type: an empty form, and the body is not read.
    ///
    /// - Parameters:
    ///   - contentLength: the `Content-Length`, nil for a chunked body.
    /// - Throws: ``RequestEntityTooLargeError`` (413) over a limit; a `Content-Length`
    ///   over ``FormDataLimits/maxContentLength`` fails before anything is read, for any
    ///   content type, as in Werkzeug. Also ``FileStorageError`` and the body's errors.
    public static func parse<Body: AsyncSequence>(
        body: Body, contentType: String?, contentLength: Int?, limits: FormDataLimits = FormDataLimits()
    ) async throws -> FormData where Body.Element == [UInt8] {
        guard let contentType else { return FormData() }
        if let maxContentLength = limits.maxContentLength, let contentLength, contentLength > maxContentLength {
            throw RequestEntityTooLargeError(limit: .maxContentLength)
        }
        let header = ParameterizedHeader(parsing: contentType)
        switch header.value.lowercased() {
        case "multipart/form-data":
            do {
                return try await MultipartParser(boundary: header.parameters["boundary"] ?? "", limits: limits).parse(body)
            } catch is MalformedFormDataError {
                return FormData()
            }
        case "application/x-www-form-urlencoded":
            let form = try await readURLEncoded(body, contentLength: contentLength, limits: limits)
            return FormData(form: form)
        default:
            return FormData()
        }
    }

    private static func readURLEncoded<Body: AsyncSequence>(
        _ body: Body, contentLength: Int?, limits: FormDataLimits
    ) async throws -> MultiDict<String> where Body.Element == [UInt8] {
        let maxSize = limits.maxFormMemorySize
        if let maxSize, let contentLength, contentLength > maxSize {
            throw RequestEntityTooLargeError(limit: .maxFormMemorySize)
        }
        var bytes: [UInt8] = []
        try await limits.forEachChunk(of: body) { chunk in
            // Werkzeug reads a chunked body of unknown length whole; here it is capped too.
            if let maxSize, bytes.count + chunk.count > maxSize {
                throw RequestEntityTooLargeError(limit: .maxFormMemorySize)
            }
            bytes += chunk
        }
        return URLEncodedParser.parseFormBody(bytes) ?? [:]
    }
}
