public import IOUring
public import AsyncWebTLS

/// Where the HTTP server listens, and every limit and timeout it enforces.
///
/// The defaults suit a server facing the internet directly:
///
/// | setting | default | when exceeded |
/// |---|---|---|
/// | ``maxRequestLineLength`` | 8 KiB | 414 URI Too Long |
/// | ``maxHeaderBytes`` | 16 KiB | 431 Request Header Fields Too Large |
/// | ``maxHeaderCount`` | 100 | 431 |
/// | ``maxBodySize`` | 16 MiB | 413 Content Too Large (before reading the body when `Content-Length` says so) |
/// | ``headerReadTimeout`` | 10 s | 408 Request Timeout, then close |
/// | ``bodyReadTimeout`` | 30 s | the read fails; the connection closes |
/// | ``idleTimeout`` | 60 s | an idle keep-alive connection is closed |
/// | ``parkIdleConnectionAfter`` | 100 ms | an idle connection parks: its task ends, freeing its memory |
/// | ``sendTimeout`` | 30 s | a client that reads nothing for that long is dropped |
/// | ``maxConnectionsPerReactor`` | 10,000 | 503 Service Unavailable, then close |
/// | ``shutdownGracePeriod`` | 10 s | requests still running are cancelled |
/// | ``TLSConfiguration/handshakeTimeout`` | 10 s | a TLS handshake not done by then ends the connection |
public struct ServerConfiguration: Sendable {
    /// The address to bind. Default `127.0.0.1`.
    public var host: String = "127.0.0.1"
    /// The port; 0 picks a free one (read it from ``HTTPServer/port`` once started). Default 5000.
    public var port: Int = 5000
    /// Reactor threads; `nil` means one per CPU this process may use.
    public var reactorCount: Int? = nil
    /// The kernel interface the reactors do their I/O through. `nil` (the default) takes the
    /// environment variable `ASYNCWEB_IO` when it is set (`auto`, `io_uring` or `epoll`), and
    /// otherwise io_uring where this process may use it, epoll where it may not (Docker's,
    /// containerd's and Podman's default seccomp profiles, gVisor, `kernel.io_uring_disabled`).
    public var ioBackend: IOBackend? = nil
    /// HTTPS: the certificate and key to serve with, or `.adhoc` for a self-signed one made at
    /// start-up. `nil` (the default) serves plain HTTP.
    public var tls: TLSConfiguration? = nil
    /// A socket that already listens, to serve instead of binding ``host`` and ``port``: one
    /// inherited from a supervisor that keeps it open across restarts (`asyncweb run` passes it
    /// as `ASYNCWEB_LISTEN_FD`), or from systemd's socket activation. Each reactor serves a
    /// duplicate of it and closes only that; the descriptor itself stays open, the caller's.
    /// `nil` (the default) binds ``host`` and ``port``.
    public var listeningDescriptor: Int32? = nil

    public var maxRequestLineLength = 8 * 1024
    public var maxHeaderBytes = 16 * 1024
    public var maxHeaderCount = 100
    /// The largest request body accepted; `nil` for no limit.
    public var maxBodySize: Int? = 16 * 1024 * 1024

    public var headerReadTimeout: Duration = .seconds(10)
    public var bodyReadTimeout: Duration = .seconds(30)
    public var idleTimeout: Duration = .seconds(60)
    public var sendTimeout: Duration = .seconds(30)
    /// How long a keep-alive connection waits for its next request on a task of its own
    /// before it parks: the task ends, with the stack memory it kept from the deepest request
    /// it served, and a new task starts when the client speaks. A parked connection costs
    /// about a kilobyte besides its socket. Busy clients never wait this long, so they never
    /// pay for a new task. Default 100 ms.
    public var parkIdleConnectionAfter: Duration = .milliseconds(100)

    public var maxConnectionsPerReactor = 10_000
    /// How long in-flight requests may run after SIGINT/SIGTERM before they are cancelled.
    public var shutdownGracePeriod: Duration = .seconds(10)
    /// Bytes of a pipelined batch of responses gathered before they are sent. Default 64 KiB.
    public var responseBatchSize = 64 * 1024
    /// The access log: one line per request, in Werkzeug's format or the combined one, on
    /// standard error or in a file, written off the reactors. `nil` (the default) logs no
    /// requests; `App.run()` turns it on, as Flask's development server logs every request.
    public var accessLog: AccessLogConfiguration? = nil

    public init(host: String = "127.0.0.1", port: Int = 5000, tls: TLSConfiguration? = nil) {
        self.host = host
        self.port = port
        self.tls = tls
    }

    var parserLimits: HTTPParserLimits {
        HTTPParserLimits(
            maxRequestLineLength: maxRequestLineLength,
            maxHeaderBytes: maxHeaderBytes,
            maxHeaderCount: maxHeaderCount)
    }
}
