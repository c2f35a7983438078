import Testing
@testable import AsyncWebHTTP

@Suite struct URLEncodedParserTests {
    private func parse(_ text: String) -> [String] {
        URLEncodedParser.parse(text.utf8).map { "\($0.key)=\($0.value)" }
    }

    @Test func pairsAreSplitAtAmpersandsAndTheFirstEquals() {
        #expect(parse("a=1&b=x=y&a=3") == ["a=1", "b=x=y", "a=3"])
    }

    @Test func plusIsASpaceAndAnEscapedPlusIsAPlus() {
        #expect(parse("q=a+b%2Bc") == ["q=a b+c"])
    }

    @Test func aKeyWithoutEqualsHasAnEmptyValue() {
        #expect(parse("flag&a=") == ["flag=", "a="])
    }

    @Test func emptyPairsAreSkipped() {
        #expect(parse("&&a=1&&") == ["a=1"])
    }

    @Test func semicolonIsNotASeparator() {
        #expect(parse("a=1;b=2") == ["a=1;b=2"])
    }

    @Test func escapesDecodeAsUTF8() {
        #expect(parse("name=caf%C3%A9") == ["name=café"])
    }

    @Test func invalidEscapesAreKeptAsTheyAre() {
        #expect(parse("a=100%&b=%zz&c=%4") == ["a=100%", "b=%zz", "c=%4"])
    }

    @Test func escapedBytesThatAreNotUTF8StayEscapedInUpperCase() {
        #expect(parse("a=%ff&b=%e2%82A") == ["a=%FF", "b=%E2%82A"])
    }

    @Test func rawBytesThatAreNotUTF8AreEscapedLikeEscapedOnes() {
        #expect(URLEncodedParser.parse([0x61, 0x3D, 0xFF]).map(\.value) == ["%FF"])
    }

    @Test func aFormBodyThatIsNotUTF8HasNoPairs() {
        #expect(URLEncodedParser.parseFormBody([0x61, 0x3D, 0xFF]) == nil)
        #expect(URLEncodedParser.parseFormBody(Array("a=%FF".utf8))?["a"] == "%FF")
    }
}
