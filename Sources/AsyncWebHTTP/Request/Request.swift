internal import IOUring
public import AsyncWebTLS
internal import AsyncWebEncoding

/// An incoming HTTP request: method, target, header fields, and the body as it streams in.
///
/// Handlers receive it as a parameter (`app.get("/") { request in … }`) or read the
/// framework's `request` context local.
public final class Request: Sendable {
    let head: RequestHead
    /// The body; read it once, as a stream or collected.
    public let body: RequestBody
    /// Where the request came from and how it was addressed; middleware such as
    /// AsyncWeb's `ProxyFix` replaces it with what the proxies in front report.
    public let origin: RequestOrigin
    /// The TLS session the request came in (version, cipher, ALPN, SNI); nil over plain HTTP.
    public let tls: TLSSessionInfo?

    init(head: RequestHead, body: RequestBody, origin: RequestOrigin, tls: TLSSessionInfo? = nil) {
        self.head = head
        self.body = body
        self.origin = origin
        self.tls = tls
    }

    /// A request as the server received it, from `peer`, over TLS when `tls` is set.
    init(head: RequestHead, body: RequestBody, peer: SocketAddress?, tls: TLSSessionInfo?) {
        self.head = head
        self.body = body
        self.tls = tls
        origin = RequestOrigin(hostField: head.value(forHeader: "Host"), peer: peer, isSecure: tls != nil)
    }

    /// The same request seen with another origin (for middleware).
    public func with(origin: RequestOrigin) -> Request {
        Request(head: head, body: body, origin: origin, tls: tls)
    }

    /// The method, e.g. `.get`.
    public var method: HTTPMethod { head.method }
    /// `HTTP/1.1` or `HTTP/1.0`.
    public var version: HTTPVersion { head.version }
    /// The request target as sent: path and query, still percent-encoded.
    public var target: Substring { head.target }
    /// The path part of the target, still percent-encoded.
    public var rawPath: Substring { head.path }
    /// The path, percent-decoded (Flask's `request.path`): what routing matches.
    public var path: String {
        if head.path.firstIndex(ofUTF8: UInt8(ascii: "%")) == nil { return String(head.path) }
        return String(decoding: PercentDecoding.decode(head.path.utf8, plusAsSpace: false), as: UTF8.self)
    }
    /// The path and the query string, `?` always included (Flask's `request.full_path`).
    public var fullPath: String { path + "?" + queryString }
    /// The query string without the `?` (empty when there is none), still percent-encoded.
    public var queryString: Substring { head.query ?? "" }
    /// The header fields.
    public var headers: RequestHeaders { RequestHeaders(head: head) }

    /// `http` or `https` (Flask's `request.scheme`).
    public var scheme: String { origin.scheme }
    /// The host the client asked for, with its port if it gave one (Flask's `request.host`).
    public var host: String { origin.host ?? "" }
    /// The prefix the app is mounted under, without a trailing slash (Flask's `request.script_root`).
    public var scriptRoot: String { origin.scriptRoot }
    /// The client's IP address (Flask's `request.remote_addr`).
    public var remoteAddress: String? { origin.remoteAddress }
}

/// How a request reached the app: scheme, host, mount point and client address.
///
/// What the server fills in is kept as it came, the `Host` field a view into the request
/// head and the client a socket address, and only turned into strings when read: most
/// requests never ask, and formatting the address cost a `printf` per request.
public struct RequestOrigin: Sendable, Equatable {
    public var scheme: String
    public var scriptRoot: String
    private var hostText: Substring?
    private var client: Client

    /// The client as the socket saw it, or as set (by `ProxyFix`, say).
    private enum Client: Sendable, Equatable {
        case peer(SocketAddress?)
        case reported(String?)
    }

    public init(scheme: String = "http", host: String? = nil, scriptRoot: String = "", remoteAddress: String? = nil) {
        self.scheme = scheme
        self.scriptRoot = scriptRoot
        hostText = host.map { Substring($0) }
        client = .reported(remoteAddress)
    }

    /// A request as the server received it, over a socket from `peer`, in TLS if `isSecure`.
    init(hostField: Substring?, peer: SocketAddress?, isSecure: Bool) {
        scheme = isSecure ? "https" : "http"
        scriptRoot = ""
        hostText = hostField
        client = .peer(peer)
    }

    /// The host the client asked for, with its port if it gave one.
    public var host: String? {
        get { hostText.map(String.init) }
        set { hostText = newValue.map { Substring($0) } }
    }

    /// The client's IP address.
    public var remoteAddress: String? {
        get {
            switch client {
            case .peer(let address): address?.host
            case .reported(let text): text
            }
        }
        set { client = .reported(newValue) }
    }

    /// Compares the client by its socket address when both have one, so an origin compared
    /// with an unchanged copy (`ProxyFix` does, on every request) formats no address.
    public static func == (lhs: RequestOrigin, rhs: RequestOrigin) -> Bool {
        lhs.scheme == rhs.scheme && lhs.scriptRoot == rhs.scriptRoot && lhs.hostText == rhs.hostText
            && (lhs.client == rhs.client || lhs.remoteAddress == rhs.remoteAddress)
    }
}
