/// Collects one uploaded file as it streams in: in memory up to a limit, on disk beyond it,
/// as Werkzeug's `SpooledTemporaryFile(max_size=500 * 1024)` does.
///
/// ```swift
/// var writer = SpooledFileWriter()
/// try writer.write(piece)          // for each piece of the part
/// let contents = try writer.finish()
/// ```
struct SpooledFileWriter {
    /// Werkzeug's threshold: 500 KiB stay in memory; one byte more goes to disk.
    static let defaultMemoryLimit = 500 * 1024
    /// Bytes gathered before each write to disk, so small pieces do not each cost a system call.
    private static let writeBatchSize = 64 * 1024

    private let memoryLimit: Int
    private var pending: [UInt8] = []
    private var file: TemporaryFile?
    /// Bytes written to `file`.
    private var flushed = 0

    init(memoryLimit: Int = SpooledFileWriter.defaultMemoryLimit) {
        self.memoryLimit = memoryLimit
    }

    /// All bytes written so far.
    var size: Int { flushed + pending.count }

    /// The bytes held in memory: the whole file up to the limit, then at most a batch.
    var bytesInMemory: Int { pending.count }

    mutating func write(_ bytes: ArraySlice<UInt8>) throws(FileStorageError) {
        pending += bytes
        if file == nil, pending.count > memoryLimit {
            file = try TemporaryFile()
        }
        if file != nil, pending.count >= Self.writeBatchSize {
            try flush()
        }
    }

    /// The contents, in memory or in the temporary file.
    mutating func finish() throws(FileStorageError) -> FileStorage.Contents {
        guard let file else { return .memory(pending) }
        try flush()
        return .disk(file, size: flushed)
    }

    private mutating func flush() throws(FileStorageError) {
        guard let file else { return }
        try file.write(pending[...], at: flushed)
        flushed += pending.count
        pending.removeAll(keepingCapacity: true)
    }
}
