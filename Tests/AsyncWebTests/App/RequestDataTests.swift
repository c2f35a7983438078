import AsyncWeb
import AsyncWebTesting
import Testing

@Suite("Request body: data and JSON")
struct RequestDataTests {
    struct Payload: Codable { let a: Int }

    private func app(maxContentLength: Int? = nil) -> TestClient {
        let app = App("test")
        if let maxContentLength { app.config["MAX_CONTENT_LENGTH"] = .int(maxContentLength) }
        app.post("/json") { request in ["got": try await request.json(as: Payload.self).a] }
        app.post("/data") { request in
            let first = try await request.data()
            let again = try await request.data()  // cached: the stream is read once
            return "\(first.count) \(again.count)"
        }
        return TestClient(app)
    }

    @Test func theTestClientPostsJSON() async throws {
        #expect(try await app().post("/json", json: Payload(a: 7)).text == #"{"got":7}"# + "\n")
    }

    @Test func jsonBodiesDecode() async throws {
        let response = try await app().post("/json", headers: ["Content-Type": "application/json"], body: Array(#"{"a":1}"#.utf8))
        #expect(response.text == #"{"got":1}"# + "\n")
    }

    @Test func structuredJSONTypesCount() async throws {
        let response = try await app().post("/json", headers: ["Content-Type": "application/vnd.api+json"], body: Array(#"{"a":2}"#.utf8))
        #expect(response.status == 200)
    }

    @Test func aNonJSONContentTypeIs415AsInFlask() async throws {
        let response = try await app().post("/json", headers: ["Content-Type": "text/plain"], body: Array("{}".utf8))
        #expect(response.status == 415)
        #expect(response.text.contains("<p>Did not attempt to load JSON data because the request Content-Type was not &#39;application/json&#39;.</p>"))
    }

    @Test func malformedJSONIs400() async throws {
        let response = try await app().post("/json", headers: ["Content-Type": "application/json"], body: Array("{bad".utf8))
        #expect(response.status == 400)
        #expect(response.text.contains("The browser (or proxy) sent a request that this server could not understand."))
    }

    @Test func theBodyIsReadOnceAndKept() async throws {
        #expect(try await app().post("/data", body: Array("twelve bytes".utf8)).text == "12 12")
    }

    @Test func maxContentLengthRefusesLargerBodiesWith413() async throws {
        let client = app(maxContentLength: 10)
        #expect(try await client.post("/data", body: Array(repeating: 120, count: 20)).status == 413)
        #expect(try await client.post("/data", body: Array(repeating: 120, count: 10)).status == 200)
    }
}
