import FlowLinksChannels
import FlowLinksStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The facilitator web pages under `/facilitator`: sign-in, sign-out, and the pages that need a
/// signed-in facilitator. Every form carries a CSRF token; every page sends strict headers.
struct FacilitatorRoutes: Sendable {
    let signIn: SignIn
    let pages: FacilitatorPages
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
    }

    /// Runs `handler` for a signed-in facilitator, with the form of a POST whose CSRF token
    /// matched; others are sent to sign in (or refused).
    func signedIn(_ request: Request, _ handler: FacilitatorPages.Handler) async -> Response {
        do {
            guard let session = try await sessions.session(for: Cookies.value(Cookies.session, in: request)) else {
                return request.method == .get
                    ? .seeOther("/facilitator/login") : .html("<p>Please sign in again.</p>", status: .unauthorized)
            }
            var form: FormBody?
            if request.method == .post {
                form = try await Self.form(request)
                guard let form, ConstantTime.equals(form["csrf"], session.csrfToken) else {
                    return .html("<p>This form has expired. Go back, reload the page and try again.</p>", status: .forbidden)
                }
            }
            return try await handler(session, form)
        } catch let error as HTTPError {
            return .html("<p>\(error.body ?? "Something went wrong.")</p>", status: error.status)
        } catch {
            return .html("<p>Something went wrong on our side; please try again.</p>", status: .internalServerError)
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
