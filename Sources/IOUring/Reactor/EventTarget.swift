/// What a reactor tells about one descriptor's events: a multishot operation's completions
/// (io_uring), or readiness (epoll).
///
/// While armed (io_uring) or registered (epoll), the reactor holds a strong reference to it:
/// the completion's user data, or the epoll event's data, is its address. io_uring releases
/// it with the last completion (the one without `IORING_CQE_F_MORE`); epoll when it is
/// unregistered. Either way, when the reactor stops.
class EventTarget {
    /// Whether the target takes events now: io_uring, a multishot operation is in the ring;
    /// epoll, readiness is acted on rather than left for the next wait.
    var isArmed = false
    /// epoll: whether the descriptor is in the reactor's epoll set.
    var isRegistered = false
    /// epoll: the operation of a send waiting for the socket to take more bytes.
    var writabilityWaiter: UInt64?

    /// io_uring: handles one completion. `more` is false for the last one of this arming.
    func complete(result: Int32, flags: UInt32, more: Bool) {}

    /// epoll: the descriptor became readable, reached its end, or failed (`EPOLLIN`,
    /// `EPOLLRDHUP`, `EPOLLHUP`, `EPOLLERR` in `events`).
    func becameReadable(events: UInt32) {}
}
