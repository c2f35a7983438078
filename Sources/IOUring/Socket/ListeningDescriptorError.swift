#if canImport(Glibc)
import Glibc
#endif

/// A descriptor given to ``ListeningSocket/group(adopting:count:)`` that cannot be served.
public struct ListeningDescriptorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the descriptor.
    public enum Problem: Sendable, Equatable {
        case notOpen
        case notASocket
        /// A datagram or other non-stream socket: there are no connections to accept.
        case notAStreamSocket
        /// A Unix-domain socket, say: connections would have no IP address.
        case notAnInternetSocket
        /// Bound, perhaps, but `listen` was never called on it.
        case notListening
        /// `dup` failed with this `errno` (`EMFILE`: out of descriptors).
        case cannotDuplicate(Int32)
    }

    /// The descriptor number given.
    public let descriptor: Int32
    public let problem: Problem

    public init(descriptor: Int32, problem: Problem) {
        self.descriptor = descriptor
        self.problem = problem
    }

    public var description: String {
        switch problem {
        case .notOpen: "descriptor \(descriptor) is not open"
        case .notASocket: "descriptor \(descriptor) is not a socket"
        case .notAStreamSocket: "descriptor \(descriptor) is not a stream (TCP) socket"
        case .notAnInternetSocket: "descriptor \(descriptor) is not an IPv4 or IPv6 socket"
        case .notListening: "descriptor \(descriptor) is a socket that does not listen"
        case .cannotDuplicate(let code): "descriptor \(descriptor) cannot be duplicated: \(String(cString: strerror(code)))"
        }
    }
}
