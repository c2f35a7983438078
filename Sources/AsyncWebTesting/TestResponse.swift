public import AsyncWeb
import Foundation

/// A complete response received by a ``TestClient``.
public struct TestResponse: Sendable {
    public let status: HTTPStatus
    public let headers: HTTPHeaders
    public let body: [UInt8]

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body decoded from JSON.
    public func json<Value: Decodable>(as type: Value.Type = Value.self) throws -> Value {
        try JSONDecoder().decode(type, from: Data(body))
    }
}
