import AsyncWebEncoding
import Testing

/// Hand-written `encode(to:)`s that use containers as `JSONValueEncoder` allows: keys written
/// twice, containers used again or out of order, one value's kind changed. The text must come
/// out as the tree's, whichever way the encoder gets there.
@Suite("JSON text encoder, containers")
struct JSONTextEncoderContainerTests {
    @Test func aKeyWrittenTwiceKeepsItsLastValue() {
        expectTreeText(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(1, forKey: "b")
            try container.encode(2, forKey: "a")
            try container.encode(3, forKey: "b")
        })
        expectTreeText(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            try container.encode("once", forKey: "k")
            try container.encode("twice", forKey: "k")
        })
        // The same key as Swift compares strings: the first spelling, the last value.
        expectTreeText(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(1, forKey: "é")
            try container.encode(0, forKey: "d")
            try container.encode(2, forKey: "e\u{301}")
        })
    }

    @Test func aKeyWrittenAgainWithAnotherKindOfValue() {
        let values: [any Encodable] = [
            5, "s", Int?.none, Silent(), [Int](), [1, 2], [String: Int](), ["x": 1], JSONValue.object([("j", 1)]),
        ]
        for first in values {
            for second in values {
                for third in [nil, Silent() as any Encodable, [3] as any Encodable, ["y": 2] as any Encodable] {
                    expectTreeText(Custom { encoder in
                        var container = encoder.container(keyedBy: Key.self)
                        try container.encode(first, forKey: "k")
                        try container.encode(0, forKey: "a")
                        try container.encode(second, forKey: "k")
                        if let third { try container.encode(third, forKey: "k") }
                    })
                }
            }
        }
    }

    @Test func nestedContainersForTheSameKeyShareTheirValue() {
        expectTreeText(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            var first = container.nestedContainer(keyedBy: Key.self, forKey: "n")
            try first.encode(1, forKey: "b")
            var second = container.nestedContainer(keyedBy: Key.self, forKey: "n")
            try second.encode(2, forKey: "a")
            try first.encode(3, forKey: "c")
            try container.encode(4, forKey: "m")
        })
        expectTreeText(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            var list = container.nestedUnkeyedContainer(forKey: "l")
            try list.encode(1)
            try container.encode([2], forKey: "l")
            try container.encode(9, forKey: "z")
        })
    }

    @Test func containersWrittenToOutOfOrder() {
        expectTreeText(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            var one = container.nestedContainer(keyedBy: Key.self, forKey: "one")
            var two = container.nestedUnkeyedContainer(forKey: "two")
            try one.encode(1, forKey: "x")
            try two.encode(2)
            try one.encode(3, forKey: "y")
        })
        expectTreeText(Custom { encoder in
            var container = encoder.unkeyedContainer()
            var inner = container.nestedContainer(keyedBy: Key.self)
            try container.encode("after")
            try inner.encode("late", forKey: "k")
        })
        // A value that writes to its parent in the middle of its own encoding.
        expectTreeText(Custom { encoder in
            var outer = encoder.container(keyedBy: Key.self)
            var sameOuter = encoder.container(keyedBy: Key.self)
            try outer.encode(Custom { inner in
                var container = inner.container(keyedBy: Key.self)
                try container.encode(1, forKey: "in")
                try sameOuter.encode(2, forKey: "out")
                try container.encode(3, forKey: "in again")
            }, forKey: "nested")
        })
    }

    @Test func superEncodersWriteTheirOwnMembers() {
        expectTreeText(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(1, forKey: "own")
            try ["inherited": true].encode(to: container.superEncoder())
            try [1, 2].encode(to: container.superEncoder(forKey: "parent"))
        })
        // "super" is a key like any other.
        expectTreeText(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(1, forKey: "super")
            try 2.encode(to: container.superEncoder())
        })
        expectTreeText(Custom { encoder in
            var container = encoder.unkeyedContainer()
            try "first".encode(to: container.superEncoder())
            try container.encode(2)
            try Silent().encode(to: container.superEncoder())
        })
    }

    @Test func oneEncoderAskedForSeveralContainers() {
        // Two keyed containers write to one object, as a subclass after `super.encode(to:)`.
        expectTreeText(Custom { encoder in
            var first = encoder.container(keyedBy: Key.self)
            try first.encode(1, forKey: "b")
            var second = encoder.container(keyedBy: Key.self)
            try second.encode(2, forKey: "a")
            try first.encode(3, forKey: "c")
        })
        // Asked again while a container nested in the first is open: it stays open.
        expectTreeText(Custom { encoder in
            var first = encoder.container(keyedBy: Key.self)
            var nested = first.nestedUnkeyedContainer(forKey: "n")
            try nested.encode(1)
            _ = encoder.container(keyedBy: Key.self)
            try nested.encode(2)
        })
        let kinds: [(any Encoder) throws -> Void] = [
            { var c = $0.container(keyedBy: Key.self); try c.encode(1, forKey: "k") },
            { _ = $0.container(keyedBy: Key.self) },
            { var c = $0.unkeyedContainer(); try c.encode(1) },
            { _ = $0.unkeyedContainer() },
            { var c = $0.singleValueContainer(); try c.encode(1) },
            { var c = $0.singleValueContainer(); try c.encodeNil() },
            { var c = $0.singleValueContainer(); try c.encode(["s": 1]) },
            { _ = $0.singleValueContainer() },
        ]
        for first in kinds {
            for second in kinds {
                for third in kinds {
                    expectTreeText(Custom { try first($0); try second($0); try third($0) })
                    expectTreeText(["v": Custom { try first($0); try second($0); try third($0) }])
                }
            }
        }
    }

    @Test func unkeyedContainersCountTheirElements() {
        expectTreeText(Custom { encoder in
            var container = encoder.unkeyedContainer()
            try container.encode(container.count)
            var nested = container.nestedUnkeyedContainer()
            try nested.encode(container.count)
            try nested.encode(nested.count)
            _ = container.superEncoder()
            try container.encode(container.count)
            var again = encoder.unkeyedContainer()
            try again.encode(again.count)
            try container.encode(nested.count)
        })
    }

    @Test func codingPathsAreTheTreesKeyForKey() {
        expectTreeText(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(PathReport(), forKey: "a")
            var nested = container.nestedContainer(keyedBy: Key.self, forKey: "b")
            try nested.encode(PathReport(), forKey: "c")
            try nested.encode([PathReport()], forKey: "d")
            var list = nested.nestedUnkeyedContainer(forKey: "e")
            try list.encode(PathReport())
            var inList = list.nestedContainer(keyedBy: Key.self)
            try inList.encode(PathReport(), forKey: "f")
            try PathReport().encode(to: container.superEncoder())
            try PathReport().encode(to: container.superEncoder(forKey: "g"))
            try PathReport().encode(to: list.superEncoder())
            try container.encode(Custom { encoder in
                var single = encoder.singleValueContainer()
                try single.encode(PathReport())
            }, forKey: "h")
            try container.encode(container.codingPath.count + nested.codingPath.count + list.codingPath.count, forKey: "n")
        })
        expectTreeText(["x": [["y": PathReport()]]])
    }

    @Test func errorsAreThrownAsTheTreeThrowsThem() {
        expectTreeText(Custom { _ in throw Failure(id: 1) })
        expectTreeText(["a": Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(1, forKey: "partial")
            throw Failure(id: 2)
        }])
        // After writing out of order, which only the tree can follow.
        expectTreeText(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            var one = container.nestedContainer(keyedBy: Key.self, forKey: "one")
            try container.encode(1, forKey: "two")
            try one.encode(2, forKey: "x")
            throw Failure(id: 3)
        })
        // Caught by the value itself: what it wrote before throwing stays.
        expectTreeText(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            try? container.encode(Custom { inner in
                var nested = inner.container(keyedBy: Key.self)
                try nested.encode(1, forKey: "before")
                throw Failure(id: 4)
            }, forKey: "caught")
            try container.encode(2, forKey: "after")
        })
    }

    @Test func aContainerKeptPastTheEncodingChangesNothing() throws {
        final class Kept { var container: (any UnkeyedEncodingContainer)? }
        let kept = Kept()
        let text = try JSONTextEncoder().encode(Custom { encoder in
            kept.container = encoder.unkeyedContainer()
            try kept.container?.encode(1)
        })
        try? kept.container?.encode(2)
        _ = kept.container?.count
        #expect(text == Array("[1]".utf8))
    }

    @Test func appendingLeavesWhatWasThereAndTheOutputOnFailure() throws {
        var output = Array("x".utf8)
        try JSONTextEncoder().append(["a": 1], to: &output)
        #expect(output == Array(#"x{"a":1}"#.utf8))
        #expect(throws: Failure.self) { try JSONTextEncoder().append(Custom { _ in throw Failure(id: 5) }, to: &output) }
        #expect(output == Array(#"x{"a":1}"#.utf8))
        try JSONTextEncoder().append(Custom { encoder in
            var container = encoder.unkeyedContainer()
            var early = container.nestedUnkeyedContainer()
            try container.encode(1)
            try early.encode(2)
        }, to: &output)
        #expect(output == Array(#"x{"a":1}[[2],1]"#.utf8))
    }
}
