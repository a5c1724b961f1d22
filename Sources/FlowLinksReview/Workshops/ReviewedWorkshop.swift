import FlowLinksCore
import FlowLinksStore
import Foundation

/// A workshop as facilitators review it: its team views, worked out once, and the words shared by
/// the pages and the exports.
public struct ReviewedWorkshop: Sendable {
    public let report: WorkshopReport
    public let script: Script
    public let teams: [TeamView]

    public init(report: WorkshopReport, script: Script) {
        self.report = report
        self.script = script
        teams = TeamViewBuilder(script: script).teams(from: report.sessions, since: report.earlierSessions)
    }

    public var workshop: WorkshopRecord { report.workshop }

    /// The team of this organization and initiative, compared as the team view compares them.
    public func team(organization: String, initiative: String) -> TeamView? {
        let key = TeamKey(organization: organization, initiative: initiative)
        return teams.first { $0.key == key }
    }

    /// "open", or "closed" once closed or past its closing time.
    public func status(at now: Date) -> String { workshop.isOpen(at: now) ? "open" : "closed" }

    /// "3. Consulting".
    public func levelName(_ level: EngagementLevel) -> String { "\(level.rawValue). \(script.chart.name(of: level))" }

    public func rowName(_ dimension: EngagementDimension) -> String {
        script.chart.row(dimension)?.name ?? dimension.rawValue
    }

    /// A flag in a facilitator's words.
    public func describe(_ flag: TeamFlag) -> String {
        let rules = script.workshop.rules
        switch flag {
        case .membersApart(let dimension): return "\(rowName(dimension)): members \(rules.levelsApart)+ levels apart"
        case .partnersBelow(let dimension): return "\(rowName(dimension)): partners experience less than the team sees"
        case .desiredApart: return "Desired levels \(rules.levelsApart)+ apart"
        case .benefitMixed: return "Benefit answers differ"
        case .sharedGoalsMixed: return "Shared-goals answers differ"
        }
    }

    /// "1 member", "3 partners".
    public static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    /// "3 members · 1 partner": who answered in a team.
    public static func people(in team: TeamView, separator: String = " · ") -> String {
        count(team.members.count, "member") + separator + count(team.partners.count, "partner")
    }

    /// The levels as a short list, lowest first: "2, 3, 4"; a dash when there are none.
    public static func numbers(_ levels: [EngagementLevel]) -> String {
        levels.isEmpty ? "–" : levels.map { String($0.rawValue) }.joined(separator: ", ")
    }

    /// Marks on the whole workshop's chart: per row and cell, how many members and partners chose it.
    public func marks(_ dimension: EngagementDimension, cell: LevelSpan) -> (members: Int, partners: Int) {
        let builder = TeamViewBuilder(script: script)
        var members = 0
        var partners = 0
        for session in report.sessions {
            guard let person = builder.person(session), let level = person.levels[dimension], cell.contains(level) else {
                continue
            }
            if person.perspective == .member { members += 1 } else { partners += 1 }
        }
        return (members, partners)
    }
}
