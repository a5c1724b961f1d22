import FlowLinksChannels
import Hummingbird

/// An address nothing answers gets a plain JSON 404 that says so, rather than an empty body.
struct NotFoundMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && error.body == nil {
            return Response(
                status: .notFound, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: JSONBody.encode(["error": "Nothing is served at this address."]))))
        }
    }
}
