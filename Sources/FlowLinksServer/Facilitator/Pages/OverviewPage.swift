import FlowLinksCore
import FlowLinksStore
import Foundation

/// All initiatives on the chart as a heat map, which questions confuse people, then each
/// initiative's movement over time.
struct OverviewPage {
    let session: FacilitatorSessions.Session
    let script: Script
    let overview: Overview
    /// How replies to each choice question went on each channel since the server started.
    var readings: [ReadingTally.Row] = []

    func render() -> HTML {
        let histories: [HTML] = overview.initiatives.map(history)
        let empty: HTML = overview.initiatives.isEmpty ? "<p class=\"count\">No finished sessions yet.</p>" : ""
        return Layout(title: "Overview", session: session).page(
            """
            <h1>Overview</h1>
            <p class="count">\(countLine)</p>
            \(heatMap)
            \(readingsSection)
            <h2>Each initiative over time</h2>
            \(empty)
            \(histories)
            """)
    }

    private var countLine: String {
        let count = overview.initiatives.count
        return "\(count) \(count == 1 ? "initiative" : "initiatives"), each placed by its latest finished session."
    }

    private var heatMap: HTML {
        let chart = script.chart
        let rows: [(name: String, counts: [EngagementLevel: Int])] =
            chart.rows.map { ($0.name, overview.cells[$0.dimension] ?? [:]) } + [("Recommended", overview.recommended)]
        let most = rows.flatMap { $0.counts.values }.max() ?? 0
        let header: [HTML] = chart.levels.map { "<th scope=\"col\">\($0.level.rawValue). \($0.name)</th>" }
        let body: [HTML] = rows.map { row in
            let cells: [HTML] = EngagementLevel.allCases.map { level in
                let count = row.counts[level] ?? 0
                return "<td class=\"heat-\(Self.shade(count, of: most))\">\(count)</td>"
            }
            return "<tr><th scope=\"row\">\(row.name)</th>\(cells)</tr>"
        }
        return """
            <table class="chart heat">
            <caption>How many initiatives sit at each level, per part of the chart (a shared cell counts at its highest \
            level), and how many were recommended each level. Darker cells hold more.</caption>
            <thead><tr><th scope="col">Dimension</th>\(header)</tr></thead>
            <tbody>\(body)</tbody>
            </table>
            """
    }

    /// 0 for none, up to 4 for the most: the cell's shade relative to the fullest cell.
    static func shade(_ count: Int, of most: Int) -> Int {
        guard count > 0, most > 0 else { return 0 }
        return max(1, (count * 4 + most - 1) / most)
    }

    private func history(_ history: InitiativeHistory) -> HTML {
        let name = Self.name(history)
        let rows: [HTML] = history.sessions.map { entry in
            """
            <tr><td>\(Self.day(entry.date))</td><td><a href="/facilitator/sessions/\(entry.id)">\(entry.id)</a></td>\
            <td>\(entry.overall.rawValue). \(script.chart.name(of: entry.overall))</td>\
            <td>\(entry.recommended.rawValue). \(script.chart.name(of: entry.recommended))</td></tr>
            """
        }
        return """
            <section class="initiative">
            <h3>\(name)</h3>
            \(TrendChart(script: script, name: name, sessions: history.sessions).render())
            <p class="legend">Solid line: overall level today. Dashed line: recommended level.</p>
            <table class="trend-numbers">
            <caption class="visually-hidden">\(name): levels by session</caption>
            <thead><tr><th scope="col">Finished</th><th scope="col">Session</th><th scope="col">Overall today</th>\
            <th scope="col">Recommended</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            </section>
            """
    }

    static func name(_ history: InitiativeHistory) -> String {
        let organization = history.organization.isEmpty ? "Unnamed organization" : history.organization
        let initiative = history.initiative.isEmpty ? "unnamed initiative" : history.initiative
        return "\(organization) — \(initiative)"
    }

    /// "2026-11-29", in UTC.
    static func day(_ date: Date) -> String { String(SessionsListPage.stamp(date).prefix(10)) }
}

/// A small inline SVG line chart of one initiative's overall level (solid) and recommended level
/// (dashed) across its sessions, with level names on the side and dates along the bottom.
struct TrendChart {
    let script: Script
    let name: String
    let sessions: [InitiativeHistory.Session]

    private let width = 360
    private let height = 172
    private let left = 96
    private let right = 20
    private let top = 12
    private let bottom = 40
    /// Space between the axis and the first and last points, so their dates fit.
    private let inset = 34

    func render() -> HTML {
        let levels: [HTML] = EngagementLevel.allCases.map { level in
            let y = self.y(level)
            return """
                <line class="grid" x1="\(left)" y1="\(y)" x2="\(width - right)" y2="\(y)"/>\
                <text class="axis" x="\(left - 6)" y="\(y + 4)" text-anchor="end">\(level.rawValue) \(script.chart.name(of: level))</text>
                """
        }
        let labelled = sessions.count <= 4 ? Array(sessions.indices) : [0, sessions.count - 1]
        let dates: [HTML] = labelled.map { index in
            "<text class=\"axis\" x=\"\(x(index))\" y=\"\(height - bottom + 18)\" text-anchor=\"middle\">\(OverviewPage.day(sessions[index].date))</text>"
        }
        return """
            <svg class="trend" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" role="img" aria-label="\(description)">
            <title>\(description)</title>
            \(levels)
            \(dates)
            \(line(\.recommended, kind: "recommended"))
            \(line(\.overall, kind: "overall"))
            </svg>
            """
    }

    private func line(_ level: KeyPath<InitiativeHistory.Session, EngagementLevel>, kind: String) -> HTML {
        let coordinates = sessions.indices.map { (x($0), y(sessions[$0][keyPath: level])) }
        let points = coordinates.map { "\($0.0),\($0.1)" }.joined(separator: " ")
        let dots: [HTML] = coordinates.map { "<circle class=\"point-\(kind)\" cx=\"\($0.0)\" cy=\"\($0.1)\" r=\"4\"/>" }
        return "<polyline class=\"line-\(kind)\" points=\"\(points)\"/>\(dots)"
    }

    private var description: String {
        let overall = sessions.map { "\(script.chart.name(of: $0.overall)) on \(OverviewPage.day($0.date))" }
        let recommended = sessions.map { script.chart.name(of: $0.recommended) }
        let noun = sessions.count == 1 ? "session" : "sessions"
        return "Overall level of \(name) across \(sessions.count) \(noun): \(overall.joined(separator: ", ")). "
            + "Recommended: \(recommended.joined(separator: ", "))."
    }

    private func x(_ index: Int) -> Int {
        let first = left + inset
        let span = width - right - inset - first
        return sessions.count < 2 ? first + span / 2 : first + index * span / (sessions.count - 1)
    }

    private func y(_ level: EngagementLevel) -> Int {
        top + (EngagementLevel.aligning.rawValue - level.rawValue) * (height - top - bottom) / 4
    }
}
