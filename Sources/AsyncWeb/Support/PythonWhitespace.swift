extension Character {
    /// What Python's `str.split()` and `str.strip()` treat as white space: Unicode white
    /// space plus the ASCII separators U+001C–U+001F. Ported behaviour depends on it.
    var isPythonWhitespace: Bool {
        isWhitespace || ("\u{1C}"..."\u{1F}").contains(self)
    }
}

extension StringProtocol {
    /// Python's `str.strip()`.
    func trimmingPythonWhitespace() -> Substring {
        guard let first = firstIndex(where: { !$0.isPythonWhitespace }),
            let last = lastIndex(where: { !$0.isPythonWhitespace })
        else { return Substring() }
        return Substring(self[first...last])
    }
}
