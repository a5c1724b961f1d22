import AsyncHTTPClient
import FlowLinksChannels
import FlowLinksStore
import Foundation

/// Sends queued Bot API calls: `POST {base}/bot{token}/{method}` with the JSON body.
public struct TelegramSender: PlatformSender {
    let http: PlatformHTTP
    let baseURL: String
    let botToken: Secret

    public init(client: HTTPClient, baseURL: String, botToken: String) {
        self.http = PlatformHTTP(client: client)
        self.baseURL = PlatformHTTP.base(baseURL)
        self.botToken = Secret(botToken)
    }

    public func send(_ call: OutboxRecord) async -> DeliveryResult {
        switch await http.post("\(baseURL)/bot\(botToken.revealed)/\(call.method)", body: Array(call.body)) {
        case .failure(let failure): return failure.result
        case .success(let answer):
            let error = try? JSONDecoder().decode(TelegramAnswer.self, from: answer.body)
            return answer.result(
                reason: "HTTP \(answer.status): \(error?.description ?? "no description")",
                retryAfter: error?.parameters?.retryAfter)
        }
    }

    /// Telegram's error body: `{"ok": false, "description": …, "parameters": {"retry_after": 3}}`.
    private struct TelegramAnswer: Decodable {
        struct Parameters: Decodable {
            let retryAfter: TimeInterval?
            enum CodingKeys: String, CodingKey { case retryAfter = "retry_after" }
        }

        let description: String?
        let parameters: Parameters?
    }
}
