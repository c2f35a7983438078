/// A place in the source: the file, as `#fileID` spells it (`Module/File.swift`), and the
/// line of a call, such as the `abort` that made an error or the `app.get` that registered
/// a route.
///
/// Functions capture it with parameters that default to `#fileID` and `#line`, so their
/// callers never write one:
///
/// ```swift
/// func abort(_ status: HTTPStatus, fileID: StaticString = #fileID, line: UInt = #line) throws -> Never
/// ```
public struct CallSite: Sendable, CustomStringConvertible {
    /// `Module/File.swift`: the module and the file's name, not its full path, which would
    /// put the build machine's directories into the binary.
    public let fileID: StaticString
    public let line: UInt

    public init(fileID: StaticString = #fileID, line: UInt = #line) {
        self.fileID = fileID
        self.line = line
    }

    /// `Module/File.swift:12`.
    public var description: String { "\(fileID):\(line)" }
}
