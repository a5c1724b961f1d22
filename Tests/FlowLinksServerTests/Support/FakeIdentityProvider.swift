import CryptoExtras
import FlowLinksChannels
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit
import NIOCore
import Synchronization

/// A stand-in for Microsoft's identity services on 127.0.0.1: the Bot Connector's OpenID metadata
/// and signing keys (RSA keys made in the test), a token endpoint for the bot's replies, and the
/// tokens the Bot Connector would send with each activity.
final class FakeIdentityProvider: Sendable {
    static let issuer = "https://api.botframework.com"
    static let appID = "00000000-1111-2222-3333-444444444444"
    static let appPassword = "teams-app-password-not-for-logs"
    static let serviceURL = "https://smba.trafficmanager.net/teams/"

    /// A signing key and the id it is published under.
    struct SigningKey: Sendable {
        let id: String
        let key: JWTKit.Insecure.RSA.PrivateKey

        init(id: String) throws {
            self.id = id
            self.key = try JWTKit.Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
        }

        /// The public half as a JSON Web Key, as Microsoft publishes it.
        var jwk: [String: String] {
            let (modulus, exponent) = (try? key.publicKey.getKeyPrimitives()) ?? (Data(), Data())
            return ["kty": "RSA", "use": "sig", "kid": id, "n": Self.base64URL(modulus), "e": Self.base64URL(exponent)]
        }

        static func base64URL(_ data: Data) -> String {
            data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        }
    }

    private struct State {
        var published: [SigningKey]
        var keyFetches = 0
        var tokensIssued = 0
        var base = ""
    }

    private let state: Mutex<State>

    init(published: [SigningKey]) {
        state = Mutex(State(published: published))
    }

    /// Publishes these keys from now on (Microsoft rotating its keys).
    func publish(_ keys: [SigningKey]) { state.withLock { $0.published = keys } }

    var keyFetches: Int { state.withLock { $0.keyFetches } }
    /// Where it runs, once started.
    var base: String { state.withLock { $0.base } }
    var tokensIssued: Int { state.withLock { $0.tokensIssued } }

    /// The metadata document and key set, as the verifier's key source, without HTTP.
    func signingKeys() throws -> TeamsSigningKeys {
        let keys = state.withLock { state in
            state.keyFetches += 1
            return state.published.map(\.jwk)
        }
        return TeamsSigningKeys(
            issuer: Self.issuer, jwks: Array(try JSONSerialization.data(withJSONObject: ["keys": keys])))
    }

    /// A token as the Bot Connector signs it, with claims changed as a test needs.
    static func token(
        signedBy key: SigningKey, kid: String? = nil, issuer: String = issuer, audience: String = appID,
        expires: Date, serviceURL: String = serviceURL
    ) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(rsa: key.key, digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid ?? key.id))
        let claims = Claims(
            iss: IssuerClaim(value: issuer), aud: AudienceClaim(value: [audience]),
            exp: ExpirationClaim(value: expires), nbf: NotBeforeClaim(value: expires.addingTimeInterval(-3600)),
            serviceurl: serviceURL)
        return try await keys.sign(claims, kid: JWKIdentifier(string: kid ?? key.id))
    }

    private struct Claims: JWTPayload {
        let iss: IssuerClaim
        let aud: AudienceClaim
        let exp: ExpirationClaim
        let nbf: NotBeforeClaim
        let serviceurl: String

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// Runs the metadata, key set and token endpoint on a free port and hands their base URL to `body`.
    func run(_ body: @Sendable @escaping (String) async throws -> Void) async throws {
        let router = Router()
        router.get("metadata") { _, _ -> Response in
            let base = self.state.withLock { $0.base }
            return Self.json(["issuer": Self.issuer, "jwks_uri": "\(base)/keys"])
        }
        router.get("keys") { _, _ -> Response in
            let keys = self.state.withLock { state in
                state.keyFetches += 1
                return state.published.map(\.jwk)
            }
            return Self.json(["keys": keys])
        }
        router.post("token") { _, _ -> Response in
            let number = self.state.withLock { state in
                state.tokensIssued += 1
                return state.tokensIssued
            }
            return Self.json(["token_type": "Bearer", "access_token": "bot-token-\(number)", "expires_in": 3599])
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let base = "http://127.0.0.1:\(client.port ?? 0)"
            self.state.withLock { $0.base = base }
            try await body(base)
        }
    }

    private static func json(_ object: Any) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return Response(
            status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The fake's key set handed straight to a verifier.
struct InMemoryKeySource: TeamsSigningKeySource {
    let provider: FakeIdentityProvider

    func signingKeys() async throws -> TeamsSigningKeys { try provider.signingKeys() }
}
