import AsyncWeb
import AsyncWebTesting
import Testing

@Suite("Test client")
struct TestClientTests {
    private func cookieApp() -> App {
        let app = App("test")
        app.get("/set") {
            var response = makeResponse("set")
            response.setCookie("username", "the username")
            return response
        }
        app.get("/read") { "username: \(request.cookies["username"] ?? "none")" }
        app.get("/forget") {
            var response = makeResponse("forgotten")
            response.deleteCookie("username")
            return response
        }
        return app
    }

    @Test(arguments: Transport.allCases)
    func cookiesAreKeptAndSentBackLikeABrowser(over transport: Transport) async throws {
        let app = cookieApp()
        let server = try await transport.start(app)
        let client = server.map { TestClient($0) } ?? TestClient(app)
        #expect(try await client.get("/read").text == "username: none")
        _ = try await client.get("/set")
        #expect(client.cookies["username"] == #""the username""#)
        #expect(try await client.get("/read").text == "username: the username")
        _ = try await client.get("/forget")
        #expect(try await client.get("/read").text == "username: none")
        try await server?.stop()
    }

    @Test func absoluteRedirectsAreFollowedOnTheSameServer() async throws {
        let app = App("test")
        app.get("/projects/") { "The project page" }
        let response = try await TestClient(app).get("/projects", followRedirects: true)
        #expect(response.text == "The project page")
    }
}
