import AsyncWeb
import AsyncWebTesting
import Testing

/// A body or form middleware reads before `next` is the handler's and the hooks' to read
/// again: the request context keeps it, whichever copy of the request they hold. Each
/// test runs in-process and over a socket, which must agree.
@Suite("Middleware and the request body")
struct MiddlewareBodyTests {

    /// Reads the whole body before the app sees the request, as a signature check would.
    struct ReadsBodyFirst: Middleware {
        func respond(to request: Request, next: Next) async throws -> Response {
            let seen = try await request.data()
            var response = try await next(request)
            response.headers.add("X-Middleware-Saw", String(seen.count))
            return response
        }
    }

    /// Reads the form, then hands the app a copy of the request with another origin.
    struct ReadsFormThenCopies: Middleware {
        func respond(to request: Request, next: Next) async throws -> Response {
            let name = try await request.form()["name"] ?? "-"
            var response = try await next(request.with(origin: RequestOrigin(scheme: "https", host: "proxy")))
            response.headers.add("X-Middleware-Saw", name)
            return response
        }
    }

    @Test(arguments: Transport.allCases)
    func aBodyReadBeforeNextReachesTheHandlerAndTheAfterRequestHooks(transport: Transport) async throws {
        let app = App("test")
        app.wrap(ReadsBodyFirst())
        app.post("/echo") { request in String(decoding: try await request.data(), as: UTF8.self) }
        app.afterRequest { response in
            var response = response
            response.headers.add("X-Hook-Saw", String(decoding: try await request.data(), as: UTF8.self))
            return response
        }
        let response = try await transport.withClient(app) { try await $0.post("/echo", body: Array("0123456789".utf8)) }
        #expect(response.text == "0123456789")
        #expect(response.headers["X-Hook-Saw"] == "0123456789")
        #expect(response.headers["X-Middleware-Saw"] == "10")
    }

    @Test(arguments: Transport.allCases)
    func aFormReadBeforeNextReachesTheHandlerThroughACopyOfTheRequest(transport: Transport) async throws {
        let app = App("test")
        app.wrap(ReadsFormThenCopies())
        app.post("/hello") { request in "\(try await request.form()["name"] ?? "-") via \(request.scheme)://\(request.host)" }
        let response = try await transport.withClient(app) { try await $0.post("/hello", form: ["name": "Ada Lovelace"]) }
        #expect(response.text == "Ada Lovelace via https://proxy")
        #expect(response.headers["X-Middleware-Saw"] == "Ada Lovelace")
    }

    /// `request.body` is a stream, read once, in tests as over the network: a second
    /// reading finds it empty, so a test cannot pass where a server would fail.
    @Test(arguments: Transport.allCases)
    func theRawBodyStreamsOnceInProcessAsOverASocket(transport: Transport) async throws {
        let app = App("test")
        app.post("/twice") { request in
            let first = try await request.body.collect(upTo: 1 << 20)
            let second = try await request.body.collect(upTo: 1 << 20)
            return "\(first.count) then \(second.count)"
        }
        let response = try await transport.withClient(app) { try await $0.post("/twice", body: Array("0123456789".utf8)) }
        #expect(response.text == "10 then 0")
    }

    /// An error thrown by middleware is answered by the app's error handlers, as a
    /// handler's would be.
    @Test(arguments: Transport.allCases)
    func anErrorInMiddlewareGoesThroughTheAppsErrorHandlers(transport: Transport) async throws {
        struct Refuses: Middleware {
            func respond(to request: Request, next: Next) async throws -> Response { try abort(403) }
        }
        let app = App("test")
        app.wrap(Refuses())
        app.get("/") { "unreachable" }
        app.errorHandler(403) { _ in makeResponse("refused by the app", status: 403) }
        let response = try await transport.withClient(app) { try await $0.get("/") }
        #expect(response.status == 403)
        #expect(response.text == "refused by the app")
    }
}
