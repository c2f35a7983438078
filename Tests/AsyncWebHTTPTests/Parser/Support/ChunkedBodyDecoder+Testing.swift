@testable import AsyncWebHTTP

extension ChunkedBodyDecoder {
    /// What decoding a series of input buffers produced.
    struct Decoded: Equatable {
        var body: [UInt8] = []
        var ended = false
        /// The input left after the end of the body: the next request's bytes.
        var rest: [UInt8] = []
    }

    /// Decodes `pieces` in order with a fresh decoder.
    static func decode(
        _ pieces: [[UInt8]], maxBodySize: Int = 1 << 20, maxTrailerBytes: Int = 1024
    ) throws(HTTPParseError) -> Decoded {
        var decoder = ChunkedBodyDecoder(maxBodySize: maxBodySize, maxTrailerBytes: maxTrailerBytes)
        var decoded = Decoded()
        for piece in pieces {
            if decoded.ended {
                decoded.rest += piece
                continue
            }
            try piece.withUnsafeBytes { buffer in
                Result { () throws(HTTPParseError) in
                    var cursor = 0
                    while let event = try decoder.next(in: buffer, at: &cursor) {
                        switch event {
                        case .data(let range):
                            decoded.body += buffer[range]
                        case .end:
                            decoded.ended = true
                            decoded.rest += buffer[cursor...]
                            return
                        }
                    }
                }
            }.get()
        }
        return decoded
    }

    /// Decodes `text` given whole.
    static func decode(_ text: String, maxBodySize: Int = 1 << 20, maxTrailerBytes: Int = 1024) throws(HTTPParseError) -> Decoded {
        try decode([Array(text.utf8)], maxBodySize: maxBodySize, maxTrailerBytes: maxTrailerBytes)
    }
}
