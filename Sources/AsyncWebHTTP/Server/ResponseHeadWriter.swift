internal import IOUring

/// Serializes a response's status line and header fields into a connection's output buffer.
enum ResponseHeadWriter {
    /// How the body that follows the head is delimited.
    enum Framing {
        /// `Content-Length: n` (also sent for HEAD, describing the body a GET would get).
        case length(Int)
        /// `Transfer-Encoding: chunked`.
        case chunked
        /// No length: the body ends when the connection closes (HTTP/1.0 streams).
        case untilClose
        /// No body and no length field (1xx, 204, 304).
        case none
    }

    /// `HTTP/1.1 200 OK\r\n` for every code, built once.
    private static let statusLines: [[UInt8]] = (0..<1000).map { code in
        code < 100 ? [] : Array("HTTP/1.1 \(HTTPStatus(code).description)\r\n".utf8)
    }

    static func write(
        status: HTTPStatus, headers: HTTPHeaders, framing: Framing, connection: ConnectionHeader,
        date: [UInt8], into output: IOBuffer
    ) {
        output.append(contentsOf: statusLines[status.code])
        output.append(contentsOf: "Date: ".utf8)
        output.append(contentsOf: date)
        output.append(contentsOf: "\r\n".utf8)
        for (name, value) in headers {
            appendSanitized(name, to: output)
            output.append(contentsOf: ": ".utf8)
            appendSanitized(value, to: output)
            output.append(contentsOf: "\r\n".utf8)
        }
        switch framing {
        case .length(let length):
            output.append(contentsOf: "Content-Length: ".utf8)
            output.appendDecimal(length)
            output.append(contentsOf: "\r\n".utf8)
        case .chunked:
            output.append(contentsOf: "Transfer-Encoding: chunked\r\n".utf8)
        case .untilClose, .none:
            break
        }
        switch connection {
        case .close: output.append(contentsOf: "Connection: close\r\n".utf8)
        case .keepAlive: output.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        case .implicit: break
        }
        output.append(contentsOf: "\r\n".utf8)
    }

    /// What to say in the `Connection` field.
    enum ConnectionHeader {
        /// The connection closes after this response.
        case close
        /// An HTTP/1.0 client asked to keep it open.
        case keepAlive
        /// HTTP/1.1's default (kept open): say nothing.
        case implicit
    }

    /// Appends a header name or value, replacing CR, LF and NUL with spaces so that no value
    /// can end the head early (response splitting).
    @inline(__always)
    private static func appendSanitized(_ text: String, to output: IOBuffer) {
        var text = text
        text.withUTF8 { bytes in
            if !bytes.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) {
                output.append(UnsafeRawBufferPointer(bytes))
                return
            }
            for byte in bytes { output.append(byte == 13 || byte == 10 || byte == 0 ? 32 : byte) }
        }
    }
}
