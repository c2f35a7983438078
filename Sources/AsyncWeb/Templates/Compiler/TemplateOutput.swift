/// Writing printed values into the output, escaping in place instead of
/// building an escaped copy first.
enum TemplateOutput {
    /// `{{ value }}` with autoescaping on: Markup as it is, everything else
    /// as its `str()` with `& < > " '` replaced by entities.
    static func appendEscaped(_ value: TemplateValue, to output: inout String) throws {
        switch value {
        case .markup(let markup): output += markup.html
        case .string(let text): appendEscaped(text, to: &output)
        case .int(let number): output += String(number)
        default: appendEscaped(try value.text(), to: &output)
        }
    }

    /// `text` with HTML's special characters replaced, as MarkupSafe does.
    static func appendEscaped(_ text: String, to output: inout String) {
        let isSpecial = { (byte: UInt8) in byte == 38 || byte == 60 || byte == 62 || byte == 34 || byte == 39 }
        let needsEscaping = text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isSpecial) }
            ?? text.utf8.contains(where: isSpecial)
        guard needsEscaping else {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&#34;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }
}
