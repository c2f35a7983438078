#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file in the temporary directory with no name: unlinked as soon as it is created, it
/// lives as long as its descriptor and disappears when this object goes away, even if the
/// process dies first.
///
/// ```swift
/// let file = try TemporaryFile()
/// try file.write(bytes[...], at: 0)
/// let count = try file.read(into: buffer, at: 0)
/// ```
/// Reads and writes take an explicit offset (`pread`, `pwrite`), so several readers can
/// share the descriptor from any thread.
final class TemporaryFile: Sendable {
    let descriptor: Int32

    init() throws(FileStorageError) {
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(directory)/asyncweb-upload-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw FileStorageError(operation: "create a temporary file", path: directory, code: errno)
        }
        unlink(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Writes all of `bytes` at `offset`.
    func write(_ bytes: ArraySlice<UInt8>, at offset: Int) throws(FileStorageError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                pwrite(descriptor, raw.baseAddress! + written, raw.count - written, off_t(offset + written))
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw FileStorageError(operation: "write", path: "a temporary upload file", code: errno)
            }
            written += result
        }
    }

    /// Reads up to `buffer.count` bytes at `offset`; fewer only at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(FileStorageError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let result = pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset + filled))
            if result < 0 {
                if errno == EINTR { continue }
                throw FileStorageError(operation: "read", path: "a temporary upload file", code: errno)
            }
            if result == 0 { break }
            filled += result
        }
        return filled
    }
}
