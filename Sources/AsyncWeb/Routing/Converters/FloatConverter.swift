internal import AsyncWebEncoding

/// `<float:name>`: digits, a point and digits (`1.5`, never `1` or `.5`),
/// without a sign unless `signed=True`, as a `Double`. Werkzeug's
/// `FloatConverter`, regex `\d+\.\d+`, weight 50.
///
/// ```swift
/// try map.add("/probability/<float(max=1.0):p>", endpoint: "probability")
/// ```
struct FloatConverter: RouteConverter {
    let minimum: Double?
    let maximum: Double?
    let signed: Bool

    init(arguments: ConverterArguments) throws(RulePatternError) {
        let parameters = try arguments.bind(["min", "max", "signed"])
        minimum = try parameters.double("min")
        maximum = try parameters.double("max")
        signed = try parameters.bool("signed") ?? false
    }

    var weight: Int { 50 }

    var patternIdentity: String { signed ? #"-?\d+\.\d+"# : #"\d+\.\d+"# }

    func accepts(_ text: Substring) -> Bool {
        prefixEnds(in: text).first == text.endIndex
    }

    func prefixEnds(in text: Substring) -> [Substring.Index] {
        // The whole part can only end at its last digit, since a point must
        // follow; the fraction gives way one digit at a time.
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        if signed, scalars.first == "-" { start = scalars.index(after: start) }
        let point = PythonText.endOfDigits(in: scalars, from: start)
        guard point > start, point < scalars.endIndex, scalars[point] == "." else { return [] }
        let fractionStart = scalars.index(after: point)
        var ends: [Substring.Index] = []
        var index = PythonText.endOfDigits(in: scalars, from: fractionStart)
        while index > fractionStart {
            ends.append(index)
            index = scalars.index(before: index)
        }
        return ends
    }

    func value(from text: Substring) -> RouteValue? {
        guard let number = PythonText.double(text) else { return nil }
        if let minimum, number < minimum { return nil }
        if let maximum, number > maximum { return nil }
        return .double(number)
    }

    func urlText(for value: String) throws(InvalidRouteValue) -> String {
        guard let number = PythonText.double(value) else {
            throw InvalidRouteValue("could not convert string to float: \(PythonText.repr(value))")
        }
        return PythonText.repr(number)
    }
}
