/// Reading a head's header fields: by position, by name, or all in order.
///
/// Names compare ignoring ASCII case (RFC 9110 §5.1) byte by byte, so a
/// lookup with a literal name builds no String until a value is found.
extension RequestHead {
    /// How many header fields the head has.
    var headerCount: Int { fields.count }

    /// The name of the field at `index`, as sent (`content-type` stays lowercase).
    func headerName(at index: Int) -> Substring {
        text(fields[index].name)
    }

    /// The value of the field at `index`, without surrounding whitespace.
    func headerValue(at index: Int) -> Substring {
        text(fields[index].value)
    }

    /// The exact bytes of the value at `index`, for values whose obs-text
    /// is not UTF-8; shares the head's storage.
    func headerValueBytes(at index: Int) -> ArraySlice<UInt8> {
        bytes[fields[index].value]
    }

    /// The value of the first field called `name`, ignoring case; nil if
    /// there is none. Repeated fields are read through `headers`.
    func value(forHeader name: String) -> Substring? {
        firstIndex(ofHeader: name).map(headerValue(at:))
    }

    /// The position of the first field called `name`, ignoring case.
    func firstIndex(ofHeader name: String) -> Int? {
        let found = name.utf8.withContiguousStorageIfAvailable { needle in
            firstIndex(ofHeader: UnsafeRawBufferPointer(needle))
        }
        if let found { return found }
        return Array(name.utf8).withUnsafeBytes { firstIndex(ofHeader: $0) }
    }

    private func firstIndex(ofHeader needle: UnsafeRawBufferPointer) -> Int? {
        bytes.withUnsafeBytes { head in
            fields.firstIndex { field in
                field.name.count == needle.count
                    && HTTPByte.equalsIgnoringCase(UnsafeRawBufferPointer(rebasing: head[field.name]), needle)
            }
        }
    }

    /// Every header field in the order received, repeated names included.
    ///
    /// ```swift
    /// for (name, value) in head.headers { print(name, value) }
    /// ```
    var headers: Headers { Headers(head: self) }

    /// The header fields of a head as a collection of `(name, value)` pairs.
    struct Headers: RandomAccessCollection, Sendable {
        fileprivate let head: RequestHead

        var startIndex: Int { 0 }
        var endIndex: Int { head.headerCount }

        subscript(position: Int) -> (name: Substring, value: Substring) {
            (head.headerName(at: position), head.headerValue(at: position))
        }
    }
}
