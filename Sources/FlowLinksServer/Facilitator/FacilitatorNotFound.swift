import Hummingbird

/// An address under `/facilitator` that nothing answers gets a page in the usual frame that says
/// so (or, signed out, the way to sign in), rather than the JSON 404 the webhooks give.
struct FacilitatorNotFoundMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: FacilitatorRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && error.body == nil && Self.isFacilitator(request) {
            let page = await routes.signedIn(request) { _, _ in
                throw HTTPError(.notFound, message: "There is no page at this address.")
            }
            return try await SecurityHeadersMiddleware().handle(request, context: context) { _, _ in page }
        }
    }

    static func isFacilitator(_ request: Request) -> Bool {
        let path = request.uri.path
        return path == "/facilitator" || path.hasPrefix("/facilitator/")
    }
}
