import AsyncWeb
import Foundation

/// The server `asyncweb run` puts on its socket while the last build failed: `asyncweb`
/// itself, started again with ``pageVariable`` naming a file that holds the page, which it
/// answers every request with (status 500) until `asyncweb run` replaces it with the app.
///
/// It is an AsyncWeb app like the one it stands in for, so it serves the inherited socket
/// (`ASYNCWEB_LISTEN_FD`) and stops with its parent just as the app does.
enum BuildErrorPageServer {
    /// The environment variable that makes `asyncweb` this server: the page's path.
    static let pageVariable = "ASYNCWEB_BUILD_ERROR_PAGE"

    /// Starts the server on `socket`, the page written to `path`.
    static func start(
        _ page: BuildErrorPage, at path: String, on socket: ListeningSocket, environment: [String: String]
    ) throws(CLIError) -> ChildProcess {
        do {
            try page.html.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CLIError("Cannot write the build's error page to \(path): \(error.localizedDescription)")
        }
        var environment = environment
        environment[pageVariable] = path
        // No arguments: app.run() reads its flags from them, and this server takes none.
        return try ChildProcess([Self.ownExecutable], environment: environment, listening: socket)
    }

    /// Serves the page at `path` to every request, as `asyncweb run` asked.
    static func serve(pageAt path: String) async throws {
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let app = App("asyncweb", staticFolder: nil, templateFolder: nil)
        app.beforeRequest {
            var page = html.makeResponse()
            page.status = .internalServerError
            return page
        }
        try await app.run()
    }

    /// This very program, to start again (`/proc/self/exe` names it even if it was moved).
    private static var ownExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
