import HTTPTypes
import Hummingbird

/// Headers every page carries: a strict Content-Security-Policy, no framing, no sniffing, no referrer.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// What a page may load.
    enum Policy: Sendable {
        /// The facilitator pages and the home page: no scripts at all, styles from this server.
        case pages
        /// The web chat: its one script and stylesheet from this server, and its own posts.
        case chat

        var contentSecurityPolicy: String {
            switch self {
            case .pages:
                "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
            case .chat:
                "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
                    + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
            }
        }
    }

    var policy = Policy.pages

    static var contentSecurityPolicy: String { Policy.pages.contentSecurityPolicy }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = policy.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }
}
