import FlowLinksChannels
import FlowLinksCore
import FlowLinksStore
import Foundation
import HTTPTypes
import Hummingbird

/// The facilitator web pages under `/facilitator`: sign-in, sign-out, and the pages that need a
/// signed-in facilitator. Every form carries a CSRF token; every page sends strict headers.
struct FacilitatorRoutes: Sendable {
    let accounts: FacilitatorAccounts
    let sessions: FacilitatorSessions
    let loginThrottle: RateLimiter
    let pages: FacilitatorPages

    func add(to router: Router<some RequestContext>) {
        let group = router.group("facilitator").add(middleware: SecurityHeadersMiddleware())
        group.get("style.css") { _, _ in
            var response = Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: Stylesheet.all)))
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
        }
        group.get("login") { request, _ in await showLogin(request) }
        group.post("login") { request, _ in try await login(request) }
        group.post("logout") { request, _ in try await logout(request) }
        group.get("") { request, _ in await signedIn(request) { _, _ in .seeOther("/facilitator/sessions") } }
        pages.add(to: group) { request, handler in await signedIn(request, handler) }
    }

    /// Runs `handler` for a signed-in facilitator, with the form of a POST whose CSRF token
    /// matched; others are sent to sign in (or refused).
    func signedIn(_ request: Request, _ handler: FacilitatorPages.Handler) async -> Response {
        guard let session = await sessions.session(for: Cookies.value(Cookies.session, in: request)) else {
            return request.method == .get
                ? .seeOther("/facilitator/login") : .html("<p>Please sign in again.</p>", status: .unauthorized)
        }
        var form: FormBody?
        if request.method == .post {
            form = try? await Self.form(request)
            guard let form, ConstantTime.equals(form["csrf"], session.csrfToken) else {
                return .html("<p>This form has expired. Go back, reload the page and try again.</p>", status: .forbidden)
            }
        }
        do {
            return try await handler(session, form)
        } catch let error as HTTPError {
            return .html("<p>\(error.body ?? "Something went wrong.")</p>", status: error.status)
        } catch {
            return .html("<p>Something went wrong on our side; please try again.</p>", status: .internalServerError)
        }
    }

    private func showLogin(_ request: Request) async -> Response {
        if await sessions.session(for: Cookies.value(Cookies.session, in: request)) != nil {
            return .seeOther("/facilitator/sessions")
        }
        return loginPage(status: .ok)
    }

    private func loginPage(status: HTTPResponse.Status, message: String? = nil, username: String = "") -> Response {
        let token = FacilitatorSessions.randomToken()
        var response = Response.html(LoginPage(csrfToken: token, message: message, username: username).render(), status: status)
        response.headers[.setCookie] = Cookies.setting(Cookies.loginCSRF, to: token)
        return response
    }

    private func login(_ request: Request) async throws -> Response {
        let form = try await Self.form(request)
        let username = form["username"] ?? ""
        guard ConstantTime.equals(form["csrf"], Cookies.value(Cookies.loginCSRF, in: request) ?? "\u{0}") else {
            return loginPage(status: .forbidden, message: "The sign-in form expired. Please try again.", username: username)
        }
        guard await loginThrottle.allow(username.lowercased()) else {
            return loginPage(
                status: .tooManyRequests, message: "Too many attempts. Please wait a few minutes.", username: username)
        }
        guard let account = try accounts.verify(username: username, password: form["password"] ?? "") else {
            return loginPage(status: .unauthorized, message: "Wrong username or password.", username: username)
        }
        let token = await sessions.start(username: account.username)
        return .seeOther(
            "/facilitator/sessions",
            cookies: [Cookies.setting(Cookies.session, to: token), Cookies.clearing(Cookies.loginCSRF)])
    }

    private func logout(_ request: Request) async throws -> Response {
        await signedIn(request) { _, _ in
            await sessions.end(Cookies.value(Cookies.session, in: request))
            return .seeOther("/facilitator/login", cookies: [Cookies.clearing(Cookies.session)])
        }
    }

    /// The form fields of a POST, read once (the body is cached for later readers).
    static func form(_ request: Request) async throws -> FormBody {
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        guard let form = FormBody(Array(buffer: body)) else { throw HTTPError(.badRequest, message: "Malformed form.") }
        return form
    }
}
