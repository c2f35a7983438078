import FuzzSupport
@testable import AsyncWebEncoding

/// The JSON reader that session cookies and template contexts go through.
/// Whatever it reads, Flask's JSON writer must write back as text it reads again.
@main enum JSONFuzzer: FuzzTarget {
    static func fuzz(_ input: UnsafeRawBufferPointer) {
        guard let value = try? JSONReader.parse(Array(input)) else { return }
        let written = JSONWriter.flask.write(value)
        precondition((try? JSONReader.parse(written)) != nil, "\(value) written as unreadable \(written)")
    }
}
