import Testing
@testable import AsyncWebHTTP

@Suite struct IncrementalParsingTests {
    private let request = Array("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello".utf8)
    private var headLength: Int { request.count - 5 }

    @Test func headIsReturnedOnlyOnceComplete() throws {
        var parser = RequestHeadParser()
        for end in 0..<headLength {
            #expect(try parser.parse(Array(request[..<end])) == nil, "after \(end) bytes")
        }
        let head = try #require(try parser.parse(Array(request[..<headLength])))
        #expect(head.path == "/upload")
    }

    @Test func byteCountIsWhereTheBodyStarts() throws {
        let head = try #require(try RequestHeadParser.head(of: request))
        #expect(head.byteCount == headLength)
        #expect(head.bodyFraming == .contentLength(5))
        #expect(head.bytes == Array(request[..<headLength]))
    }

    @Test func bytesAlreadyScannedAreNotScannedAgain() throws {
        var parser = RequestHeadParser()
        var received = Array("GET / HTTP/1.1\r\nHost: a\r\nX: ab".utf8)
        #expect(try parser.parse(received) == nil)
        // A control byte the parser would refuse, put where it already
        // looked: it does not look again, which is what keeps a head that
        // trickles in linear to parse.
        received[received.count - 1] = 0x01
        received += Array("\r\n\r\n".utf8)
        #expect(try parser.parse(received) != nil)
    }

    @Test func parserIsReadyForThePipelinedNextRequestAfterAHead() throws {
        let pipelined = Array("GET /a HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.1\r\nHost: b\r\n\r\n".utf8)
        var parser = RequestHeadParser()
        let first = try #require(try parser.parse(pipelined))
        let second = try #require(try parser.parse(Array(pipelined[first.byteCount...])))
        #expect(first.path == "/a")
        #expect(second.path == "/b")
        #expect(second.value(forHeader: "host") == "b")
    }

    @Test func resetForgetsAPartlyScannedHead() throws {
        var parser = RequestHeadParser()
        #expect(try parser.parse(Array("DELETE /old HTT".utf8)) == nil)
        parser.reset()
        let head = try #require(try parser.parse(Array("GET /new HTTP/1.1\r\nHost: a\r\n\r\n".utf8)))
        #expect(head.method == .get)
        #expect(head.path == "/new")
    }

    @Test func everySplitOfAHeadGivesTheSameHead() throws {
        let whole = try #require(try RequestHeadParser.head(of: request))
        for split in 0...request.count {
            var parser = RequestHeadParser()
            let first = try parser.parse(Array(request[..<split]))
            let head = try #require(try first ?? parser.parse(request))
            #expect(head.bytes == whole.bytes && head.fields == whole.fields, "split at \(split)")
        }
    }
}
