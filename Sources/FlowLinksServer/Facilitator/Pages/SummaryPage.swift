import FlowLinksCore
import FlowLinksReview
import FlowLinksStore

/// A one-page summary to print for a meeting: who, the chart, the recommendation and next steps.
struct SummaryPage {
    let session: FacilitatorSessions.Session
    let reviewed: ReviewedSession
    let time: DisplayTime

    func render() -> HTML {
        let name = [reviewed.organization, reviewed.initiative].compactMap { $0 }.joined(separator: ": ")
        let title = name.isEmpty ? "Session \(reviewed.id)" : name
        guard let stored = reviewed.result else {
            return Layout(title: title, session: session).page(
                "<h1>\(title)</h1><p>This session has no result yet, so there is nothing to summarize.</p>")
        }
        let parts: [HTML] = reviewed.facilitatorParts.map { "<p class=\"part\">\($0.text)</p>" }
        return Layout(title: "Summary · \(title)", session: session).page(
            """
            <article class="summary">
            <h1>\(title)</h1>
            <p class="facts">Flow and Links reflection · session \(reviewed.id) · \
            \(time.stamp(reviewed.report.session.updatedAt))</p>
            \(ChartGrid(script: reviewed.script, recommendation: stored.recommendation).render())
            <div class="rationale">\(parts)</div>
            <p class="actions"><a href="/facilitator/sessions/\(reviewed.id)">Back to the session</a> · \
            use your browser's Print to make a one-page handout.</p>
            </article>
            """)
    }
}
