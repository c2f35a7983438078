internal import AsyncWebEncoding

/// Python's `str.format`: `{}` and `{0}` for positional arguments, `{name}`
/// for keywords, `.attribute` and `[key]` after either, `!r`/`!s`/`!a`
/// conversions and a ``PythonFormatSpec`` after a colon (which may itself
/// hold `{}` fields).
///
/// ```swift
/// try PythonStringFormat.format("{name}: {0:>4}", positional: [7], keyword: ["name": "id"], escapes: false, state: state)
/// // "id:    7"
/// ```
///
/// With `escapes` (a ``Markup`` receiver) every field is escaped unless it
/// is ``Markup`` already, which in turn allows no format spec: MarkupSafe's
/// `EscapeFormatter`.
enum PythonStringFormat {
    static func format(
        _ template: String, positional: [TemplateValue]?, keyword: TemplateValue,
        escapes: Bool, state: TemplateRenderState
    ) throws -> String {
        var formatter = Formatter(positional: positional, keyword: keyword, escapes: escapes, state: state)
        return try formatter.format(template, depth: 2)
    }

    private struct Formatter {
        /// nil for `format_map`, which has no positional arguments.
        let positional: [TemplateValue]?
        /// The keyword arguments as a dictionary, or `format_map`'s mapping.
        let keyword: TemplateValue
        let escapes: Bool
        let state: TemplateRenderState
        /// Python's rule: fields are numbered automatically (`{}`) or by hand (`{0}`), never both.
        var autoNumber: Int?
        var manualNumbering = false

        init(positional: [TemplateValue]?, keyword: TemplateValue, escapes: Bool, state: TemplateRenderState) {
            self.positional = positional
            self.keyword = keyword
            self.escapes = escapes
            self.state = state
        }

        /// `template` with its fields replaced; `depth` bounds fields nested in specs.
        mutating func format(_ template: String, depth: Int) throws -> String {
            guard depth > 0 else { throw TemplateError(.value, "Max string recursion exceeded") }
            let scalars = Array(template.unicodeScalars)
            var output = String.UnicodeScalarView()
            var index = 0
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                let next = index < scalars.count ? scalars[index] : nil
                if scalar == "}" {
                    guard next == "}" else { throw TemplateError(.value, "Single '}' encountered in format string") }
                    output.append("}")
                    index += 1
                } else if scalar == "{" {
                    guard let next else { throw TemplateError(.value, "Single '{' encountered in format string") }
                    if next == "{" {
                        output.append("{")
                        index += 1
                        continue
                    }
                    output.append(contentsOf: try field(scalars, &index, depth: depth).unicodeScalars)
                } else {
                    output.append(scalar)
                }
            }
            return String(output)
        }

        /// The `name[!conversion][:spec]}` field starting at `index`, formatted, with `index` moved past it.
        private mutating func field(_ scalars: [Unicode.Scalar], _ index: inout Int, depth: Int) throws -> String {
            func next(orFail message: String) throws -> Unicode.Scalar {
                guard index < scalars.count else { throw TemplateError(.value, message) }
                index += 1
                return scalars[index - 1]
            }
            let nameStart = index
            var delimiter = try next(orFail: "expected '}' before end of string")
            while delimiter != "}", delimiter != "!", delimiter != ":" {
                if delimiter == "{" { throw TemplateError(.value, "unexpected '{' in field name") }
                if delimiter == "[" {
                    while index < scalars.count, scalars[index] != "]" { index += 1 }
                }
                delimiter = try next(orFail: "expected '}' before end of string")
            }
            let name = Array(scalars[nameStart..<(index - 1)])
            var conversion: Unicode.Scalar?
            if delimiter == "!" {
                conversion = try next(orFail: "end of string while looking for conversion specifier")
                delimiter = try next(orFail: "unmatched '{' in format spec")
                guard delimiter == ":" || delimiter == "}" else {
                    throw TemplateError(.value, "expected ':' after conversion specifier")
                }
            }
            var specRange = index..<index
            if delimiter == ":" {
                var nesting = 1
                while nesting > 0 {
                    let scalar = try next(orFail: "unmatched '{' in format spec")
                    if scalar == "{" { nesting += 1 }
                    if scalar == "}" { nesting -= 1 }
                }
                specRange = specRange.lowerBound..<(index - 1)
            }
            // Python looks the value up, converts it, then expands fields nested in the spec.
            var value = try lookUp(name)
            if let conversion { value = try convert(value, conversion) }
            let specText = PythonString.string(scalars[specRange])
            let spec = specText.contains("{") ? try format(specText, depth: depth - 1) : specText
            guard escapes else { return try PythonFormatSpec.format(value, spec: spec) }
            if case .markup(let markup) = value {
                guard spec.isEmpty else { throw TemplateError(.value, "Unsupported format specification for Markup.") }
                return markup.html
            }
            return escape(try PythonFormatSpec.format(value, spec: spec)).html
        }

