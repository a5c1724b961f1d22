import FlowLinksChannels
import Foundation

/// The bot's access token for the Bot Connector, from the Microsoft identity platform's token
/// endpoint by the client-credentials grant; kept until five minutes before it expires, or until
/// the connector refuses it.
actor TeamsAccessToken {
    let http: PlatformHTTP
    let tokenURL: String
    let appID: String
    let appPassword: Secret
    let now: @Sendable () -> Date
    private var cached: (token: Secret, expires: Date)?

    /// The scope of a token for the Bot Connector.
    static let scope = "https://api.botframework.com/.default"
    /// A token this close to its expiry is fetched anew.
    static let margin: TimeInterval = 300

    init(http: PlatformHTTP, tokenURL: String, appID: String, appPassword: String, now: @escaping @Sendable () -> Date) {
        self.http = http
        self.tokenURL = tokenURL
        self.appID = appID
        self.appPassword = Secret(appPassword)
        self.now = now
    }

    /// A token that is still good, fetching one when there is none.
    func token() async -> Result<Secret, TokenFailure> {
        if let cached, cached.expires.timeIntervalSince(now()) > Self.margin { return .success(cached.token) }
        let form = [
            ("grant_type", "client_credentials"), ("client_id", appID), ("client_secret", appPassword.revealed),
            ("scope", Self.scope),
        ]
        let body = form.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: TeamsSender.unreserved) ?? $1)" }
            .joined(separator: "&")
        switch await http.post(
            tokenURL, body: Array(body.utf8), contentType: "application/x-www-form-urlencoded")
        {
        case .failure(let failure): return .failure(TokenFailure(result: failure.result))
        case .success(let answer):
            guard answer.isSuccess, let grant = try? JSONDecoder().decode(Grant.self, from: answer.body) else {
                // why: the endpoint's error may quote the request; only its status is kept.
                return .failure(TokenFailure(result: answer.result(reason: "token endpoint: HTTP \(answer.status)")))
            }
            let token = Secret(grant.accessToken)
            cached = (token, now().addingTimeInterval(grant.expiresIn))
            return .success(token)
        }
    }

    /// Forgets the token the connector refused, so the next call fetches another.
    func discard() { cached = nil }

    /// Why no token could be had, as a delivery result.
    struct TokenFailure: Error {
        let result: DeliveryResult
    }

    /// `{"access_token": …, "expires_in": 3599}`.
    private struct Grant: Decodable {
        let accessToken: String
        let expiresIn: TimeInterval

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case expiresIn = "expires_in"
        }
    }
}
