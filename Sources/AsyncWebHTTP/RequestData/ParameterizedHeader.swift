internal import AsyncWebEncoding

/// A header value with `; key=value` parameters, such as `Content-Type` or
/// `Content-Disposition`, read as Werkzeug's `parse_options_header` reads it.
///
/// ```swift
/// let contentType = ParameterizedHeader(parsing: #"multipart/form-data; boundary="abc""#)
/// contentType.value                    // "multipart/form-data"
/// contentType.parameters["boundary"]   // "abc"
/// ```
/// Werkzeug's rules: parameter names are lower-cased; a value is a token or a quoted
/// string, whose `\"`, `\\` and `%22` (the HTML form encoding of a quote) are unescaped;
/// invalid parameters are skipped; a later parameter of the same name wins. RFC 2231 is
/// handled as Werkzeug handles it: `filename*=UTF-8''%E2%82%AC.txt` is percent-decoded in
/// its charset (only UTF-8, ASCII and ISO-8859-1; another leaves the value encoded), and
/// continuations `name*0`, `name*1`, … are joined.
public struct ParameterizedHeader: Sendable, Equatable {
    /// The part before the first `;`, trimmed (`"multipart/form-data"`); not lower-cased.
    public var value: String
    /// The parameters by lower-cased name.
    public var parameters: [String: String]

    public init(value: String, parameters: [String: String] = [:]) {
        self.value = value
        self.parameters = parameters
    }

    /// Parses a header value; nil or empty gives an empty value without parameters.
    public init(parsing header: String?) {
        guard let header else {
            self.init(value: "")
            return
        }
        let scalars = Array(header.unicodeScalars)
        let semicolon = scalars.firstIndex(of: ";")
        let value = String(String.UnicodeScalarView(scalars[..<(semicolon ?? scalars.endIndex)])).trimmingWerkzeugWhitespace()
        let rest = semicolon.map { String(String.UnicodeScalarView(scalars[($0 + 1)...])).trimmingWerkzeugWhitespace() } ?? ""
        guard !value.isEmpty, !rest.isEmpty else {
            self.init(value: value)
            return
        }
        self.init(value: value, parameters: Self.decode(Self.rawParameters(in: Array(rest.unicodeScalars))))
    }

    /// The `key=value` parts as written: keys lower-cased, values still quoted or encoded.
    private static func rawParameters(in text: [Unicode.Scalar]) -> [(key: String, value: [Unicode.Scalar])] {
        var parts: [(key: String, value: [Unicode.Scalar])] = []
        var rest = text[...]
        while true {
            let keyLength = rest.prefix(while: isTokenScalar).count
            if keyLength > 0, rest.dropFirst(keyLength).first == "=" {
                let key = String(String.UnicodeScalarView(rest.prefix(keyLength))).lowercased()
                rest = rest.dropFirst(keyLength + 1)
                let token = rest.prefix(while: isTokenScalar)
                if !token.isEmpty {
                    // The token stays in `rest`: the search for the next `;` starts inside it.
                    parts.append((key, Array(token)))
                } else if rest.first == "\"", let closing = closingQuote(in: rest) {
                    parts.append((key, Array(rest[...closing])))
                    rest = rest[(closing + 1)...]
                }
            }
            guard let semicolon = rest.firstIndex(of: ";") else { return parts }
            rest = rest[(semicolon + 1)...].drop(while: \.isWerkzeugWhitespace)
        }
    }

    /// The index of the quote that closes the quoted string `text` opens, skipping `\\` and `\"`.
    private static func closingQuote(in text: ArraySlice<Unicode.Scalar>) -> Int? {
        var index = text.startIndex + 1
        while index < text.endIndex {
            if text[index] == "\\", index + 1 < text.endIndex, text[index + 1] == "\\" || text[index + 1] == "\"" {
                index += 2
            } else if text[index] == "\"" {
                return index
            } else {
                index += 1
            }
        }
        return nil
    }

