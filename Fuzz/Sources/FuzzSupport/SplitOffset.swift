extension UnsafeRawBufferPointer {
    /// Where to cut the input in two, to feed it as the server receives it: in
    /// pieces. A hash of every byte, so each mutation moves the cut and, over a
    /// run, a valid input is cut at many places; a fixed byte choosing it would
    /// pin the cut for the many inputs that share that byte (a final `\n`).
    public var splitOffset: Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in self {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(hash % UInt64(count + 1))
    }
}
