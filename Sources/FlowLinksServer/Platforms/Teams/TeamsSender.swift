import AsyncHTTPClient
import FlowLinksChannels
import FlowLinksStore
import Foundation

/// Sends queued Teams replies: `POST {serviceUrl}/v3/conversations/{id}/activities` with the bot's
/// access token, the address read from the queued body. A 401 means the token went stale: it is
/// fetched again and the call made once more.
public struct TeamsSender: PlatformSender {
    let http: PlatformHTTP
    let accessToken: TeamsAccessToken

    public init(
        client: HTTPClient, tokenURL: String, appID: String, appPassword: String,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.http = PlatformHTTP(client: client)
        self.accessToken = TeamsAccessToken(
            http: http, tokenURL: tokenURL, appID: appID, appPassword: appPassword, now: now)
    }

    /// The characters left as they are in a URL's path segment or form value (RFC 3986's unreserved).
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    public func send(_ call: OutboxRecord) async -> DeliveryResult {
        guard let outgoing = try? JSONDecoder().decode(TeamsOutgoing.self, from: call.body),
            // why: one path segment, escaped as Microsoft's SDKs escape it (a channel's id holds ":", ";" and "@").
            let conversation = outgoing.conversationID.addingPercentEncoding(withAllowedCharacters: Self.unreserved)
        else { return .refused(reason: "the queued Teams reply cannot be read") }
        let url = "\(PlatformHTTP.base(outgoing.serviceURL))/v3/conversations/\(conversation)/activities"
        let body = JSONBody.encode(outgoing.activity)
        if let result = await attempt(body, to: url) { return result }
        await accessToken.discard()
        return await attempt(body, to: url) ?? .retry(reason: "HTTP 401 with a fresh token", retryAfter: nil)
    }

    /// How the call went, or `nil` when the connector refused the token (HTTP 401).
    private func attempt(_ body: [UInt8], to url: String) async -> DeliveryResult? {
        let token: Secret
        switch await accessToken.token() {
        case .failure(let failure): return failure.result
        case .success(let fresh): token = fresh
        }
        switch await http.post(url, body: body, headers: [("Authorization", "Bearer \(token.revealed)")]) {
        case .failure(let failure): return failure.result
        case .success(let answer) where answer.status == 401: return nil
        case .success(let answer): return answer.result(reason: "HTTP \(answer.status)")
        }
    }
}
