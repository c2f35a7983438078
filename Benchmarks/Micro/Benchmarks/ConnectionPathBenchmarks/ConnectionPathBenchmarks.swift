import AsyncWeb
import AsyncWebTesting
import Benchmark
import IOUring
import TechEmpowerApp

/// The whole connection path without sockets: request bytes are parsed, go through the app
/// and come back serialised, on a reactor, through an ``InMemoryTransport``. Against the
/// load benchmark's CPU µs/request, the difference is the kernel's share (TCP, wake-ups).
///
/// Each benchmark serves one connection whose client sends the request as many times as
/// the iteration count (one at a time, or 16 pipelined per receive), so the time and the
/// mallocs reported are per request.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 1,
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 10_000
    )

    // The app of Examples/TechEmpower, whose routes `make bench` loads.
    let app = makeTechEmpowerApp()
    let server = HTTPServer(configuration: ServerConfiguration(), responder: app)
    let group = try! ReactorGroup(count: 1)

    // The request wrk sends.
    func request(_ path: String) -> [UInt8] {
        Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n".utf8)
    }
    let cases: [(String, [UInt8], Int)] = [
        ("plaintext", request("/plaintext"), 1), ("plaintext, pipelined ×16", request("/plaintext"), 16),
        ("json", request("/json"), 1), ("hello", request("/"), 1),
    ]
    for (name, bytes, depth) in cases {
        Benchmark("connection: \(name)") { benchmark in
            let connection = InMemoryTransport(
                reactor: group.reactors[0], input: Array([[UInt8]](repeating: bytes, count: depth).joined()),
                repetitions: benchmark.scaledIterations.count / depth, keepsOutput: false)
            benchmark.startMeasurement()
            await server.serve(connection)
            benchmark.stopMeasurement()
            precondition(connection.bytesSent > 0, "no response was sent")
        }
    }
}
