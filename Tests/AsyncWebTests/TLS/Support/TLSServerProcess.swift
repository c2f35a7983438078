import AsyncWebTesting
import Foundation
import Glibc
import IOUring

/// A server in a process of its own serving HTTPS with a test certificate, for tests that
/// count its descriptors, measure its memory or signal it.
enum TLSServerProcess {
    /// `product` (ProbeServer by default) with `--cert` and `--key` of the first test
    /// certificate, or of `identity`'s files.
    static func start(
        _ product: String = "ProbeServer", io: IOBackend, certificate: String? = nil, key: String? = nil,
        environment: [String: String] = [:]
    ) throws -> ServerProcess {
        let certificates = try TestCertificates.shared()
        return try ServerProcess.start(
            product, backend: io, environment: environment,
            arguments: ["--cert", certificate ?? certificates.first.certificate, "--key", key ?? certificates.first.key])
    }
}

extension ServerProcess {
    /// Waits until the server holds `count` descriptors (its connections closed or
    /// accepted); whether it did within `timeout`.
    func waitForDescriptorCount(_ count: Int, timeout: Duration = .seconds(20)) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while descriptorLinks().count != count {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    /// The server's descriptors once it has served a request and stopped changing: its
    /// start-up (the SIGHUP handler's dispatch source, say) may still be opening some just
    /// after the banner.
    func settledDescriptorCount() async throws -> Int {
        _ = try await helloOverHTTPS()
        var previous = -1
        var count = descriptorLinks().count
        let deadline = ContinuousClock.now + .seconds(10)
        while count != previous && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
            previous = count
            count = descriptorLinks().count
        }
        return count
    }

    /// `GET /` over HTTPS with curl, verifying the certificate: ProbeServer's hello page
    /// when the server still serves.
    func helloOverHTTPS() async throws -> String {
        let port = port
        let fetched = try await onThread { try Curl.run(port: port, ["https://localhost:\(port)/"], timeout: .seconds(60)) }
        return fetched.status == 0 ? fetched.output : "curl failed: \(fetched)"
    }
}

/// How a raw connection ended, read from the client's side.
enum ConnectionEnd: Equatable, CustomStringConvertible {
    /// The server closed it (end of stream), after sending these bytes.
    case closed([UInt8])
    /// The server reset it, after sending these bytes.
    case reset([UInt8])
    /// Nothing ended it within the client's read timeout.
    case stillOpen

    var wasEndedByServer: Bool { self != .stillOpen }

    var received: [UInt8] {
        switch self {
        case .closed(let bytes), .reset(let bytes): bytes
        case .stillOpen: []
        }
    }

    var description: String {
        switch self {
        case .closed(let bytes): "closed after \(bytes.count) bytes \(bytes.prefix(16))"
        case .reset(let bytes): "reset after \(bytes.count) bytes \(bytes.prefix(16))"
        case .stillOpen: "still open"
        }
    }
}

extension RawHTTPClient {
    /// Reads until the server ends the connection, or the read timeout passes.
    func readUntilEnd() -> ConnectionEnd {
        var received: [UInt8] = []
        while true {
            do {
                let piece = try receive(upTo: 65536)
                if piece.isEmpty { return .closed(received) }
                received += piece
            } catch let error as IOError where error.code == ECONNRESET {
                return .reset(received)
            } catch {
                return .stillOpen
            }
        }
    }
}
