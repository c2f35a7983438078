import AsyncWebTesting
import Foundation

/// Plain `GET`s on new connections, each answer waited for as long as a build may take:
/// while `asyncweb run` rebuilds, a request waits in the socket's backlog.
enum HTTPProbe {
    /// `GET target`; the response, or the error that ended the exchange (a refused connection).
    static func get(_ target: String, port: Int, timeout: Duration = CLITestPackage.rebuildTime) async throws -> RawHTTPClient.Response {
        let seconds = Int(timeout.components.seconds)
        return try await onThread {
            let client = try RawHTTPClient(port: port, timeout: seconds)
            try client.send("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            guard let response = try client.readResponse() else {
                throw SpawnedProcess.Failure(description: "GET \(target): the connection closed with no response")
            }
            return response
        }
    }

    /// `GET target` until `accept` takes the response; each failed exchange is recorded in
    /// `failures`, and `step` is named when `timeout` passes first.
    static func poll(
        _ target: String, port: Int, _ step: String, within timeout: Duration, failures: inout [String],
        until accept: (RawHTTPClient.Response) -> Bool
    ) async throws -> RawHTTPClient.Response {
        let deadline = ContinuousClock.now + timeout
        var last = "nothing"
        while ContinuousClock.now < deadline {
            do {
                let response = try await get(target, port: port)
                if accept(response) { return response }
                last = "\(response.status): \(response.text.prefix(300))"
            } catch {
                failures.append("\(error)")
                last = "\(error)"
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw SpawnedProcess.Failure(description: "\(step) did not happen within \(timeout); the last answer: \(last)")
    }
}
