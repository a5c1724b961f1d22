import HTTPTypes
import Hummingbird

/// The frame every facilitator page shares: head, navigation, sign-out form.
struct Layout {
    let title: String
    /// The signed-in facilitator; `nil` on the sign-in page.
    let session: FacilitatorSessions.Session?
    /// Seconds after which the page reloads itself (the live wall); `nil` for none.
    var refreshSeconds: Int? = nil

    func page(_ body: HTML) -> HTML {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        \(refresh)<title>\(title) · FlowLinks</title>
        <link rel="stylesheet" href="/facilitator/style.css">
        </head>
        <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
        <a class="brand" href="/facilitator/sessions">FlowLinks</a>
        \(navigation)
        </header>
        <main id="main">
        \(body)
        </main>
        </body>
        </html>
        """
    }

    private var refresh: HTML {
        guard let refreshSeconds else { return "" }
        return "<meta http-equiv=\"refresh\" content=\"\(refreshSeconds)\">\n"
    }

    private var navigation: HTML {
        guard let session else { return "" }
        return """
            <nav aria-label="Main">
            <a href="/facilitator/sessions">Sessions</a>
            <a href="/facilitator/overview">Overview</a>
            <a href="/facilitator/workshops">Workshops</a>
            <form method="post" action="/facilitator/logout" class="inline">
            <input type="hidden" name="csrf" value="\(session.csrfToken)">
            <button type="submit">Sign out \(session.username)</button>
            </form>
            </nav>
            """
    }
}

extension Response {
    /// An HTML page with the facilitator pages' security headers.
    static func html(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        var response = Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html.text)))
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// A 303 redirect after a form, or to the sign-in page.
    static func seeOther(_ location: String, cookies: [String] = []) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location])
        for cookie in cookies { response.headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return response
    }
}
