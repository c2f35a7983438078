/// The header block of one multipart part, read as Werkzeug reads it.
///
/// Lines end in CRLF, LF or CR; a line starting with a space or tab continues the one
/// before; each line is trimmed and split at its first colon; a line without a colon is a
/// header with an empty value. The bytes must be UTF-8. `Content-Disposition` is required:
/// its `name` is the field name and its `filename`, when present (even empty), makes the
/// part a file.
struct MultipartPartHead {
    let headers: HTTPHeaders
    /// The field name; nil when the part has none (Werkzeug keys such a part by `None`).
    let name: String?
    let filename: String?

    init(parsing block: ArraySlice<UInt8>) throws(MalformedFormDataError) {
        var fields: [(String, String)] = []
        for line in Self.lines(of: Self.unfolded(block)) {
            guard let first = line.firstIndex(where: { !Self.isASCIIWhitespace($0) }),
                  let last = line.lastIndex(where: { !Self.isASCIIWhitespace($0) })
            else { continue }
            let trimmed = line[first...last]
            guard let text = String(validating: trimmed, as: UTF8.self) else {
                throw MalformedFormDataError(reason: "a part's headers are not UTF-8")
            }
            let colon = text.firstIndex(of: ":")
            let name = text[..<(colon ?? text.endIndex)].trimmingWerkzeugWhitespace()
            let value = colon.map { text[text.index(after: $0)...].trimmingWerkzeugWhitespace() } ?? ""
            fields.append((name, value))
        }
        headers = HTTPHeaders(fields)
        guard let disposition = headers["Content-Disposition"] else {
            throw MalformedFormDataError(reason: "a part has no Content-Disposition header")
        }
        let parameters = ParameterizedHeader(parsing: disposition).parameters
        name = parameters["name"]
        filename = parameters["filename"]
    }

    /// The charset a field's text is in: its `Content-Type` charset when Werkzeug trusts
    /// it, UTF-8 otherwise.
    var charset: TextCharset {
        guard let contentType = headers["Content-Type"], !contentType.isEmpty,
              let label = ParameterizedHeader(parsing: contentType).parameters["charset"]
        else { return .utf8 }
        return TextCharset(label: label) ?? .utf8
    }

    /// The block with each line break followed by a space or tab replaced by one space.
    private static func unfolded(_ block: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(block.count)
        var index = block.startIndex
        while index < block.endIndex {
            let byte = block[index]
            let next = index + 1 < block.endIndex ? block[index + 1] : nil
            if byte == MultipartByte.cr, next == MultipartByte.lf, index + 2 < block.endIndex, isSpaceOrTab(block[index + 2]) {
                output.append(UInt8(ascii: " "))
                index += 3
            } else if byte == MultipartByte.cr || byte == MultipartByte.lf, let next, isSpaceOrTab(next) {
                output.append(UInt8(ascii: " "))
                index += 2
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    /// The lines of `bytes`, split at CRLF, LF or CR.
    private static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == MultipartByte.cr || byte == MultipartByte.lf {
                lines.append(bytes[lineStart..<index])
                index += byte == MultipartByte.cr && index + 1 < bytes.count && bytes[index + 1] == MultipartByte.lf ? 2 : 1
                lineStart = index
            } else {
                index += 1
            }
        }
        if lineStart < bytes.count { lines.append(bytes[lineStart...]) }
        return lines
    }

    private static func isSpaceOrTab(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// The bytes Python's `bytes.strip()` removes.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte)
    }
}
