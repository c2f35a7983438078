// The TechEmpower Framework Benchmarks' two simplest tests, as TFB defines them, and the
// Hello page through the whole app pipeline: what `make bench` measures against its peers.
//
//   /plaintext  "Hello, World!" as text/plain
//   /json       {"message":"Hello, World!"}, serialised on every request
//   /           "<p>Hello, World!</p>", as Examples/Hello
//
// TFB checks every response for a `Server` and a `Date` header; the server adds `Date`.
import AsyncWeb

struct Message: Encodable {
    let message: String
}

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
try await app.run()
