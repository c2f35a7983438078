/// Turns any `Encodable` into a ``JSONValue`` tree, without a detour through JSON text.
///
/// ```swift
/// let tree = try JSONValueEncoder().encode(user)
/// ```
public struct JSONValueEncoder: Sendable {
    public init() {}

    public func encode(_ value: some Encodable) throws -> JSONValue {
        let root = Node()
        try value.encode(to: TreeEncoder(node: root, codingPath: []))
        return root.value
    }
}

/// A node of the tree being built; containers fill it as the value encodes itself.
private final class Node {
    enum Kind { case scalar, array, object }

    var kind = Kind.scalar
    var scalar = JSONValue.null
    private var elements: [Node] = []
    private var members: [(key: String, node: Node)] = []

    var value: JSONValue {
        switch kind {
        case .scalar: scalar
        case .array: .array(elements.map(\.value))
        case .object: .object(members.map { (key: $0.key, value: $0.node.value) })
        }
    }

    var count: Int { elements.count }

    func set(_ value: JSONValue) {
        kind = .scalar
        scalar = value
    }

    func makeArray() { kind = .array }
    func makeObject() { kind = .object }

    func append() -> Node {
        let child = Node()
        elements.append(child)
        return child
    }

    /// The node for `key`; encoding a key twice replaces its value, as JSONEncoder does.
    func child(for key: String) -> Node {
        if let existing = members.first(where: { $0.key == key }) { return existing.node }
        let child = Node()
        members.append((key: key, node: child))
        return child
    }
}

private struct TreeEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(node: node, codingPath: codingPath)
    }
}

/// Stores one primitive or nested value into a node; shared by the three containers.
///
/// The coding path is only made for a value that encodes itself: a primitive never needs it,
/// and building it (an array of existentials per key) was most of a small struct's encoding.
private func store(_ value: some Encodable, in node: Node, codingPath: @autoclosure () -> [any CodingKey]) throws {
    if let primitive = JSONValue(primitive: value) {
        node.set(primitive)
    } else {
        try value.encode(to: TreeEncoder(node: node, codingPath: codingPath()))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        node.child(for: key.stringValue).set(.null)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try store(value, in: node.child(for: key.stringValue), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.child(for: key.stringValue)
        child.makeObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(for: key.stringValue)
        child.makeArray()
        return UnkeyedContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(node: node.child(for: "super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(node: node.child(for: key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var count: Int { node.count }

    mutating func encodeNil() throws {
        node.append().set(.null)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try store(value, in: node.append(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = node.append()
        child.makeObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = node.append()
        child.makeArray()
        return UnkeyedContainer(node: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(node: node.append(), codingPath: codingPath)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        node.set(.null)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try store(value, in: node, codingPath: codingPath)
    }
}
