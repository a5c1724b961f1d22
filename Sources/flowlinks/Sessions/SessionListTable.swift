import FlowLinksCore
import FlowLinksStore
import Foundation

/// The sessions list as an aligned plain-text table, with a line saying which sessions it shows.
struct SessionListTable {
    let chart: Chart
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
                String(session.id), Self.created(session.createdAt), cell(session.channel), session.status.rawValue,
                cell(session.organization), cell(session.initiative),
                session.recommendedLevel.flatMap(EngagementLevel.init(rawValue:)).map { chart.name(of: $0) } ?? "—",
            ]
        }
        // why: widths in Characters, not UTF-16 units, so accented and other non-ASCII names line up.
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let lines = ([header] + rows).map { row in
            zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
                .replacing(/\s+$/, with: "")
        }
        let shown = "Showing \(positions.lowerBound)–\(positions.upperBound) of \(count(page.total))"
        return (lines + ["", shown]).joined(separator: "\n") + "\n"
    }

    /// A participant's text made safe for one table cell: control characters (a terminal's escape
    /// sequences, line breaks) become spaces, and long text is cut.
    func cell(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "—" }
        let flat = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        return flat.count > widest ? flat.prefix(widest - 1) + "…" : flat
    }

    func count(_ total: Int) -> String { total == 1 ? "1 session" : "\(total) sessions" }

    static func created(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
