import AsyncWeb
import AsyncWebTesting
import Testing

@Suite("Response conversion")
struct ResponseConversionTests {
    struct Profile: Codable, ResponseConvertible {
        let username: String
        let theme: String
    }

    private func client(_ configure: (App) -> Void) -> TestClient {
        let app = App("test")
        configure(app)
        return TestClient(app)
    }

    @Test func aStringIsHTMLWith200() async throws {
        let response = try await client { $0.get("/") { "<p>Hello, World!</p>" } }.get("/")
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(response.text == "<p>Hello, World!</p>")
    }

    @Test func aDictionaryIsJSONExactlyAsFlaskWritesIt() async throws {
        struct Nested: Encodable { let b: Int; let a: [Bool?] }
        let response = try await client { app in
            app.get("/me") {
                try jsonify(["username": JSONValue.string("alice"), "uni": .string("ünï 🎉"), "n": .double(1.0),
                             "i": .int(2), "nested": try JSONValueEncoder().encode(Nested(b: 1, a: [true, nil]))])
            }
        }.get("/me")
        #expect(response.headers["Content-Type"] == "application/json")
        // Flask 3.1: sorted keys, compact, ASCII-only with UTF-16 escapes, 1.0 stays 1.0, final newline.
        #expect(response.text == #"{"i":2,"n":1.0,"nested":{"a":[true,null],"b":1},"uni":"\u00fcn\u00ef \ud83c\udf89","username":"alice"}"# + "\n")
    }

    @Test func dictionariesArraysAndModelsConvertOnReturn() async throws {
        let client = client { app in
            app.get("/dict") { ["theme": "dark", "username": "alice"] }
            app.get("/list") { [["id": 1], ["id": 2]] }
            app.get("/model") { Profile(username: "alice", theme: "dark") }
        }
        #expect(try await client.get("/dict").text == #"{"theme":"dark","username":"alice"}"# + "\n")
        #expect(try await client.get("/list").text == #"[{"id":1},{"id":2}]"# + "\n")
        #expect(try await client.get("/model").json(as: Profile.self).username == "alice")
    }

    @Test func floatsPrintAsPythonPrintsThem() {
        let values: [Double] = [1.0, 0.1, 1e-05, 1e15, 1e16, 123456789012345680.0, .leastNonzeroMagnitude, -2.5, 1e22, 0.0001, 1.5e-7, 3.14159, 100.0, 9007199254740992.0, 1.0 / 3]
        let python = ["1.0", "0.1", "1e-05", "1000000000000000.0", "1e+16", "1.2345678901234568e+17", "5e-324", "-2.5", "1e+22", "0.0001", "1.5e-07", "3.14159", "100.0", "9007199254740992.0", "0.3333333333333333"]
        #expect(values.map(JSONWriter.pythonRepr) == python)
    }

    @Test func statusAndHeadersGoAlongsideTheBody() async throws {
        let client = client { app in
            app.get("/created") { makeResponse("created", status: 201) }
            app.get("/headers") { makeResponse("with headers", headers: ["X-Tuple": "yes"]) }
            app.get("/both") { makeResponse("accepted", status: 202, headers: ["X-Tuple": "both"]) }
        }
        #expect(try await client.get("/created").status == 201)
        let headers = try await client.get("/headers")
        #expect(headers.status == 200 && headers.headers["X-Tuple"] == "yes")
        let both = try await client.get("/both")
        #expect(both.status == 202 && both.headers["X-Tuple"] == "both" && both.text == "accepted")
    }

    @Test func redirectSendsWerkzeugsPageAndAnEncodedLocation() async throws {
        let response = try await client { $0.get("/go") { redirect(to: "/login?next=/a b&x=<y>") } }.get("/go")
        #expect(response.status == 302)
        #expect(response.headers["Location"] == "/login?next=/a%20b&x=%3Cy%3E")
        #expect(response.text == """
            <!doctype html>
            <html lang=en>
            <title>Redirecting...</title>
            <h1>Redirecting...</h1>
            <p>You should be redirected automatically to the target URL: <a href="/login?next=/a b&amp;x=&lt;y&gt;">/login?next=/a b&amp;x=&lt;y&gt;</a>. If not, click the link.

            """)
    }

    @Test func abortAnswersWithTheStandardErrorPage() async throws {
        let response = try await client { $0.get("/forbidden") { try abort(401) } }.get("/forbidden")
        #expect(response.status == 401)
        #expect(response.text.contains("<title>401 Unauthorized</title>"))
    }

    @Test func abortingHandlersNeedNoTypeAnnotation() async throws {
        let client = client { app in
            app.get("/f") { try abort(401) }
            app.get("/g/<name>") { _ in try abort(.forbidden) }
            app.post("/h") { try abort(400, "no form") }
        }
        #expect(try await client.get("/f").status == 401)
        #expect(try await client.get("/g/x").status == 403)
        #expect(try await client.post("/h").status == 400)
    }

    @Test func makeResponseOfABodyThatCannotFailDoesNotThrow() {
        let response = makeResponse("created", status: 201, headers: ["X-Tuple": "yes"])
        #expect(response.status == 201)
        #expect(response.headers["X-Tuple"] == "yes")
        #expect(makeResponse(HTTPStatus.noContent).status == 204)
    }

    @Test func makeResponseOfAModelStillThrows() throws {
        #expect(try makeResponse(Profile(username: "alice", theme: "dark"), status: 201).headers["Content-Type"] == "application/json")
    }

    @Test func streamedBodiesAreCollectedByTheTestClient() async throws {
        let response = try await client { app in
            app.get("/stream") {
                Response(body: ResponseBody(stream: AsyncStream { continuation in
                    for index in 0..<3 { continuation.yield("\(index)\n") }
                    continuation.finish()
                }))
            }
        }.get("/stream")
        #expect(response.text == "0\n1\n2\n")
    }
}
