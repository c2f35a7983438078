internal import CLibURing
#if canImport(Glibc)
import Glibc
#endif

/// One epoll instance, with the event array its waits fill and the buffer ready sockets are
/// read into.
///
/// Sockets are registered once, edge-triggered, for input and output together, so a
/// connection costs one `epoll_ctl` in its life and none per request. The reactor's eventfd
/// is registered level-triggered: a write from another thread ends any wait until it is read.
/// Confined to its reactor's thread.
final class EpollInstance {
    let fd: Int32
    let events: UnsafeMutablePointer<epoll_event>
    let eventCapacity: Int32
    /// Where a ready socket's bytes land before they are appended to its connection's
    /// buffer: one for the reactor, as io_uring's provided buffers are, so an idle connection
    /// holds no receive buffer of its own.
    let receiveBuffer: UnsafeMutableRawBufferPointer
    private let wakeFD: Int32

    /// Edge-triggered input, output, and the peer's half-close, for a connected socket.
    static let socketEvents = EPOLLIN.rawValue | EPOLLOUT.rawValue | EPOLLRDHUP.rawValue | EPOLLET.rawValue
    /// Edge-triggered input, for a listening socket. Exclusive: when the reactors share one
    /// socket (an inherited one, duplicated for each), a new connection wakes one of them, not
    /// all; one that is busy still finds the socket ready on its next wait, and a reactor that
    /// loses the race for a connection just sees `EAGAIN`.
    static let listeningEvents = EPOLLIN.rawValue | EPOLLET.rawValue | EPOLLEXCLUSIVE.rawValue
    /// What makes a waiting receive (or accept) look again.
    static let readableEvents = EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue
    /// What makes a waiting send try again (an error or hang-up makes it fail at once).
    static let writableEvents = EPOLLOUT.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue

    init(wakeFD: Int32, eventsPerWait: Int32, receiveBufferSize: Int) throws(IOError) {
        let fd = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard fd >= 0 else { throw IOError.lastError("epoll_create1") }
        var wakeEvent = epoll_event(events: EPOLLIN.rawValue, data: epoll_data_t(u64: CompletionTag.wakeup))
        guard epoll_ctl(fd, EPOLL_CTL_ADD, wakeFD, &wakeEvent) == 0 else {
            let error = IOError.lastError("epoll_ctl (eventfd)")
            close(fd)
            throw error
        }
        self.fd = fd
        self.wakeFD = wakeFD
        eventCapacity = max(eventsPerWait, 1)
        events = .allocate(capacity: Int(eventCapacity))
        receiveBuffer = .allocate(byteCount: receiveBufferSize, alignment: 64)
    }

    deinit {
        close(fd)
        events.deallocate()
        receiveBuffer.deallocate()
    }

    /// Watches `descriptor` for `interest`, reporting `userData` with its events.
    func add(_ descriptor: Int32, interest: UInt32, userData: UInt64) throws(IOError) {
        var event = epoll_event(events: interest, data: epoll_data_t(u64: userData))
        guard epoll_ctl(fd, EPOLL_CTL_ADD, descriptor, &event) == 0 else { throw IOError.lastError("epoll_ctl") }
    }

    /// Stops watching a descriptor that stays open (closing one removes it by itself).
    func remove(_ descriptor: Int32) {
        _ = epoll_ctl(fd, EPOLL_CTL_DEL, descriptor, nil)
    }

    /// Waits up to `timeoutMilliseconds` (-1: no limit) and returns how many events are in
    /// ``events``.
    func wait(timeoutMilliseconds: Int32) -> Int {
        let count = epoll_wait(fd, events, eventCapacity, timeoutMilliseconds)
        return count > 0 ? Int(count) : 0
    }

    /// Resets the eventfd after it woke a wait.
    func consumeWakeup() {
        var value: UInt64 = 0
        _ = read(wakeFD, &value, 8)
    }
}
