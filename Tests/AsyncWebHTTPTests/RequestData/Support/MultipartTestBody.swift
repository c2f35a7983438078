/// A `multipart/form-data` body built part by part, as a browser would send it.
struct MultipartTestBody {
    let boundary: String
    private(set) var bytes: [UInt8] = []

    init(boundary: String = "test-boundary") {
        self.boundary = boundary
    }

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    mutating func field(_ name: String, _ value: String, headers: [String] = []) {
        part(["Content-Disposition: form-data; name=\"\(name)\""] + headers, Array(value.utf8))
    }

    mutating func file(_ name: String, filename: String, contentType: String = "application/octet-stream", _ data: [UInt8]) {
        part(["Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"", "Content-Type: \(contentType)"], data)
    }

    mutating func part(_ headers: [String], _ data: [UInt8]) {
        bytes += Array("--\(boundary)\r\n".utf8)
        for header in headers { bytes += Array("\(header)\r\n".utf8) }
        bytes += Array("\r\n".utf8) + data + Array("\r\n".utf8)
    }

    /// The body with its closing boundary.
    var closed: [UInt8] {
        bytes + Array("--\(boundary)--\r\n".utf8)
    }
}
