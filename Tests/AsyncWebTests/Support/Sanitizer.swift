import Glibc

/// Whether this test run was built with ThreadSanitizer or AddressSanitizer (`make test-tsan`,
/// `make test-asan`), whose runtimes export these entry points.
enum Sanitizer {
    static let isActive = ["__tsan_init", "__asan_init"].contains { (symbol: String) in
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), symbol) != nil
    }
}
