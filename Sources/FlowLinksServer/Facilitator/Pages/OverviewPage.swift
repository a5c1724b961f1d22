import FlowLinksCore
import FlowLinksReview
import FlowLinksStore
import Foundation

/// All initiatives on the chart as a heat map, which questions confuse people, then each
/// initiative's movement over time.
struct OverviewPage {
    let session: FacilitatorSessions.Session
    let script: Script
    let overview: Overview
    let time: DisplayTime
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
        // why: drawn cell by cell, like the chart itself: the resources row's shared 1–3 cell is
        // one cell here too, so no initiative appears at a level its own page does not show.
        let rows: [(name: String, cells: [(levels: LevelSpan, count: Int)])] =
            chart.rows.map { row in
                (row.name, row.cells.map { ($0.levels, overview.count(row.dimension, in: $0.levels)) })
            } + [("Recommended", EngagementLevel.allCases.map { (LevelSpan($0), overview.recommended[$0] ?? 0) })]
        let most = rows.flatMap { $0.cells.map(\.count) }.max() ?? 0
        // why: on a phone five level names do not fit across; the numbers stay, and the legend
        // under the table says what they stand for.
        let header: [HTML] = chart.levels.map {
            "<th scope=\"col\">\($0.level.rawValue).<span class=\"level-name\"> \($0.name)</span></th>"
        }
        let key = chart.levels.map { "\($0.level.rawValue) \($0.name)" }.joined(separator: " · ")
        let body: [HTML] = rows.map { row in
            let cells: [HTML] = row.cells.map { cell in
                let span = cell.levels.highest.rawValue - cell.levels.lowest.rawValue + 1
                let colspan: HTML = span > 1 ? " colspan=\"\(span)\"" : ""
                return "<td\(colspan) class=\"heat-\(Self.shade(cell.count, of: most))\">\(cell.count)</td>"
            }
            return "<tr><th scope=\"row\">\(row.name)</th>\(cells)</tr>"
        }
        return """
            <div class="chart-frame">
            <table class="chart heat">
            <caption>How many initiatives sit in each cell of the chart (by their latest finished session), and how \
            many were recommended each level. A cell the chart shares between levels, such as "resources and funding \
            remain within the organization" (Independent to Consulting), is one cell here too. Darker cells hold more.</caption>
            <thead><tr><th scope="col">Dimension</th>\(header)</tr></thead>
            <tbody>\(body)</tbody>
            </table>
            <p class="legend level-key">\(key)</p>
            </div>
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
            <tr><td>\(time.day(entry.date))</td><td><a href="/facilitator/sessions/\(entry.id)">\(entry.id)</a></td>\
            <td>\(entry.overall.rawValue). \(script.chart.name(of: entry.overall))</td>\
            <td>\(entry.recommended.rawValue). \(script.chart.name(of: entry.recommended))</td></tr>
            """
        }
        return """
            <section class="initiative">
            <h3>\(name)</h3>
            \(TrendChart(script: script, name: name, sessions: history.sessions, time: time).render())
            <p class="legend">Solid line and filled dots: the overall level today, session by session. Dashed line \
            and rings: the recommended level. A dot inside a ring: today is already the recommended level.</p>
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
}
