import Synchronization

/// Objects that cost more to set up than to use, kept for reuse: each is taken by one
/// caller at a time, used, and put back. zlib streams and keyed HMAC contexts live in
/// these, so a session cookie does not pay for their setup.
final class ReusablePool<Resource: AnyObject & Sendable>: Sendable {
    private let idle = Mutex<[Resource]>([])
    /// How many idle objects are kept; more are made when callers overlap, and dropped after.
    private let capacity: Int
    private let make: @Sendable () -> Resource

    /// - Parameter capacity: enough for every reactor thread to have one at hand.
    init(capacity: Int = 16, make: @escaping @Sendable () -> Resource) {
        self.capacity = capacity
        self.make = make
    }

    /// Runs `body` with an object no other caller is using.
    func use<Result>(_ body: (Resource) -> Result) -> Result {
        let resource = idle.withLock { $0.popLast() } ?? make()
        let result = body(resource)
        idle.withLock { if $0.count < capacity { $0.append(resource) } }
        return result
    }
}
