import Foundation
import JWTKit

/// Where the Bot Connector's signing keys come from: the OpenID metadata document's issuer and the
/// key set at its `jwks_uri`. The server fetches them over HTTP; tests serve their own.
public protocol TeamsSigningKeySource: Sendable {
    func signingKeys() async throws -> TeamsSigningKeys
}

/// The issuer tokens must name, and the JSON Web Key Set that signs them.
public struct TeamsSigningKeys: Sendable {
    public var issuer: String
    public var jwks: [UInt8]

    public init(issuer: String, jwks: [UInt8]) {
        self.issuer = issuer
        self.jwks = jwks
    }
}

/// Checks a Bot Connector request's bearer token as Microsoft documents it: an RS256 signature by
/// a key from the OpenID metadata (fetched when first needed, fetched again when a token names a
/// key not yet known, at most once a minute), the metadata's issuer, the bot's app id as audience,
/// expiry and not-before with a five-minute clock skew; the `serviceUrl` claim is returned to be
/// compared with the activity's. Signatures are checked by jwt-kit.
public actor TeamsTokenVerifier {
    let appID: String
    let source: any TeamsSigningKeySource
    let now: @Sendable () -> Date
    private var keys = JWTKeyCollection()
    private var keyIDs: Set<String> = []
    private var issuer: String?
    private var lastFetch: Date?

    /// The shortest time between two fetches of the signing keys.
    static let refreshInterval: TimeInterval = 60
    /// How far the clocks of Microsoft and this server may differ.
    static let clockSkew: TimeInterval = 300

    public init(appID: String, source: any TeamsSigningKeySource, now: @escaping @Sendable () -> Date = Date.init) {
        self.appID = appID
        self.source = source
        self.now = now
    }

    /// The `serviceUrl` claim of the `Authorization` header's token, when the token is valid; else 401.
    /// The caller checks it against the activity's.
    public func verify(authorization: String?) async throws(ChannelError) -> String {
        guard let authorization, authorization.hasPrefix("Bearer ") else { throw .unauthorized }
        let token = String(authorization.dropFirst("Bearer ".count))
        guard let header = TokenHeader(token), header.alg == "RS256", let keyID = header.kid else { throw .unauthorized }
        if !keyIDs.contains(keyID) { await refreshKeys() }
        guard keyIDs.contains(keyID), let issuer else { throw .unauthorized }
        let claims: BotConnectorClaims
        do {
            claims = try await keys.verify(token, as: BotConnectorClaims.self)
        } catch {
            throw .unauthorized
        }
        let time = now()
        guard claims.iss.value == issuer, claims.aud.value.contains(appID),
            claims.exp.value.addingTimeInterval(Self.clockSkew) > time,
            (claims.nbf?.value ?? .distantPast).addingTimeInterval(-Self.clockSkew) <= time,
            let serviceURL = claims.serviceURL
        else { throw .unauthorized }
        return serviceURL
    }

    /// Fetches the keys again unless that was done less than a minute ago; a failed fetch keeps the old ones.
    private func refreshKeys() async {
        let time = now()
        if let lastFetch, time.timeIntervalSince(lastFetch) < Self.refreshInterval { return }
        lastFetch = time
        guard let fetched = try? await source.signingKeys(),
            let jwks = try? JSONDecoder().decode(JWKS.self, from: Data(fetched.jwks))
        else { return }
        let collection = JWTKeyCollection()
        var ids: Set<String> = []
        // why: one key of a kind jwt-kit cannot read must not keep the others out.
        for key in jwks.keys where key.keyType == .rsa {
            guard let id = key.keyIdentifier?.string, (try? await collection.add(jwk: key)) != nil else { continue }
            ids.insert(id)
        }
        keys = collection
        keyIDs = ids
        issuer = fetched.issuer
    }

    /// The two addresses name the same service: equal but for a trailing slash.
    static func sameService(_ first: String, _ second: String) -> Bool {
        func trimmed(_ url: String) -> String { url.hasSuffix("/") ? String(url.dropLast()) : url }
        return trimmed(first) == trimmed(second)
    }
}

/// The claims of a Bot Connector token that FlowLinks checks.
struct BotConnectorClaims: JWTPayload {
    let iss: IssuerClaim
    let aud: AudienceClaim
    let exp: ExpirationClaim
    let nbf: NotBeforeClaim?
    let serviceURL: String?

    enum CodingKeys: String, CodingKey {
        case iss, aud, exp, nbf
        case serviceURL = "serviceurl"
    }

    // why: the claims are checked by `TeamsTokenVerifier` with its clock and settings, after jwt-kit
    // has checked the signature.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// A token's header, read only to pick the key and refuse any algorithm but RS256.
private struct TokenHeader: Decodable {
    let alg: String?
    let kid: String?

    init?(_ token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let data = Self.base64URLDecoded(String(parts[0])),
            let header = try? JSONDecoder().decode(TokenHeader.self, from: data)
        else { return nil }
        self = header
    }

    static func base64URLDecoded(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
