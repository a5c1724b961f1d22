import FlowLinksCore
import FlowLinksReview

/// One team's numbers for facilitators: each row's member and partner levels (with links to the
/// sessions), middle level, spread and flags; the team recommendation with its reasoning; the
/// discussion questions; and movement since the earlier workshop.
struct TeamDetails {
    let team: TeamView
    let workshop: ReviewedWorkshop
    /// Links to each person's session; off on the printed report, which names no one.
    var linksSessions = true

    func render() -> HTML {
        """
        \(TeamMarks(team: team, script: workshop.script).render())
        \(rows)
        \(otherFlags)
        \(recommendation)
        <h3>Questions for the discussion</h3>
        <ol class="discussion">\(team.discussion.map { "<li>\($0)</li>" as HTML })</ol>
        \(movement)
        """
    }

    private var rows: HTML {
        let lines: [HTML] = team.dimensions.map { row in
            let flags = row.flags.map(workshop.describe)
            return """
                <tr><th scope="row">\(workshop.rowName(row.dimension))</th>\
                <td data-label="Members">\(levels(of: .member, on: row.dimension))</td>\
                <td data-label="Partners">\(levels(of: .partner, on: row.dimension))</td>\
                <td data-label="Middle">\(row.middle.map(workshop.levelName) ?? "–")</td>\
                <td data-label="Partners' middle">\(row.partnerMiddle.map(workshop.levelName) ?? "–")</td>\
                <td data-label="Spread">\(row.spread)</td>\
                <td data-label="Flags">\(flags.isEmpty ? "–" : flags.joined(separator: "; "))</td></tr>
                """
        }
        return """
            <table class="team-rows"><caption>Each person's level, lowest first</caption>
            <thead><tr><th scope="col">Row</th><th scope="col">Members</th><th scope="col">Partners</th>\
            <th scope="col">Middle</th><th scope="col">Partners' middle</th><th scope="col">Spread</th>\
            <th scope="col">Flags</th></tr></thead>
            <tbody>\(lines)</tbody></table>
            """
    }

    /// "2, 3, 4", each a link to its session on the web pages.
    private func levels(of perspective: Perspective, on dimension: EngagementDimension) -> HTML {
        let people = (perspective == .member ? team.members : team.partners)
            .compactMap { person in person.levels[dimension].map { (person.sessionID, $0) } }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        guard !people.isEmpty else { return "–" }
        let items: [HTML] = people.map { id, level in
            linksSessions ? "<a href=\"/facilitator/sessions/\(id)\">\(level.rawValue)</a>" : "\(level.rawValue)"
        }
        return HTML(trusted: items.map(\.text).joined(separator: ", "))
    }

    private var otherFlags: HTML {
        let other = team.flags.filter { flag in !team.dimensions.contains { $0.flags.contains(flag) } }
        guard !other.isEmpty else { return "" }
        return "<p class=\"flags\"><strong>Flags:</strong> \(other.map(workshop.describe).joined(separator: "; ")).</p>"
    }

    private var recommendation: HTML {
        guard let team = team.recommendation else {
            return "<p class=\"facts\">No team recommendation yet: it needs members who finished.</p>"
        }
        return """
            <h3>Team recommendation: \(workshop.levelName(team.recommendation.recommended))</h3>
            <ul class="reasoning">\(team.reasoning.map { "<li>\($0)</li>" as HTML })</ul>
            """
    }

    private var movement: HTML {
        guard !team.movement.isEmpty else { return "" }
        let since = workshop.report.follows?.name ?? "the earlier workshop"
        let items: [HTML] = team.movement.map { move in
            let sign = move.change > 0 ? "+\(move.change)" : "\(move.change)"
            return
                "<li>\(workshop.rowName(move.dimension)): \(workshop.levelName(move.before)) → \(workshop.levelName(move.now)) (\(sign))</li>"
        }
        return "<h3>Movement since \(since)</h3><ul class=\"movement\">\(items)</ul>"
    }
}
