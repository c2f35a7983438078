import Foundation
import Glibc

/// The machine's processes, as `/proc` lists them.
enum ProcessTable {
    /// The command lines (arguments joined by spaces) of the live processes, other than this
    /// one, that contain `text`.
    static func commandLines(containing text: String) -> [String] {
        let pids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { pid_t($0) }
        return pids.filter { $0 != getpid() && CLITestPackage.isAlive($0) }.compactMap { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let line = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\0", with: " ")
            return line.contains(text) ? "\(pid): \(line)" : nil
        }
    }
}
