@testable import AsyncWebHTTP

extension RequestHeadParser {
    /// The head of `text` given to a fresh parser in one buffer; nil if the
    /// head is not complete.
    static func head(of text: String, limits: HTTPParserLimits = .init()) throws(HTTPParseError) -> RequestHead? {
        try head(of: Array(text.utf8), limits: limits)
    }

    static func head(of bytes: [UInt8], limits: HTTPParserLimits = .init()) throws(HTTPParseError) -> RequestHead? {
        var parser = RequestHeadParser(limits: limits)
        return try parser.parse(bytes)
    }

    /// `parse(_:)` over an array, which `withUnsafeBytes` cannot pass a
    /// typed error through.
    mutating func parse(_ bytes: [UInt8]) throws(HTTPParseError) -> RequestHead? {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(HTTPParseError) in try parse(buffer) }
        }.get()
    }
}
