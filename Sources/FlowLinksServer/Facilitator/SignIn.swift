import FlowLinksChannels
import FlowLinksStore
import Foundation
import HTTPTypes
import Hummingbird

/// The sign-in form's answer. In order: the form's CSRF token, the address's budget of failures,
/// the name's syntax, the name's budget, then the password, checked by `PasswordChecks` off the
/// request threads. Only failures spend the budgets (`SignInThrottle`).
struct SignIn: Sendable {
    let accounts: FacilitatorAccounts
    let sessions: FacilitatorSessions
    let throttle: SignInThrottle
    let passwordChecks: PasswordChecks
    /// Who is signing in, as far as the limits on failures go.
    let clients: ClientAddresses

    func respond(to request: Request, context: ServerRequestContext) async throws -> Response {
        let form = try await FacilitatorRoutes.form(request)
        let username = form["username"] ?? ""
        // why: both tokens must be real; a missing cookie must never match whatever the form sent.
        guard let expected = Cookies.value(Cookies.loginCSRF, in: request), !expected.isEmpty,
            let sent = form["csrf"], !sent.isEmpty, ConstantTime.equals(sent, expected)
        else {
            // why: with no cookie at all over plain http, the browser dropped it; "expired" would mislead.
            if Cookies.value(Cookies.loginCSRF, in: request) == nil,
                PlainHTTP.dropsSecureCookies(request, behindProxy: clients.behindProxy)
            {
                return Self.page(.forbidden, Self.needsHTTPS)
            }
            return Self.page(.forbidden, "The sign-in form expired. Please try again.")
        }
        let address = clients.address(of: request, context: context)
        guard try await throttle.admit(address: address) else {
            return Self.page(.tooManyRequests, "Too many failed sign-ins from your network. Please wait a few minutes.")
        }
        // why: a name no account can have (a NUL, a space, 65 characters) is refused before the
        // name's limit or the database see it (the database would read "bob\0zz" as "bob"); it
        // still counts as a failure for the address.
        guard FacilitatorAccounts.isValidUsername(username) else {
            return Self.page(.unauthorized, "Wrong username or password.")
        }
        guard try await throttle.admit(name: username, from: address) else {
            return Self.page(.tooManyRequests, "Too many attempts. Please wait a few minutes.", username: username)
        }
        let password = form["password"] ?? ""
        let candidate = try await accounts.account(named: username)
        let checked = try await passwordChecks.run { [accounts] in accounts.check(password, against: candidate) }
        guard let checked else {
            try await throttle.doesNotCount(name: username, from: address)
            return Self.page(
                .tooManyRequests, "Many sign-ins are being checked right now. Please try again in a moment.",
                username: username)
        }
        guard let account = checked, let token = try await sessions.start(account) else {
            return Self.page(.unauthorized, "Wrong username or password.", username: username)
        }
        try await throttle.doesNotCount(name: username, from: address)
        return .seeOther(
            "/facilitator/sessions",
            cookies: [Cookies.setting(Cookies.session, to: token), Cookies.clearing(Cookies.loginCSRF)])
    }

    static let needsHTTPS =
        "Sign-in needs HTTPS. This page was opened with a plain http:// address, so your browser did not keep "
        + "the sign-in cookie. Open the https:// address of this server instead. If it has none, whoever runs "
        + "it needs to put it behind HTTPS (docs/operations.md, \"HTTPS with Caddy or nginx\"; "
        + "docs/facilitators.md). On the server itself, http://localhost works too."

    /// The sign-in form with a fresh CSRF token in its cookie, and a message when there is one.
    static func page(_ status: HTTPResponse.Status, _ message: String? = nil, username: String = "") -> Response {
        let token = FacilitatorSessions.randomToken()
        var response = Response.html(LoginPage(csrfToken: token, message: message, username: username).render(), status: status)
        response.headers[.setCookie] = Cookies.setting(Cookies.loginCSRF, to: token)
        return response
    }
}
