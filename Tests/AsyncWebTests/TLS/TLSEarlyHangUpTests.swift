import AsyncWebTesting
import Foundation
import IOUring
import Testing

/// A SIGHUP sent as soon as the server says it runs (a deploy script that reloads the
/// certificate it just renewed) reloads the certificate; it must not end the server, as
/// SIGHUP's default action would if it came before the server took the signal over.
///
/// The race is short, so the server is started many times; Python starts it (with an
/// empty signal mask, so SIGHUP is not held back) and signals it the moment the banner
/// line arrives on its pipe.
@Suite("TLS: SIGHUP right after the banner")
struct TLSEarlyHangUpTests {
    static let script = #"""
        import os, signal, subprocess, sys, time
        binary, cert, key, io, tries = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        ended = []
        for attempt in range(tries):
            server = subprocess.Popen(
                [binary, "--host", "127.0.0.1", "--port", "0", "--reactors", "1", "--io", io, "--cert", cert, "--key", key],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            while True:
                line = server.stdout.readline()
                if not line or b"Running on" in line:
                    break
            server.send_signal(signal.SIGHUP)
            time.sleep(0.2)
            if server.poll() is not None:
                ended.append(server.returncode)
            server.kill()
            server.wait()
        print(len(ended), ended)
        """#

    @Test(arguments: IOBackend.allCases)
    func aSIGHUPJustAfterTheBannerDoesNotEndTheServer(io: IOBackend) async throws {
        let certificates = try TestCertificates.shared()
        let binary = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("ProbeServer").path
        let tries = 25
        let finished = try await onThread {
            try ExternalTool.run(
                ["python3", "-c", Self.script, binary, certificates.first.certificate, certificates.first.key, io.rawValue, String(tries)],
                timeout: .seconds(240))
        }
        #expect(finished.status == 0, "\(finished)")
        // How many of the servers the SIGHUP ended, and their exit codes (-1: killed by SIGHUP).
        #expect(finished.output == "0 []\n", "of \(tries) servers signalled right after their banner, SIGHUP ended \(finished.output)")
    }
}
