import FuzzSupport
@testable import AsyncWebHTTP

/// The query-string and `application/x-www-form-urlencoded` parser: as a
/// query (any bytes) and as a form body (UTF-8 only, else an empty form).
@main enum URLEncodedFuzzer: FuzzTarget {
    static func fuzz(_ input: UnsafeRawBufferPointer) {
        _ = URLEncodedParser.parse(input)
        _ = URLEncodedParser.parseFormBody(Array(input))
    }
}
