import Testing
import AsyncWebHTTP

@Suite struct ParameterizedHeaderTests {
    @Test func theValueIsSplitFromItsParameters() {
        let header = ParameterizedHeader(parsing: "text/html; charset=UTF-8")
        #expect(header == ParameterizedHeader(value: "text/html", parameters: ["charset": "UTF-8"]))
    }

    @Test func parameterNamesAreLowerCasedAndTheLastOneWins() {
        #expect(ParameterizedHeader(parsing: "x; Name=a; NAME=b").parameters == ["name": "b"])
    }

    @Test func quotedValuesLoseTheirQuotesAndEscapes() {
        let header = ParameterizedHeader(parsing: #"form-data; name="a\"b"; filename="c%22d;e.txt""#)
        #expect(header.parameters == ["name": #"a"b"#, "filename": #"c"d;e.txt"#])
    }

    @Test func invalidParametersAreSkipped() {
        #expect(ParameterizedHeader(parsing: #"x; novalue; =1; a=1 2; b="open"#).parameters == ["a": "1"])
    }

    @Test func anRFC2231ValueIsDecodedInItsCharset() {
        let header = ParameterizedHeader(parsing: "attachment; filename*=UTF-8''%E2%82%AC%20rates.txt")
        #expect(header.parameters["filename"] == "€ rates.txt")
    }

    @Test func anRFC2231ValueInAnUntrustedCharsetStaysEncoded() {
        #expect(ParameterizedHeader(parsing: "x; filename*=koi8-r''%E9").parameters["filename"] == "%E9")
    }

    @Test func continuationsAreJoinedInOrder() {
        let header = ParameterizedHeader(parsing: #"x; name*0*=UTF-8''%C3%A9t; name*1="e_"; name*2=b"#)
        #expect(header.parameters["name"] == "éte_b")
    }

    @Test func aMissingOrEmptyHeaderHasNoValue() {
        #expect(ParameterizedHeader(parsing: nil) == ParameterizedHeader(value: ""))
        #expect(ParameterizedHeader(parsing: "  ; a=1") == ParameterizedHeader(value: ""))
    }
}

