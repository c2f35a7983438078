#if canImport(Runtime)
internal import Runtime
#endif
import Foundation
import Synchronization

/// A task's call stack at the moment an error was made, async callers included, as the
/// Swift runtime's backtracer walks it. Capturing keeps addresses only; ``frames()``
/// names them.
///
/// ```swift
/// for frame in error.origin.callStack?.frames() ?? [] { print(frame) }
/// ```
public final class CallStack: Sendable {
    /// A `Runtime.Backtrace`, held as `any Sendable` because the package supports systems
    /// older than the backtracer (macOS 15), and a stored property cannot be conditionally available.
    private let backtrace: any Sendable

    private init(backtrace: any Sendable) {
        self.backtrace = backtrace
    }

    /// Lists the binaries of the process, which every capture then names its frames
    /// from. The first capture does it otherwise, whenever it comes: call this where no
    /// other thread is unmapping files, as `app.run()` does in debug mode before serving.
    package static func listProcessImages() {
        #if canImport(Runtime)
        if #available(macOS 26, *) { _ = ProcessImages.map() }
        #endif
    }

    /// The current task's call stack, or nil where the runtime cannot walk it.
    static func capture() -> CallStack? {
        #if canImport(Runtime)
        if #available(macOS 26, *), let backtrace = try? Backtrace.capture(images: ProcessImages.map()) {
            return CallStack(backtrace: backtrace)
        }
        #endif
        return nil
    }

    /// One function on the stack.
    public struct Frame: Sendable, CustomStringConvertible {
        /// The demangled name, or the address where the binary has no symbols.
        public let function: String
        /// `path:line` from the debug information, when the binary has it.
        public let location: String?
        /// A frame of the Swift runtime, the system or a compiler-made thunk, rather than of
        /// code built with the app: it has no place in the source.
        public let isRuntime: Bool

        public var description: String {
            location.map { "\(function) at \($0)" } ?? function
        }
    }

    /// The frames, innermost first, named from the binaries' symbols and debug information:
    /// slow (it reads DWARF), so the stack is named only when shown. The frames of the
    /// capture itself are left out.
    public func frames() -> [Frame] {
        #if canImport(Runtime)
        if #available(macOS 26, *), let backtrace = backtrace as? Backtrace,
            let symbolicated = ProcessImages.whileNoneIsBeingListed({ backtrace.symbolicated() })
        {
            let frames = symbolicated.frames.map { frame in
                // Compiler-made code is placed at line 0 of `<compiler-generated>`: nowhere.
                let location = frame.symbol?.sourceLocation.flatMap { $0.line > 0 ? "\($0.path):\($0.line)" : nil }
                return Frame(
                    function: frame.symbol?.name ?? "\(frame.captured)", location: location,
                    isRuntime: location == nil || frame.isSwiftThunk)
            }
            return Array(frames.drop { $0.location.map(Self.isCaptureFile) ?? false })
        }
        #endif
        return []
    }

    /// ``frames()``, worked out on a thread of its own. Naming reads the binaries' debug
    /// information: in a large debug build that is seconds of work, which would otherwise
    /// hold the caller's thread (a reactor, and every connection it serves) as long.
    public func namedFrames() async -> [Frame] {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: self.frames()) }.start()
        }
    }

    /// Whether `location` lies in the files that take the capture.
    private static func isCaptureFile(_ location: String) -> Bool {
        location.contains("/CallStack.swift:") || location.contains("/ErrorOrigin.swift:")
    }
}

#if canImport(Runtime)
/// The binaries mapped into the process, listed once.
///
/// Listing them (`ImageMap.capture()`, which `Backtrace.capture()` does every time unless it
/// is handed a map) reads the first bytes of every file mapped into the process, in place:
/// a file another thread unmaps meanwhile faults the whole process. Symbolication maps the
/// binaries' files and unmaps them after, so it never runs while the list is taken; the
/// list is then kept, and no capture reads the mappings again. (A library opened after the
/// list was taken shows its frames as addresses.)
@available(macOS 26, *)
private enum ProcessImages {
    private static let listed = Mutex<ImageMap?>(nil)
    private static let symbolicating = Mutex(())

    static func map() -> ImageMap {
        listed.withLock { listed in
            if let listed { return listed }
            let map = symbolicating.withLock { _ in ImageMap.capture() }
            listed = map
            return map
        }
    }

    static func whileNoneIsBeingListed<T>(_ body: () -> T) -> T {
        symbolicating.withLock { _ in body() }
    }
}
#endif
