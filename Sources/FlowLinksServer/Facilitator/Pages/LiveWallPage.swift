import FlowLinksReview
import Foundation

/// The page to project during the meeting: how many joined and finished, and everyone's marks on
/// the chart once enough people finished. It reloads itself every few seconds without a script
/// (the pages' Content-Security-Policy allows none), and shows no names or single answers.
struct LiveWallPage {
    let session: FacilitatorSessions.Session
    let workshop: ReviewedWorkshop
    let join: JoinInstructions
    /// Seconds between reloads.
    static let refreshSeconds = 5

    func render() -> HTML {
        let listing = workshop.report.listing
        let minimum = workshop.script.workshop.rules.minimumPeople
        let chart: HTML =
            listing.finished >= minimum
            ? TeamMarks(workshop: workshop).render()
            : "<p class=\"waiting\">The chart appears once \(minimum) people have finished.</p>"
        let teams: [HTML] = workshop.teams.map { team in
            "<li>\(team.organization): \(team.initiative) · \(ReviewedWorkshop.people(in: team, separator: ", "))</li>"
        }
        return Layout(title: "Live · \(workshop.workshop.name)", session: session, refreshSeconds: Self.refreshSeconds).page(
            """
            <article class="live">
            <h1>\(workshop.workshop.name)</h1>
            <p class="join-line">Join: send <strong class="code">\(join.joinText)</strong>\(joinLink)</p>
            <dl class="counts">
            <div><dt>Joined</dt><dd id="joined">\(listing.joined)</dd></div>
            <div><dt>Finished</dt><dd id="finished">\(listing.finished)</dd></div>
            </dl>
            \(chart)
            <ul class="teams">\(teams)</ul>
            <p class="facts">Updates every \(Self.refreshSeconds) seconds. \
            <a href="/facilitator/workshops/\(workshop.workshop.code)">Back to the workshop</a></p>
            </article>
            """)
    }

    private var joinLink: HTML {
        guard let link = join.ways.compactMap(\.link).first else { return "" }
        return " or open <strong>\(link)</strong>"
    }
}
