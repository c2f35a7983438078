internal import CLibURing
#if canImport(Glibc)
import Glibc
#endif

/// A ring of receive buffers handed to the kernel once, from which multishot receives pick.
///
/// The kernel writes into a buffer and reports its id in the completion; the reactor copies
/// the bytes out and gives the buffer back at once, because an empty ring ends every
/// multishot receive with `ENOBUFS`. liburing 2.3 has no `io_uring_setup_buf_ring`, so the
/// ring's memory is mapped and registered here.
final class ProvidedBufferRing {
    let groupID: UInt16
    let bufferSize: Int
    let count: UInt32
    private let ring: UnsafeMutablePointer<io_uring_buf_ring>
    private let ringBytes: Int
    private let storage: UnsafeMutableRawPointer
    private let mask: Int32

    init(ring io: IORing, groupID: UInt16, count: UInt32, bufferSize: Int) throws(IOError) {
        precondition(count > 0 && count & (count - 1) == 0, "buffer count must be a power of two")
        self.groupID = groupID
        self.bufferSize = bufferSize
        self.count = count
        ringBytes = Int(count) * MemoryLayout<io_uring_buf>.stride
        guard let mapped = mmap(nil, ringBytes, PROT_READ | PROT_WRITE, MAP_ANONYMOUS | MAP_PRIVATE, -1, 0),
            mapped != MAP_FAILED
        else { throw IOError.lastError("mmap (buffer ring)") }
        ring = mapped.bindMemory(to: io_uring_buf_ring.self, capacity: 1)
        io_uring_buf_ring_init(ring)

        var registration = io_uring_buf_reg()
        registration.ring_addr = UInt64(UInt(bitPattern: mapped))
        registration.ring_entries = count
        registration.bgid = groupID
        let result = io_uring_register_buf_ring(io.raw, &registration, 0)
        guard result == 0 else {
            munmap(mapped, ringBytes)
            throw IOError(result: result, operation: "io_uring_register_buf_ring")
        }
        storage = .allocate(byteCount: Int(count) * bufferSize, alignment: 64)
        mask = io_uring_buf_ring_mask(count)
        for id in 0..<count {
            io_uring_buf_ring_add(ring, storage + Int(id) * bufferSize, UInt32(bufferSize), UInt16(id), mask, Int32(id))
        }
        io_uring_buf_ring_advance(ring, Int32(count))
    }

    deinit {
        munmap(UnsafeMutableRawPointer(ring), ringBytes)
        storage.deallocate()
    }

    /// The first `length` bytes of buffer `id`, as the kernel filled them.
    @inline(__always)
    func bytes(id: UInt16, length: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: storage + Int(id) * bufferSize, count: length)
    }

    /// Gives buffer `id` back to the kernel.
    @inline(__always)
    func recycle(id: UInt16) {
        io_uring_buf_ring_add(ring, storage + Int(id) * bufferSize, UInt32(bufferSize), id, mask, 0)
        io_uring_buf_ring_advance(ring, 1)
    }
}
