public import IOUring
public import AsyncWebTLS

/// A connection that HTTP/1.1 is served over: a TCP connection, or something that carries
/// a byte stream the same way (a TLS session on one, or bytes in memory).
///
/// Everything the HTTP layer does with a connection goes through these few members, so the
/// server neither knows nor cares what carries the bytes. All of them are called on
/// ``reactor``'s thread, from the task serving the connection.
public protocol HTTPTransport: AnyObject, Sendable {
    /// The reactor the connection lives on: its task runs there.
    var reactor: Reactor { get }
    /// Bytes received and not yet consumed, in order.
    var inbound: IOBuffer { get }
    /// The client's address, when it has one.
    var remoteAddress: SocketAddress? { get }
    /// The TLS session the bytes travel in, once its handshake is done; nil for plain HTTP.
    var tlsSession: TLSSessionInfo? { get }

    /// Waits until more bytes arrive in ``inbound``.
    ///
    /// - Returns: false when the peer is done and nothing more will come.
    /// - Throws: `IOTimeoutError` after `timeout`, `CancellationError`, or the transport's own error.
    func receive(timeout: Duration?) async throws -> Bool
    /// Calls `action` once ``receive(timeout:)`` would return without waiting, with no task
    /// waiting meanwhile: how an idle keep-alive connection parks.
    func whenReceiveReady(timeout: Duration?, _ action: @escaping @Sendable (ReceiveReadiness) -> Void)
    /// Sends every readable byte of `buffer`, consuming them.
    func send(_ buffer: IOBuffer, timeout: Duration?) async throws
    /// Drops the first `count` bytes of ``inbound``, which the reader is done with.
    func consume(_ count: Int)
    /// Closes the connection; pending operations end.
    func close()
}

extension HTTPTransport {
    public var tlsSession: TLSSessionInfo? { nil }
}

extension TCPConnection: HTTPTransport {}

extension TLSConnection: HTTPTransport {
    public var tlsSession: TLSSessionInfo? { session }
}
