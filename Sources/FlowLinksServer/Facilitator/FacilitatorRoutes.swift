import FlowLinksChannels
import FlowLinksStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The facilitator web pages under `/facilitator`: sign-in, sign-out, and the pages that need a
/// signed-in facilitator. Every form carries a CSRF token; every page sends strict headers.
struct FacilitatorRoutes: Sendable {
    let signIn: SignIn
    let pages: FacilitatorPages
    /// Where an unexpected failure behind a page is recorded; the page itself says only that it failed.
    let logger: Logger
    var sessions: FacilitatorSessions { signIn.sessions }

    func add(to router: Router<ServerRequestContext>) {
        let group = router.group("facilitator").add(middleware: SecurityHeadersMiddleware())
        group.get("style.css") { _, _ in
            var response = Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: Stylesheet.all)))
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
        }
        group.get("login") { request, _ in await showLogin(request) }
        group.post("login") { request, context in try await signIn.respond(to: request, context: context) }
        group.post("logout") { request, _ in await logout(request) }
        group.get("") { request, _ in await signedIn(request) { _, _ in .seeOther("/facilitator/sessions") } }
        pages.add(to: group) { request, handler in await signedIn(request, handler) }
        router.add(middleware: FacilitatorNotFoundMiddleware(routes: self))
    }

    /// Runs `handler` for a signed-in facilitator, with the form of a POST whose CSRF token
    /// matched; others are sent to sign in (or refused). Errors become a page in the usual frame.
    func signedIn(_ request: Request, _ handler: FacilitatorPages.Handler) async -> Response {
        var session: FacilitatorSessions.Session?
        func refuse(_ status: HTTPResponse.Status, _ message: String, heading: String? = nil) -> Response {
            let back = session == nil ? .signIn : WayBack.after(request.method, to: request.uri.path, status: status)
            return ErrorPage(status: status, message: message, session: session, back: back, heading: heading).response
        }
        do {
            session = try await sessions.session(for: Cookies.value(Cookies.session, in: request))
            guard let session else {
                return request.method == .get
                    ? .seeOther("/facilitator/login")
                    : refuse(.unauthorized, "You are not signed in, or your sign-in has ended. Sign in, then try again.")
            }
            var form: FormBody?
            if request.method == .post {
                form = try await Self.form(request)
                guard let form, ConstantTime.equals(form["csrf"], session.csrfToken) else {
                    return refuse(
                        .forbidden, "Go back, reload the page and try again.", heading: "This form has expired")
                }
            }
            return try await handler(session, form)
        } catch let failure as HTTPError {
            return refuse(failure.status, failure.body ?? "Something went wrong.")
        } catch {
            logger.error(
                "A facilitator page failed", metadata: ["path": "\(request.uri.path)", "error": "\(String(reflecting: error))"])
            return refuse(.internalServerError, "Something went wrong on our side; please try again.")
        }
    }

    private func showLogin(_ request: Request) async -> Response {
        if (try? await sessions.session(for: Cookies.value(Cookies.session, in: request))) != nil {
            return .seeOther("/facilitator/sessions")
        }
        return SignIn.page(.ok)
    }

    private func logout(_ request: Request) async -> Response {
        await signedIn(request) { _, _ in
            try await sessions.end(Cookies.value(Cookies.session, in: request))
            return .seeOther("/facilitator/login", cookies: [Cookies.clearing(Cookies.session)])
        }
    }

    /// The form fields of a POST, read once (the body is cached for later readers).
    static func form(_ request: Request) async throws -> FormBody {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: 64 * 1024)
        } catch is NIOTooManyBytesError {
            throw HTTPError(.contentTooLarge, message: "The form is too large.")
        }
        guard let form = FormBody(Array(buffer: body)) else { throw HTTPError(.badRequest, message: "Malformed form.") }
        return form
    }
}
