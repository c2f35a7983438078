import Glibc

/// Whether this test run was built with a sanitizer (`make test-tsan`, `make test-asan`),
/// whose runtimes export these entry points: resident memory then measures the sanitizer too.
enum Sanitizer {
    static let isActive = ["__tsan_init", "__asan_init"].contains { (symbol: String) in
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), symbol) != nil
    }
}
