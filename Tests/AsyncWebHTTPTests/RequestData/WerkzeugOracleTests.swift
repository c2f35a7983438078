import Testing
import AsyncWebHTTP

/// Query strings, form bodies, limits, filenames and header parameters against Werkzeug
/// 3.1's own answers (`Fixtures/requestdata/generate.py`). Every multipart body is fed
/// whole, in chunks of every size from 1 to 64 bytes, and cut at random places: the
/// answer must be Werkzeug's for the whole body every time.
@Suite struct WerkzeugOracleTests {
    typealias Fixtures = RequestDataFixtures

    @Test func theFixtureHoldsEnoughCasesOfEachKind() throws {
        let cases = try #require(Fixtures.cases, "Fixtures/requestdata/cases.json is missing: run generate.py")
        #expect(cases.werkzeug.hasPrefix("3.1."))
        #expect(cases.query.count >= 60)
        #expect(cases.multipart.count >= 40)
        #expect(cases.multipart.filter { $0.outcome == "malformed" }.count >= 8)
        #expect(cases.secureFilename.count >= 40)
        #expect(cases.limits.contains { $0.outcome == "tooLarge" } && cases.limits.contains { $0.outcome == "ok" })
    }

    @Test(arguments: Fixtures.query)
    func queryStringsParseAsWerkzeugArgs(_ fixture: Fixtures.QueryCase) throws {
        let expected = try #require(fixture.args ?? fixture.argsLenient)
        #expect(codePointPairs(URLEncodedParser.parse(fixture.bytes)) == codePointPairs(expected))
    }

    @Test(arguments: Fixtures.query)
    func urlencodedBodiesParseAsWerkzeugForm(_ fixture: Fixtures.QueryCase) async throws {
        let data = try await FormData.parse(
            body: ChunkedTestBody(fixture.bytes, chunkSize: 3), contentType: "application/x-www-form-urlencoded",
            contentLength: fixture.bytes.count)
        #expect(codePointPairs(data.form) == codePointPairs(fixture.form))
        #expect(data.files.isEmpty)
    }

    @Test(arguments: Fixtures.multipart)
    func bodiesParseAsWerkzeugWhateverTheChunking(_ fixture: Fixtures.MultipartCase) async throws {
        for (label, body) in testChunkings(of: fixture.bytes, seed: UInt64(fixture.bytes.count)) {
            let data = try await FormData.parse(body: body, contentType: fixture.contentType, contentLength: fixture.bytes.count)
            try expect(data, toMatchFields: fixture.fields, files: fixture.files, label)
        }
    }

    @Test(arguments: Fixtures.multipart.filter { $0.outcome == "malformed" })
    func bodiesWerkzeugRejectsAreMalformedForTheParser(_ fixture: Fixtures.MultipartCase) async throws {
        let boundary = ParameterizedHeader(parsing: fixture.contentType).parameters["boundary"] ?? ""
        for (label, body) in testChunkings(of: fixture.bytes, seed: 7) {
            await #expect(throws: MalformedFormDataError.self, "\(label)") {
                try await MultipartParser(boundary: boundary).parse(body)
            }
        }
    }

    @Test(arguments: Fixtures.limits)
    func limitsAreEnforcedAsWerkzeugEnforcesThem(_ fixture: Fixtures.LimitCase) async throws {
        let limits = FormDataLimits(
            maxFormMemorySize: fixture.maxFormMemorySize, maxFormParts: fixture.maxFormParts,
            maxContentLength: fixture.maxContentLength)
        let chunkings = fixture.bytes.count > 20_000
            ? [ChunkedTestBody([fixture.bytes]), ChunkedTestBody(fixture.bytes, chunkSize: 1_000)]
            : [1, 2, 7, 64, fixture.bytes.count].map { ChunkedTestBody(fixture.bytes, chunkSize: max($0, 1)) }
        for body in chunkings {
            let parse = {
                try await FormData.parse(
                    body: body, contentType: fixture.contentType, contentLength: fixture.bytes.count, limits: limits)
            }
            if fixture.outcome == "tooLarge" {
                await #expect(throws: RequestEntityTooLargeError.self, "chunks of \(body.chunks.first?.count ?? 0)") {
                    try await parse()
                }
            } else {
                try expect(try await parse(), toMatchFields: fixture.fields, files: fixture.files,
                           "chunks of \(body.chunks.first?.count ?? 0)")
            }
        }
    }

    @Test(arguments: Fixtures.filenames)
    func secureFilenameFollowsWerkzeugOnWindows(_ fixture: Fixtures.FilenameCase) {
        #expect(codePoints(secureFilename(fixture.input)) == codePoints(fixture.output))
    }

    @Test(arguments: Fixtures.optionsHeaders)
    func headerParametersParseAsParseOptionsHeader(_ fixture: Fixtures.OptionsHeaderCase) {
        let header = ParameterizedHeader(parsing: fixture.input)
        #expect(codePoints(header.value) == codePoints(fixture.value))
        #expect(header.parameters.mapValues { codePoints($0)! } == fixture.options.mapValues { codePoints($0)! })
    }

    private func expect(
        _ data: FormData, toMatchFields fields: [[String]], files: [Fixtures.ExpectedFile], _ label: String
    ) throws {
        #expect(codePointPairs(data.form) == codePointPairs(fields), "\(label)")
        // Werkzeug files a part without a name under None; AsyncWeb drops it.
        let expectedFiles = files.filter { $0.name != nil }
        let actualFiles = Array(data.files)
        try #require(actualFiles.count == expectedFiles.count, "\(label): \(actualFiles.map(\.value))")
        for ((key, file), expected) in zip(actualFiles, expectedFiles) {
            #expect(codePoints(key) == codePoints(expected.name) && codePoints(file.name) == codePoints(expected.name), "\(label)")
            #expect(codePoints(file.filename) == codePoints(expected.filename), "\(label)")
            #expect(file.contentType == expected.contentType, "\(label)")
            #expect(file.contentLength == expected.contentLength, "\(label)")
            #expect(codePointPairs(file.headers.map { (key: $0.name, value: $0.value) }) == codePointPairs(expected.headers), "\(label)")
            #expect(try file.read() == expected.bytes, "\(label): \(file)")
        }
    }
}
