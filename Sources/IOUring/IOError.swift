#if canImport(Glibc)
import Glibc
#endif

/// A failed system call or io_uring operation, carrying the `errno` value the kernel gave.
public struct IOError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `errno` value (positive), e.g. `ECONNRESET`.
    public let code: Int32
    /// What was being attempted, e.g. `"bind"`.
    public let operation: String

    public init(code: Int32, operation: String) {
        self.code = code
        self.operation = operation
    }

    /// Builds the error from a negative io_uring result (`-errno`).
    init(result: Int32, operation: String) {
        self.init(code: -result, operation: operation)
    }

    /// Builds the error from the thread's current `errno`.
    static func lastError(_ operation: String) -> IOError {
        IOError(code: errno, operation: operation)
    }

    public var description: String {
        "\(operation) failed: \(String(cString: strerror(code))) (errno \(code))"
    }
}

/// A deadline for an operation passed before it completed.
public struct IOTimeoutError: Error, Sendable, Equatable {
    public init() {}
}
