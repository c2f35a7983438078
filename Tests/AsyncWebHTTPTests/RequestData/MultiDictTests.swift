import Testing
import AsyncWebHTTP

@Suite struct MultiDictTests {
    let query: MultiDict = ["tag": "swift", "page": "2", "tag": "web"]

    @Test func subscriptGivesTheFirstValue() {
        #expect(query["tag"] == "swift")
        #expect(query["missing"] == nil)
    }

    @Test func valuesForAKeyKeepTheirOrder() {
        #expect(query.values(for: "tag") == ["swift", "web"])
        #expect(query.values(for: "missing") == [])
    }

    @Test func iterationYieldsThePairsInArrivalOrder() {
        #expect(query.map { "\($0.key)=\($0.value)" } == ["tag=swift", "page=2", "tag=web"])
    }

    @Test func keysAreDistinctInOrderOfFirstAppearance() {
        #expect(query.keys == ["tag", "page"])
    }

    @Test func containsTellsWhetherAKeyHasAValue() {
        #expect(query.contains("page"))
        #expect(!query.contains("Page"))
    }

    @Test func requireGivesTheFirstValue() throws {
        #expect(try query.require("tag") == "swift")
    }

    @Test func requireOfAMissingKeyThrowsABadRequestNamingTheKey() {
        #expect(throws: BadRequestKeyError(key: "username")) { try query.require("username") }
    }

    @Test func aMissingKeyAnswers400WithWerkzeugsMessage() {
        let error = BadRequestKeyError(key: "username")
        #expect(error.status == 400)
        #expect(error.httpError.status == .badRequest)
        #expect(error.message == "The browser (or proxy) sent a request that this server could not understand.")
        #expect(error.debugMessage.hasSuffix("\nKeyError: 'username'"))
    }

    @Test func typedValueConvertsTheFirstValue() {
        #expect(query.value("page", as: Int.self) == 2)
        #expect(query.value("page", as: Double.self) == 2.0)
    }

    @Test func typedValueIsNilWhenMissingOrNotConvertible() {
        #expect(query.value("tag", as: Int.self) == nil)
        #expect(query.value("missing", as: Int.self) == nil)
    }

    @Test func addAppendsAfterExistingValues() {
        var form = query
        form.add("tag", "server")
        #expect(form.values(for: "tag") == ["swift", "web", "server"])
    }
}
