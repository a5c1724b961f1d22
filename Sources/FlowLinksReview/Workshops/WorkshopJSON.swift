import FlowLinksCore
import FlowLinksStore
import Foundation

/// A workshop's team views as JSON, with snake_case keys, sorted; levels are numbers 1–5:
///
/// ```
/// { "format": "flowlinks.workshop/1",
///   "workshop": { "code", "name", "status", "created_at", "closes_at", "closed_at", "follows",
///                 "organizations", "initiatives", "joined", "finished" },
///   "teams": [ { "organization", "initiative", "members": Int, "partners": Int,
///                "communication" | "resources" | "decisions": { "member_levels": [Int],
///                    "partner_levels": [Int], "middle": Int|null, "partner_middle": Int|null,
///                    "spread": Int, "flags": [String] },
///                "flags": [String], "recommendation": null | { "recommended", "overall_current",
///                    "fit_ceiling", "desired", "fit", "reasoning": [String] },
///                "discussion": [String], "movement": [ { "dimension", "before", "now", "change" } ] } ] }
/// ```
public struct WorkshopJSON: Sendable {
    public static let format = "flowlinks.workshop/1"

    public let workshop: ReviewedWorkshop
    public let now: Date

    public init(workshop: ReviewedWorkshop, now: Date) {
        self.workshop = workshop
        self.now = now
    }

    public func render() throws -> Data {
        try SessionJSON.encoder.encode(document)
    }

    var document: Document {
        let record = workshop.workshop
        return Document(
            format: Self.format,
            workshop: .init(
                code: record.code, name: record.name, status: workshop.status(at: now), createdAt: record.createdAt,
                closesAt: record.closesAt, closedAt: record.closedAt, follows: workshop.report.follows?.code,
                organizations: record.organizations, initiatives: record.initiatives, joined: workshop.report.listing.joined,
                finished: workshop.report.listing.finished),
            teams: workshop.teams.map(team))
    }

    private func team(_ view: TeamView) -> Team {
        func row(_ dimension: EngagementDimension) -> Row {
            let row = view.dimension(dimension)
            return Row(
                memberLevels: row?.memberLevels.map(\.rawValue) ?? [], partnerLevels: row?.partnerLevels.map(\.rawValue) ?? [],
                middle: row?.middle?.rawValue, partnerMiddle: row?.partnerMiddle?.rawValue, spread: row?.spread ?? 0,
                flags: row?.flags.map(\.name) ?? [])
        }
        return Team(
            organization: view.organization, initiative: view.initiative, members: view.members.count,
            partners: view.partners.count, communication: row(.communication), resources: row(.resources),
            decisions: row(.decisions), flags: view.flags.map(\.name),
            recommendation: view.recommendation.map { team in
                let recommendation = team.recommendation
                return .init(
                    recommended: recommendation.recommended.rawValue, overallCurrent: recommendation.overallCurrent.rawValue,
                    fitCeiling: recommendation.fitCeiling.rawValue, desired: recommendation.desired.rawValue,
                    fit: recommendation.fit.rawValue, reasoning: team.reasoning)
            },
            discussion: view.discussion,
            movement: view.movement.map {
                .init(dimension: $0.dimension.rawValue, before: $0.before.rawValue, now: $0.now.rawValue, change: $0.change)
            })
    }

    struct Document: Encodable {
        let format: String
        let workshop: Workshop
        let teams: [Team]
    }

    struct Workshop: Encodable {
        let code: String
        let name: String
        let status: String
        let createdAt: Date
        @Nullable var closesAt: Date?
        @Nullable var closedAt: Date?
        @Nullable var follows: String?
        let organizations: [String]
        let initiatives: [String]
        let joined: Int
        let finished: Int
    }

    struct Team: Encodable {
        let organization: String
        let initiative: String
        let members: Int
        let partners: Int
        let communication: Row
        let resources: Row
        let decisions: Row
        let flags: [String]
        @Nullable var recommendation: Recommendation?
        let discussion: [String]
        let movement: [Movement]
    }

    struct Row: Encodable {
        let memberLevels: [Int]
        let partnerLevels: [Int]
        @Nullable var middle: Int?
        @Nullable var partnerMiddle: Int?
        let spread: Int
        let flags: [String]
    }

    struct Recommendation: Encodable {
        let recommended: Int
        let overallCurrent: Int
        let fitCeiling: Int
        let desired: Int
        let fit: String
        let reasoning: [String]
    }

    struct Movement: Encodable {
        let dimension: String
        let before: Int
        let now: Int
        let change: Int
    }
}
