// The Encoder and containers of a JSONTextEncoder run: each names the frame its writes go
// to and leaves the text to the run's JSONTextEncodingState. Their coding paths are
// JSONValueEncoder's, key for key, as a value may read them; like its, they are only made
// for a value that encodes itself, never for a primitive.
//
// Each is three words, so one passed as `any Encoder` or returned as an existential
// container is stored inline rather than boxed on the heap.

/// One run's state, shared by reference by its encoders and containers. Each of their calls
/// goes through `state` once, so exclusivity is checked once a call rather than on every
/// field the call touches (those checks were a tenth of a small response's encoding).
final class JSONTextEncodingRun {
    var state: JSONTextEncodingState

    init(_ state: JSONTextEncodingState) {
        self.state = state
    }
}

struct TextEncoder: Encoder {
    let run: JSONTextEncodingRun
    let frame: Int
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        run.state.makeContainer(.object, in: frame)
        return KeyedEncodingContainer(TextKeyedContainer<Key>(run: run, frame: frame, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        run.state.makeContainer(.array, in: frame)
        return TextUnkeyedContainer(run: run, frame: frame, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        TextSingleValueContainer(run: run, frame: frame, codingPath: codingPath)
    }
}

private struct TextKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let run: JSONTextEncodingRun
    let frame: Int
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        try run.state.encode(.null, forKey: key.stringValue, in: frame)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if let primitive = JSONValue(primitive: value) {
            return try run.state.encode(primitive, forKey: key.stringValue, in: frame)
        }
        guard let child = run.state.nestedFrame(forKey: key.stringValue, in: frame) else {
            throw JSONTextEncodingState.Abandoned()
        }
        try value.encode(to: TextEncoder(run: run, frame: child, codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = run.state.nestedFrame(forKey: key.stringValue, in: frame) ?? JSONTextEncodingState.noFrame
        run.state.makeContainer(.object, in: child)
        return KeyedEncodingContainer(
            TextKeyedContainer<NestedKey>(run: run, frame: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = run.state.nestedFrame(forKey: key.stringValue, in: frame) ?? JSONTextEncodingState.noFrame
        run.state.makeContainer(.array, in: child)
        return TextUnkeyedContainer(run: run, frame: child, codingPath: codingPath + [key])
    }

    /// The member "super", with this container's own path, as JSONValueEncoder has it.
    mutating func superEncoder() -> any Encoder {
        let child = run.state.nestedFrame(forKey: "super", in: frame) ?? JSONTextEncodingState.noFrame
        return TextEncoder(run: run, frame: child, codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = run.state.nestedFrame(forKey: key.stringValue, in: frame) ?? JSONTextEncodingState.noFrame
        return TextEncoder(run: run, frame: child, codingPath: codingPath + [key])
    }
}

/// Elements get no index in their coding path, as in JSONValueEncoder.
private struct TextUnkeyedContainer: UnkeyedEncodingContainer {
    let run: JSONTextEncodingRun
    let frame: Int
    let codingPath: [any CodingKey]
    var count: Int { run.state.elementCount(in: frame) }

    mutating func encodeNil() throws {
        try run.state.encodeElement(.null, in: frame)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if let primitive = JSONValue(primitive: value) {
            return try run.state.encodeElement(primitive, in: frame)
        }
        guard let child = run.state.nestedFrame(elementOf: frame) else { throw JSONTextEncodingState.Abandoned() }
        try value.encode(to: TextEncoder(run: run, frame: child, codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = run.state.nestedFrame(elementOf: frame) ?? JSONTextEncodingState.noFrame
        run.state.makeContainer(.object, in: child)
        return KeyedEncodingContainer(TextKeyedContainer<NestedKey>(run: run, frame: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = run.state.nestedFrame(elementOf: frame) ?? JSONTextEncodingState.noFrame
        run.state.makeContainer(.array, in: child)
        return TextUnkeyedContainer(run: run, frame: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        TextEncoder(run: run, frame: run.state.nestedFrame(elementOf: frame) ?? JSONTextEncodingState.noFrame, codingPath: codingPath)
    }
}

private struct TextSingleValueContainer: SingleValueEncodingContainer {
    let run: JSONTextEncodingRun
    let frame: Int
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        try run.state.set(.null, in: frame)
    }

    /// A value that encodes itself writes to this same frame, as JSONValueEncoder's does to its node.
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let primitive = JSONValue(primitive: value) {
            return try run.state.set(primitive, in: frame)
        }
        try run.state.throwIfAbandoned()
        try value.encode(to: TextEncoder(run: run, frame: frame, codingPath: codingPath))
    }
}
