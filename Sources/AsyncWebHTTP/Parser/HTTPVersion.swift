/// The HTTP/1 versions the server speaks.
///
/// A request for another major version (`HTTP/2.0`, `HTTP/0.9`) gets 505;
/// a higher 1.x minor version is served as 1.1, as RFC 9110 §2.5 asks.
public enum HTTPVersion: Sendable, Hashable, CustomStringConvertible {
    case http1_0
    case http1_1

    public var description: String {
        switch self {
        case .http1_0: "HTTP/1.0"
        case .http1_1: "HTTP/1.1"
        }
    }

    /// The version for the digits of `HTTP/major.minor`.
    init(major: UInt8, minor: UInt8) throws(HTTPParseError) {
        guard major == 1 else { throw .unsupportedVersion }
        self = minor == 0 ? .http1_0 : .http1_1
    }
}
