import AsyncHTTPClient
import FlowLinksStore
import Foundation

/// Sends queued Discord follow-up messages: `POST {base}/webhooks/{application}/{token}`, the
/// address read from the queued body, the message sent as its JSON. No bot token is needed.
public struct DiscordSender: PlatformSender {
    let http: PlatformHTTP
    let baseURL: String
    /// Seconds before trying a follow-up again that Discord did not yet place.
    static let unknownWebhookWait: TimeInterval = 0.5

    public init(client: HTTPClient, baseURL: String) {
        self.http = PlatformHTTP(client: client)
        self.baseURL = PlatformHTTP.base(baseURL)
    }

    public func send(_ call: OutboxRecord) async -> DeliveryResult {
        guard let followUp = try? JSONSerialization.jsonObject(with: call.body) as? [String: Any],
            let application = followUp["application_id"] as? String, let token = followUp["token"] as? String,
            let message = followUp["message"], let body = try? JSONSerialization.data(withJSONObject: message)
        else { return .refused(reason: "not a Discord follow-up message") }
        switch await http.post("\(baseURL)/webhooks/\(application)/\(token)", body: Array(body)) {
        case .failure(let failure): return failure.result
        case .success(let answer):
            let error = try? JSONDecoder().decode(DiscordAnswer.self, from: answer.body)
            let reason = "HTTP \(answer.status): \(error?.message ?? "no message")"
            // why: a follow-up can reach Discord before the interaction response it follows; Discord
            // then does not know the webhook yet. It will in a moment, so try again soon.
            if answer.status == 404 { return .retry(reason: reason, retryAfter: Self.unknownWebhookWait) }
            return answer.result(reason: reason, retryAfter: error?.retryAfter)
        }
    }

    /// `{"message": "You are being rate limited.", "retry_after": 0.5}`.
    private struct DiscordAnswer: Decodable {
        let message: String?
        let retryAfter: TimeInterval?

        enum CodingKeys: String, CodingKey {
            case message
            case retryAfter = "retry_after"
        }
    }
}
