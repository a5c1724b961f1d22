import AsyncHTTPClient
import FlowLinksChannels
import FlowLinksStore
import Foundation

/// Sends queued WhatsApp Cloud API messages: `POST {base}/{phone-number-id}/messages` with the
/// access token as a bearer token.
public struct WhatsAppSender: PlatformSender {
    let http: PlatformHTTP
    let baseURL: String
    let accessToken: Secret

    /// Graph API error codes for throttling, sent with HTTP 400 as well as 429.
    static let throttlingCodes: Set<Int> = [4, 80007, 130429, 131048, 131056]

    public init(client: HTTPClient, baseURL: String, accessToken: String) {
        self.http = PlatformHTTP(client: client)
        self.baseURL = PlatformHTTP.base(baseURL)
        self.accessToken = Secret(accessToken)
    }

    public func send(_ call: OutboxRecord) async -> DeliveryResult {
        switch await http.post(
            "\(baseURL)/\(call.method)", body: Array(call.body), headers: [("Authorization", "Bearer \(accessToken.revealed)")])
        {
        case .failure(let failure): return failure.result
        case .success(let answer):
            let error = (try? JSONDecoder().decode(GraphAnswer.self, from: answer.body))?.error
            let reason = "HTTP \(answer.status): \(error?.message ?? "no message") (code \(error?.code ?? 0))"
            if !answer.isSuccess, let code = error?.code, Self.throttlingCodes.contains(code) {
                return .retry(reason: reason, retryAfter: answer.retryAfter)
            }
            return answer.result(reason: reason)
        }
    }

    /// `{"error": {"message": …, "code": 131047}}`.
    private struct GraphAnswer: Decodable {
        struct GraphError: Decodable {
            let message: String?
            let code: Int?
        }

        let error: GraphError?
    }
}
