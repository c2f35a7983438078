internal import IOUring

/// The open connections of one reactor: counted for the connection limit, and reached at
/// shutdown to close the idle ones and, after the grace period, cancel the rest.
///
/// Confined to its reactor: the accept loop and the connection tasks all run there.
final class ConnectionRegistry: @unchecked Sendable {
    private struct Entry {
        let handler: HTTPConnectionHandler
        let task: Task<Void, Never>
    }

    private var entries: [ObjectIdentifier: Entry] = [:]
    private var isShuttingDown = false

    var count: Int { entries.count }

    func insert(_ handler: HTTPConnectionHandler, task: Task<Void, Never>) {
        entries[ObjectIdentifier(handler)] = Entry(handler: handler, task: task)
        if isShuttingDown { handler.closeIfIdle() }
    }

    func remove(_ handler: HTTPConnectionHandler) {
        entries[ObjectIdentifier(handler)] = nil
    }

    /// Closes idle connections; busy ones close after their current response.
    func beginShutdown() {
        isShuttingDown = true
        for entry in entries.values { entry.handler.closeIfIdle() }
    }

    /// Cancels every connection still open (the grace period is over).
    func cancelAll() {
        for entry in entries.values { entry.task.cancel() }
    }

    /// The tasks of the open connections, to wait for.
    var tasks: [Task<Void, Never>] { entries.values.map(\.task) }
}
