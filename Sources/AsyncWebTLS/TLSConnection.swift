internal import COpenSSL
public import IOUring
#if canImport(Glibc)
import Glibc
#endif

/// A TLS server session over a ``TCPConnection``: ciphertext travels through the reactor's
/// own receives and sends, and OpenSSL only transforms bytes in memory, reading from the
/// connection's receive buffer and writing into its send buffer (see ``ConnectionBIO``).
///
/// It reads and writes like the TCP connection under it: ``inbound`` holds decrypted bytes,
/// ``receive(timeout:)`` waits for more, ``send(_:timeout:)`` encrypts and sends. The
/// handshake happens inside the first receives; until it is done they are also bound by
/// the handshake timeout.
///
/// Confined to its reactor, like the TCP connection.
public final class TLSConnection: @unchecked Sendable {
    public let tcp: TCPConnection
    /// Decrypted bytes received and not yet consumed.
    public let inbound = IOBuffer(capacity: 4096)
    /// What the handshake settled; nil until it is done.
    public private(set) var session: TLSSessionInfo?

    private let ssl: OpaquePointer
    /// Ciphertext OpenSSL wrote for the peer, on its way to the socket.
    let outbound = IOBuffer(capacity: 16 * 1024 + 512)
    private let handshakeDeadline: ContinuousClock.Instant
    private let plaintextRefusal: [UInt8]
    private var firstByteChecked = false
    private var peerFinished = false
    private var isClosed = false

    /// Plaintext bytes decrypted ahead of the reader before decryption pauses (the TCP
    /// connection's own limit then holds the ciphertext back from the socket).
    private static let inboundHighWaterMark = TCPConnection.defaultReceiveHighWaterMark
    /// Bytes of plaintext encrypted at a time: one TLS record.
    private static let recordSize = 16 * 1024
    /// Ciphertext gathered before it is sent, when a large body is being encrypted.
    private static let sendBatch = 64 * 1024

    /// Starts a server session on `tcp` (the handshake comes with the first receives).
    ///
    /// - Parameter plaintextRefusal: sent as is, then the connection ends with
    ///   ``TLSError/Kind/notTLS``, when the client's first byte cannot start a TLS handshake
    ///   (an HTTP server answers plain HTTP on its TLS port with a `400` here).
    public init(
        _ tcp: TCPConnection, context: TLSContext, handshakeTimeout: Duration, plaintextRefusal: [UInt8] = []
    ) throws(TLSError) {
        guard let ssl = SSL_new(context.context) else { throw TLSError(.protocolFailure, reason: OpenSSLError.drainReasons()) }
        self.tcp = tcp
        self.ssl = ssl
        self.plaintextRefusal = plaintextRefusal
        handshakeDeadline = .now + handshakeTimeout
        guard let bio = ConnectionBIO.make(for: self) else { throw TLSError(.protocolFailure, reason: OpenSSLError.drainReasons()) }
        SSL_set_bio(ssl, bio, bio)  // the session owns the BIO from here
        SSL_set_accept_state(ssl)
    }

    deinit { SSL_free(ssl) }

    public var reactor: Reactor { tcp.reactor }
    /// The peer's address.
    public var remoteAddress: SocketAddress? { tcp.remoteAddress }

    /// Waits until more decrypted bytes are in ``inbound``, shaking hands first if needed.
    ///
    /// - Returns: false when the peer closed (with or without a TLS `close_notify`).
    /// - Throws: ``TLSError`` for a failed or late handshake or a broken record,
    ///   `IOTimeoutError` after `timeout` without data, `CancellationError`, ``IOError``.
    @discardableResult
    public func receive(timeout: Duration? = nil) async throws -> Bool {
        let before = inbound.readableCount
        while true {
            if !firstByteChecked && tcp.inbound.readableCount > 0 { try await checkFirstByte(timeout: timeout) }
            do {
                try decryptReceived()
            } catch {
                // OpenSSL wrote an alert saying why (protocol_version, say): the client hears it.
                try? await sendCiphertext(timeout: timeout)
                throw error
            }
            try await sendCiphertext(timeout: timeout)
            if inbound.readableCount > before { return true }
            if peerFinished { return false }
            guard session == nil else {
                guard try await tcp.receive(timeout: timeout) else { return false }
                continue
            }
            let left = handshakeDeadline - .now
            guard left > .zero else { throw TLSError(.handshakeTimeout) }
            do {
                guard try await tcp.receive(timeout: timeout.map { min($0, left) } ?? left) else { return false }
            } catch is IOTimeoutError where ContinuousClock.now >= handshakeDeadline {
                throw TLSError(.handshakeTimeout)
            }
        }
    }

