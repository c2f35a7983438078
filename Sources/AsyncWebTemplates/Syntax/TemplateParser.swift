/// Turns template source into `TemplateNode`s following Jinja's grammar,
/// and reports mistakes with Jinja's messages and line numbers.
///
/// ```swift
/// let nodes = try TemplateParser.parse(TemplateSource(name: "page.html", text: source))
/// ```
struct TemplateParser {
    var stream: TemplateTokenStream
    /// Names of the statements being parsed, innermost last, for
    /// "The innermost block that needs to be closed is …".
    var openTags: [String] = []
    /// The end tags each enclosing body waits for, innermost last.
    var awaitedEndTags: [[String]] = []

    static func parse(
        _ source: TemplateSource,
        options: TemplateSyntaxOptions = TemplateSyntaxOptions()
    ) throws -> [TemplateNode] {
        let tokens = try TemplateLexer.tokenize(source, options: options)
        var parser = TemplateParser(stream: TemplateTokenStream(tokens: tokens, templateName: source.name))
        return try parser.parseBody(until: nil)
    }

    /// Parses text, prints and statements until one of `endTags` opens a
    /// tag, leaving the stream on that tag's name, or until the end.
    mutating func parseBody(until endTags: [String]?) throws -> [TemplateNode] {
        if let endTags { awaitedEndTags.append(endTags) }
        defer { if endTags != nil { awaitedEndTags.removeLast() } }
        var body: [TemplateNode] = []
        while !stream.isAtEnd {
            let token = stream.advance()
            switch token.kind {
            case .data(let text):
                body.append(.text(text, line: token.line))
            case .variableBegin:
                body.append(.print(try parseTuple(), line: token.line))
                try stream.expect(.variableEnd)
            case .blockBegin:
                if let endTags, case .name(let name) = stream.current.kind, endTags.contains(name) {
                    return body
                }
                body.append(contentsOf: try parseStatement())
                try stream.expect(.blockEnd)
            default:
                throw failure("unexpected '\(token.kind.description)'", line: token.line)
            }
        }
        return body
    }

    /// Parses the body of a statement: the rest of its opening tag, then
    /// everything up to one of `endTags`. With `consumingEndTag` the end
    /// tag's name is consumed too.
    mutating func parseStatementBody(until endTags: [String], consumingEndTag: Bool = true) throws -> [TemplateNode] {
        _ = stream.skip(.operator(.colon))
        try stream.expect(.blockEnd)
        let body = try parseBody(until: endTags)
        if stream.isAtEnd {
            throw unclosedFailure(tag: nil, awaiting: awaitedEndTags + [endTags], line: stream.current.line)
        }
        if consumingEndTag { stream.advance() }
        return body
    }

    func failure(_ message: String, line: Int? = nil) -> TemplateSyntaxError {
        TemplateSyntaxError(message: message, line: line ?? stream.current.line, templateName: stream.templateName)
    }

    /// Jinja's message for an unknown tag (`tag`) or an early end of the
    /// template (`tag == nil`), naming what it was waiting for.
    func unclosedFailure(tag: String?, awaiting: [[String]], line: Int) -> TemplateSyntaxError {
        var message = [tag.map { "Encountered unknown tag '\($0)'." } ?? "Unexpected end of template."]
        if let innermost = awaiting.last {
            let lookingFor = innermost.map { "'\($0)'" }.joined(separator: " or ")
            if let tag, awaiting.joined().contains(tag) {
                message.append(
                    "You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for \(lookingFor)."
                )
            } else {
                message.append("Jinja was looking for the following tags: \(lookingFor).")
            }
        }
        if let openTag = openTags.last {
            message.append("The innermost block that needs to be closed is '\(openTag)'.")
        }
        return failure(message.joined(separator: " "), line: line)
    }
}
