/// How alike two endpoint names are, by Python's
/// `difflib.SequenceMatcher(None, a, b).ratio()`: twice the number of
/// scalars in matching blocks over the total length. Werkzeug uses it to
/// suggest the endpoint a failed build probably meant.
///
/// ```swift
/// EndpointSimilarity.ratio("show_post", "show_posts") // 0.947…
/// ```
enum EndpointSimilarity {
    static func ratio(_ first: String, _ second: String) -> Double {
        let a = Array(first.unicodeScalars)
        let b = Array(second.unicodeScalars)
        guard a.count + b.count > 0 else { return 1.0 }
        return 2.0 * Double(matchedCount(a, b)) / Double(a.count + b.count)
    }

    /// The total size of difflib's matching blocks: the longest common run,
    /// then recursively the longest runs to its left and to its right.
    private static func matchedCount(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var positionsInB: [Unicode.Scalar: [Int]] = [:]
        for (index, scalar) in b.enumerated() {
            positionsInB[scalar, default: []].append(index)
        }
        // difflib's autojunk: in a long `b`, scalars that are too frequent
        // are left out of the search (blocks may still grow over them).
        if b.count >= 200 {
            let limit = b.count / 100 + 1
            positionsInB = positionsInB.filter { $0.value.count <= limit }
        }
        var total = 0
        var queue = [(aLow: 0, aHigh: a.count, bLow: 0, bHigh: b.count)]
        while let range = queue.popLast() {
            let (i, j, size) = longestMatch(a, b, positionsInB, range)
            guard size > 0 else { continue }
            total += size
            if range.aLow < i && range.bLow < j {
                queue.append((range.aLow, i, range.bLow, j))
            }
            if i + size < range.aHigh && j + size < range.bHigh {
                queue.append((i + size, range.aHigh, j + size, range.bHigh))
            }
        }
        return total
    }

    /// difflib's `find_longest_match`: the earliest longest run in `a`, and
    /// for it the earliest in `b`.
    private static func longestMatch(
        _ a: [Unicode.Scalar], _ b: [Unicode.Scalar], _ positionsInB: [Unicode.Scalar: [Int]],
        _ range: (aLow: Int, aHigh: Int, bLow: Int, bHigh: Int)
    ) -> (Int, Int, Int) {
        var bestI = range.aLow
        var bestJ = range.bLow
        var bestSize = 0
        var runLengths: [Int: Int] = [:]
        for i in range.aLow..<range.aHigh {
            var newRunLengths: [Int: Int] = [:]
            for j in positionsInB[a[i]] ?? [] {
                if j < range.bLow { continue }
                if j >= range.bHigh { break }
                let length = (runLengths[j - 1] ?? 0) + 1
                newRunLengths[j] = length
                if length > bestSize {
                    bestI = i - length + 1
                    bestJ = j - length + 1
                    bestSize = length
                }
            }
            runLengths = newRunLengths
        }
        while bestI > range.aLow, bestJ > range.bLow, a[bestI - 1] == b[bestJ - 1] {
            bestI -= 1
            bestJ -= 1
            bestSize += 1
        }
        while bestI + bestSize < range.aHigh, bestJ + bestSize < range.bHigh, a[bestI + bestSize] == b[bestJ + bestSize] {
            bestSize += 1
        }
        return (bestI, bestJ, bestSize)
    }
}
