extension Substring {
    /// Where the first `byte` of the UTF-8 bytes is, searched on the contiguous bytes: a plain
    /// loop over memory, where the view's own `firstIndex(of:)` steps through its index
    /// arithmetic byte by byte (measured: a few percent of a pipelined request, for the
    /// router's `/` and the request's `%`).
    package func firstIndex(ofUTF8 byte: UInt8) -> Index? {
        let offset: Int?? = utf8.withContiguousStorageIfAvailable { $0.firstIndex(of: byte) }
        guard let offset else { return utf8.firstIndex(of: byte) }
        return offset.map { utf8.index(startIndex, offsetBy: $0) }
    }
}
