internal import CZlib

/// zlib's compress and uncompress, the way Python's `zlib.compress(data)`
/// (level 6, 32 KiB window, memory level 8) and `zlib.decompress` do them, so
/// compressed session cookies are byte-identical to Flask's.
///
/// Setting up a stream allocates and clears about 270 KB for deflate and 40 KB
/// for inflate: far more work than a cookie's few hundred bytes. So streams are
/// kept in small pools and reset between uses, which gives the same output as a
/// fresh stream.
public enum Zlib {
    private static let deflaters = ReusablePool { Deflater() }
    private static let inflaters = ReusablePool { Inflater() }

    /// `bytes` deflated into a zlib stream, byte for byte as Python's `zlib.compress`.
    public static func compress(_ bytes: [UInt8]) -> [UInt8] {
        deflaters.use { $0.compress(bytes) }
    }

    /// The inflated bytes, or nil for data that is not a zlib stream or
    /// inflates past `limit` bytes (a cookie is small; a bomb is not).
    public static func decompress(_ bytes: [UInt8], limit: Int = 1 << 20) -> [UInt8]? {
        inflaters.use { $0.decompress(bytes, limit: limit) }
    }
}

/// A deflate stream with Python's `zlib.compress` settings. zlib's state points back
/// at its `z_stream`, so the stream lives at a fixed address of its own.
private final class Deflater: @unchecked Sendable {
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)

    init() {
        stream.initialize(to: z_stream())
        let status = deflateInit2_(
            stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "deflateInit2 failed (\(status)): zlib is out of memory")
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    func compress(_ bytes: [UInt8]) -> [UInt8] {
        deflateReset(stream)
        let bound = Int(deflateBound(stream, uLong(bytes.count)))
        return [UInt8](unsafeUninitializedCapacity: bound) { output, count in
            let status = bytes.withUnsafeBufferPointer { source in
                // zlib only reads its input; the pointer is mutable in its C declaration.
                stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.pointee.avail_in = uInt(source.count)
                stream.pointee.next_out = output.baseAddress
                stream.pointee.avail_out = uInt(output.count)
                return deflate(stream, Z_FINISH)
            }
            precondition(status == Z_STREAM_END, "deflate did not finish in deflateBound's space (\(status))")
            count = bound - Int(stream.pointee.avail_out)
        }
    }
}

/// An inflate stream with a scratch buffer of its own.
private final class Inflater: @unchecked Sendable {
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 16_384)

    init() {
        stream.initialize(to: z_stream())
        let status = inflateInit_(stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "inflateInit failed (\(status)): zlib is out of memory")
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        scratch.deallocate()
    }

    func decompress(_ bytes: [UInt8], limit: Int) -> [UInt8]? {
        inflateReset(stream)
        var output: [UInt8] = []
        return bytes.withUnsafeBufferPointer { source -> [UInt8]? in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.pointee.avail_in = uInt(source.count)
            while true {
                stream.pointee.next_out = scratch.baseAddress
                stream.pointee.avail_out = uInt(scratch.count)
                let status = inflate(stream, Z_NO_FLUSH)
                let produced = scratch.count - Int(stream.pointee.avail_out)
                output.append(contentsOf: scratch[..<produced])
                guard output.count <= limit else { return nil }
                switch status {
                case Z_STREAM_END: return output
                case Z_OK: if produced == 0, stream.pointee.avail_in == 0 { return nil }
                default: return nil
                }
            }
        }
    }
}
