/// A request's header fields, read in place from the received bytes.
///
/// ```swift
/// request.headers["User-Agent"]            // first value, case-insensitive name
/// for (name, value) in request.headers { … }
/// ```
public struct RequestHeaders: RandomAccessCollection, Sendable {
    let head: RequestHead

    public var startIndex: Int { 0 }
    public var endIndex: Int { head.headerCount }

    public subscript(position: Int) -> (name: Substring, value: Substring) {
        (head.headerName(at: position), head.headerValue(at: position))
    }

    /// The first value of the field called `name` (any case), or nil.
    public subscript(name: String) -> Substring? {
        head.value(forHeader: name)
    }

    /// Every value of the field called `name`, in order.
    public func values(for name: String) -> [Substring] {
        indices.filter { head.headerName(at: $0).equalsIgnoringASCIICase(name) }.map { head.headerValue(at: $0) }
    }
}
