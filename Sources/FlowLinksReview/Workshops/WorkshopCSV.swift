import FlowLinksCore
import FlowLinksStore
import Foundation

/// A workshop's team views as CSV: one row per team and chart row, levels as numbers 1–5, lists
/// separated by spaces. Quoted and defused like `SessionsCSV`.
public struct WorkshopCSV: Sendable {
    public let workshop: ReviewedWorkshop

    public init(workshop: ReviewedWorkshop) { self.workshop = workshop }

    public static let header = [
        "workshop", "organization", "initiative", "members", "partners", "dimension", "member_levels", "partner_levels",
        "middle", "partner_middle", "spread", "flags", "team_flags", "team_recommended", "movement",
    ]

    public func render() -> String {
        var rows = [Self.header]
        for team in workshop.teams {
            for row in team.dimensions {
                let movement = team.movement.first { $0.dimension == row.dimension }.map { String($0.change) } ?? ""
                rows.append([
                    workshop.workshop.code, team.organization, team.initiative, String(team.members.count),
                    String(team.partners.count), row.dimension.rawValue, Self.list(row.memberLevels),
                    Self.list(row.partnerLevels), row.middle.map { String($0.rawValue) } ?? "",
                    row.partnerMiddle.map { String($0.rawValue) } ?? "", String(row.spread),
                    row.flags.map(\.name).joined(separator: " "),
                    team.flags.filter { !row.flags.contains($0) && !Self.isRowFlag($0) }.map(\.name).joined(separator: " "),
                    team.recommendation.map { String($0.recommendation.recommended.rawValue) } ?? "", movement,
                ])
            }
        }
        return rows.map { $0.map(SessionsCSV.cell).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func list(_ levels: [EngagementLevel]) -> String { levels.map { String($0.rawValue) }.joined(separator: " ") }

    private static func isRowFlag(_ flag: TeamFlag) -> Bool {
        switch flag {
        case .membersApart, .partnersBelow: true
        default: false
        }
    }
}
