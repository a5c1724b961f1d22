import FlowLinksCore
import FlowLinksReview
import FlowLinksStore
import Foundation

/// Sessions, newest first: the filter form, the table, the page links.
struct SessionsListPage {
    let session: FacilitatorSessions.Session
    let script: Script
    let query: SessionListQuery
    let page: SessionPage
    /// The channels to filter by: every channel that has sessions, and every enabled one.
    let channels: [String]
    let time: DisplayTime

    func render() -> HTML {
        Layout(title: "Sessions", session: session).page(
            """
            <h1>Sessions</h1>
            \(filterForm)
            \(isPastTheEnd ? noSuchPage : "<p class=\"count\" role=\"status\">\(countLine)</p>")
            \(table)
            \(pageLinks)
            <p><a href="/facilitator/export.csv?\(query.queryString(page: 1))">Download these sessions as CSV</a></p>
            """)
    }

    /// A page number past the last page of these sessions (`?page=99`).
    var isPastTheEnd: Bool { page.page > max(page.pageCount, 1) }

    private var noSuchPage: HTML {
        let last = max(page.pageCount, 1)
        let (reason, link): (String, HTML) =
            page.total == 0
            ? ("No sessions match these filters, so there is only one page.", "Go to the first page")
            : last == 1
                ? ("These sessions fit on one page.", "Go to the first page")
                : ("These sessions fill \(last) pages.", "Go to the last page (\(last))")
        return """
            <p class="notice" role="alert">There is no page \(page.page). \(reason)</p>
            <p class="back"><a href="?\(query.queryString(page: last))">\(link)</a></p>
            """
    }

    private var countLine: String {
        guard let positions = page.positions else { return "No sessions match." }
        let noun = page.total == 1 ? "session" : "sessions"
        return "Showing \(positions.lowerBound)–\(positions.upperBound) of \(page.total) \(noun)"
    }

    private var filterForm: HTML {
        let statuses = [""] + SessionStatus.allCases.map(\.rawValue)
        let levels = [""] + EngagementLevel.allCases.map { String($0.rawValue) }
        let channels = [""] + self.channels
        // why: on a phone the search and its button fit the first screen; the other filters wait
        // behind "More filters", which stays open while any of them is set.
        let open: HTML =
            ["status", "channel", "organization", "initiative", "level", "from", "to"]
                .contains { !query.value(of: $0).isEmpty } ? " open" : ""
        return """
            <form method="get" action="/facilitator/sessions" class="filters" role="search">
            <div class="search">\(field("search", "Search answers and messages", type: "search"))\
            <button type="submit">Filter</button></div>
            <details\(open)><summary>More filters</summary><div class="more">
            \(select("status", "Status", statuses) { $0.isEmpty ? "Any" : $0 })
            \(select("channel", "Channel", channels) { $0.isEmpty ? "Any" : $0 })
            \(field("organization", "Organization"))
            \(field("initiative", "Initiative"))
            \(select("level", "Recommended level", levels) { $0.isEmpty ? "Any" : script.chart.name(of: EngagementLevel(rawValue: Int($0) ?? 1) ?? .independent) })
            \(field("from", "From", type: "date"))
            \(field("to", "To", type: "date"))
            </div></details>
            </form>
            """
    }

    private func field(_ name: String, _ label: String, type: String = "text") -> HTML {
        """
        <label>\(label) <input name="\(name)" type="\(type)" value="\(query.value(of: name))"></label>
        """
    }

    private func select(_ name: String, _ label: String, _ values: [String], title: (String) -> String) -> HTML {
        let current = query.value(of: name)
        let options: [HTML] = values.map { value in
            let selected: HTML = value == current ? " selected" : ""
            return "<option value=\"\(value)\"\(selected)>\(title(value))</option>"
        }
        return "<label>\(label) <select name=\"\(name)\">\(options)</select></label>"
    }

    private var table: HTML {
        guard !page.sessions.isEmpty else { return "" }
        let rows: [HTML] = page.sessions.map { row in
            let level = row.recommendedLevel.flatMap(EngagementLevel.init(rawValue:)).map { script.chart.name(of: $0) } ?? "—"
            let names = [row.organization, row.initiative].compactMap { $0 }.filter { !$0.isEmpty }
            let title = names.isEmpty ? "Session \(row.id)" : names.joined(separator: ": ")
            return """
                <tr><td class="session"><a href="/facilitator/sessions/\(row.id)">\(title)</a> <span class="id">#\(row.id)</span></td>\
                <td class="detail">\(time.stamp(row.createdAt))</td><td class="detail">\(row.channel)</td>\
                <td class="detail" data-label="Language">\(script.languageName(of: row.language))</td>\
                <td class="detail">\(row.status.rawValue)</td><td class="detail" data-label="Recommended">\(level)</td></tr>
                """
        }
        return """
            <table class="sessions">
            <caption class="visually-hidden">Sessions</caption>
            <thead><tr><th scope="col">Organization: initiative</th><th scope="col">Started</th>\
            <th scope="col">Channel</th><th scope="col">Language</th><th scope="col">Status</th><th scope="col">Recommended</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
    }

    private var pageLinks: HTML {
        guard page.pageCount > 1, !isPastTheEnd else { return "" }
        let previous: HTML = page.page > 1 ? "<a rel=\"prev\" href=\"?\(query.queryString(page: page.page - 1))\">Newer</a>" : ""
        let next: HTML =
            page.page < page.pageCount ? "<a rel=\"next\" href=\"?\(query.queryString(page: page.page + 1))\">Older</a>" : ""
        return
            "<nav class=\"pages\" aria-label=\"Pages\">\(previous) <span>Page \(page.page) of \(page.pageCount)</span> \(next)</nav>"
    }
}
