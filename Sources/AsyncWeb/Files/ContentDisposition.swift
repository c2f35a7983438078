/// The `Content-Disposition` value Werkzeug sends with a file.
enum ContentDisposition {
    /// `inline; filename=style.css`; a name that is not a plain token is quoted, and a
    /// non-ASCII one also goes in `filename*` (RFC 6266) with an ASCII fallback.
    static func value(_ disposition: String, fileName: String) -> String {
        guard !fileName.isEmpty else { return disposition }
        if fileName.unicodeScalars.allSatisfy(\.isASCII) {
            return "\(disposition); filename=\(quotedIfNeeded(fileName))"
        }
        let fallback = String(String.UnicodeScalarView(fileName.unicodeScalars.filter(\.isASCII)))
        let encoded = PercentEncoding.quote(fileName, safe: .attributeValue)
        return "\(disposition); filename=\(quotedIfNeeded(fallback)); filename*=UTF-8''\(encoded)"
    }

    /// Werkzeug's `dump_options_header` quoting: tokens as they are, the rest in quotes.
    private static func quotedIfNeeded(_ value: String) -> String {
        let token = "!#$%&'*+-.^_`|~"
        if !value.isEmpty, value.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || token.unicodeScalars.contains($0)) }) {
            return value
        }
        return "\"" + value.replacingBackslashesAndQuotes() + "\""
    }
}

extension String {
    fileprivate func replacingBackslashesAndQuotes() -> String {
        var output = ""
        for character in self {
            if character == "\\" || character == "\"" { output.append("\\") }
            output.append(character)
        }
        return output
    }
}
