import AsyncWebTesting
import Foundation
import IOUring
import Testing

/// Everyday HTTPS clients against the server, each verifying its certificate against the
/// test CA: curl and Python's `http.client` GET and POST; several requests share one
/// connection (keep-alive); and sixteen requests written at once come back as sixteen
/// responses, in order (pipelining through the TLS layer).
@Suite("TLS: real clients")
struct TLSClientTests {
    @Test(arguments: IOBackend.allCases)
    func curlGetsAndPostsWithVerificationOn(io: IOBackend) async throws {
        let server = try await TLSProbeApp.start(io: io)
        let (got, posted) = try await server.serving {
            try await onThread {
                (
                    try Curl.run(port: server.port, ["https://localhost:\(server.port)/"]),
                    try Curl.run(port: server.port, ["--data-binary", "posted over TLS", "https://localhost:\(server.port)/echo"])
                )
            }
        }
        #expect(got.status == 0, "\(got)")
        #expect(got.output == "hello over https", "\(got)")
        #expect(posted.status == 0, "\(posted)")
        #expect(posted.output == "posted over TLS", "\(posted)")
    }

    @Test(arguments: IOBackend.allCases)
    func pythonHTTPClientGetsAndPostsWithACafileContext(io: IOBackend) async throws {
        let server = try await TLSProbeApp.start(io: io)
        let responses = try await server.serving {
            try await onThread {
                try PythonTLSClient.requests([
                    .init(method: "GET", target: "/", headers: [["Host", "localhost"]]),
                    .init(method: "POST", target: "/echo", headers: [["Host", "localhost"]], body: Data("posted from Python".utf8)),
                ], port: server.port)
            }
        }
        #expect(responses.map(\.status) == [200, 200])
        #expect(responses.map(\.text) == ["hello over https", "posted from Python"])
    }

    /// curl reuses its connection for the URLs of one command: one connect for three answers.
    @Test(arguments: IOBackend.allCases)
    func curlsRequestsShareOneConnection(io: IOBackend) async throws {
        let server = try await TLSProbeApp.start(io: io)
        let fetched = try await server.serving {
            try await onThread {
                try Curl.run(port: server.port, ["--write-out", "\\n%{num_connects}\\n"] + (1...3).map { "https://localhost:\(server.port)/n/\($0)" })
            }
        }
        #expect(fetched.status == 0, "\(fetched)")
        let lines = fetched.output.split(separator: "\n").map(String.init)
        #expect(lines == ["response 1", "1", "response 2", "0", "response 3", "0"], "\(fetched)")
    }

    /// Python's client checks that its socket is the same one for every request.
    @Test(arguments: IOBackend.allCases)
    func pythonKeepsOneConnectionForFiveRequests(io: IOBackend) async throws {
        let server = try await TLSProbeApp.start(io: io)
        let responses = try await server.serving {
            try await onThread {
                try PythonTLSClient.requests(
                    (1...5).map { .init(method: "GET", target: "/n/\($0)", headers: [["Host", "localhost"]]) }, port: server.port, keepAlive: true)
            }
        }
        #expect(responses.map(\.text) == (1...5).map { "response \($0)" })
    }

    /// Sixteen requests in one write, hence one TLS record: the server decrypts them
    /// together and must answer each, in order, on the one connection.
    @Test(arguments: IOBackend.allCases)
    func sixteenPipelinedRequestsAreAnsweredInOrder(io: IOBackend) async throws {
        let requests = (1...16).map { number in
            "GET /n/\(number) HTTP/1.1\r\nHost: localhost\r\n\(number == 16 ? "Connection: close\r\n" : "")\r\n"
        }.joined()
        let server = try await TLSProbeApp.start(io: io)
        let exchange = try await server.serving {
            try await onThread { try PythonTLSClient.exchange(Array(requests.utf8), port: server.port) }
        }
        let responses = try HTTPResponseReader.responses(in: exchange.received)
        #expect(responses.map(\.status) == Array(repeating: 200, count: 16))
        #expect(responses.map(\.body) == (1...16).map { "response \($0)" })
    }
}