    /// Calls `action` on the reactor once ``receive(timeout:)`` would find something, with no
    /// task waiting meanwhile (how an idle keep-alive connection parks).
    public func whenReceiveReady(timeout: Duration?, _ action: @escaping @Sendable (ReceiveReadiness) -> Void) {
        // A parked connection gives its buffers back: OpenSSL's record buffers (about 34 KiB)
        // and ours. (SSL_MODE_RELEASE_BUFFERS would free them after every record instead,
        // which measured as malloc churn under keep-alive load.)
        _ = SSL_free_buffers(ssl)
        outbound.releaseStorage()
        tcp.inbound.releaseStorage()
        if tcp.inbound.readableCount > 0 || SSL_pending(ssl) > 0 {
            reactor.execute { action(.ready) }
        } else if session == nil {
            // Parked mid-handshake (a slow client): the handshake's deadline still holds.
            let left = max(handshakeDeadline - .now, .zero)
            tcp.whenReceiveReady(timeout: timeout.map { min($0, left) } ?? left, action)
        } else {
            tcp.whenReceiveReady(timeout: timeout, action)
        }
    }

    /// Encrypts every readable byte of `buffer` (consuming them) and sends the result.
    public func send(_ buffer: IOBuffer, timeout: Duration? = nil) async throws {
        Self.clearStaleErrors()
        while buffer.readableCount > 0 {
            let count = min(buffer.readableCount, Self.recordSize)
            let written = SSL_write(ssl, buffer.readableBytes.baseAddress, Int32(count))
            guard written > 0 else { throw TLSError(.protocolFailure, reason: OpenSSLError.drainReasons()) }
            buffer.consume(Int(written))
            if outbound.readableCount >= Self.sendBatch { try await sendCiphertext(timeout: timeout) }
        }
        try await sendCiphertext(timeout: timeout)
    }

    /// Drops the first `count` decrypted bytes, which the reader is done with.
    public func consume(_ count: Int) {
        inbound.consume(count)
    }

    /// Sends a TLS `close_notify` if the socket takes it at once, then closes the socket.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        // Only with nothing in flight: a send still under way owns the buffer's bytes.
        if session != nil && !peerFinished && outbound.readableCount == 0 {
            Self.clearStaleErrors()
            SSL_shutdown(ssl)
            // Best effort and never waited for: the alert is ~24 bytes and the socket's send
            // buffer is empty once the last response has gone (its send was awaited).
            let alert = outbound.readableBytes
            if !alert.isEmpty { _ = Glibc.send(tcp.fd, alert.baseAddress, alert.count, Int32(MSG_DONTWAIT | MSG_NOSIGNAL)) }
            outbound.consume(alert.count)
        }
        tcp.close()
    }

    // MARK: Moving bytes through OpenSSL

    /// Lets OpenSSL read the received ciphertext and appends what it decrypts to ``inbound``.
    private func decryptReceived() throws {
        Self.clearStaleErrors()
        while inbound.readableCount < Self.inboundHighWaterMark {
            var read: Int32 = 0
            inbound.write(minimumCapacity: Self.recordSize) { space in
                read = SSL_read(ssl, space.baseAddress, Int32(min(space.count, Int(Int32.max))))
                return Int(max(read, 0))
            }
            if read > 0 {
                // Nothing more to decrypt: spare OpenSSL a read that would only say so.
                if tcp.inbound.readableCount == 0 && SSL_pending(ssl) == 0 { break }
                continue
            }
            switch SSL_get_error(ssl, read) {
            case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
                break
            case SSL_ERROR_ZERO_RETURN:
                peerFinished = true
            default:
                throw TLSError(.protocolFailure, reason: OpenSSLError.drainReasons())
            }
            break
        }
        if session == nil && SSL_is_init_finished(ssl) == 1 { session = describeSession() }
    }

    /// Sends what OpenSSL wrote for the peer: handshake messages, tickets, records, alerts.
    private func sendCiphertext(timeout: Duration?) async throws {
        guard outbound.readableCount > 0 else { return }
        try await tcp.send(outbound, timeout: timeout)
    }

    /// Empties OpenSSL's error queue of what other code on this thread left there, which
    /// `SSL_get_error` would otherwise take for this session's failure. Peeking first: the
    /// queue is nearly always empty, and clearing it every time showed in the profile.
    private static func clearStaleErrors() {
        if ERR_peek_error() != 0 { ERR_clear_error() }
    }

    /// Every TLS connection opens with a handshake record (content type 22); anything else
    /// gets the refusal in plain bytes, and the connection ends.
    private func checkFirstByte(timeout: Duration?) async throws {
        firstByteChecked = true
        guard tcp.inbound.readableBytes[0] != 0x16 else { return }
        if !plaintextRefusal.isEmpty {
            outbound.append(contentsOf: plaintextRefusal)
            try? await tcp.send(outbound, timeout: timeout)
        }
        throw TLSError(.notTLS)
    }

    private func describeSession() -> TLSSessionInfo {
        var protocolName: UnsafePointer<UInt8>?
        var protocolLength: UInt32 = 0
        SSL_get0_alpn_selected(ssl, &protocolName, &protocolLength)
        return TLSSessionInfo(
            version: String(cString: SSL_get_version(ssl)),
            cipher: SSL_get_current_cipher(ssl).map { String(cString: SSL_CIPHER_get_name($0)) } ?? "",
            applicationProtocol: protocolName.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: Int(protocolLength)), as: UTF8.self)
            },
            serverName: SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name).map { String(cString: $0) },
            isResumed: SSL_session_reused(ssl) == 1)
    }
}
