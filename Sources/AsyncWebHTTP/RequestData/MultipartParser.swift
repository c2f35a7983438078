/// Reads a `multipart/form-data` body as it streams in, into fields and files, as
/// Werkzeug's `MultiPartParser` does.
///
/// ```swift
/// let parser = MultipartParser(boundary: "----WebKitFormBoundary7MA4YWxkTrZu0gW")
/// let data = try await parser.parse(request.body)
/// data.form["title"]                  // a field
/// data.files["upload"]?.filename      // a file
/// ```
/// The body is never held whole: field values are gathered in memory (up to
/// ``FormDataLimits/maxFormMemorySize`` each), files are written as they arrive to a
/// ``FileStorage`` that moves to a temporary file past 500 KiB. Any `AsyncSequence` of
/// byte chunks will do; how the body is split does not change the result.
///
/// Field text is decoded in the charset of the part's `Content-Type` when it is UTF-8,
/// ASCII or ISO-8859-1, as UTF-8 otherwise, undecodable bytes becoming U+FFFD. A part
/// without a `name` is dropped (Werkzeug files it under `None`, which no handler can ask for).
public struct MultipartParser: Sendable {
    /// The boundary, from the `Content-Type` parameter.
    public let boundary: String
    /// The limits on field sizes, part count and body length.
    public let limits: FormDataLimits

    public init(boundary: String, limits: FormDataLimits = FormDataLimits()) {
        self.boundary = boundary
        self.limits = limits
    }

    /// The fields and files of `body`.
    ///
    /// - Throws: ``MalformedFormDataError`` when the body is not valid multipart (the
    ///   boundary is empty or not ASCII, the closing boundary is missing, a part has no
    ///   `Content-Disposition`…); ``RequestEntityTooLargeError`` over a limit;
    ///   ``FileStorageError`` when a temporary file cannot be written; and whatever the
    ///   body throws.
    public func parse<Body: AsyncSequence>(_ body: Body) async throws -> FormData where Body.Element == [UInt8] {
        guard !boundary.isEmpty, boundary.unicodeScalars.allSatisfy(\.isASCII) else {
            throw MalformedFormDataError(reason: "the multipart boundary is missing or not ASCII")
        }
        var decoder = MultipartDecoder(
            boundary: Array(boundary.utf8), maxFormMemorySize: limits.maxFormMemorySize, maxParts: limits.maxFormParts)
        var builder = FormDataBuilder(maxFieldSize: limits.maxFormMemorySize)
        try await limits.forEachChunk(of: body) { chunk in
            try decoder.receive(chunk)
            try builder.take(from: &decoder)
        }
        decoder.finishInput()
        try builder.take(from: &decoder)
        return builder.formData
    }
}

/// Turns decoder events into fields and files.
private struct FormDataBuilder {
    private enum Part {
        case field(name: String?, charset: TextCharset, value: [UInt8])
        case file(name: String?, filename: String, headers: HTTPHeaders, writer: SpooledFileWriter)
    }

    let maxFieldSize: Int?
    private(set) var formData = FormData()
    private var part: Part?

    init(maxFieldSize: Int?) {
        self.maxFieldSize = maxFieldSize
    }

    /// Handles every event the decoder has ready.
    mutating func take(from decoder: inout MultipartDecoder) throws {
        while let event = try decoder.nextEvent() {
            switch event {
            case .part(let head):
                if let filename = head.filename {
                    part = .file(name: head.name, filename: filename, headers: head.headers, writer: SpooledFileWriter())
                } else {
                    part = .field(name: head.name, charset: head.charset, value: [])
                }
            case .data(let bytes, let isLast):
                try append(bytes)
                if isLast { try finishPart() }
            case .end:
                return
            }
        }
    }

    private mutating func append(_ bytes: ArraySlice<UInt8>) throws {
        switch part {
        case .field(let name, let charset, var value):
            if let maxFieldSize, value.count + bytes.count > maxFieldSize {
                throw RequestEntityTooLargeError(limit: .maxFormMemorySize)
            }
            part = nil  // lets `value` grow in place
            value += bytes
            part = .field(name: name, charset: charset, value: value)
        case .file(let name, let filename, let headers, var writer):
            part = nil
            try writer.write(bytes)
            part = .file(name: name, filename: filename, headers: headers, writer: writer)
        case nil:
            preconditionFailure("the decoder hands out data only inside a part")
        }
    }

    private mutating func finishPart() throws {
        defer { part = nil }
        switch part {
        case .field(let name?, let charset, let value):
            formData.form.add(name, charset.decode(value))
        case .file(let name?, let filename, let headers, var writer):
            let storage = FileStorage(name: name, filename: filename, headers: headers, contents: try writer.finish())
            formData.files.add(name, storage)
        case .field(nil, _, _), .file(nil, _, _, _), nil:
            break
        }
    }
}
