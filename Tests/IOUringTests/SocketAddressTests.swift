import IOUring
import Testing

@Suite("Socket addresses")
struct SocketAddressTests {
    @Test(arguments: [-1, 65_536, Int.max])
    func aPortOutsideSixteenBitsIsAnErrorNotATrap(port: Int) {
        #expect(throws: IOError.self) { try SocketAddress(host: "127.0.0.1", port: port) }
    }
}