    /// Applies RFC 2231 charsets and continuations and removes quotes.
    private static func decode(_ parts: [(key: String, value: [Unicode.Scalar])]) -> [String: String] {
        var parameters: [String: String] = [:]
        // Werkzeug keeps the last charset seen, even across keys, for parts that name none.
        var encoding: String?
        var continuedEncoding: String?
        for var (key, value) in parts {
            if key.hasSuffix("*") {
                key.removeLast()
                if let (charset, encoded) = charsetAndValue(value) {
                    encoding = charset.lowercased()
                    value = encoded
                }
                if encoding?.isEmpty ?? true {
                    encoding = continuedEncoding
                }
                if let encoding, let charset = TextCharset(label: encoding), encoding == encoding.lowercased() {
                    continuedEncoding = encoding
                    value = percentDecoded(value, in: charset)
                }
            }
            if value.first == "\"", value.last == "\"" {
                value = Array(value.dropFirst().dropLast())
                value = replacing(#"\\"#, with: #"\"#, in: value)
                value = replacing(#"\""#, with: #"""#, in: value)
                value = replacing("%22", with: #"""#, in: value)
            }
            let text = String(String.UnicodeScalarView(value))
            if let base = continuationBase(of: key) {
                parameters[base, default: ""] += text
            } else {
                parameters[key] = text
            }
        }
        return parameters
    }

    /// `charset'language'value` split into charset and value, as Werkzeug's regex splits it:
    /// the value is the run of token characters after the second quote.
    private static func charsetAndValue(_ value: [Unicode.Scalar]) -> (charset: String, value: [Unicode.Scalar])? {
        let charsetScalar = { (scalar: Unicode.Scalar) in scalar != "'" && isTokenScalar(scalar) }
        let charset = value.prefix(while: charsetScalar)
        var rest = value[charset.endIndex...]
        guard rest.first == "'" else { return nil }
        rest = rest.dropFirst().drop(while: charsetScalar)
        guard rest.first == "'" else { return nil }
        let encoded = rest.dropFirst().prefix(while: isTokenScalar)
        guard !encoded.isEmpty else { return nil }
        return (String(String.UnicodeScalarView(charset)), Array(encoded))
    }

    /// Python's `unquote(value, charset)`: runs of ASCII are percent-decoded and decoded in
    /// the charset, other characters are kept.
    private static func percentDecoded(_ value: [Unicode.Scalar], in charset: TextCharset) -> [Unicode.Scalar] {
        guard value.contains("%") else { return value }
        var output: [Unicode.Scalar] = []
        var index = value.startIndex
        while index < value.endIndex {
            let runEnd = value[index...].firstIndex { !$0.isASCII } ?? value.endIndex
            if runEnd == index {
                output.append(value[index])
                index += 1
                continue
            }
            let bytes = PercentDecoding.decode(value[index..<runEnd].map { UInt8($0.value) }, plusAsSpace: false)
            output += charset.decode(bytes).unicodeScalars
            index = runEnd
        }
        return output
    }

    /// `name` for `name*0`, `name*12`: the key of a continued parameter.
    private static func continuationBase(of key: String) -> String? {
        let scalars = Array(key.unicodeScalars)
        let digits = scalars.reversed().prefix { ("0"..."9").contains($0) }.count
        guard digits > 0, scalars.count > digits, scalars[scalars.count - digits - 1] == "*" else { return nil }
        return String(String.UnicodeScalarView(scalars.dropLast(digits + 1)))
    }

    /// Python's `str.replace`: every non-overlapping occurrence, left to right.
    private static func replacing(_ target: String, with replacement: String, in text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let target = Array(target.unicodeScalars), replacement = Array(replacement.unicodeScalars)
        var output: [Unicode.Scalar] = []
        var index = 0
        while index < text.count {
            if text[index...].starts(with: target) {
                output += replacement
                index += target.count
            } else {
                output.append(text[index])
                index += 1
            }
        }
        return output
    }

    /// The characters of an HTTP token, as Werkzeug's ASCII `[\w!#$%&'*+\-.^`|~]` has them.
    private static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "!", "#", "$", "%", "&", "'", "*", "+", "-", ".", "^", "`", "|", "~":
            true
        default:
            false
        }
    }
}
