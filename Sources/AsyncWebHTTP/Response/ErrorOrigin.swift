/// Where an error was made: the call site and, in debug mode, the call stack of the task
/// that made it.
///
/// The errors the framework makes carry one (``HTTPError``, `abort`, a missing form key),
/// and AsyncWeb's debug page shows it. Make your own errors ``LocatedError``s to show theirs:
///
/// ```swift
/// struct QuotaExceeded: LocatedError {
///     let origin: ErrorOrigin
///     init(fileID: StaticString = #fileID, line: UInt = #line) {
///         origin = ErrorOrigin(fileID: fileID, line: line)
///     }
/// }
/// ```
public struct ErrorOrigin: Sendable, CustomStringConvertible {
    /// The call that made the error.
    public let site: CallSite
    /// The task's call stack when the error was made; nil unless the error was made while
    /// handling a request in debug mode.
    public let callStack: CallStack?

    /// The origin of an error made at `fileID`:`line`, with the call stack when the current
    /// task records them.
    public init(fileID: StaticString = #fileID, line: UInt = #line) {
        site = CallSite(fileID: fileID, line: line)
        callStack = Self.recordsCallStack ? CallStack.capture() : nil
    }

    private init(site: CallSite, callStack: CallStack?) {
        self.site = site
        self.callStack = callStack
    }

    /// The call site alone, for an error that stands for another one (the HTTP answer to
    /// a parse error, a timeout, any error's 500): the stack worth reading is the other's.
    package static func withoutCallStack(fileID: StaticString = #fileID, line: UInt = #line) -> ErrorOrigin {
        ErrorOrigin(site: CallSite(fileID: fileID, line: line), callStack: nil)
    }

    /// `Module/File.swift:12`.
    public var description: String { site.description }

    /// Whether errors made in this task record their call stack: the app binds it around
    /// each request in debug mode only. A task-local rather than a process-wide switch,
    /// because the HTTP layer knows nothing of apps and one process may hold a debugging
    /// app next to production ones (tests do): each of their requests pays for what its
    /// own app asked. Production pays one task-local read per error made.
    @TaskLocal package static var recordsCallStack = false
}

/// An error that knows where it was made, which AsyncWeb's debug page shows.
public protocol LocatedError: Error {
    var origin: ErrorOrigin { get }
}
