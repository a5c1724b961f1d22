import FlowLinksCore
import FlowLinksReview
import Foundation

/// One team's report to print on one page for the meeting: the marks on the chart, each row's
/// numbers, the team recommendation and the discussion questions. Names no one.
struct TeamReportPage {
    let session: FacilitatorSessions.Session
    let workshop: ReviewedWorkshop
    let team: TeamView
    let time: DisplayTime
    let now: Date

    func render() -> HTML {
        let record = workshop.workshop
        return Layout(title: "Team report · \(team.organization): \(team.initiative)", session: session).page(
            """
            <article class="team-report">
            <h1>\(team.organization): \(team.initiative)</h1>
            <p class="facts">\(record.name) (\(record.code)) · \(ReviewedWorkshop.people(in: team)) · \
            \(time.stamp(now))</p>
            \(TeamDetails(team: team, workshop: workshop, linksSessions: false).render())
            <p class="actions"><a href="/facilitator/workshops/\(record.code)">Back to the workshop</a> · \
            use your browser's Print to make a one-page handout.</p>
            </article>
            """)
    }
}
