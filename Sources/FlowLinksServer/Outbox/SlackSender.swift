import AsyncHTTPClient
import FlowLinksChannels
import FlowLinksStore
import Foundation

/// Sends queued Slack Web API calls (`chat.postMessage`, `chat.update`, `chat.postEphemeral`):
/// `POST {base}/{method}` with the bot token as a bearer token. Slack answers most errors with
/// HTTP 200 and `ok: false`.
public struct SlackSender: PlatformSender {
    let http: PlatformHTTP
    let baseURL: String
    let botToken: Secret

    /// Slack errors that say "try again later" rather than "this call is wrong".
    static let transientErrors: Set<String> = [
        "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout",
    ]

    public init(client: HTTPClient, baseURL: String, botToken: String) {
        self.http = PlatformHTTP(client: client)
        self.baseURL = PlatformHTTP.base(baseURL)
        self.botToken = Secret(botToken)
    }

    public func send(_ call: OutboxRecord) async -> DeliveryResult {
        let answer: PlatformHTTP.Answer
        switch await http.post(
            "\(baseURL)/\(call.method)", body: Array(call.body), headers: [("Authorization", "Bearer \(botToken.revealed)")])
        {
        case .failure(let failure): return failure.result
        case .success(let success): answer = success
        }
        let reply = try? JSONDecoder().decode(SlackAnswer.self, from: answer.body)
        guard answer.isSuccess else { return answer.result(reason: "HTTP \(answer.status): \(reply?.error ?? "no error")") }
        guard let reply else { return .retry(reason: "HTTP \(answer.status) without Slack's JSON answer", retryAfter: nil) }
        if reply.ok { return .delivered }
        let error = reply.error ?? "unknown_error"
        return Self.transientErrors.contains(error)
            ? .retry(reason: "Slack: \(error)", retryAfter: answer.retryAfter) : .refused(reason: "Slack: \(error)")
    }

    /// `{"ok": true}` or `{"ok": false, "error": "channel_not_found"}`.
    private struct SlackAnswer: Decodable {
        let ok: Bool
        let error: String?
    }
}