        private func convert(_ value: TemplateValue, _ conversion: Unicode.Scalar) throws -> TemplateValue {
            switch conversion {
            case "r": return .string(value.repr)
            case "s": return .string(try value.text())
            case "a": return .string(PythonText.ascii(value.repr))
            default: throw TemplateError(.value, "Unknown conversion specifier \(conversion)")
            }
        }

        /// The argument a field name selects, then each `.attribute` and `[key]` after it.
        private mutating func lookUp(_ name: [Unicode.Scalar]) throws -> TemplateValue {
            var index = name.firstIndex { $0 == "." || $0 == "[" } ?? name.count
            var value = try argument(String(String.UnicodeScalarView(name[..<index])))
            while index < name.count {
                let isAttribute = name[index] == "."
                index += 1
                let start = index
                if isAttribute {
                    while index < name.count, name[index] != ".", name[index] != "[" { index += 1 }
                } else {
                    while index < name.count, name[index] != "]" { index += 1 }
                    guard index < name.count else { throw TemplateError(.value, "Missing ']' in format string") }
                }
                let part = String(String.UnicodeScalarView(name[start..<index]))
                guard !part.isEmpty else { throw TemplateError(.value, "Empty attribute in format string") }
                if isAttribute {
                    value = try attribute(of: value, part)
                } else {
                    index += 1
                    guard index == name.count || name[index] == "." || name[index] == "[" else {
                        throw TemplateError(.value, "Only '.' or '[' may follow ']' in format field specifier")
                    }
                    value = try item(of: value, Self.isNumber(part) ? .int(try Self.fieldNumber(part)) : .string(part))
                }
            }
            return value
        }

        /// A positional argument (by number, or the next one for an empty name) or a keyword one.
        private mutating func argument(_ name: String) throws -> TemplateValue {
            guard name.isEmpty || Self.isNumber(name) else {
                if case .dictionary(let members) = keyword, let value = members[.string(name)] { return value }
                throw PythonErrors.key(.string(name))
            }
            let number: Int
            if name.isEmpty {
                guard !manualNumbering else {
                    throw TemplateError(.value, "cannot switch from manual field specification to automatic field numbering")
                }
                number = autoNumber ?? 0
                autoNumber = number + 1
            } else {
                guard autoNumber == nil else {
                    throw TemplateError(.value, "cannot switch from automatic field numbering to manual field specification")
                }
                manualNumbering = true
                number = try Self.fieldNumber(name)
            }
            guard let positional else { throw TemplateError(.value, "Format string contains positional fields") }
            guard number < positional.count else {
                throw PythonErrors.index("Replacement index \(number) out of range for positional args tuple")
            }
            return positional[number]
        }

        /// Python's `getattr`, which for template values means their methods, or an object's attributes.
        private func attribute(of value: TemplateValue, _ name: String) throws -> TemplateValue {
            if case .object(let object) = value {
                if let found = object.attribute(name) { return found }
            } else if TemplateMethods.exists(name, on: value) {
                return try state.attribute(of: value, name)
            }
            throw PythonErrors.attribute(value, name)
        }

        /// Python's `value[key]` (not Jinja's, which falls back to attributes).
        private func item(of value: TemplateValue, _ key: TemplateValue) throws -> TemplateValue {
            switch (value, key) {
            case (.dictionary(let members), _):
                guard let found = members[key] else { throw PythonErrors.key(key) }
                return found
            case (.list(let elements), .int(let position)), (.tuple(let elements), .int(let position)):
                guard elements.indices.contains(position) else {
                    throw PythonErrors.index("\(value.typeName) index out of range")
                }
                return elements[position]
            case (.string, .int(let position)), (.markup, .int(let position)):
                let scalars = Array(value.stringValue!.unicodeScalars)
                guard scalars.indices.contains(position) else { throw PythonErrors.index("string index out of range") }
                return .string(String(scalars[position]))
            case (.list, _), (.tuple, _), (.string, _), (.markup, _):
                throw TemplateError(.type, "\(value.typeName) indices must be integers or slices, not \(key.typeName)")
            case (.object(let object), _):
                if let found = object.item(key) { return found }
                throw PythonErrors.key(key)
            default:
                throw TemplateError(.type, "'\(value.typeName)' object is not subscriptable")
            }
        }

        /// The digits of a field number or index; past `Int.max`, Python's error for more
        /// digits than `Py_ssize_t` holds.
        private static func fieldNumber(_ digits: String) throws -> Int {
            guard let number = Int(digits) else { throw TemplateError(.value, "Too many decimal digits in format string") }
            return number
        }

        private static func isNumber(_ text: String) -> Bool {
            !text.isEmpty && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
        }
    }
}
