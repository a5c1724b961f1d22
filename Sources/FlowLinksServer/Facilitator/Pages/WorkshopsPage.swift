import FlowLinksReview
import FlowLinksStore
import Foundation

/// Every workshop with its code and counts, and the form that creates one.
struct WorkshopsPage {
    let session: FacilitatorSessions.Session
    let workshops: [WorkshopListing]
    let time: DisplayTime
    let now: Date

    func render() -> HTML {
        let rows: [HTML] = workshops.map { listing in
            let workshop = listing.workshop
            return """
                <tr><td class="session"><a href="/facilitator/workshops/\(workshop.code)">\(workshop.name)</a></td>\
                <td class="detail" data-label="Code"><code>\(workshop.code)</code></td>\
                <td class="detail">\(workshop.isOpen(at: now) ? "open" : "closed")</td>\
                <td class="detail" data-label="Joined">\(listing.joined)</td>\
                <td class="detail" data-label="Finished">\(listing.finished)</td>\
                <td class="detail">\(time.stamp(workshop.createdAt))</td></tr>
                """
        }
        let list: HTML =
            workshops.isEmpty
            ? "<p>No workshops yet. Create one below; people join it with its code on any channel.</p>"
            : """
            <table class="sessions workshops"><thead><tr><th scope="col">Workshop</th><th scope="col">Code</th>\
            <th scope="col">Status</th><th scope="col">Joined</th><th scope="col">Finished</th>\
            <th scope="col">Created</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        return Layout(title: "Workshops", session: session).page(
            """
            <h1>Workshops</h1>
            \(list)
            <h2 id="new">New workshop</h2>
            <form method="post" action="/facilitator/workshops" class="stacked">
            <input type="hidden" name="csrf" value="\(session.csrfToken)">
            <label for="name">Name</label>
            <input id="name" name="name" required maxlength="200">
            <label for="organizations">Organizations, one per line (optional; people then choose from them)</label>
            <textarea id="organizations" name="organizations" rows="3"></textarea>
            <label for="initiatives">Initiatives, one per line (optional)</label>
            <textarea id="initiatives" name="initiatives" rows="3"></textarea>
            <label for="closes">Open until the end of (optional, YYYY-MM-DD, \(time.zoneName(at: now)))</label>
            <input id="closes" name="closes" type="date">
            <label for="follows">Follows an earlier workshop: its code (optional, to show movement)</label>
            <input id="follows" name="follows" maxlength="12" autocapitalize="characters">
            <button type="submit">Create the workshop</button>
            </form>
            """)
    }
}
