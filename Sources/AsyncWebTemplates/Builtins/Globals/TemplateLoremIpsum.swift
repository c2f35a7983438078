/// `lipsum(n=5, html=True, min=20, max=100)`: Jinja's placeholder text, `n`
/// paragraphs of random lorem ipsum words with commas and full stops
/// sprinkled in as Jinja's `generate_lorem_ipsum` does, as `<p>` HTML or plain text.
enum TemplateLoremIpsum {
    static func generate(_ arguments: TemplateCallArguments) throws -> TemplateValue {
        let bound = try arguments.bind("generate_lorem_ipsum", ["n", "html", "min", "max"])
        func integer(_ index: Int, _ fallback: Int) throws -> Int {
            guard let value = bound[index] else { return fallback }
            guard let number = value.integerValue else {
                throw TemplateError(.type, "'\(value.typeName)' object cannot be interpreted as an integer")
            }
            return number
        }
        let count = try integer(0, 5)
        let html = try bound[1]?.truth() ?? true
        let (minimum, maximum) = (try integer(2, 20), try integer(3, 100))
        guard minimum < maximum || count <= 0 else {
            // Python's message has the width, which past Int's range only Int128 holds.
            throw TemplateError(.value, "empty range for randrange() (\(minimum), \(maximum), \(Int128(maximum) - Int128(minimum)))")
        }
        // As many words as the longest paragraphs could have, at most.
        _ = try TemplateSizeLimit.product(max(count, 0), count > 0 ? maximum : 0)
        let paragraphs = (0..<max(count, 0)).map { _ in paragraph(wordCount: Int.random(in: minimum..<maximum)) }
        guard html else { return .string(paragraphs.joined(separator: "\n\n")) }
        return .markup(Markup(paragraphs.map { "<p>\(escape($0).html)</p>" }.joined(separator: "\n")))
    }

    private static func paragraph(wordCount: Int) -> String {
        var words: [String] = []
        var capitalizeNext = true
        var lastComma = 0
        var lastFullStop = 0
        var previous: String?
        // A negative count, from `max` below zero, makes an empty paragraph, as in Python.
        for index in 0..<max(wordCount, 0) {
            var word = vocabulary.randomElement()!
            while word == previous { word = vocabulary.randomElement()! }
            previous = word
            if capitalizeNext {
                word = word.prefix(1).uppercased() + word.dropFirst()
                capitalizeNext = false
            }
            if index - Int.random(in: 3..<8) > lastComma {
                lastComma = index
                lastFullStop += 2
                word += ","
            }
            if index - Int.random(in: 10..<20) > lastFullStop {
                lastComma = index
                lastFullStop = index
                word += "."
                capitalizeNext = true
            }
            words.append(word)
        }
        var text = words.joined(separator: " ")
        if text.hasSuffix(",") {
            text.removeLast()
            text += "."
        } else if !text.hasSuffix(".") {
            text += "."
        }
        return text
    }

    /// Jinja's `LOREM_IPSUM_WORDS`.
    private static let vocabulary = """
        a ac accumsan ad adipiscing aenean aliquam aliquet amet ante aptent arcu at \
        auctor augue bibendum blandit class commodo condimentum congue consectetuer \
        consequat conubia convallis cras cubilia cum curabitur curae cursus dapibus \
        diam dictum dictumst dignissim dis dolor donec dui duis egestas eget eleifend \
        elementum elit enim erat eros est et etiam eu euismod facilisi facilisis fames \
        faucibus felis fermentum feugiat fringilla fusce gravida habitant habitasse hac \
        hendrerit hymenaeos iaculis id imperdiet in inceptos integer interdum ipsum \
        justo lacinia lacus laoreet lectus leo libero ligula litora lobortis lorem \
        luctus maecenas magna magnis malesuada massa mattis mauris metus mi molestie \
        mollis montes morbi mus nam nascetur natoque nec neque netus nibh nisi nisl non \
        nonummy nostra nulla nullam nunc odio orci ornare parturient pede pellentesque \
        penatibus per pharetra phasellus placerat platea porta porttitor posuere \
        potenti praesent pretium primis proin pulvinar purus quam quis quisque rhoncus \
        ridiculus risus rutrum sagittis sapien scelerisque sed sem semper senectus sit \
        sociis sociosqu sodales sollicitudin suscipit suspendisse taciti tellus tempor \
        tempus tincidunt torquent tortor tristique turpis ullamcorper ultrices \
        ultricies urna ut varius vehicula vel velit venenatis vestibulum vitae vivamus \
        viverra volutpat vulputate
        """.split(separator: " ").map(String.init)
}
