import Foundation

/// The first flight of a real TLS client, for tests that must stop a handshake part-way:
/// Python's `ssl` writes its ClientHello into a memory BIO, with no socket, and the test
/// sends some of it over a plain TCP connection.
enum ClientHello {
    /// A complete ClientHello record (TLS 1.2 and 1.3 offered, SNI `localhost`).
    static func bytes() throws -> [UInt8] { try made.get() }

    /// Its first half: the server has begun a handshake and waits for the rest.
    static func firstHalf() throws -> [UInt8] {
        let hello = try bytes()
        return Array(hello.prefix(hello.count / 2))
    }

    private static let made = Result {
        let script = """
            import ssl, sys
            context = ssl.create_default_context()
            incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
            connection = context.wrap_bio(incoming, outgoing, server_hostname="localhost")
            try:
                connection.do_handshake()
            except ssl.SSLWantReadError:
                pass
            sys.stdout.buffer.write(outgoing.read())
            """
        let finished = try ExternalTool.run(["python3", "-c", script], timeout: .seconds(30))
        let hello = [UInt8](finished.outputBytes)
        // A handshake record (22) holding a ClientHello (1).
        guard finished.status == 0, hello.count > 100, hello[0] == 0x16, hello[5] == 0x01 else {
            throw ExternalTool.Failure(description: "no ClientHello from Python: \(finished)")
        }
        return hello
    }
}
