/// One of the five levels of engagement with community partners, in the guide's order.
///
/// Names and descriptions are content: they live in `Prompts/chart.yaml`.
public enum EngagementLevel: Int, CaseIterable, Comparable, Codable, Sendable {
    case independent = 1
    case informing
    case consulting
    case involving
    case aligning

    public static func < (lhs: EngagementLevel, rhs: EngagementLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The level one step up, or `nil` at Aligning.
    public var next: EngagementLevel? { EngagementLevel(rawValue: rawValue + 1) }
}

/// A contiguous span of levels; a chart cell may cover several (resources 1–3 share one).
public struct LevelSpan: Codable, Hashable, Sendable {
    public let lowest: EngagementLevel
    public let highest: EngagementLevel

    public init(_ lowest: EngagementLevel, _ highest: EngagementLevel) {
        self.lowest = min(lowest, highest)
        self.highest = max(lowest, highest)
    }

    public init(_ level: EngagementLevel) { self.init(level, level) }

    public func contains(_ level: EngagementLevel) -> Bool { lowest <= level && level <= highest }
}
