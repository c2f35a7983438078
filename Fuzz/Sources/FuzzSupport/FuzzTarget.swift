import CLibFuzzer
import Glibc

/// A libFuzzer harness: `fuzz(_:)` gets each input the fuzzer makes and traps
/// (or lets the sanitizer trap) on a bug; anything it returns is fine.
///
/// ```swift
/// @main enum CookieFuzzer: FuzzTarget {
///     static func fuzz(_ input: UnsafeRawBufferPointer) {
///         _ = CookieFormat.parse(Substring(String(decoding: input, as: UTF8.self)))
///     }
/// }
/// ```
///
/// SwiftPM links an executable's `main` to its module's entry point, so
/// libFuzzer's own `main` never runs; this one hands the command line to
/// libFuzzer's driver instead, which takes the usual flags
/// (`-max_total_time=60 corpus/ seeds/`).
public protocol FuzzTarget {
    static func fuzz(_ input: UnsafeRawBufferPointer)
}

extension FuzzTarget {
    public static func main() {
        currentTarget = fuzz
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput))
    }
}

/// What the driver calls with each input. Exported under libFuzzer's name
/// because `-sanitize=fuzzer` links libFuzzer's `main` too, which refers to it.
@_cdecl("LLVMFuzzerTestOneInput")
func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let currentTarget else { preconditionFailure("libFuzzer's main ran instead of the harness's") }
    currentTarget(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// The harness the driver calls back: a C callback cannot capture it. Set once,
/// before the driver starts; libFuzzer runs inputs on one thread.
nonisolated(unsafe) private var currentTarget: ((UnsafeRawBufferPointer) -> Void)?
