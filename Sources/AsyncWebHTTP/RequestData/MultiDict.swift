/// Werkzeug's `MultiDict`: string keys, several values per key, in the order they arrived.
///
/// Query strings and forms are multi-dictionaries: `?tag=a&tag=b` has two values for `tag`.
/// The subscript gives the first, as Flask's `request.args.get("tag")` does; `values(for:)`
/// gives them all; `require` is Flask's `request.form["name"]`, a 400 when it is missing.
///
/// ```swift
/// let query: MultiDict = ["page": "2", "tag": "swift", "tag": "web"]
/// query["tag"]                         // "swift"
/// query.values(for: "tag")             // ["swift", "web"]
/// query.value("page", as: Int.self)    // 2
/// let name = try form.require("username")
/// for (key, value) in query { print(key, value) }
/// ```
/// Lookups walk the pairs in order: forms and query strings are small, and the pairs keep
/// their exact arrival order (Werkzeug groups values by key when iterating; here the pairs
/// come out as they were sent).
public struct MultiDict<Value> {
    public typealias Element = (key: String, value: Value)

    private var pairs: [Element]

    /// An empty dictionary.
    public init() {
        pairs = []
    }

    /// The pairs in order; a key may repeat.
    public init<Pairs: Sequence>(_ pairs: Pairs) where Pairs.Element == (String, Value) {
        self.pairs = pairs.map { (key: $0.0, value: $0.1) }
    }

    /// The first value for `key`, or nil.
    public subscript(key: String) -> Value? {
        pairs.first { $0.key == key }?.value
    }

    /// Every value for `key`, in order (Werkzeug's `getlist`).
    public func values(for key: String) -> [Value] {
        pairs.compactMap { $0.key == key ? $0.value : nil }
    }

    /// The first value for `key`, or a ``BadRequestKeyError`` that answers 400, as
    /// `request.form["key"]` does in Flask. The error records the caller's `fileID` and `line`.
    public func require(_ key: String, fileID: StaticString = #fileID, line: UInt = #line) throws(BadRequestKeyError) -> Value {
        guard let value = self[key] else { throw BadRequestKeyError(key: key, fileID: fileID, line: line) }
        return value
    }

    /// Whether `key` has at least one value.
    public func contains(_ key: String) -> Bool {
        pairs.contains { $0.key == key }
    }

    /// The distinct keys, in the order they first appeared.
    public var keys: [String] {
        var seen = Set<String>()
        return pairs.compactMap { seen.insert($0.key).inserted ? $0.key : nil }
    }

    /// Whether there are no pairs at all.
    public var isEmpty: Bool { pairs.isEmpty }

    /// Adds a value for `key` after the existing ones.
    public mutating func add(_ key: String, _ value: Value) {
        pairs.append((key: key, value: value))
    }
}

extension MultiDict where Value == String {
    /// The first value for `key` converted to `type`, or nil when it is missing or does not
    /// convert: Werkzeug's `get(key, type=int)`.
    ///
    /// ```swift
    /// let page = request.args.value("page", as: Int.self) ?? 1
    /// ```
    public func value<T: LosslessStringConvertible>(_ key: String, as type: T.Type) -> T? {
        self[key].flatMap(T.init)
    }
}

extension MultiDict: Sequence {
    public func makeIterator() -> IndexingIterator<[Element]> {
        pairs.makeIterator()
    }

    public var underestimatedCount: Int { pairs.count }
}

extension MultiDict: ExpressibleByDictionaryLiteral {
    /// Repeated keys are allowed and kept: `["tag": "a", "tag": "b"]`.
    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init(elements)
    }
}

extension MultiDict: Sendable where Value: Sendable {}

extension MultiDict: Equatable where Value: Equatable {
    public static func == (lhs: MultiDict, rhs: MultiDict) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.key == $1.key && $0.value == $1.value }
    }
}

extension MultiDict: CustomStringConvertible {
    public var description: String {
        "MultiDict(" + pairs.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
    }
}

/// The uploaded files of a form, by field name: Werkzeug's `request.files`.
///
/// ```swift
/// guard let upload = request.files["avatar"] else { throw HTTPError(.badRequest) }
/// try upload.save(to: "/srv/avatars/" + secureFilename(upload.filename ?? "avatar"))
/// ```
public typealias FileMultiDict = MultiDict<FileStorage>
