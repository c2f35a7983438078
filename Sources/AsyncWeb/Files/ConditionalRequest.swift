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
        if let range, ifRangeHolds(entityTag: entityTag, lastModified: lastModified) {
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

    /// One `bytes=a-b`, `a-` or `-n` range within `size`; several ranges are not served.
    static func singleByteRange(_ header: Substring, size: Int) -> Range<Int>? {
        guard header.hasPrefix("bytes="), !header.contains(",") else { return nil }
        let spec = Substring(header.dropFirst("bytes=".count).trimmingWerkzeugWhitespace())
        let bounds = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard bounds.count == 2 else { return nil }
        let (first, last) = (bounds[0], bounds[1])
        if first.isEmpty {
            guard let suffix = Int(last), suffix > 0, size > 0 else { return nil }
            return max(0, size - suffix)..<size
        }
        guard let start = Int(first), start >= 0, start < size else { return nil }
        if last.isEmpty { return start..<size }
        guard let end = Int(last), end >= start else { return nil }
        return start..<min(end + 1, size)
    }
}
