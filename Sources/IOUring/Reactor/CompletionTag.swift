/// What the 64-bit user data of an io_uring completion or an epoll event points at.
///
/// The low three bits carry the kind; the rest is either a slot in the ``OperationTable``
/// (with a generation, so a late cancel never hits a reused slot) or the address of a
/// ``EventTarget`` the reactor keeps alive while it may get events (objects are at least
/// 8-byte aligned, so the bits are free).
enum CompletionTag {
    static let kindMask: UInt64 = 0b111
    static let ignored: UInt64 = 0
    static let wakeup: UInt64 = 1
    static let operationKind: UInt64 = 2
    static let targetKind: UInt64 = 3

    @inline(__always)
    static func operation(slot: Int, generation: UInt32) -> UInt64 {
        UInt64(generation) << 32 | UInt64(slot) << 3 | operationKind
    }

    @inline(__always)
    static func slot(of userData: UInt64) -> (slot: Int, generation: UInt32) {
        (Int((userData >> 3) & 0x1FFF_FFFF), UInt32(userData >> 32))
    }

    @inline(__always)
    static func target(_ target: EventTarget) -> UInt64 {
        UInt64(UInt(bitPattern: Unmanaged.passUnretained(target).toOpaque())) | targetKind
    }

    @inline(__always)
    static func target(of userData: UInt64) -> EventTarget {
        Unmanaged<EventTarget>.fromOpaque(UnsafeRawPointer(bitPattern: UInt(userData & ~kindMask)).unsafelyUnwrapped)
            .takeUnretainedValue()
    }
}
