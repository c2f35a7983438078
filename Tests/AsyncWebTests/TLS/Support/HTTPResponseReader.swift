import Foundation

/// Splits the bytes a client received on one connection into the HTTP responses they hold,
/// in order: how a pipelining test reads what came back through a TLS client.
enum HTTPResponseReader {
    struct Response: Sendable, Equatable {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Every response in `bytes`; each must have a `Content-Length` (the probe app's do).
    static func responses(in bytes: Data) throws -> [Response] {
        var rest = bytes[...]
        var responses: [Response] = []
        while !rest.isEmpty {
            responses.append(try next(from: &rest, after: responses.count))
        }
        return responses
    }

    /// The response at the start of `bytes`, whatever follows it.
    static func firstResponse(in bytes: Data) throws -> Response {
        var rest = bytes[...]
        return try next(from: &rest, after: 0)
    }

    /// Reads one response off the front of `rest`.
    private static func next(from rest: inout Data.SubSequence, after count: Int) throws -> Response {
        let separator = Data("\r\n\r\n".utf8)
        guard let headEnd = rest.range(of: separator) else {
            throw Failure(description: "an unfinished head after \(count) responses: \(String(decoding: rest, as: UTF8.self).debugDescription)")
        }
        let lines = String(decoding: rest[rest.startIndex..<headEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusWords = lines[0].split(separator: " ")
        guard statusWords.count >= 2, statusWords[0] == "HTTP/1.1", let status = Int(statusWords[1]) else {
            throw Failure(description: "not a status line: \(lines[0].debugDescription)")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard let length = headers["content-length"].flatMap({ Int($0) }) else {
            throw Failure(description: "a response without Content-Length: \(lines)")
        }
        let bodyStart = headEnd.upperBound
        guard rest.endIndex - bodyStart >= length else {
            throw Failure(description: "a body cut short after \(count) responses")
        }
        let body = String(decoding: rest[bodyStart..<(bodyStart + length)], as: UTF8.self)
        rest = rest[(bodyStart + length)...]
        return Response(status: status, headers: headers, body: body)
    }
}
