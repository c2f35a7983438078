import AsyncWeb
import AsyncWebTesting
import Foundation
import IOUring

/// The app the in-process TLS tests talk to, and how they start it over HTTPS.
///
/// Its routes show what the app sees of the TLS session (`/tls`), echo a body (`/echo`) and
/// stream a body whose every byte depends on its place (`/pattern`), so a byte lost,
/// repeated or reordered anywhere in the TLS path changes what the client checks.
enum TLSProbeApp {
    static func make() -> App {
        let app = App("tls-probe")
        app.get("/", name: "index") { request in "hello over \(request.scheme)" }
        app.get("/n/<int:number>", name: "numbered") { request in "response \(try request.pathParameters.require("number", as: Int.self))" }
        app.get("/tls", name: "tls") { request in
            [
                "scheme": request.scheme,
                "version": request.tls?.version ?? "-",
                "cipher": request.tls?.cipher ?? "-",
                "alpn": request.tls?.applicationProtocol ?? "-",
                "sni": request.tls?.serverName ?? "-",
                "resumed": request.tls.map { $0.isResumed ? "yes" : "no" } ?? "-",
                "external": try url(for: "index", external: true),
            ]
        }
        app.post("/echo", name: "echo") { request in Response(body: ResponseBody(bytes: try await request.data())) }
        app.get("/pattern", name: "pattern") { request in
            let chunks = request.args.value("chunks", as: Int.self) ?? 16
            let size = request.args.value("size", as: Int.self) ?? 64 * 1024
            return Response(body: ResponseBody(contentLength: chunks * size) { writer in
                let pattern = Pattern(chunkSize: size)
                for index in 0..<chunks { try await writer.write(Array(pattern.chunk(index))) }
            })
        }
        return app
    }

    /// The bytes of `/pattern`: chunk `i` is the ramp 0, 1, … 250 started `i mod 251` in,
    /// so each chunk differs from its neighbours and each byte from the next.
    struct Pattern: Sendable {
        let chunkSize: Int
        private let ramp: [UInt8]

        init(chunkSize: Int) {
            self.chunkSize = chunkSize
            ramp = (0..<(chunkSize + 251)).map { UInt8($0 % 251) }
        }

        func chunk(_ index: Int) -> ArraySlice<UInt8> {
            let start = index % 251
            return ramp[start..<(start + chunkSize)]
        }

        /// The index of the first chunk of `data` that is not what `/pattern` sends, or nil.
        func firstMismatch(in data: Data, chunks: Int) -> Int? {
            guard data.count == chunks * chunkSize else { return min(chunks, data.count / chunkSize) }
            for index in 0..<chunks {
                let start = data.startIndex + index * chunkSize
                if data[start..<(start + chunkSize)] != Data(chunk(index)) { return index }
            }
            return nil
        }
    }

    /// Starts the probe app over HTTPS with the first test certificate.
    static func start(
        io: IOBackend, handshakeTimeout: Duration = .seconds(10), configure: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws -> LiveServer {
        try await LiveServer.startHTTPS(make(), io: io, handshakeTimeout: handshakeTimeout, configure: configure)
    }
}

extension LiveServer {
    /// Starts `app` over HTTPS with the first test certificate (trusted by every client of
    /// the tests through the test CA).
    static func startHTTPS(
        _ app: App, io: IOBackend, handshakeTimeout: Duration = .seconds(10),
        configure: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws -> LiveServer {
        let certificates = try TestCertificates.shared()
        var configuration = ServerConfiguration(
            tls: TLSConfiguration(
                certificate: .files(certificateChain: certificates.first.certificate, privateKey: certificates.first.key),
                handshakeTimeout: handshakeTimeout))
        configure(&configuration)
        return try await LiveServer.start(app, configuration: configuration, io: io)
    }

    /// Runs `body` with the server, stopping it after, whether `body` throws or not.
    func serving<Value>(_ body: () async throws -> Value) async throws -> Value {
        do {
            let value = try await body()
            try await stop()
            return value
        } catch {
            try? await stop()
            throw error
        }
    }
}
