/// Python's `%` string formatting.
enum PythonPercentFormat {
    static func format(_ format: TemplateValue, with arguments: TemplateValue) throws -> TemplateValue { format }
}
