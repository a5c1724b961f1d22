import FlowLinksCore

/// The overview's table of how replies to each choice question went, per channel, so facilitators
/// can see which question confuses people.
extension OverviewPage {
    /// The outcomes shown, in the order a reply can go, with their column headings.
    static let readingColumns: [(outcome: ReadingOutcome, heading: String)] = [
        (.taken, "Understood"), (.confirming, "Checked"), (.confirmed, "Confirmed"), (.declined, "Corrected"),
        (.reasked, "Asked again"), (.reaskedTwice, "Asked a second time"), (.abandoned, "Left"),
    ]

    var readingsSection: HTML {
        let intro =
            "How people's typed replies to each choice question went since the server last started, by channel. "
            + "Understood: kept at once. Checked: the bot asked \u{201C}is that right?\u{201D}. Asked a second time: "
            + "not understood twice in a row. Left: paused, restarted or went quiet after a miss."
        guard !readings.isEmpty else {
            return
                "<h2>Which questions confuse people</h2>\n<p class=\"count\">\(intro)</p>\n<p class=\"count\">No replies yet.</p>"
        }
        let header: [HTML] = Self.readingColumns.map { "<th scope=\"col\">\($0.heading)</th>" }
        let rows: [HTML] = readings.map { row in
            let cells: [HTML] = Self.readingColumns.map { column in "<td>\(row.counts[column.outcome] ?? 0)</td>" }
            let missed = Int((row.missRate * 100).rounded())
            let flag: HTML = missed >= 20 ? " class=\"confusing\"" : ""
            return """
                <tr\(flag)><th scope="row">\(questionName(row.step))</th><td>\(row.channel)</td>\(cells)\
                <td>\(missed) %</td></tr>
                """
        }
        return """
            <h2>Which questions confuse people</h2>
            <p class="count">\(intro)</p>
            <table class="readings">
            <caption class="visually-hidden">Replies to each choice question by outcome and channel</caption>
            <thead><tr><th scope="col">Question</th><th scope="col">Channel</th>\(header)\
            <th scope="col">Not understood</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
    }

    /// The question as the script words it, without placeholders, cut to a table cell.
    private func questionName(_ step: StepID) -> String {
        guard let question = script.everyChoiceStep.first(where: { $0.id == step })?.question else { return step }
        let plain = Template(question).render(["initiative": "this initiative", "organization": "your organization"])
        return plain.count <= 70 ? plain : String(plain.prefix(69)) + "…"
    }
}
