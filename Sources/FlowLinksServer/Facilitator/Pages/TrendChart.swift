import FlowLinksCore
import FlowLinksReview
import FlowLinksStore

/// A small inline SVG line chart of one initiative's overall level (solid) and recommended level
/// (dashed) across its sessions, with level names on the side and dates along the bottom.
struct TrendChart {
    let script: Script
    let name: String
    let sessions: [InitiativeHistory.Session]
    let time: DisplayTime

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
        let dates: [HTML] = labelledDates().map { index in
            "<text class=\"axis\" x=\"\(x(index))\" y=\"\(height - bottom + 18)\" text-anchor=\"middle\">\(time.day(sessions[index].date))</text>"
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
        // why: the ring is wider than the dot, so a recommended level equal to today's still shows.
        let radius = kind == "recommended" ? 7 : 3.5
        let dots: [HTML] = coordinates.map { "<circle class=\"point-\(kind)\" cx=\"\($0.0)\" cy=\"\($0.1)\" r=\"\(radius)\"/>" }
        return "<polyline class=\"line-\(kind)\" points=\"\(points)\"/>\(dots)"
    }

    /// The sessions whose date is written under the axis: the first, then each later one on a new
    /// day and far enough from the last label that the two do not overlap.
    private func labelledDates() -> [Int] {
        var labelled: [Int] = []
        for index in sessions.indices {
            guard let last = labelled.last else {
                labelled.append(index)
                continue
            }
            let newDay = time.day(sessions[index].date) != time.day(sessions[last].date)
            if newDay, x(index) - x(last) >= Self.dateLabelWidth { labelled.append(index) }
        }
        return labelled
    }

    /// About how wide a "2026-11-29" label is at the axis' font size, with a gap.
    private static let dateLabelWidth = 66

    private var description: String {
        let overall = sessions.map { "\(script.chart.name(of: $0.overall)) on \(time.day($0.date))" }
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
