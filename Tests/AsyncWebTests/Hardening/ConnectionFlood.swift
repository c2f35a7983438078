import AsyncWebTesting
import Glibc

/// Many connections from one blocking client thread: the traffic of the hardening tests.
enum ConnectionFlood {
    static let hello = "GET / HTTP/1.1\r\nHost: probe\r\n\r\n"

    /// Raises this process's descriptor limit to its hard limit, for tests that hold
    /// thousands of connections (the server process inherits it).
    static func raiseDescriptorLimit() {
        var limit = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        limit.rlim_cur = limit.rlim_max
        setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
    }

    /// Opens `count` connections one after another; each asks for `/` and is closed: every
    /// other one by the server (`Connection: close`), the rest by a reset from the client.
    /// Returns how many were answered 200.
    static func churn(port: Int, count: Int) throws -> Int {
        var answered = 0
        for index in 0..<count {
            let client = try RawHTTPClient(port: port)
            if index.isMultiple(of: 2) {
                try client.send("GET / HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n")
            } else {
                client.resetOnClose()
                try client.send(hello)
            }
            if try client.readResponse()?.status == 200 { answered += 1 }
        }
        return answered
    }

    /// Opens `count` connections that each get one answer and then stay open, idle.
    static func idle(port: Int, count: Int) throws -> [RawHTTPClient] {
        try (0..<count).map { _ in
            let client = try RawHTTPClient(port: port)
            try client.send(hello)
            guard try client.readResponse()?.status == 200 else {
                throw ServerProcess.Failure(description: "an idle-to-be connection was not answered")
            }
            return client
        }
    }

    /// The status of `/` on a new connection, or nil if none came.
    static func helloStatus(port: Int) throws -> Int? {
        let client = try RawHTTPClient(port: port)
        try client.send(hello)
        return try client.readResponse()?.status
    }
}
