import AsyncWeb
import AsyncWebTesting
import FoundationEssentials
import IOUring
import Testing

/// `Max-Age` and `Expires` far beyond any calendar: Werkzeug raises for an
/// expiry past the year 9999; here the cookie is set with the nearest date
/// there is, and a number from a request cannot stop the server.
@Suite("Cookie expiry at its arithmetic edges")
struct CookieExpiryEdgeTests {
    private func setCookieField(maxAge: Int? = nil, expires: Date? = nil) -> String? {
        var response = Response()
        response.setCookie("k", "v", maxAge: maxAge, expires: expires)
        return response.headers["Set-Cookie"]
    }

    @Test func maxAgeOfIntMaxExpiresAtTheEndOf9999() {
        #expect(setCookieField(maxAge: .max) == "k=v; Expires=Fri, 31 Dec 9999 23:59:59 GMT; Max-Age=9223372036854775807; Path=/")
    }

    @Test func maxAgeOfIntMinExpiresAtTheStartOfYearOne() {
        #expect(setCookieField(maxAge: .min) == "k=v; Expires=Mon, 01 Jan 0001 00:00:00 GMT; Max-Age=-9223372036854775808; Path=/")
    }

    @Test func maxAgePastYear9999ButWithinIntIsWrittenWithAFourDigitYear() {
        // 10^16 seconds is near the year 316,889,000: gmtime can hold it, the date format cannot.
        #expect(setCookieField(maxAge: 10_000_000_000_000_000)?.contains("Expires=Fri, 31 Dec 9999 23:59:59 GMT") == true)
    }

    @Test func expiresDatesNoIntCanHoldAreClamped() {
        #expect(setCookieField(expires: Date(timeIntervalSince1970: 1e300)) == "k=v; Expires=Fri, 31 Dec 9999 23:59:59 GMT; Path=/")
        #expect(setCookieField(expires: Date(timeIntervalSince1970: -.infinity)) == "k=v; Expires=Mon, 01 Jan 0001 00:00:00 GMT; Path=/")
        #expect(setCookieField(expires: Date(timeIntervalSince1970: .nan))?.hasPrefix("k=v; Expires=") == true)
    }

    @Test(arguments: IOBackend.allCases)
    func aMaxAgeFromTheQueryStringSetsTheCookieOverALiveServer(io: IOBackend) async throws {
        let app = App("cookies")
        app.get("/remember") { request in
            var response = Response(body: "remembered")
            response.setCookie("seen", "1", maxAge: request.args.value("seconds", as: Int.self))
            return response
        }
        let server = try await LiveServer.start(app, io: io)
        let port = server.port
        let responses = try await onThread {
            try ["9223372036854775807", "-9223372036854775808", "1"].map { seconds in
                let client = try RawHTTPClient(port: port)
                try client.send("GET /remember?seconds=\(seconds) HTTP/1.1\r\nHost: a\r\n\r\n")
                return try client.readResponse()
            }
        }
        try await server.stop()
        #expect(responses.map { $0?.status } == [200, 200, 200])
        #expect(responses[0]?.header("Set-Cookie")?.contains("Expires=Fri, 31 Dec 9999 23:59:59 GMT") == true)
        #expect(responses[1]?.header("Set-Cookie")?.contains("Expires=Mon, 01 Jan 0001 00:00:00 GMT") == true)
    }
}
