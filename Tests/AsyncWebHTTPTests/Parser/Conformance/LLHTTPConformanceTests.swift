import Testing
@testable import AsyncWebHTTP

/// The parser against llhttp's strict request fixtures: each case must be
/// accepted or rejected as llhttp does, but for the rules in
/// `LLHTTPExceptions`, whether its input arrives whole, split in two
/// anywhere, or byte by byte.
@Suite struct LLHTTPConformanceTests {
    typealias Fixture = ParserFixtures.LLHTTPCase

    @Test func all118StrictCasesAreChecked() {
        let titles = ParserFixtures.llhttpCases.map(\.title)
        #expect(titles.count == 118)
        #expect(Set(titles).count == titles.count, "titles name the exceptions, so they must be unique")
        #expect(Set(LLHTTPExceptions.table.keys).subtracting(titles).isEmpty, "every exception names a case")
    }

    @Test(arguments: ParserFixtures.llhttpCases)
    func inputIsJudgedAsLLHTTPJudgesItButForTheExceptions(_ fixture: Fixture) {
        var differences = LLHTTPExceptions.table[fixture.title] ?? []
        var outcome = ConnectionReplay.outcome(of: fixture.bytes)
        #expect((outcome == .rejected(.parse(.missingHost))) == (differences.first == .hostRequired),
                "a case decided by the Host rule is listed with .hostRequired first, and only such a case")
        if differences.first == .hostRequired {
            differences.removeFirst()
            outcome = ConnectionReplay.outcome(of: fixture.bytesWithHostSupplied)
        }
        if let difference = differences.first {
            #expect(difference.isMet(by: outcome), "\(difference) expected; here: \(outcome)")
        } else {
            #expect(outcome.isRejected == fixture.expectsError,
                    "llhttp: \(fixture.llhttpError ?? "accepted"); here: \(outcome)")
            if case .accepted(let messages) = outcome {
                // Accepted alike is not enough: the messages must end where llhttp ends them.
                #expect(messages.filter(\.isComplete).count == fixture.completedMessages, "\(messages)")
                #expect(messages.map(\.body.count).reduce(0, +) == fixture.bodyBytes, "\(messages)")
            }
        }
    }

    @Test(arguments: ParserFixtures.llhttpCases)
    func inputSplitInTwoAnywhereGivesTheSameOutcome(_ fixture: Fixture) {
        for bytes in [fixture.bytes, fixture.bytesWithHostSupplied] {
            let whole = ConnectionReplay.outcome(of: bytes)
            let differing = (0...bytes.count).filter { ConnectionReplay.outcome(of: bytes, splitAt: $0) != whole }
            #expect(differing.isEmpty, "split at \(differing) differs from the whole input's \(whole)")
        }
    }

    @Test(arguments: ParserFixtures.llhttpCases)
    func inputFedByteByByteGivesTheSameOutcome(_ fixture: Fixture) {
        for bytes in [fixture.bytes, fixture.bytesWithHostSupplied] {
            #expect(ConnectionReplay.outcomeByteByByte(of: bytes) == ConnectionReplay.outcome(of: bytes))
        }
    }
}

extension ParserFixtures.LLHTTPCase {
    /// The input with `Host: example.com` after every HTTP/1.1 request line.
    var bytesWithHostSupplied: [UInt8] {
        let requestLineEnd = Array(" HTTP/1.1\r\n".utf8)
        let host = Array("Host: example.com\r\n".utf8)
        let bytes = self.bytes
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index...].starts(with: requestLineEnd) {
                result += requestLineEnd + host
                index += requestLineEnd.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }
}
