import FlowLinksCore

/// The chart drawn as a table: a row per dimension, a column per level, each dimension's cell
/// for today, its next step and the recommended level marked with words, not colour alone.
struct ChartGrid {
    let script: Script
    let recommendation: Recommendation

    func render() -> HTML {
        let chart = script.chart
        let header: [HTML] = chart.levels.map { "<th scope=\"col\">\($0.level.rawValue). \($0.name)</th>" }
        let rows: [HTML] = chart.rows.map(row)
        return """
            <table class="chart">
            <caption>Where each part of the chart sits today, the next step, and the recommended level</caption>
            <thead><tr><th scope="col">Dimension</th>\(header)</tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
    }

    private func row(_ row: Chart.Row) -> HTML {
        let advice = recommendation.advice(for: row.dimension)
        let cells: [HTML] = row.cells.map { cell in
            var marks: [String] = []
            var classes: [String] = []
            if advice?.current == cell.levels {
                marks.append("Today")
                classes.append("today")
            }
            if let next = advice?.next, cell.levels.contains(next) {
                marks.append("Next step")
                classes.append("next")
            }
            if cell.levels.contains(recommendation.recommended) {
                marks.append("Recommended")
                classes.append("recommended")
            }
            let labels: [HTML] = marks.map { "<strong class=\"mark\">\($0)</strong>" }
            let span = cell.levels.highest.rawValue - cell.levels.lowest.rawValue + 1
            if marks.isEmpty { classes.append("plain") }
            // why: on a phone the table becomes one short list per dimension, where the column
            // headers are gone; each cell then names its own level (CSS shows `data-level`).
            return """
                <td colspan="\(span)" class="\(classes.joined(separator: " "))" data-level="\(levelName(cell.levels))">\
                \(labels)<span>\(cell.text)</span></td>
                """
        }
        return "<tr><th scope=\"row\">\(row.name)</th>\(cells)</tr>"
    }

    /// "3. Consulting", or "1–3. Independent to Consulting" for a shared cell.
    private func levelName(_ levels: LevelSpan) -> String {
        let chart = script.chart
        guard levels.lowest != levels.highest else { return "\(levels.lowest.rawValue). \(chart.name(of: levels.lowest))" }
        return
            "\(levels.lowest.rawValue)–\(levels.highest.rawValue). \(chart.name(of: levels.lowest)) to \(chart.name(of: levels.highest))"
    }
}
