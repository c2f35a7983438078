/// Encodes any `Encodable` straight to the JSON text Flask's `jsonify` sends: the bytes
/// `JSONWriter.flask.write(try JSONValueEncoder().encode(value))` returns, without the tree.
///
/// ```swift
/// var body: [UInt8] = []
/// try JSONTextEncoder().append(user, to: &body)   // {"id":1,"name":"alice"}
/// ```
///
/// Members are written as the value encodes them, one object's after another, into one
/// buffer; when an object is complete its members are put in key order, which costs nothing
/// when they came in order. A value that writes to a container after moving on from it, adds
/// to a container it already wrote under the same key, or turns a filled container into
/// another kind is encoded a second time through ``JSONValueEncoder``, which keeps every
/// container to the end; its `encode(to:)` then runs twice.
package struct JSONTextEncoder: Sendable {
    package init() {}

    package func encode(_ value: some Encodable) throws -> [UInt8] {
        var output: [UInt8] = []
        try append(value, to: &output)
        return output
    }

    /// Appends the text of `value` to `output`, or throws what its encoding threw and leaves
    /// `output` as it was.
    package func append(_ value: some Encodable, to output: inout [UInt8]) throws {
        let start = output.endIndex
        let run = JSONTextEncodingRun(JSONTextEncodingState(taking: &output))
        var failure: (any Error)?
        do {
            try value.encode(to: TextEncoder(run: run, frame: JSONTextEncodingState.topLevel, codingPath: []))
        } catch {
            failure = error
        }
        let followed = !run.state.isAbandoned
        if followed, failure == nil { run.state.finish() }
        run.state.giveBack(to: &output)
        guard followed else {
            // Whatever the first pass threw is moot: the tree decides, with its own errors.
            output.removeSubrange(start...)
            JSONWriter.flask.append(try JSONValueEncoder().encode(value), to: &output)
            return
        }
        if let failure {
            output.removeSubrange(start...)
            throw failure
        }
    }
}
