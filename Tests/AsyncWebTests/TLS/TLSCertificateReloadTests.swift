import AsyncWebTesting
import Foundation
import Glibc
import IOUring
import Testing

/// SIGHUP reloads the certificate files without a restart (as nginx does): connections
/// made after it get the new certificate, while one opened before keeps its session and is
/// still answered. Files that cannot be used leave the server serving the old certificate.
/// Certificates are told apart by their SHA-256 fingerprints, as the client sees them.
@Suite("TLS: certificate reload on SIGHUP")
struct TLSCertificateReloadTests {
    /// Holds one keep-alive TLS connection: a request, then a wait for the file named by its
    /// third argument, then a second request on the same socket. Prints the fingerprint of
    /// the certificate and the status and body of each answer.
    static let heldConnection = #"""
        import hashlib, os, socket, ssl, sys, time
        port, cafile, go = int(sys.argv[1]), sys.argv[2], sys.argv[3]
        context = ssl.create_default_context(cafile=cafile)
        sock = context.wrap_socket(socket.create_connection(("127.0.0.1", port), timeout=60), server_hostname="localhost")
        reader = sock.makefile("rb")

        def get():
            sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
            status = reader.readline().split()[1].decode()
            length = 0
            while True:
                line = reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            body = reader.read(length).decode()
            print(status, hashlib.sha256(sock.getpeercert(binary_form=True)).hexdigest(), body, flush=True)

        get()
        deadline = time.monotonic() + 120
        while not os.path.exists(go) and time.monotonic() < deadline:
            time.sleep(0.02)
        get()
        """#

    /// Copies of the first certificate and key in a folder of the test's own, which it
    /// replaces; what the server is started with.
    struct ServedFiles {
        let folder: String
        var certificate: String { folder + "/served.pem" }
        var key: String { folder + "/served.key" }

        init(_ identity: TestCertificates.Identity) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("asyncweb-reload-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try replace(with: identity.certificate, key: identity.key)
        }

        /// Puts new files in place, each by an atomic rename, as a renewal tool does.
        func replace(with certificate: String, key: String) throws {
            for (source, target) in [(key, self.key), (certificate, self.certificate)] {
                let staged = target + ".new"
                try? FileManager.default.removeItem(atPath: staged)
                try FileManager.default.copyItem(atPath: source, toPath: staged)
                guard rename(staged, target) == 0 else { throw ExternalTool.Failure(description: "rename \(staged): errno \(errno)") }
            }
        }
    }

    /// The fingerprint of the certificate a new connection gets.
    static func fingerprintOfANewConnection(port: Int) async throws -> String {
        try await onThread {
            try PythonTLSClient.exchange(Array("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8), port: port).fingerprint
        }
    }

    @Test(arguments: IOBackend.allCases)
    func newConnectionsGetTheNewCertificateWhileAnOpenOneKeepsItsOwn(io: IOBackend) async throws {
        let certificates = try TestCertificates.shared()
        let files = try ServedFiles(certificates.first)
        defer { try? FileManager.default.removeItem(atPath: files.folder) }
        // The held connection must outlive the whole test, however slow the machine: with the
        // full suite building packages beside it, this test has taken over the 60 s default.
        let server = try TLSServerProcess.start(
            io: io, certificate: files.certificate, key: files.key, environment: ["PROBE_IDLE_TIMEOUT_MS": "600000"])
        let port = server.port
        let go = files.folder + "/go"
        let held = try ExternalTool.start(
            ["python3", "-c", Self.heldConnection, String(port), certificates.authority, go], timeout: .seconds(180))
        // The held connection has its first answer before anything changes.
        let deadline = ContinuousClock.now + .seconds(60)
        while !held.outputSoFar.contains("\n") && held.isRunning && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(held.outputSoFar == "200 \(certificates.first.fingerprint) <p>Hello, World!</p>\n")

        try files.replace(with: certificates.second.certificate, key: certificates.second.key)
        server.signal(SIGHUP)
        var fingerprint = try await Self.fingerprintOfANewConnection(port: port)
        let reloadDeadline = ContinuousClock.now + .seconds(30)
        while fingerprint != certificates.second.fingerprint && ContinuousClock.now < reloadDeadline {
            try await Task.sleep(for: .milliseconds(50))
            fingerprint = try await Self.fingerprintOfANewConnection(port: port)
        }
        #expect(fingerprint == certificates.second.fingerprint, "a new connection still gets the old certificate")
        #expect(server.isRunning, "SIGHUP ended the server: \(server.output)")

        _ = FileManager.default.createFile(atPath: go, contents: nil)
        let finished = try await onThread { held.wait() }
        #expect(finished.status == 0, "\(finished)")
        #expect(finished.output.split(separator: "\n").last == "200 \(certificates.first.fingerprint) <p>Hello, World!</p>", "\(finished)")
    }

    @Test(arguments: IOBackend.allCases)
    func aReloadOfUnusableFilesKeepsTheCertificateItHad(io: IOBackend) async throws {
        let certificates = try TestCertificates.shared()
        let files = try ServedFiles(certificates.first)
        defer { try? FileManager.default.removeItem(atPath: files.folder) }
        let server = try TLSServerProcess.start(io: io, certificate: files.certificate, key: files.key)
        try files.replace(with: certificates.notPEM, key: certificates.first.key)
        server.signal(SIGHUP)
        let deadline = ContinuousClock.now + .seconds(30)
        while !server.output.contains("Reloading the TLS certificate failed") && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(server.output.contains("Reloading the TLS certificate failed"), "\(server.output)")
        #expect(server.isRunning)
        #expect(try await Self.fingerprintOfANewConnection(port: server.port) == certificates.first.fingerprint)
    }
}
