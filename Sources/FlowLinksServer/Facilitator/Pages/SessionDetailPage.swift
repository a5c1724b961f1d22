import FlowLinksCore
import FlowLinksReview
import FlowLinksStore
import Foundation

/// One session: the result on the chart, the answers with their changes, the transcript as a chat.
struct SessionDetailPage {
    let session: FacilitatorSessions.Session
    let reviewed: ReviewedSession
    let notes: [FacilitatorNote]
    let time: DisplayTime

    func render() -> HTML {
        let facts = reviewed.report.session
        let title = [reviewed.organization, reviewed.initiative].compactMap { $0 }.joined(separator: ": ")
        return Layout(title: title.isEmpty ? "Session \(reviewed.id)" : title, session: session).page(
            """
            <h1>\(title.isEmpty ? "Session \(reviewed.id)" : title)</h1>
            <p class="facts">Session \(reviewed.id) · \(facts.channel) · \(reviewed.languageName) · \(facts.status.rawValue) · started \
            \(time.stamp(facts.createdAt))</p>
            <p class="actions"><a href="/facilitator/sessions/\(reviewed.id)/export.md">Markdown</a> · \
            <a href="/facilitator/sessions/\(reviewed.id)/export.json">JSON</a>\(summaryLink)</p>
            \(result)
            \(notesSection)
            <section aria-labelledby="answers"><h2 id="answers">Answers</h2>\(answers)</section>
            <section aria-labelledby="transcript"><h2 id="transcript">Transcript</h2>\(transcript)</section>
            """)
    }

    /// The printable summary, offered only when there is a result to summarize.
    private var summaryLink: HTML {
        guard reviewed.report.result != nil else { return "" }
        return " · <a href=\"/facilitator/sessions/\(reviewed.id)/summary\">One-page summary</a>"
    }

    private var result: HTML {
        guard let stored = reviewed.result else {
            return "<section><h2>Result</h2><p>No result yet: the session is not finished.</p></section>"
        }
        let parts: [HTML] = reviewed.facilitatorParts.map { "<p class=\"part\">\($0.text)</p>" }
        return """
            <section aria-labelledby="result"><h2 id="result">Result</h2>
            \(ChartGrid(script: reviewed.script, recommendation: stored.recommendation).render())
            <div class="rationale">\(parts)</div>
            </section>
            """
    }

    private var notesSection: HTML {
        let items: [HTML] = notes.map { note in
            let edited: HTML = note.wasEdited ? " · edited \(time.stamp(note.updatedAt))" : ""
            return """
                <li><p class="who">\(note.author) <time>\(time.stamp(note.createdAt))</time>\(edited)</p>\
                <p class="text">\(note.text)</p>\(note.author == session.username ? editor(for: note) : "")</li>
                """
        }
        return """
            <section aria-labelledby="notes"><h2 id="notes">Facilitator notes</h2>
            <ol class="notes">\(items)</ol>
            <form method="post" action="/facilitator/sessions/\(reviewed.id)/notes" class="stacked">
            <input type="hidden" name="csrf" value="\(session.csrfToken)">
            <label for="new-note">Add a note</label>
            <textarea id="new-note" name="text" rows="3" required maxlength="\(FacilitatorPages.noteLimit)"></textarea>
            <button type="submit">Add note</button>
            </form>
            </section>
            """
    }

    private func editor(for note: FacilitatorNote) -> HTML {
        let id = note.id ?? 0
        return """
            <details><summary>Edit</summary>
            <form method="post" action="/facilitator/sessions/\(reviewed.id)/notes/\(id)" class="stacked">
            <input type="hidden" name="csrf" value="\(session.csrfToken)">
            <label for="note-\(id)">Note</label>
            <textarea id="note-\(id)" name="text" rows="4" required maxlength="\(FacilitatorPages.noteLimit)">\(note.text)</textarea>
            <button type="submit">Save</button>
            </form></details>
            """
    }

    private var answers: HTML {
        let items: [HTML] = reviewed.answeredSteps.map { step in
            let current: HTML =
                step.current.map { "<p class=\"answer\">\(reviewed.words(of: $0))</p>" } ?? "<p>No answer now.</p>"
            let earlier: [HTML] = step.earlier.map { answer in
                "<li>\(reviewed.words(of: answer)) <span class=\"when\">(until \(time.stamp(answer.replacedAt ?? answer.answeredAt)))</span></li>"
            }
            let changes: HTML = earlier.isEmpty ? "" : "<details><summary>Changed answers</summary><ul>\(earlier)</ul></details>"
            return "<li><p class=\"question\">\(step.question)</p>\(current)\(changes)</li>"
        }
        return "<ol class=\"answers\">\(items)</ol>"
    }

    private var transcript: HTML {
        let lines: [HTML] = reviewed.report.transcript.map { line in
            let inbound = line.direction == .inbound
            let who = inbound ? (line.participant ?? "Participant") : "FlowLinks"
            // why: the numbers are part of what the person saw, so they are text, not list markers.
            let choices: [HTML] = (line.choices ?? []).map { "<li>\($0.number). \($0.label)</li>" }
            let list: HTML = choices.isEmpty ? "" : "<ul class=\"choices\">\(choices)</ul>"
            return """
                <li class="\(inbound ? "in" : "out")"><p class="who">\(who) <time>\(time.stamp(line.createdAt))</time></p>\
                <p class="text">\(line.text)</p>\(list)</li>
                """
        }
        return "<ol class=\"chat\">\(lines)</ol>"
    }
}
