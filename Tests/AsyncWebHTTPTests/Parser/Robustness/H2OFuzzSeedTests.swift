import Testing
import AsyncWebHTTP

/// h2o's HTTP/1 fuzzing seeds, valid and malformed requests alike: each must
/// be parsed or refused with an `HTTPParseError`, never trap or read out of
/// bounds (the debug build checks every buffer access), and how the input
/// is split must not change the outcome.
@Suite struct H2OFuzzSeedTests {
    typealias Seed = ParserFixtures.H2OSeed

    /// Two-piece splits tried per seed, spread evenly; feeding the seed byte
    /// by byte already crosses every boundary, these add a large second piece.
    static let splitsPerSeed = 16

    @Test func allSeedsAreLoaded() {
        #expect(ParserFixtures.h2oSeeds.count == 1972)
    }

    @Test func someSeedsAreValidRequestsAndMostAreNot() {
        let accepted = ParserFixtures.h2oSeeds.filter { !ConnectionReplay.outcome(of: $0.bytes).isRejected }
        #expect(accepted.count > 0)
        #expect(accepted.count < ParserFixtures.h2oSeeds.count / 2)
    }

    @Test(arguments: ParserFixtures.h2oSeeds)
    func seedGivesTheSameOutcomeHoweverItIsSplit(_ seed: Seed) {
        let whole = ConnectionReplay.outcome(of: seed.bytes)
        #expect(ConnectionReplay.outcomeByteByByte(of: seed.bytes) == whole, "fed byte by byte")
        let count = seed.bytes.count
        let offsets = Set((0...Self.splitsPerSeed).map { $0 * count / Self.splitsPerSeed })
        let differing = offsets.sorted().filter { ConnectionReplay.outcome(of: seed.bytes, splitAt: $0) != whole }
        #expect(differing.isEmpty, "splits at \(differing) differ from the whole input's \(whole)")
    }
}
