/// A row of the chart: what the bot assesses separately for each initiative.
public enum EngagementDimension: String, CaseIterable, Codable, Sendable {
    /// Flow of information.
    case communication
    /// Flow of resources and funding.
    case resources
    /// Links: how decisions are made.
    case decisions
}
