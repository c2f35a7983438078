import Testing
@testable import AsyncWebHTTP

/// The byte class table, written out as data in the parser, derived again
/// here from the grammar's own definitions.
@Suite struct HTTPByteClassTests {
    private static let alphanumerics = Set(Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8))

    @Test(arguments: [
        // tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
        (HTTPByteClass.token, alphanumerics.union("!#$%&'*+-.^_`|~".utf8)),
        // field-vchar = VCHAR / obs-text, plus SP and HTAB inside a value
        (.fieldContent, Set([0x09, 0x20] + Array(0x21...0x7E) + Array(0x80...0xFF))),
        // what llhttp's strict mode lets into a URL
        (.target, Set(0x21...0x7E)),
        // unreserved / sub-delims / "%" / ":" / "[" / "]"
        (.host, alphanumerics.union("-._~!$&'()*+,;=%:[]".utf8)),
        // qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
        (.quotedText, Set([0x09, 0x20, 0x21] + Array(0x23...0x5B) + Array(0x5D...0x7E) + Array(0x80...0xFF))),
        // OWS / BWS
        (.whitespace, Set([0x09, 0x20])),
    ] as [(HTTPByteClass, Set<UInt8>)])
    func tableMatchesTheGrammar(_ byteClass: HTTPByteClass, _ members: Set<UInt8>) {
        let wrong = (0...255).map(UInt8.init).filter { HTTPByteClass.of($0).contains(byteClass) != members.contains($0) }
        #expect(wrong.isEmpty, "bytes classified wrongly: \(wrong)")
    }

    @Test func tableHasAnEntryForEveryByte() {
        #expect(HTTPByteClass.table.count == 256)
    }
}
