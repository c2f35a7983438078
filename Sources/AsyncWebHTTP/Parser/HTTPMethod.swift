/// A request method (RFC 9110 §9): one of the standard ones, or any other
/// token, because an origin server must let extension methods reach the
/// application, which answers 405 or 501 itself.
///
/// Methods are case-sensitive: `get` is an extension method, not `GET`.
///
/// ```swift
/// if head.method == .post { … }
/// ```
public struct HTTPMethod: Hashable, Sendable, CustomStringConvertible {
    /// The method's name as sent, e.g. `"GET"`.
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let get = HTTPMethod(rawValue: "GET")
    public static let head = HTTPMethod(rawValue: "HEAD")
    public static let post = HTTPMethod(rawValue: "POST")
    public static let put = HTTPMethod(rawValue: "PUT")
    public static let delete = HTTPMethod(rawValue: "DELETE")
    public static let patch = HTTPMethod(rawValue: "PATCH")
    public static let options = HTTPMethod(rawValue: "OPTIONS")
    public static let connect = HTTPMethod(rawValue: "CONNECT")
    public static let trace = HTTPMethod(rawValue: "TRACE")

    public var description: String { rawValue }

    /// The method spelled by `token`, already validated as a token. The
    /// standard methods are recognised by comparing bytes, so they cost no
    /// String; only an extension method builds one.
    init(token: UnsafeRawBufferPointer) {
        switch token.count {
        case 3:
            if HTTPByte.equals(token, "GET") { self = .get; return }
            if HTTPByte.equals(token, "PUT") { self = .put; return }
        case 4:
            if HTTPByte.equals(token, "POST") { self = .post; return }
            if HTTPByte.equals(token, "HEAD") { self = .head; return }
        case 5:
            if HTTPByte.equals(token, "PATCH") { self = .patch; return }
            if HTTPByte.equals(token, "TRACE") { self = .trace; return }
        case 6:
            if HTTPByte.equals(token, "DELETE") { self = .delete; return }
        case 7:
            if HTTPByte.equals(token, "OPTIONS") { self = .options; return }
            if HTTPByte.equals(token, "CONNECT") { self = .connect; return }
        default:
            break
        }
        self.init(rawValue: String(decoding: token, as: UTF8.self))
    }
}
