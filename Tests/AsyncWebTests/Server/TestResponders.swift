import AsyncWeb

/// A responder made of a closure, for server tests that need no routing.
struct ClosureResponder: HTTPResponder {
    let body: @Sendable (Request) async throws -> Response

    init(_ body: @escaping @Sendable (Request) async throws -> Response) {
        self.body = body
    }

    func respond(to request: Request) async throws -> Response {
        try await body(request)
    }
}

/// Answers with the request's method, target and body length; echoes the body on POST.
let echoResponder = ClosureResponder { request in
    let body = try await request.body.collect(upTo: 64 * 1024 * 1024)
    var response = Response(body: ResponseBody(bytes: body))
    response.headers["X-Method"] = request.method.rawValue
    response.headers["X-Target"] = String(request.target)
    response.headers["X-Body-Length"] = String(body.count)
    return response
}

/// An async sequence of `count` chunks of `size` bytes, made only when asked for.
struct GeneratedChunks: AsyncSequence, Sendable {
    let count: Int
    let size: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        var remaining: Int
        let chunk: [UInt8]

        mutating func next() async -> [UInt8]? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            return chunk
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(remaining: count, chunk: [UInt8](repeating: UInt8(ascii: "x"), count: size))
    }
}
