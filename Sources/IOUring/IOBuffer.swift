#if canImport(Glibc)
import Glibc
#endif

/// A growable byte buffer with a read and a write position, at a stable address while in flight.
///
/// The memory is its own allocation (not a Swift array), so the kernel can be handed a pointer
/// for the length of an operation; the reactor keeps the buffer alive until that operation
/// completes. Not thread-safe: it belongs to one connection on one reactor.
///
/// The memory is allocated on the first write, and ``releaseStorage()`` gives it back while
/// the buffer is empty: an idle keep-alive connection then holds no buffer at all.
public final class IOBuffer: @unchecked Sendable {
    // Exclusivity checks on these cost more than the appends they guard; the buffer is
    // confined to one thread and never lends its properties inout across a suspension.
    /// A shared empty placeholder while ``capacity`` is 0, so reads need no optional check.
    @exclusivity(unchecked) private(set) var storage: UnsafeMutableRawPointer = IOBuffer.noStorage
    /// Bytes allocated; 0 until the first write and after ``releaseStorage()``.
    @exclusivity(unchecked) public private(set) var capacity = 0
    /// Where the unread bytes start.
    @exclusivity(unchecked) public private(set) var readerIndex = 0
    /// Where the next written byte goes.
    @exclusivity(unchecked) public private(set) var writerIndex = 0
    /// What the first write allocates.
    public let initialCapacity: Int

    /// Never written: every write first reserves room, which allocates.
    nonisolated(unsafe) private static let noStorage = UnsafeMutableRawPointer.allocate(byteCount: 16, alignment: 16)

    /// - Parameter capacity: bytes allocated by the first write (or more, if it needs more).
    public init(capacity: Int = 4096) {
        initialCapacity = max(capacity, 16)
    }

    deinit { releaseMemory() }

    /// Frees the memory of an empty buffer; the next write allocates again. Does nothing
    /// while unread bytes remain.
    public func releaseStorage() {
        guard readableCount == 0 else { return }
        releaseMemory()
        readerIndex = 0
        writerIndex = 0
    }

    private func releaseMemory() {
        guard capacity > 0 else { return }
        storage.deallocate()
        storage = Self.noStorage
        capacity = 0
    }

    /// Bytes written and not yet consumed.
    @inline(__always)
    public var readableCount: Int { writerIndex - readerIndex }

    /// The unread bytes. Valid until the buffer is next mutated.
    @inline(__always)
    public var readableBytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: storage + readerIndex, count: readableCount)
    }

    /// Marks `count` unread bytes as read.
    @inline(__always)
    public func consume(_ count: Int) {
        precondition(count <= readableCount, "consumed more than was readable")
        readerIndex += count
        if readerIndex == writerIndex {
            readerIndex = 0
            writerIndex = 0
        }
    }

    /// Makes room for `count` more bytes, first by moving unread bytes to the front, then by growing.
    public func reserveWritable(_ count: Int) {
        if capacity - writerIndex >= count { return }
        let unread = readableCount
        if readerIndex > 0 {
            storage.copyMemory(from: storage + readerIndex, byteCount: unread)
            readerIndex = 0
            writerIndex = unread
            if capacity - writerIndex >= count { return }
        }
        var newCapacity = max(capacity, initialCapacity)
        while newCapacity - unread < count { newCapacity *= 2 }
        let grown = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        grown.copyMemory(from: storage, byteCount: unread)
        releaseMemory()
        storage = grown
        capacity = newCapacity
    }

    /// Lets `body` write up to `minimumCapacity` or more bytes at the end; it returns how many it wrote.
    @inline(__always)
    public func write(minimumCapacity: Int, _ body: (UnsafeMutableRawBufferPointer) throws -> Int) rethrows {
        reserveWritable(minimumCapacity)
        let written = try body(UnsafeMutableRawBufferPointer(start: storage + writerIndex, count: capacity - writerIndex))
        writerIndex += written
    }

    /// Room for `count` bytes at the end, for the kernel to fill; ``commitWritten(_:)`` then
    /// says how many it wrote. The buffer must not be touched in between.
    func writableSpace(_ count: Int) -> UnsafeMutableRawPointer {
        reserveWritable(count)
        return storage + writerIndex
    }

    /// Counts `count` bytes written into ``writableSpace(_:)`` as readable.
    func commitWritten(_ count: Int) {
        precondition(writerIndex + count <= capacity, "committed more than the reserved space")
        writerIndex += count
    }

    /// Appends raw bytes.
    @inline(__always)
    public func append(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        reserveWritable(bytes.count)
        (storage + writerIndex).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        writerIndex += bytes.count
    }

    /// Appends the bytes of a collection (an array, a `String.UTF8View`, …).
    ///
    /// Inlinable, so callers in other modules get it specialised for their type: called
    /// generically, each append went through witness tables and looked up metadata.
    @inlinable
    public func append<Bytes: Sequence>(contentsOf bytes: Bytes) where Bytes.Element == UInt8 {
        let copied: Void? = bytes.withContiguousStorageIfAvailable { append(UnsafeRawBufferPointer($0)) }
        if copied == nil {
            for byte in bytes { append(byte) }
        }
    }

    /// Appends the UTF-8 bytes of a string.
    @inline(__always)
    public func append(_ string: String) {
        var string = string
        string.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends one byte.
    @inline(__always)
    public func append(_ byte: UInt8) {
        reserveWritable(1)
        storage.storeBytes(of: byte, toByteOffset: writerIndex, as: UInt8.self)
        writerIndex += 1
    }

    /// Appends `value` in decimal.
    public func appendDecimal(_ value: Int) {
        write(minimumCapacity: 20) { space in
            var digits = value.magnitude
            var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
            return withUnsafeMutableBytes(of: &scratch) { scratch in
                var position = scratch.count
                repeat {
                    position -= 1
                    scratch[position] = UInt8(truncatingIfNeeded: digits % 10) + 48
                    digits /= 10
                } while digits > 0
                if value < 0 {
                    position -= 1
                    scratch[position] = 45
                }
                let length = scratch.count - position
                space.baseAddress!.copyMemory(from: scratch.baseAddress! + position, byteCount: length)
                return length
            }
        }
    }

    /// Appends a non-negative `value` in lowercase hexadecimal (chunk sizes).
    public func appendHexadecimal(_ value: Int) {
        precondition(value >= 0, "hexadecimal chunk sizes are never negative")
        let digitCount = max(1, (Int.bitWidth - value.leadingZeroBitCount + 3) / 4)
        write(minimumCapacity: digitCount) { space in
            for index in 0..<digitCount {
                let nibble = (value >> ((digitCount - 1 - index) * 4)) & 0xF
                space[index] = nibble < 10 ? UInt8(48 + nibble) : UInt8(87 + nibble)
            }
            return digitCount
        }
    }
}
