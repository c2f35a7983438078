/// The conditional and range headers of a request, evaluated as Werkzeug's `make_conditional`.
struct ConditionalRequest {
    enum Outcome: Equatable {
        case full
        case notModified
        case range(Range<Int>)
        case unsatisfiableRange
    }

    let isReadMethod: Bool
    let ifNoneMatch: Substring?
    let ifModifiedSince: Substring?
    let range: Substring?
    let ifRange: Substring?

    init(_ request: Request) {
        isReadMethod = request.method == .get || request.method == .head
        ifNoneMatch = request.headers["If-None-Match"]
        ifModifiedSince = request.headers["If-Modified-Since"]
        range = request.headers["Range"]
        ifRange = request.headers["If-Range"]
    }

    func evaluate(entityTag: String?, lastModified: Int, size: Int) -> Outcome {
        guard isReadMethod else { return .full }
        // Werkzeug does not apply a range to an empty file: it is sent whole.
        if let range, size > 0, ifRangeHolds(entityTag: entityTag, lastModified: lastModified) {
            guard let bytes = Self.singleByteRange(range, size: size) else { return .unsatisfiableRange }
            return .range(bytes)
        }
        if let ifNoneMatch {
            return Self.matches(ifNoneMatch, entityTag: entityTag) ? .notModified : .full
        }
        if let ifModifiedSince, let since = HTTPDate.parse(ifModifiedSince), lastModified <= since {
            return .notModified
        }
        return .full
    }

    /// A `Range` applies unless `If-Range` names another version.
    private func ifRangeHolds(entityTag: String?, lastModified: Int) -> Bool {
        guard let ifRange else { return true }
        if ifRange.hasPrefix("\"") || ifRange.hasPrefix("W/") { return ifRange == entityTag ?? "" }
        return HTTPDate.parse(ifRange) == lastModified
    }

    /// `If-None-Match`: `*`, or a list of tags compared weakly.
    private static func matches(_ header: Substring, entityTag: String?) -> Bool {
        guard let entityTag else { return false }
        let strip: (Substring) -> Substring = { $0.hasPrefix("W/") ? $0.dropFirst(2) : $0 }
        return header.split(separator: ",").contains { candidate in
            let tag = Substring(candidate.trimmingWerkzeugWhitespace())
            return tag == "*" || strip(tag) == strip(Substring(entityTag))
        }
    }

    /// One `bytes=a-b`, `a-` or `-n` range within `size`, as Werkzeug's `parse_range_header`
    /// and `range_for_length` read it; several ranges are not served.
    ///
    /// A suffix longer than the file is unsatisfiable and `-0` is the whole file, as in
    /// Werkzeug. Numbers are plain ASCII digits of any length: one past `Int.max` is as
    /// unsatisfiable as a start (or as harmless as an end) beyond the file.
    static func singleByteRange(_ header: Substring, size: Int) -> Range<Int>? {
        guard let equals = header.firstIndex(of: "="),
            header[..<equals].trimmingWerkzeugWhitespace().lowercased() == "bytes"
        else { return nil }
        let spec = header[header.index(after: equals)...].trimmingWerkzeugWhitespace()
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return nil }
        if dash == spec.startIndex {
            guard let suffix = digitsValue(spec[spec.index(after: dash)...]), suffix <= size else { return nil }
            let start = suffix == 0 ? 0 : size - suffix
            return start < size ? start..<size : nil
        }
        guard let start = digitsValue(spec[..<dash].trimmingWerkzeugWhitespace()[...]), start < size else { return nil }
        let last = spec[spec.index(after: dash)...].trimmingWerkzeugWhitespace()
        if last.isEmpty { return start..<size }
        guard let end = digitsValue(last[...]), end >= start else { return nil }
        // `end` is inclusive and may be Int.max: the range stops at the file's last byte.
        return start..<(min(end, size - 1) + 1)
    }

    /// The value of one or more ASCII digits (Werkzeug's `\d+` under `re.ASCII`), saturating
    /// at `Int.max`; nil for anything else.
    private static func digitsValue(_ text: Substring) -> Int? {
        guard !text.isEmpty else { return nil }
        var value = 0
        for byte in text.utf8 {
            guard byte &- UInt8(ascii: "0") < 10 else { return nil }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(Int(byte &- UInt8(ascii: "0")))
            value = overflowA || overflowB ? .max : sum
        }
        return value
    }
}
