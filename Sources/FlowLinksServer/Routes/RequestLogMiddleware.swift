import Hummingbird
import Logging

/// Logs each request at debug level: method, path, status and duration. The query string is
/// left out: it can carry a secret (WhatsApp's `hub.verify_token`) or what a person typed.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status.code, since: start, logger: context.logger)
            return response
        } catch let error as HTTPResponseError {
            log(request, status: error.status.code, since: start, logger: context.logger)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, since start: ContinuousClock.Instant, logger: Logger) {
        logger.debug(
            "Request",
            metadata: [
                "method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(status)",
                "duration": "\(ContinuousClock.now - start)",
            ])
    }
}
