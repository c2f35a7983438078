public import AsyncWebTLS
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

extension HTTPServer {
    /// How many servers of this process reload on SIGHUP now.
    private static let hangUpHandlers = Mutex(0)

    /// Reads the TLS certificate and key again; connections accepted from now on use them,
    /// open ones keep the session they have. A renewed certificate goes live this way
    /// without a restart (`kill -HUP`, as nginx does).
    ///
    /// - Throws: ``TLSSetupError`` when the files cannot be used; the server then goes on
    ///   with the certificate it had.
    public func reloadTLSCertificate() throws(TLSSetupError) {
        guard let tls = configuration.tls, case .files = tls.certificate else { return }
        let context = try TLSContext(tls)
        state.withLock { $0.tls = context }
    }

    /// Calls ``reloadTLSCertificate()`` on each SIGHUP, until the returned source is cancelled.
    func reloadTLSCertificateOnSIGHUP() -> any DispatchSourceSignal {
        // The signal is handled by the source, so its default action (ending the process)
        // must not run while any TLS server of the process runs; it comes back after the last.
        Self.hangUpHandlers.withLock { count in
            if count == 0 { signal(SIGHUP, SIG_IGN) }
            count += 1
        }
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        source.setEventHandler { [self] in
            do {
                try reloadTLSCertificate()
                logger.info(" * Reloaded the TLS certificate")
            } catch {
                logger.error("Reloading the TLS certificate failed; the previous one stays: \(error)")
            }
        }
        source.setCancelHandler {
            Self.hangUpHandlers.withLock { count in
                count -= 1
                if count == 0 { signal(SIGHUP, SIG_DFL) }
            }
        }
        source.resume()
        return source
    }
}
