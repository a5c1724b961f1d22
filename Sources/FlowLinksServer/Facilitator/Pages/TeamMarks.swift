import FlowLinksCore
import FlowLinksReview

/// The chart with people's marks: for each row and cell, how many members (M) and partners (P)
/// placed it there, and where the team's middle level sits. Letters and counts carry the
/// meaning, so it reads without colour; on a phone it becomes one short list per row.
struct TeamMarks {
    let script: Script
    let caption: String
    /// Members' and partners' counts in a row's cell.
    let count: (EngagementDimension, LevelSpan) -> (members: Int, partners: Int)
    /// The members' middle level per row, when there is one to mark.
    var middle: (EngagementDimension) -> EngagementLevel? = { _ in nil }

    func render() -> HTML {
        let header: [HTML] = script.chart.levels.map { "<th scope=\"col\">\($0.level.rawValue). \($0.name)</th>" }
        let rows: [HTML] = script.chart.rows.map(row)
        return """
            <table class="chart marks">
            <caption>\(caption) M = members, P = partners.</caption>
            <thead><tr><th scope="col">Row</th>\(header)</tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
    }

    private func row(_ row: Chart.Row) -> HTML {
        let cells: [HTML] = row.cells.map { cell in
            let (members, partners) = count(row.dimension, cell.levels)
            var marks: [HTML] = []
            if members > 0 { marks.append("<strong class=\"mark member\">M×\(members)</strong>") }
            if partners > 0 { marks.append("<strong class=\"mark partner\">P×\(partners)</strong>") }
            if let middle = middle(row.dimension), cell.levels.contains(middle) {
                marks.append("<strong class=\"mark middle\">Middle</strong>")
            }
            let span = cell.levels.highest.rawValue - cell.levels.lowest.rawValue + 1
            let name = levelName(cell.levels)
            return """
                <td colspan="\(span)" class="\(marks.isEmpty ? "plain" : "marked")" data-level="\(name)">\(marks)\
                <span>\(cell.text)</span></td>
                """
        }
        return "<tr><th scope=\"row\">\(row.name)</th>\(cells)</tr>"
    }

    private func levelName(_ levels: LevelSpan) -> String {
        let chart = script.chart
        guard levels.lowest != levels.highest else { return "\(levels.lowest.rawValue). \(chart.name(of: levels.lowest))" }
        return "\(levels.lowest.rawValue)–\(levels.highest.rawValue). \(chart.name(of: levels))"
    }
}

extension TeamMarks {
    /// One team's marks.
    init(team: TeamView, script: Script) {
        self.init(
            script: script, caption: "Where each person placed \(team.initiative) today.",
            count: { dimension, cell in
                let row = team.dimension(dimension)
                return (
                    row?.memberLevels.filter(cell.contains).count ?? 0, row?.partnerLevels.filter(cell.contains).count ?? 0
                )
            },
            middle: { team.dimension($0)?.middle })
    }

    /// Everyone who finished in the workshop.
    init(workshop: ReviewedWorkshop) {
        self.init(
            script: workshop.script, caption: "Where everyone who finished placed their initiative today.",
            count: { workshop.marks($0, cell: $1) })
    }
}
