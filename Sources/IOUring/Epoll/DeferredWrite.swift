#if canImport(Glibc)
import Glibc
#endif

/// epoll: one send of a connection, queued until the end of the reactor's loop turn.
struct DeferredWrite {
    /// The operation the sending task waits on; set when queued.
    var tag: UInt64 = 0
    /// The connection's registration: where a full socket waits for writability.
    let target: EventTarget
    let fd: Int32
    /// The bytes: one range, or several (`writev`).
    private let bytes: UnsafeRawPointer?
    private let count: Int
    private let vectors: IOVectors?

    init(target: EventTarget, fd: Int32, bytes: UnsafeRawPointer?, count: Int) {
        self.target = target
        self.fd = fd
        self.bytes = bytes
        self.count = count
        vectors = nil
    }

    init(target: EventTarget, fd: Int32, vectors: IOVectors) {
        self.target = target
        self.fd = fd
        bytes = nil
        count = 0
        self.vectors = vectors
    }

    /// Writes without blocking: the count written (at most `INT_MAX & PAGE_MASK`, as the
    /// kernel caps every write), or -1 with `errno`.
    func perform() -> Int {
        if let vectors {
            return writev(fd, vectors.pointer, Int32(vectors.count))
        }
        return send(fd, bytes, count, Int32(MSG_NOSIGNAL))
    }
}
