import AsyncWeb
import AsyncWebTesting
import FoundationEssentials
import Testing

@Suite("Cookies")
struct CookieTests {
    @Test func setCookieMatchesWerkzeugForTheQuickstart() async throws {
        var response = Response(body: "cookie set")
        response.setCookie("username", "the username")
        #expect(response.headers.values(for: "Set-Cookie") == [#"username="the username"; Path=/"#])
    }

    @Test(arguments: [
        ("the username", #"k="the username"; Path=/"#),
        ("plain", "k=plain; Path=/"),
        ("va;l\"ue,\\ ü", #"k="va\073l\"ue\054\\ \303\274"; Path=/"#),
        ("", "k=; Path=/"),
        ("ü", #"k="\303\274"; Path=/"#),
        ("x=y", "k=x=y; Path=/"),
        ("tab\tchar", #"k="tab\011char"; Path=/"#),
    ])
    func valuesAreQuotedAsWerkzeugQuotesThem(value: String, header: String) {
        var response = Response()
        response.setCookie("k", value)
        #expect(response.headers["Set-Cookie"] == header)
    }

    @Test func everyAttributeInWerkzeugsOrder() {
        var response = Response()
        response.setCookie(
            "a", "b", maxAge: 3600, expires: Date(timeIntervalSince1970: 1_893_553_445), path: "/x", domain: ".example.com",
            secure: false, httpOnly: true, sameSite: .lax, partitioned: true)
        #expect(response.headers["Set-Cookie"]
            == "a=b; Domain=example.com; Expires=Wed, 02 Jan 2030 03:04:05 GMT; Max-Age=3600; Secure; HttpOnly; Path=/x; SameSite=Lax; Partitioned")
    }

    @Test func deleteCookieExpiresItAtTheEpoch() {
        var response = Response()
        response.deleteCookie("old")
        #expect(response.headers["Set-Cookie"] == "old=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/")
    }

    @Test func maxAgeAlsoSetsAMatchingExpires() {
        var response = Response()
        response.setCookie("k", "v", maxAge: 60)
        let header = response.headers["Set-Cookie"] ?? ""
        #expect(header.hasPrefix("k=v; Expires=") && header.hasSuffix("; Max-Age=60; Path=/"))
    }

    @Test(arguments: [
        (#"a=1; b="q\"x"; d; e=1=2; a=2; f="\342\202\254"; g = spaced ; =empty; h="""#,
         [["a", "1"], ["b", "q\"x"], ["d", ""], ["e", "1=2"], ["a", "2"], ["f", "€"], ["g", "spaced"], ["h", ""]]),
        ("session=abc.def; theme=dark", [["session", "abc.def"], ["theme", "dark"]]),
        (#" x = "unterminated ; y=2"#, [["x", "\"unterminated"], ["y", "2"]]),
        (#"k="a\\b"; z="\073\054""#, [["k", "a\\b"], ["z", ";,"]]),
        ("", []),
        (";;;", []),
        (#"name="quoted value" ; next=1"#, [["name", "quoted value"], ["next", "1"]]),
        // The pattern's \s is ASCII only, so a no-break space does not open a quoted value;
        // str.strip() then trims Unicode whitespace and U+001C to U+001F.
        ("a=\u{A0}x\u{A0}; b=\u{A0}\"q;r\"; c=\u{1F}v\u{1F}; \u{3000}d\u{3000}=1",
         [["a", "x"], ["b", "\"q"], ["r\"", ""], ["c", "v"], ["d", "1"]]),
        (#"k="café"; été=é"#, [["k", "café"], ["été", "é"]]),
        (#"x="a\"b" ; y"#, [["x", "a\"b"], ["y", ""]]),
    ])
    func requestCookiesParseAsWerkzeugParsesThem(header: String, expected: [[String]]) {
        #expect(CookieFormat.parse(header[...]).map { [$0.name, $0.value] } == expected)
    }
}
