import Glibc

/// Runs blocking work (a ``RawHTTPClient``) on a thread of its own, so it cannot stall the
/// cooperative pool or a reactor while the server under test needs them.
public func onThread<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        let box = Unmanaged.passRetained(ThreadWork { continuation.resume(with: Swift.Result { try body() }) })
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { context in
            Unmanaged<ThreadWork>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, box.toOpaque())
        if created == 0 {
            pthread_detach(thread)
        } else {
            box.release()
            continuation.resume(throwing: POSIXThreadError(code: created))
        }
    }
}

private final class ThreadWork {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// `pthread_create` failed.
public struct POSIXThreadError: Error {
    public let code: Int32
}
