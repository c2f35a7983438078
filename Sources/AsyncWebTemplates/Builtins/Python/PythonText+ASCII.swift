internal import AsyncWebEncoding

extension PythonText {
    /// `ascii()` applied to a repr: every scalar outside ASCII escaped as
    /// `\xNN`, `\uNNNN` or `\UNNNNNNNN`, as `%a` and `!a` print.
    static func ascii(_ repr: String) -> String {
        var result = ""
        for scalar in repr.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16)
            switch scalar.value {
            case ..<0x100: result += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
            case ..<0x10000: result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
            }
        }
        return result
    }
}
