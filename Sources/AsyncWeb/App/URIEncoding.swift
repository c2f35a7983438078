/// Percent-encoding as Werkzeug applies it to URLs it sends.
enum URIEncoding {
    /// Werkzeug's `iri_to_uri`: every byte outside the URI's own characters is percent-encoded
    /// (so a `Location` with spaces or non-ASCII text is valid), existing escapes are kept.
    static func iriToURI(_ iri: String) -> String {
        percentEncode(iri, keeping: "%!$&'()*+,/:;=?@[]~-._")
    }

    /// Percent-encodes each UTF-8 byte that is not an ASCII letter or digit or in `safe`.
    static func percentEncode(_ text: String, keeping safe: String) -> String {
        let safeBytes = Set(safe.utf8)
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            let isAlphanumeric = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if isAlphanumeric || safeBytes.contains(byte) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return output
    }
}
