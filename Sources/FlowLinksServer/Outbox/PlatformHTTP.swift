import AsyncHTTPClient
import Foundation
import NIOCore

/// Posts a queued call's JSON body to a platform API and reads the answer; each sender decides
/// what the answer means.
struct PlatformHTTP: Sendable {
    let client: HTTPClient

    /// What came back: a status, the Retry-After header in seconds, and the body.
    struct Answer {
        let status: Int
        let retryAfter: TimeInterval?
        let body: Data

        var isSuccess: Bool { (200..<300).contains(status) }

        /// The usual reading: 2xx delivered, 429 and 5xx worth retrying, any other status refused.
        func result(reason: String, retryAfter platformRetryAfter: TimeInterval? = nil) -> DeliveryResult {
            if isSuccess { return .delivered }
            if status == 429 { return .retry(reason: reason, retryAfter: platformRetryAfter ?? retryAfter) }
            if status >= 500 { return .retry(reason: reason, retryAfter: nil) }
            return .refused(reason: reason)
        }
    }

    /// Strips a trailing slash from a configured base URL.
    static func base(_ url: String) -> String { url.hasSuffix("/") ? String(url.dropLast()) : url }

    /// The platform's answer, or why it could not be reached.
    func post(
        _ url: String, body: [UInt8], headers: [(String, String)] = [],
        contentType: String = "application/json; charset=utf-8"
    ) async -> Result<Answer, NetworkFailure> {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: contentType)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        return await execute(request)
    }

    /// A GET of a document the platform publishes (Teams' signing keys).
    func get(_ url: String) async -> Result<Answer, NetworkFailure> {
        await execute(HTTPClientRequest(url: url))
    }

    private func execute(_ request: HTTPClientRequest) async -> Result<Answer, NetworkFailure> {
        do {
            let response = try await client.execute(request, timeout: .seconds(10))
            let bytes = try await response.body.collect(upTo: 256 * 1024)
            return .success(
                Answer(
                    status: Int(response.status.code),
                    retryAfter: response.headers.first(name: "Retry-After").flatMap(TimeInterval.init),
                    body: Data(buffer: bytes)))
        } catch {
            // why: the error may name the URL, and some URLs hold a token; only its kind is kept.
            return .failure(NetworkFailure(reason: "network error: \(type(of: error))"))
        }
    }

    struct NetworkFailure: Error {
        let reason: String

        var result: DeliveryResult { .retry(reason: reason, retryAfter: nil) }
    }
}
