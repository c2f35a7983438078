#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file operation on an upload failed: creating its temporary file, reading it back, or
/// saving it.
///
/// ```swift
/// do { try upload.save(to: path) } catch let error as FileStorageError { logger.error("\(error)") }
/// ```
public struct FileStorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was being done: `"create a temporary file"`, `"write"`, `"read"`, `"open"`.
    public let operation: String
    /// The file, when it has a name.
    public let path: String?
    /// The system's error number.
    public let code: Int32

    public init(operation: String, path: String?, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    public var description: String {
        let target = path.map { " \($0)" } ?? ""
        return "Could not \(operation)\(target): \(String(cString: strerror(code))) (errno \(code))"
    }
}
