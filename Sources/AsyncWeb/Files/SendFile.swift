internal import IOUring
internal import AsyncWebEncoding

/// Sends a file, as Flask's `send_file`: type guessed from the name, `ETag` and
/// `Last-Modified`, `304 Not Modified` and single byte ranges (`206`/`416`) answered from
/// the current request's conditional headers, and the content streamed from disk.
///
/// ```swift
/// app.get("/report") { try sendFile("/srv/reports/latest.pdf", asAttachment: true) }
/// ```
/// - Parameters:
///   - maxAge: seconds for `Cache-Control: public, max-age=…`; nil sends `no-cache`, as
///     Flask does by default.
/// - Throws: ``HTTPError`` 404 when the file does not exist or is not a regular file.
public func sendFile(
    _ path: String, mimetype: String? = nil, asAttachment: Bool = false, downloadName: String? = nil,
    conditional: Bool = true, etag: Bool = true, maxAge: Int? = nil
) throws -> Response {
    let file: ReadOnlyFile
    do {
        file = try ReadOnlyFile(path: path)
    } catch {
        throw HTTPError(.notFound)
    }
    let name = downloadName ?? String(path.split(separator: "/").last ?? "")
    var headers = HTTPHeaders()
    headers["Content-Disposition"] = ContentDisposition.value(asAttachment ? "attachment" : "inline", fileName: name)
    let guessed = MIMETypes.guess(fileName: name)
    headers["Content-Type"] = MIMETypes.contentType(for: mimetype ?? guessed.type ?? "application/octet-stream")
    if mimetype == nil, !asAttachment, let encoding = guessed.encoding { headers["Content-Encoding"] = encoding }
    headers["Last-Modified"] = String(decoding: DateHeaderCache.format(file.modificationSeconds), as: UTF8.self)
    headers["Cache-Control"] = maxAge.map { "public, max-age=\($0)" } ?? "no-cache"
    let entityTag = etag ? "\"\(PythonText.repr(file.modificationTime))-\(file.size)-\(adler32(path))\"" : nil
    if let entityTag { headers["ETag"] = entityTag }
    headers["Accept-Ranges"] = "bytes"

    let conditions = conditional ? RequestContext.current.map { ConditionalRequest($0.request) } : nil
    switch conditions?.evaluate(entityTag: entityTag, lastModified: file.modificationSeconds, size: file.size) ?? .full {
    case .notModified:
        for entityHeader in ["Content-Type", "Content-Length", "Content-Encoding", "Last-Modified"] {
            headers.remove(entityHeader)
        }
        return Response(status: .notModified, headers: headers)
    case .unsatisfiableRange:
        throw HTTPError(416, headers: ["Content-Range": "bytes */\(file.size)"])
    case .range(let range):
        headers["Content-Range"] = "bytes \(range.lowerBound)-\(range.upperBound - 1)/\(file.size)"
        return Response(status: 206, headers: headers, body: fileBody(file, range: range))
    case .full:
        return Response(status: .ok, headers: headers, body: fileBody(file, range: 0..<file.size))
    }
}

/// Sends `path` from inside `directory` (Flask's `send_from_directory`): a path that would
/// leave the directory, or a missing file, is a 404.
public func sendFromDirectory(
    _ directory: String, _ path: String, mimetype: String? = nil, asAttachment: Bool = false, maxAge: Int? = nil
) throws -> Response {
    guard let joined = safeJoin(directory, path) else { throw HTTPError(.notFound) }
    return try sendFile(joined, mimetype: mimetype, asAttachment: asAttachment, maxAge: maxAge)
}

/// The bytes of `range`, read in 64 KiB pieces as the connection takes them.
private func fileBody(_ file: ReadOnlyFile, range: Range<Int>) -> ResponseBody {
    ResponseBody(contentLength: range.count) { writer in
        let chunkSize = 64 * 1024
        let buffer = IOBuffer(capacity: chunkSize)
        var offset = range.lowerBound
        while offset < range.upperBound {
            let read = try await file.read(into: buffer, count: min(chunkSize, range.upperBound - offset), at: offset)
            guard read > 0 else { throw HTTPError(.internalServerError, message: "the file shrank while it was sent") }
            try await writer.write(buffer)
            buffer.consume(read)
            offset += read
        }
    }
}

/// Adler-32 of the path's UTF-8 bytes: the last part of Werkzeug's file ETags.
func adler32(_ text: String) -> UInt32 {
    var a: UInt32 = 1
    var b: UInt32 = 0
    for byte in text.utf8 {
        a = (a + UInt32(byte)) % 65521
        b = (b + a) % 65521
    }
    return b << 16 | a
}
