import FlowLinksChannels
import FlowLinksCore
import FlowLinksReview
import FlowLinksStore
import Foundation

/// One workshop: how to join (with a QR code for a projected slide), every team's chart at a
/// glance, each team's numbers, and the downloads.
struct WorkshopPage {
    let session: FacilitatorSessions.Session
    let workshop: ReviewedWorkshop
    let join: JoinInstructions
    let time: DisplayTime
    let now: Date

    func render() -> HTML {
        let record = workshop.workshop
        let base = "/facilitator/workshops/\(record.code)"
        return Layout(title: record.name, session: session).page(
            """
            <h1>\(record.name)</h1>
            <p class="facts">Code <strong class="code">\(record.code)</strong> · \(workshop.status(at: now)) · \
            joined \(workshop.report.listing.joined) · finished \(workshop.report.listing.finished)\(closes)\(follows)</p>
            \(JoinPanel(join: join).render())
            <p class="actions"><a href="\(base)/live">Live wall for the meeting</a> · Download: \
            <a href="\(base)/export.md">Markdown</a>, <a href="\(base)/export.json">JSON</a>, \
            <a href="\(base)/export.csv">CSV</a> · <a href="\(base)/qr.svg">QR code image</a></p>
            \(closeForm)
            <h2>Teams at a glance</h2>
            \(glance)
            \(teams)
            """)
    }

    private var closes: HTML {
        guard let closes = workshop.workshop.closesAt else { return "" }
        return " · closes \(time.stamp(closes))"
    }

    private var follows: HTML {
        guard let earlier = workshop.report.follows else { return "" }
        return " · follows <a href=\"/facilitator/workshops/\(earlier.code)\">\(earlier.name)</a>"
    }

    private var closeForm: HTML {
        guard workshop.workshop.isOpen(at: now) else { return "" }
        return """
            <form method="post" action="/facilitator/workshops/\(workshop.workshop.code)/close" class="inline close">
            <input type="hidden" name="csrf" value="\(session.csrfToken)">
            <button type="submit">Close to new people</button></form>
            """
    }

    private var glance: HTML {
        guard !workshop.teams.isEmpty else { return "<p>No one has finished yet. Teams appear here as people finish.</p>" }
        let items: [HTML] = workshop.teams.map { team in
            "<li><a href=\"#\(anchor(team))\">\(team.organization): \(team.initiative)</a> · \(ReviewedWorkshop.people(in: team, separator: ", "))\(team.flags.isEmpty ? "" : " · " + ReviewedWorkshop.count(team.flags.count, "flag"))</li>"
        }
        return "<ul class=\"teams\">\(items)</ul>"
    }

    private var teams: HTML {
        let sections: [HTML] = workshop.teams.map { team in
            let report = "/facilitator/workshops/\(workshop.workshop.code)/team?\(TeamQuery(team: team).queryString)"
            return """
                <section class="team" id="\(anchor(team))">
                <h2>\(team.organization): \(team.initiative)</h2>
                <p class="facts">\(ReviewedWorkshop.people(in: team)) · \
                <a href="\(report)">Printable team report</a></p>
                \(TeamDetails(team: team, workshop: workshop).render())
                </section>
                """
        }
        return "\(sections)"
    }

    private func anchor(_ team: TeamView) -> String {
        "team-\(workshop.teams.firstIndex { $0.key == team.key } ?? 0)"
    }
}

/// How to join: the QR code and each channel's way in.
struct JoinPanel {
    let join: JoinInstructions

    func render() -> HTML {
        let ways: [HTML] = join.ways.map { way in
            if let link = way.link {
                return
                    "<li><strong>\(way.channel)</strong>: <a href=\"\(link)\">\(link)</a><br><span class=\"facts\">\(way.hint ?? way.text)</span></li>"
            }
            return "<li><strong>\(way.channel)</strong>: \(way.text)</li>"
        }
        let qr = QRCode(text: join.qrText).map { HTML(trusted: $0.svg(label: "QR code: \(join.qrText)")) } ?? ""
        return """
            <section class="join" aria-labelledby="join-heading">
            <h2 id="join-heading">How to join</h2>
            <div class="join-grid">
            <figure class="qr">\(qr)<figcaption class="qr-text">\(join.qrText)</figcaption></figure>
            <div><p>In any chat with FlowLinks, send <strong class="code">\(join.joinText)</strong>.</p>
            <ul class="ways">\(ways)</ul></div>
            </div>
            </section>
            """
    }
}

/// A team named in a link: its organization and initiative as given.
struct TeamQuery {
    let organization: String
    let initiative: String

    init(team: TeamView) {
        organization = team.organization
        initiative = team.initiative
    }

    init?(queryString: String?) {
        guard let form = FormBody(Array((queryString ?? "").utf8)), let organization = form["organization"],
            let initiative = form["initiative"]
        else { return nil }
        self.organization = organization
        self.initiative = initiative
    }

    var queryString: String {
        "organization=\(Self.encode(organization))&initiative=\(Self.encode(initiative))"
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
