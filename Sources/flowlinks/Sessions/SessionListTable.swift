import FlowLinksCore
import FlowLinksReview
import FlowLinksStore
import Foundation

/// The sessions list as an aligned plain-text table, with a line saying which sessions it shows.
struct SessionListTable {
    let chart: Chart
    let time: DisplayTime
    /// Longer answers are cut, so one long name does not push the table off the screen.
    var widest = 32

    func render(_ page: SessionPage) -> String {
        guard let positions = page.positions else {
            if page.total == 0 { return "No sessions match.\n" }
            let pages = page.pageCount == 1 ? "1 page" : "\(page.pageCount) pages"
            return "Page \(page.page) is past the end: \(count(page.total)) in \(pages).\n"
        }
        let header = ["ID", "CREATED", "CHANNEL", "STATUS", "ORGANIZATION", "INITIATIVE", "LEVEL"]
        let rows = page.sessions.map { session in
            [
                String(session.id), time.stamp(session.createdAt), cell(session.channel), session.status.rawValue,
                cell(session.organization), cell(session.initiative),
                session.recommendedLevel.flatMap(EngagementLevel.init(rawValue:)).map { chart.name(of: $0) } ?? "—",
            ]
        }
        let lines = TextTable(header: header, rows: rows).lines
        let shown = "Showing \(positions.lowerBound)–\(positions.upperBound) of \(count(page.total))"
        return (lines + ["", shown]).joined(separator: "\n") + "\n"
    }

    /// A participant's text made safe for one table cell, and cut when long.
    func cell(_ text: String?) -> String { TextTable.cell(text, widest: widest) }

    func count(_ total: Int) -> String { total == 1 ? "1 session" : "\(total) sessions" }
}
