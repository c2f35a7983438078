internal import IOUring

/// The open connections of one reactor: counted for the connection limit, and reached at
/// shutdown to close the idle ones and, after the grace period, cancel the rest.
///
/// Confined to its reactor: the accept loop and the connection handlers all run there.
final class ConnectionRegistry: @unchecked Sendable {
    private var handlers: [ObjectIdentifier: HTTPConnectionHandler] = [:]
    private var isShuttingDown = false
    private var emptied: [UnsafeContinuation<Void, Never>] = []

    var count: Int { handlers.count }

    func insert(_ handler: HTTPConnectionHandler) {
        handlers[ObjectIdentifier(handler)] = handler
        if isShuttingDown { handler.closeIfIdle() }
    }

    /// Forgets a closed connection; the last one out wakes ``waitUntilEmpty()``.
    func remove(_ handler: HTTPConnectionHandler) {
        handlers[ObjectIdentifier(handler)] = nil
        guard handlers.isEmpty else { return }
        let waiting = emptied
        emptied = []
        for continuation in waiting { continuation.resume() }
    }

    /// Closes idle connections; busy ones close after their current response.
    func beginShutdown() {
        isShuttingDown = true
        for handler in handlers.values { handler.closeIfIdle() }
    }

    /// Cancels every request still running (the grace period is over).
    func cancelAll() {
        for handler in handlers.values { handler.cancel() }
    }

    /// Returns once every connection has closed, parked ones included.
    func waitUntilEmpty() async {
        if handlers.isEmpty { return }
        await withUnsafeContinuation { emptied.append($0) }
    }
}
