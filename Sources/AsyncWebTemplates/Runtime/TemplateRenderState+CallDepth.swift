/// A bound on how deeply a render nests: each macro call, include, block and
/// recursive `loop()` runs one level inside the one that reached it, on the
/// thread's stack.
///
/// ```
/// {% macro countdown(n) %}{{ countdown(n - 1) if n else "liftoff" }}{% endmacro %}
/// {{ countdown(request.args.n|int) }}   {# n=100000: RecursionError, not a crash #}
/// ```
/// Python stops such a template with `RecursionError` once its own stack
/// reaches 1,000 frames, which Jinja meets near 250 nested macro calls. A
/// stack that overflows here would end the process instead, so past
/// ``maximumCallDepth`` the render fails with the same error.
extension TemplateRenderState {
    /// 256 levels: about where Jinja stops, well within a thread's 8 MiB stack.
    static let maximumCallDepth = 256

    /// Runs `body` one level deeper, or throws `RecursionError` past the limit.
    func nested<Result>(_ body: () throws -> Result) throws -> Result {
        guard callDepth < Self.maximumCallDepth else {
            throw TemplateError(.recursion, "maximum recursion depth exceeded while rendering a template")
        }
        callDepth += 1
        defer { callDepth -= 1 }
        return try body()
    }
}
