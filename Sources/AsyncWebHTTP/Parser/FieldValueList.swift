/// The elements of a comma-separated field value (RFC 9110 §5.6.1), each
/// without its surrounding OWS; empty elements are skipped, as recipients
/// must accept them.
///
/// ```swift
/// try FieldValueList(value).forEach { element in … }   // "close, , upgrade" → "close", "upgrade"
/// ```
struct FieldValueList {
    private let value: UnsafeRawBufferPointer

    init(_ value: UnsafeRawBufferPointer) {
        self.value = value
    }

    func forEach<Failure: Error>(_ body: (UnsafeRawBufferPointer) throws(Failure) -> Void) throws(Failure) {
        var start = 0
        while start <= value.count {
            var end = start
            while end < value.count, value[end] != HTTPByte.comma {
                end += 1
            }
            var first = start
            var last = end
            while first < last, HTTPByteClass.of(value[first]).contains(.whitespace) { first += 1 }
            while last > first, HTTPByteClass.of(value[last - 1]).contains(.whitespace) { last -= 1 }
            if first < last {
                try body(UnsafeRawBufferPointer(rebasing: value[first..<last]))
            }
            start = end + 1
        }
    }
}
