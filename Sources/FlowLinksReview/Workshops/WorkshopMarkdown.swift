import FlowLinksCore
import FlowLinksStore
import Foundation

/// A workshop's team views as Markdown, for a meeting's notes: per team, each row's member and
/// partner levels, the middle level, the spread and flags, the team recommendation with its
/// reasoning, the discussion questions and any movement since the workshop it follows.
public struct WorkshopMarkdown: Sendable {
    public let workshop: ReviewedWorkshop
    public let time: DisplayTime
    public let now: Date

    public init(workshop: ReviewedWorkshop, time: DisplayTime = DisplayTime(), now: Date) {
        self.workshop = workshop
        self.time = time
        self.now = now
    }

    public func render() -> String {
        let record = workshop.workshop
        let listing = workshop.report.listing
        var lines = [
            "# Workshop: \(MarkdownText.inline(record.name)) (\(record.code))", "",
            "- Status: \(workshop.status(at: now))",
            "- Created: \(time.stamp(record.createdAt))",
            "- Joined: \(listing.joined), finished: \(listing.finished)",
        ]
        if let closes = record.closesAt { lines.append("- Closes: \(time.stamp(closes))") }
        if let follows = workshop.report.follows {
            lines.append("- Follows: \(MarkdownText.inline(follows.name)) (\(follows.code))")
        }
        if workshop.teams.isEmpty { lines += ["", "No one has finished yet."] }
        for team in workshop.teams { lines += [""] + section(team) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One team's part of the document.
    public func section(_ team: TeamView) -> [String] {
        var lines = [
            "## \(MarkdownText.inline(team.organization)): \(MarkdownText.inline(team.initiative))", "",
            "Members: \(team.members.count), partners: \(team.partners.count).", "",
            "| Row | Members | Partners | Middle | Partners' middle | Spread | Flags |",
            "|---|---|---|---|---|---|---|",
        ]
        for row in team.dimensions {
            let flags = row.flags.map(workshop.describe).joined(separator: "; ")
            lines.append(
                "| \(workshop.rowName(row.dimension)) | \(ReviewedWorkshop.numbers(row.memberLevels)) | "
                    + "\(ReviewedWorkshop.numbers(row.partnerLevels)) | \(row.middle.map(workshop.levelName) ?? "–") | "
                    + "\(row.partnerMiddle.map(workshop.levelName) ?? "–") | \(row.spread) | \(flags.isEmpty ? "–" : flags) |")
        }
        let other = team.flags.filter { flag in !team.dimensions.contains { $0.flags.contains(flag) } }
        if !other.isEmpty { lines += ["", "Flags: " + other.map(workshop.describe).joined(separator: "; ") + "."] }
        if let recommendation = team.recommendation {
            lines += ["", "### Team recommendation: \(workshop.levelName(recommendation.recommendation.recommended))", ""]
            lines += recommendation.reasoning.map { "- " + MarkdownText.inline($0) }
        }
        lines += ["", "### Questions for the discussion", ""]
        lines += team.discussion.enumerated().map { "\($0 + 1). " + MarkdownText.inline($1) }
        if !team.movement.isEmpty {
            lines += [
                "", "### Movement since \(MarkdownText.inline(workshop.report.follows?.name ?? "the earlier workshop"))", "",
            ]
            lines += team.movement.map { move in
                let sign = move.change > 0 ? "+\(move.change)" : "\(move.change)"
                return "- \(workshop.rowName(move.dimension)): \(workshop.levelName(move.before)) → "
                    + "\(workshop.levelName(move.now)) (\(sign))"
            }
        }
        return lines
    }
}
