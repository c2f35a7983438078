internal import CLibURing

/// The single-shot operations a reactor has in flight, by slot.
///
/// A slot holds the continuation to resume with the result and the object that owns the
/// operation's memory (a send buffer, say). The owner stays here until the kernel's
/// completion arrives, even when the task that started the operation was cancelled long
/// before: the kernel may still be reading or writing that memory.
struct OperationTable {
    private struct Slot {
        var continuation: UnsafeContinuation<Int32, Never>?
        var owner: AnyObject?
        var generation: UInt32 = 0
        var cancellationRequested = false
    }

    /// Where an operation stands when its cancellation is asked for.
    enum CancellationState { case inFlight, notSubmittedYet, finished }

    private var slots: [Slot] = []
    private var free: [Int] = []
    /// Linked-timeout durations, one per slot, in blocks that never move: the kernel reads a
    /// timeout when the ring is submitted, which may be after the table has grown.
    private var timeoutBlocks: [UnsafeMutablePointer<__kernel_timespec>] = []
    private static let timeoutBlockSize = 256

    /// Claims a slot for an operation about to be submitted; the owner is kept until it completes.
    mutating func reserve(owner: AnyObject?) -> UInt64 {
        let slot: Int
        if let reused = free.popLast() {
            slot = reused
        } else {
            slot = slots.count
            slots.append(Slot())
        }
        slots[slot].owner = owner
        return CompletionTag.operation(slot: slot, generation: slots[slot].generation)
    }

    /// Records the continuation that the completion of `userData` resumes; true when a
    /// cancellation was asked for before it was submitted.
    mutating func attach(_ continuation: UnsafeContinuation<Int32, Never>, to userData: UInt64) -> Bool {
        let slot = CompletionTag.slot(of: userData).slot
        slots[slot].continuation = continuation
        return slots[slot].cancellationRequested
    }

    /// Notes that the operation should be cancelled, and says whether it is in the kernel yet.
    mutating func requestCancellation(_ userData: UInt64) -> CancellationState {
        let (slot, generation) = CompletionTag.slot(of: userData)
        guard slot < slots.count, slots[slot].generation == generation else { return .finished }
        if slots[slot].continuation != nil { return .inFlight }
        slots[slot].cancellationRequested = true
        return .notSubmittedYet
    }

    /// Frees the slot and hands back its continuation; `nil` for a stale tag.
    mutating func complete(_ userData: UInt64) -> UnsafeContinuation<Int32, Never>? {
        let (slot, generation) = CompletionTag.slot(of: userData)
        guard slot < slots.count, slots[slot].generation == generation,
            let continuation = slots[slot].continuation
        else { return nil }
        slots[slot].continuation = nil
        slots[slot].owner = nil
        slots[slot].cancellationRequested = false
        slots[slot].generation &+= 1
        free.append(slot)
        return continuation
    }

    /// Stable storage for the linked timeout of the operation in `userData`'s slot.
    mutating func timeoutStorage(for userData: UInt64, nanoseconds: UInt64) -> UnsafeMutablePointer<__kernel_timespec> {
        let (slot, _) = CompletionTag.slot(of: userData)
        let (block, index) = slot.quotientAndRemainder(dividingBy: Self.timeoutBlockSize)
        while block >= timeoutBlocks.count {
            timeoutBlocks.append(.allocate(capacity: Self.timeoutBlockSize))
        }
        let storage = timeoutBlocks[block] + index
        storage.pointee = __kernel_timespec(
            tv_sec: Int64(nanoseconds / 1_000_000_000), tv_nsec: Int64(nanoseconds % 1_000_000_000))
        return storage
    }

    /// Every continuation still waiting, for a reactor that stops with work in flight.
    mutating func drainAll() -> [UnsafeContinuation<Int32, Never>] {
        let waiting = slots.compactMap(\.continuation)
        slots.removeAll()
        free.removeAll()
        return waiting
    }

    func deallocate() {
        timeoutBlocks.forEach { $0.deallocate() }
    }
}
