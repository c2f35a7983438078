// The TechEmpower Framework Benchmarks' two simplest tests, as TFB defines them, and the
// Hello page through the whole app pipeline: what `make bench` measures against its peers,
// and what Benchmarks/Micro measures without sockets.
//
//   /plaintext  "Hello, World!" as text/plain
//   /json       {"message":"Hello, World!"}, serialised on every request
//   /           "<p>Hello, World!</p>", as Examples/Hello
//
// And for Benchmarks/load/transfer.sh, large bodies:
//
//   /stream?chunks=N&size=S   N chunks of S bytes from an async generator, streamed chunked
//   /file                     the file named by TRANSFER_FILE, through sendFile
//
// TFB checks every response for a `Server` and a `Date` header; the server adds `Date`.
public import AsyncWeb
import Foundation

struct Message: Encodable {
    let message: String
}

/// The app `make bench` serves (Examples/TechEmpower/Server) and the micro-benchmarks call.
public func makeTechEmpowerApp() -> App {
    let app = App("TechEmpower")
    app.get("/plaintext") {
        Response(headers: ["Content-Type": "text/plain", "Server": "AsyncWeb"], body: "Hello, World!")
    }
    app.get("/json") {
        var response = try jsonify(Message(message: "Hello, World!"))
        response.headers["Server"] = "AsyncWeb"
        return response
    }
    app.get("/") { "<p>Hello, World!</p>" }
    app.get("/stream") { request in
        let count = request.args.value("chunks", as: Int.self) ?? 16
        let size = request.args.value("size", as: Int.self) ?? 16 * 1024
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: size)
        return Response(body: ResponseBody(stream: Chunks(remaining: count, chunk: chunk)))
    }
    app.get("/file") { () throws -> Response in
        guard let path = ProcessInfo.processInfo.environment["TRANSFER_FILE"] else { throw HTTPError(.notFound) }
        return try sendFile(path)
    }
    return app
}

/// The same chunk `remaining` times, each made when the connection asks for the next.
struct Chunks: AsyncSequence, AsyncIteratorProtocol, Sendable {
    var remaining: Int
    let chunk: [UInt8]

    mutating func next() async -> [UInt8]? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        return chunk
    }

    func makeAsyncIterator() -> Chunks { self }
}
