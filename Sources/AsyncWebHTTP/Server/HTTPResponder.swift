/// What turns requests into responses for an ``HTTPServer``: an AsyncWeb `App`, or anything else.
///
/// The server calls it on the reactor thread that owns the connection. An error it throws
/// becomes a 500 response (or the status of an ``HTTPError``), and the server goes on.
public protocol HTTPResponder: Sendable {
    func respond(to request: Request) async throws -> Response
}
