import AsyncWeb
import AsyncWebTesting
import Foundation
import Logging
import Testing

/// `request.pathParameters`: the matched rule's placeholders, read as Werkzeug's converters
/// read them, without force unwraps.
@Suite("Path parameters")
struct PathParameterTests {
    @Test func requireReadsAConvertedParameterAsItsType() async throws {
        let app = App("test", staticFolder: nil, templateFolder: nil)
        app.get("/post/<int:post_id>") { request in "Post \(try request.pathParameters.require("post_id", as: Int.self) + 1)" }
        app.get("/price/<float:amount>") { request in "Price \(try request.pathParameters.require("amount", as: Double.self))" }
        app.get("/item/<uuid:id>") { request in try request.pathParameters.require("id", as: UUID.self).uuidString }
        let client = TestClient(app)
        #expect(try await client.get("/post/41").text == "Post 42")
        #expect(try await client.get("/price/2.5").text == "Price 2.5")
        #expect(try await client.get("/item/e621e1f8-c36c-495a-93fc-0c247a3e6e5f").text == "E621E1F8-C36C-495A-93FC-0C247A3E6E5F")
    }

    @Test func textParametersReadWithTheSubscriptOrAsString() async throws {
        let app = App("test", staticFolder: nil, templateFolder: nil)
        app.get("/user/<username>") { request in "\(request.pathParameters["username"] ?? "") \(try request.pathParameters.require("username"))" }
        app.get("/files/<path:rest>") { request in request.pathParameters["rest"] ?? "none" }
        let client = TestClient(app)
        #expect(try await client.get("/user/ada").text == "ada ada")
        #expect(try await client.get("/files/a/b.txt").text == "a/b.txt")
    }

    @Test func textReadAsAnotherTypeConvertsAsWerkzeugWould() async throws {
        let app = App("test", staticFolder: nil, templateFolder: nil)
        app.get("/post/<post_id>") { request in "Post \(try request.pathParameters.require("post_id", as: Int.self))" }
        let client = TestClient(app)
        #expect(try await client.get("/post/7").text == "Post 7")
        // Werkzeug's int converter takes no sign and no letters: its rule would not have matched.
        #expect(try await client.get("/post/seven").status == 404)
        #expect(try await client.get("/post/-7").status == 404)
    }

    @Test func aValueOfAnotherTypeIsNotFound() async throws {
        let app = App("test", staticFolder: nil, templateFolder: nil)
        app.get("/post/<int:post_id>") { request in try request.pathParameters.require("post_id", as: UUID.self).uuidString }
        #expect(try await TestClient(app).get("/post/7").status == 404)
    }

    @Test func aNameTheRuleDoesNotHaveIsAnErrorNamingItsParameters() async throws {
        let log = RecordingLogHandler.Records()
        let app = App("test", staticFolder: nil, templateFolder: nil, logger: Logger(label: "test") { _ in RecordingLogHandler(records: log) })
        app.get("/post/<int:post_id>/<slug>") { request in "\(try request.pathParameters.require("id", as: Int.self))" }
        let response = try await TestClient(app).get("/post/7/hello")
        #expect(response.status == 500)
        #expect(log.all.contains { $0.level == .error && $0.message == "Exception on /post/7/hello [GET]" })
    }

    @Test func theErrorNamesTheRuleAndItsParameters() async throws {
        let app = App("test", staticFolder: nil, templateFolder: nil)
        app.get("/post/<int:post_id>/<slug>") { request in "\(try request.pathParameters.require("id", as: Int.self))" }
        app.errorHandler(PathParameterError.self) { error in Response(status: .internalServerError, body: ResponseBody(string: error.description)) }
        #expect(try await TestClient(app).get("/post/7/hello").text
            == "The rule '/post/<int:post_id>/<slug>' has no path parameter 'id': its parameters are 'post_id', 'slug'. Name a placeholder of the rule, as in '<int:id>'.")
    }

    @Test func parametersIterateInTheRulesOrder() async throws {
        let app = App("test", staticFolder: nil, templateFolder: nil)
        app.get("/<lang>/post/<int:id>") { request in request.pathParameters.map(\.name).joined(separator: ",") }
        #expect(try await TestClient(app).get("/en/post/3").text == "lang,id")
    }
}
