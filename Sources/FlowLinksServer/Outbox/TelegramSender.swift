import AsyncHTTPClient
import FlowLinksStore
import Foundation
import NIOCore

/// Sends queued Bot API calls: `POST {base}/bot{token}/{method}` with the JSON body.
public struct TelegramSender: PlatformSender {
    let client: HTTPClient
    let baseURL: String
    let botToken: String

    public init(client: HTTPClient, baseURL: String, botToken: String) {
        self.client = client
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.botToken = botToken
    }

    public func send(_ call: OutboxRecord) async -> DeliveryResult {
        var request = HTTPClientRequest(url: "\(baseURL)/bot\(botToken)/\(call.method)")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: call.body))
        do {
            let response = try await client.execute(request, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: 64 * 1024)
            let status = Int(response.status.code)
            if (200..<300).contains(status) { return .delivered }
            let answer = try? JSONDecoder().decode(TelegramAnswer.self, from: Data(buffer: body))
            let reason = "HTTP \(status): \(answer?.description ?? "no description")"
            if status == 429 {
                let header = response.headers.first(name: "Retry-After").flatMap(TimeInterval.init)
                return .retry(reason: reason, retryAfter: answer?.parameters?.retryAfter ?? header)
            }
            if status >= 500 { return .retry(reason: reason, retryAfter: nil) }
            return .refused(reason: reason)
        } catch {
            // why: the error names the URL, and the URL holds the bot token; keep it out of the log.
            return .retry(reason: "network error: \(type(of: error))", retryAfter: nil)
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
