#if canImport(Glibc)
import Glibc
#endif

/// Joins an untrusted relative path onto `directory`, or nil if it would leave it
/// (Werkzeug's `safe_join`, plus a check that symlinks do not lead out).
///
/// Refused: absolute paths, `..` that climbs out, backslashes, NUL bytes, and any file
/// whose real location (symlinks resolved) is outside the directory's real location.
/// ```swift
/// safeJoin("/srv/static", "css/site.css")   // "/srv/static/css/site.css"
/// safeJoin("/srv/static", "../etc/passwd")  // nil
/// ```
public func safeJoin(_ directory: String, _ untrusted: String) -> String? {
    guard !untrusted.contains("\\"), !untrusted.contains("\0") else { return nil }
    let normalized = normalizePOSIXPath(untrusted)
    guard !normalized.hasPrefix("/"), normalized != "..", !normalized.hasPrefix("../") else { return nil }
    let joined = directory.hasSuffix("/") ? directory + normalized : directory + "/" + normalized
    // Lexically inside; now make sure a symlink does not point outside.
    guard let realDirectory = realPath(directory) else { return nil }
    if let realTarget = realPath(joined) {
        guard realTarget == realDirectory || realTarget.hasPrefix(realDirectory.hasSuffix("/") ? realDirectory : realDirectory + "/") else {
            return nil
        }
    }
    return joined
}

/// Python's `posixpath.normpath`: collapses `.`, `..` and repeated slashes, lexically.
func normalizePOSIXPath(_ path: String) -> String {
    if path.isEmpty { return "." }
    let isAbsolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
        if part == "." { continue }
        if part == ".." {
            if let last = parts.last, last != ".." {
                parts.removeLast()
            } else if !isAbsolute {
                parts.append(part)
            }
            continue
        }
        parts.append(part)
    }
    let joined = parts.joined(separator: "/")
    if isAbsolute { return "/" + joined }
    return joined.isEmpty ? "." : joined
}

private func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}
