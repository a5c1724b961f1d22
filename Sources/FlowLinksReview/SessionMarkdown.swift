import FlowLinksCore
import FlowLinksStore
import Foundation

/// One session as a Markdown document: facts, answers with their changes, the result and the transcript.
/// Every piece of stored text is escaped, so what a participant typed reads as text.
public struct SessionMarkdown: Sendable {
    public let session: ReviewedSession

    /// The zone its times are written in.
    public let time: DisplayTime

    public init(report: SessionReport, script: Script, time: DisplayTime = DisplayTime()) {
        self.time = time
        session = ReviewedSession(report: report, script: script)
    }

    /// The whole document.
    public func render() -> String {
        ([title] + [facts, answers, result, notes, transcript].map { $0.joined(separator: "\n") }).joined(separator: "\n\n")
            + "\n"
    }

    private var title: String {
        let organization = session.organization.map(MarkdownText.inline) ?? "Unnamed organization"
        let initiative = session.initiative.map(MarkdownText.inline) ?? "unnamed initiative"
        return "# \(organization): \(initiative)"
    }

    private var facts: [String] {
        let record = session.report.session
        var lines = [
            "## Session", "",
            "- Session: \(session.id)",
            "- Channel: \(MarkdownText.inline(record.channel))",
            "- Language: \(MarkdownText.inline(session.languageName))",
            "- Status: \(record.status.rawValue)",
            "- Started: \(time.stamp(record.createdAt))",
            "- Last activity: \(time.stamp(record.updatedAt))",
            "- Content version: \(MarkdownText.inline(record.contentVersion))",
        ]
        if let participant = record.participant { lines.append("- Participant: \(MarkdownText.inline(participant))") }
        return lines
    }

    private var answers: [String] {
        var lines = ["## Answers"]
        let steps = session.answeredSteps
        if steps.isEmpty { lines += ["", "No answers yet."] }
        for (index, step) in steps.enumerated() {
            lines += ["", "### \(index + 1). \(MarkdownText.inline(step.question))", ""]
            if let current = step.current {
                lines.append("- Answer: \(MarkdownText.listItemBody(session.words(of: current)))")
            } else {
                lines.append("- Answer: none now")
            }
            for earlier in step.earlier {
                let when =
                    "answered \(time.stamp(earlier.answeredAt)), changed \(earlier.replacedAt.map(time.stamp) ?? "")"
                lines.append("- Earlier (\(when)): \(MarkdownText.listItemBody(session.words(of: earlier)))")
            }
        }
        return lines
    }

    private var result: [String] {
        guard let stored = session.report.result else { return ["## Result", "", "No result yet: the session is not finished."] }
        let recommendation = stored.result.recommendation
        var lines = [
            "## Result", "",
            "- Recommended level: **\(session.name(of: recommendation.recommended))**",
            "- Desired level: \(session.name(of: recommendation.desired))",
            "- Where the initiative is today: \(session.name(of: recommendation.overallCurrent))",
            "- Highest level that fits: \(session.name(of: recommendation.fitCeiling)) (\(recommendation.fit.rawValue))",
            "- Words and actions: \(recommendation.wordsCheck.rawValue)",
            "", "### Per dimension",
        ]
        for advice in recommendation.dimensions {
            let row = session.script.chart.row(advice.dimension)?.name ?? advice.dimension.rawValue
            let next = advice.next.map { "next step \(session.name(of: $0))" } ?? "sustain"
            lines += ["", "- **\(MarkdownText.inline(row))**: today \(session.script.chart.name(of: advice.current)); \(next)"]
            lines += advice.actions.map { "  - \(MarkdownText.inline($0))" }
        }
        if let words = session.wordsAndActions {
            lines += ["", "### Words and actions", ""] + MarkdownText.lines(words).map { $0.isEmpty ? "" : $0 + "  " }
        }
        return lines
    }

    private var notes: [String] {
        var lines = ["## Facilitator notes", ""]
        if session.report.notes.isEmpty { lines.append("No notes.") }
        for note in session.report.notes {
            let edited = note.wasEdited ? ", edited \(time.stamp(note.updatedAt))" : ""
            let who = "\(MarkdownText.inline(note.author)), \(time.stamp(note.createdAt))\(edited)"
            lines.append("- **\(who):** \(MarkdownText.listItemBody(note.text))")
        }
        return lines
    }

    private var transcript: [String] {
        var lines = ["## Transcript", ""]
        if session.report.transcript.isEmpty { lines.append("No messages.") }
        for line in session.report.transcript {
            let who = line.direction == .outbound ? "FlowLinks" : MarkdownText.inline(line.participant ?? "Participant")
            lines.append("- **\(time.stamp(line.createdAt)) · \(who):** \(MarkdownText.listItemBody(line.text))")
            for choice in line.choices ?? [] { lines.append("  \(choice.number). \(MarkdownText.inline(choice.label))") }
        }
        return lines
    }
}
