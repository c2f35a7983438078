/// The order in which competing placeholder segments are tried, Werkzeug's
/// `Weighting`: more literal chunks first, then longer literal chunks, then
/// more converters, then lighter converters (`int` 50 before `string` 100
/// before `path` 200).
///
/// ```swift
/// // "<name>.html" (one literal) sorts before "<name>" (none);
/// // "<int:n>" (weight 50) before "<path:p>" (weight 200).
/// ```
struct RuleWeight: Comparable, Hashable, Sendable {
    /// The length in scalars of each literal chunk of the segment, in order.
    var literalLengths: [Int] = []
    /// The weight of each converter of the segment, in order.
    var converterWeights: [Int] = []

    static func < (lhs: RuleWeight, rhs: RuleWeight) -> Bool {
        if lhs.literalLengths.count != rhs.literalLengths.count {
            return lhs.literalLengths.count > rhs.literalLengths.count
        }
        for (left, right) in zip(lhs.literalLengths, rhs.literalLengths) where left != right {
            return left > right
        }
        if lhs.converterWeights.count != rhs.converterWeights.count {
            return lhs.converterWeights.count > rhs.converterWeights.count
        }
        for (left, right) in zip(lhs.converterWeights, rhs.converterWeights) where left != right {
            return left < right
        }
        return false
    }
}
