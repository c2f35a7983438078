/// The receiver of a multishot operation's completions (accept, receive).
///
/// While armed, the reactor holds a strong reference to it (the completion's user data is its
/// address), released with the last completion, the one without `IORING_CQE_F_MORE`, or
/// when the reactor stops and the ring takes that completion with it.
class MultishotTarget {
    /// Whether a multishot operation for this target is in the ring.
    var isArmed = false

    /// Handles one completion. `more` is false for the last one of this arming.
    func complete(result: Int32, flags: UInt32, more: Bool) {}
}
