extension MIMETypes {
    /// The media type and content encoding Python's `mimetypes.guess_type` gives a file name.
    static func guess(fileName: String) -> (type: String?, encoding: String?) {
        var name = Substring(fileName)
        var encoding: String?
        if let dot = name.lastIndex(of: "."), let found = encodings[String(name[name.index(after: dot)...])] {
            encoding = found
            name = name[..<dot]
        }
        guard let dot = name.lastIndex(of: ".") else { return (nil, encoding) }
        let fileExtension = String(name[name.index(after: dot)...])
        return (byExtension[fileExtension] ?? byExtension[fileExtension.lowercased()], encoding)
    }

    /// The `Content-Type` value Werkzeug sends for a media type: text types get a charset.
    static func contentType(for type: String) -> String {
        let wantsCharset = type.hasPrefix("text/") || type.hasSuffix("+xml")
            || ["application/ecmascript", "application/javascript", "application/sql", "application/xml",
                "application/xml-dtd", "application/xml-external-parsed-entity"].contains(type)
        return wantsCharset ? type + "; charset=utf-8" : type
    }
}
