/// The single-shot operations a reactor has in flight, by slot.
///
/// A slot holds the continuation to resume with the result and the object that owns the
/// operation's memory (a send buffer, say). The owner stays here until the operation's
/// completion arrives, even when the task that started it was cancelled long before: the
/// kernel may still be reading or writing that memory.
///
/// Operations are either in the kernel (io_uring submissions, cancelled with an
/// `IORING_OP_ASYNC_CANCEL`) or in user space, completed by the reactor itself (a sleep's
/// deadline, an epoll socket becoming writable), which a cancellation simply completes.
struct OperationTable {
    private struct Slot {
        var continuation: UnsafeContinuation<Int32, Never>?
        var owner: AnyObject?
        var generation: UInt32 = 0
        var cancellationRequested = false
        var isInKernel = false
    }

    /// Where an operation stands when its cancellation is asked for.
    enum CancellationState { case inKernel, inUserSpace, notStartedYet, finished }

    private var slots: [Slot] = []
    private var free: [Int] = []

    /// Claims a slot for an operation about to start; the owner is kept until it completes.
    mutating func reserve(owner: AnyObject?, inKernel: Bool) -> UInt64 {
        let slot: Int
        if let reused = free.popLast() {
            slot = reused
        } else {
            slot = slots.count
            slots.append(Slot())
        }
        slots[slot].owner = owner
        slots[slot].isInKernel = inKernel
        return CompletionTag.operation(slot: slot, generation: slots[slot].generation)
    }

    /// Records the continuation that the completion of `userData` resumes; true when a
    /// cancellation was asked for before the operation started.
    mutating func attach(_ continuation: UnsafeContinuation<Int32, Never>, to userData: UInt64) -> Bool {
        let slot = CompletionTag.slot(of: userData).slot
        slots[slot].continuation = continuation
        return slots[slot].cancellationRequested
    }

    /// Notes that the operation should be cancelled, and says where it is.
    mutating func requestCancellation(_ userData: UInt64) -> CancellationState {
        let (slot, generation) = CompletionTag.slot(of: userData)
        guard slot < slots.count, slots[slot].generation == generation else { return .finished }
        if slots[slot].continuation != nil { return slots[slot].isInKernel ? .inKernel : .inUserSpace }
        slots[slot].cancellationRequested = true
        return .notStartedYet
    }

    /// Whether `userData`'s operation is still waiting for its completion.
    func isPending(_ userData: UInt64) -> Bool {
        let (slot, generation) = CompletionTag.slot(of: userData)
        return slot < slots.count && slots[slot].generation == generation && slots[slot].continuation != nil
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

    /// Every continuation still waiting, for a reactor that stops with work in flight.
    mutating func drainAll() -> [UnsafeContinuation<Int32, Never>] {
        let waiting = slots.compactMap(\.continuation)
        slots.removeAll()
        free.removeAll()
        return waiting
    }
}
