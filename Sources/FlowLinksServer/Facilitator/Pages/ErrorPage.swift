import HTTPTypes
import Hummingbird

/// A request a facilitator page could not answer, inside the usual frame: a heading, what went
/// wrong in plain words, and a way back.
struct ErrorPage {
    let status: HTTPResponse.Status
    let message: String
    /// The signed-in facilitator; `nil` shows the frame without navigation.
    let session: FacilitatorSessions.Session?
    let back: WayBack
    var heading: String? = nil

    func render() -> HTML {
        let heading = heading ?? Self.heading(for: status)
        return Layout(title: heading, session: session).page(
            """
            <h1>\(heading)</h1>
            <p class="notice" role="alert">\(message)</p>
            <p class="back"><a href="\(back.href)">\(back.label)</a></p>
            """)
    }

    var response: Response { .html(render(), status: status) }

    /// A heading that says what kind of problem it is.
    static func heading(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 401: "Please sign in again"
        case 403: "Not allowed"
        case 404: "Not found"
        case 429: "Too many requests"
        case 400..<500: "Something needs fixing"
        default: "Something went wrong"
        }
    }
}

/// The link out of an error page.
struct WayBack: Equatable {
    let href: String
    let label: String

    static let signIn = WayBack(href: "/facilitator/login", label: "Sign in")
    static let sessions = WayBack(href: "/facilitator/sessions", label: "Back to the sessions")

    /// Where to go after a request to `path` failed with `status`: for a form, the page it was
    /// sent from; otherwise, or when the thing was not found, the list the page belongs to.
    static func after(_ method: HTTPRequest.Method, to path: String, status: HTTPResponse.Status) -> WayBack {
        let parts = path.split(separator: "/").dropFirst().map(String.init)
        guard let section = parts.first else { return .sessions }
        // why: a form lives on its item's page (a note's form on its session's page), which still
        // exists unless the error says it does not.
        if method == .post, parts.count >= 3, status != .notFound,
            parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        {
            let item = "/facilitator/\(section)/\(parts[1])"
            switch section {
            case "sessions": return WayBack(href: item, label: "Back to the session")
            case "workshops": return WayBack(href: item, label: "Back to the workshop")
            default: break
            }
        }
        switch section {
        case "workshops": return WayBack(href: "/facilitator/workshops", label: "Back to the workshops")
        case "overview": return WayBack(href: "/facilitator/overview", label: "Back to the overview")
        default: return .sessions
        }
    }
}
