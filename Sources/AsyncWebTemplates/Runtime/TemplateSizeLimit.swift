/// The longest string or list one template operation builds: 16,777,216 (16 Mi)
/// characters, bytes of text or items.
///
/// Python builds whatever memory allows and raises `MemoryError` beyond it. A server
/// cannot let a template's data ask for `'x' * 10**12`, `"{:2000000000}".format(n)` or
/// `range(10**12)|list`: an allocation that fails stops the whole process, and every
/// request with it. Past this length the operation raises `MemoryError` instead, and
/// only the render that asked fails.
enum TemplateSizeLimit {
    static let maximumLength = 1 << 24

    /// Throws `MemoryError` unless a result of `length` fits the limit.
    static func check(_ length: Int) throws(TemplateError) {
        guard length <= maximumLength else { throw tooLong() }
    }

    /// `count * times` as a checked length: a product that overflows is too long as well.
    static func product(_ count: Int, _ times: Int) throws(TemplateError) -> Int {
        let (length, overflow) = count.multipliedReportingOverflow(by: times)
        guard !overflow else { throw tooLong() }
        try check(length)
        return length
    }

    private static func tooLong() -> TemplateError {
        TemplateError(.memory, "the result would be longer than \(maximumLength) characters or items, the most one template operation builds")
    }
}
