import Testing
import AsyncWebHTTP

@Suite struct FormDataTests {
    /// A body that fails the test if anything reads it.
    struct UnreadableBody: AsyncSequence {
        typealias Element = [UInt8]
        struct AsyncIterator: AsyncIteratorProtocol {
            mutating func next() async throws -> [UInt8]? {
                Issue.record("the body was read")
                return nil
            }
        }
        func makeAsyncIterator() -> AsyncIterator { AsyncIterator() }
    }

    private func parse(_ text: String, contentType: String?, contentLength: Int? = nil,
                       limits: FormDataLimits = FormDataLimits()) async throws -> FormData {
        let bytes = Array(text.utf8)
        return try await FormData.parse(body: ChunkedTestBody(bytes, chunkSize: 4), contentType: contentType,
                                        contentLength: contentLength, limits: limits)
    }

    @Test func flasksDefaultLimitsApply() {
        #expect(FormDataLimits() == FormDataLimits(maxFormMemorySize: 500_000, maxFormParts: 1_000, maxContentLength: nil))
    }

    @Test func aURLEncodedBodyFillsTheForm() async throws {
        let data = try await parse("a=1&b=two+words", contentType: "application/x-www-form-urlencoded")
        #expect(data.form == ["a": "1", "b": "two words"])
        #expect(data.files.isEmpty)
    }

    @Test func theMediaTypeIsMatchedWhateverItsCase() async throws {
        #expect(try await parse("a=1", contentType: "Application/X-WWW-Form-URLEncoded; charset=utf-8").form == ["a": "1"])
    }

    @Test func withoutAContentTypeTheBodyIsNotRead() async throws {
        let data = try await FormData.parse(body: UnreadableBody(), contentType: nil, contentLength: 10)
        #expect(data.form.isEmpty && data.files.isEmpty)
    }

    @Test func anotherContentTypeGivesAnEmptyFormWithoutReadingTheBody() async throws {
        let data = try await FormData.parse(body: UnreadableBody(), contentType: "application/json", contentLength: 10)
        #expect(data.form.isEmpty)
    }

    @Test func aMalformedMultipartBodyGivesAnEmptyForm() async throws {
        let data = try await parse("--b\r\nContent-Disposition: form-data; name=a\r\n\r\n1", contentType: "multipart/form-data; boundary=b")
        #expect(data.form.isEmpty && data.files.isEmpty)
    }

    @Test func aURLEncodedBodyThatIsNotUTF8GivesAnEmptyForm() async throws {
        let data = try await FormData.parse(body: ChunkedTestBody([[0x61, 0x3D, 0xFF]]),
                                            contentType: "application/x-www-form-urlencoded", contentLength: 3)
        #expect(data.form.isEmpty)
    }

    @Test func aContentLengthOverTheMaximumIs413BeforeReading() async {
        await #expect(throws: RequestEntityTooLargeError(limit: .maxContentLength)) {
            try await FormData.parse(body: UnreadableBody(), contentType: "application/json", contentLength: 11,
                                     limits: FormDataLimits(maxContentLength: 10))
        }
    }

    @Test func aChunkedBodyOverTheMaximumIs413WhileReading() async {
        await #expect(throws: RequestEntityTooLargeError(limit: .maxContentLength)) {
            try await parse("a=1&b=22222", contentType: "application/x-www-form-urlencoded",
                            limits: FormDataLimits(maxContentLength: 10))
        }
    }

    @Test func aURLEncodedContentLengthOverTheMemoryLimitIs413() async {
        await #expect(throws: RequestEntityTooLargeError(limit: .maxFormMemorySize)) {
            try await parse("a=12345", contentType: "application/x-www-form-urlencoded", contentLength: 7,
                            limits: FormDataLimits(maxFormMemorySize: 6))
        }
    }

    @Test func aChunkedURLEncodedBodyOverTheMemoryLimitIs413() async {
        await #expect(throws: RequestEntityTooLargeError(limit: .maxFormMemorySize)) {
            try await parse("a=12345", contentType: "application/x-www-form-urlencoded", limits: FormDataLimits(maxFormMemorySize: 6))
        }
    }

    @Test func aLimitErrorAnswers413WithWerkzeugsMessage() {
        let error = RequestEntityTooLargeError(limit: .maxFormParts)
        #expect(error.httpError.status == 413)
        #expect(error.message == "The data value transmitted exceeds the capacity limit.")
        #expect(error.description.contains("MAX_FORM_PARTS"))
    }
}
