internal import COpenSSL

/// The BIO a ``TLSConnection``'s OpenSSL session reads and writes ciphertext through: memory
/// only, as a memory BIO, but the connection's own buffers rather than copies of them.
///
/// OpenSSL reads records straight out of the TCP connection's receive buffer and writes its
/// records straight into the connection's send buffer, which the reactor then sends. Two
/// `BIO_s_mem` buffers would cost a copy each way and keep their largest size for the life
/// of the connection.
enum ConnectionBIO {
    /// One method for every connection; OpenSSL keeps it for the life of the process.
    nonisolated(unsafe) private static let method: OpaquePointer? = {
        guard let method = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "AsyncWeb connection") else { return nil }
        BIO_meth_set_write(method, writeCiphertext)
        BIO_meth_set_read(method, readCiphertext)
        BIO_meth_set_ctrl(method, control)
        BIO_meth_set_create(method) { bio in
            BIO_set_init(bio, 1)
            return 1
        }
        return method
    }()

    /// A BIO for `connection`, which must outlive it (the connection frees its session, and
    /// with it the BIO, when it goes).
    static func make(for connection: TLSConnection) -> OpaquePointer? {
        guard let method, let bio = BIO_new(method) else { return nil }
        BIO_set_data(bio, Unmanaged.passUnretained(connection).toOpaque())
        return bio
    }

    private static func connection(of bio: OpaquePointer?) -> TLSConnection? {
        guard let bio, let data = BIO_get_data(bio) else { return nil }
        return Unmanaged<TLSConnection>.fromOpaque(data).takeUnretainedValue()
    }

    private static let writeCiphertext: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32) -> Int32 = {
        bio, bytes, count in
        guard let connection = connection(of: bio), let bytes, count > 0 else { return 0 }
        connection.outbound.append(UnsafeRawBufferPointer(start: bytes, count: Int(count)))
        return count
    }

    /// What the socket brought, as far as OpenSSL asks; "retry" when nothing is there yet.
    private static let readCiphertext: @convention(c) (OpaquePointer?, UnsafeMutablePointer<CChar>?, Int32) -> Int32 = {
        bio, destination, capacity in
        guard let bio, let connection = connection(of: bio), let destination, capacity > 0 else { return 0 }
        COpenSSL_BIO_clear_retry_flags(bio)
        let received = connection.tcp.inbound
        guard received.readableCount > 0 else {
            COpenSSL_BIO_set_retry_read(bio)
            return -1
        }
        let count = min(received.readableCount, Int(capacity))
        UnsafeMutableRawPointer(destination).copyMemory(from: received.readableBytes.baseAddress!, byteCount: count)
        connection.tcp.consume(count)
        return Int32(count)
    }

    /// Flushing is the reactor's job, done after each OpenSSL call; nothing else is supported.
    private static let control: @convention(c) (OpaquePointer?, Int32, Int, UnsafeMutableRawPointer?) -> Int = {
        _, command, _, _ in
        command == BIO_CTRL_FLUSH ? 1 : 0
    }
}
