import Crypto
import FlowLinksStore
import Foundation

/// Signed-in facilitators. A sign-in lives in the database, found by the SHA-256 of the random
/// token in its cookie, so each request sees the account as it is now: removing the account or
/// changing its password (from the command line, in another process) ends its sign-ins at once,
/// and a restart signs nobody out.
public struct FacilitatorSessions: Sendable {
    /// One signed-in facilitator.
    public struct Session: Sendable {
        public let username: String
        /// Sent with every form and checked on every change (CSRF protection).
        public let csrfToken: String
    }

    let store: any FacilitatorStore
    /// How long a sign-in lasts without use.
    let lifetime: TimeInterval
    let now: @Sendable () -> Date

    public init(store: any FacilitatorStore, lifetime: TimeInterval = 8 * 3600, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.lifetime = lifetime
        self.now = now
    }

    /// Signs the account in and returns the cookie's token; `nil` when its password changed since
    /// `account` was read.
    func start(_ account: FacilitatorRecord) async throws -> String? {
        guard let id = account.id else { return nil }
        let token = Self.randomToken()
        let time = now()
        let started = try await store.startFacilitatorSignIn(
            tokenHash: Self.hash(token), facilitatorID: id, verifiedPasswordHash: account.passwordHash,
            csrfToken: Self.randomToken(), now: time, expiresAt: time + lifetime)
        return started ? token : nil
    }

    /// The signed-in facilitator behind a cookie's token; `nil` when unknown, expired, or ended.
    func session(for token: String?) async throws -> Session? {
        guard let token, Self.isWellFormed(token) else { return nil }
        let signIn = try await store.facilitatorSignIn(tokenHash: Self.hash(token), now: now(), lifetime: lifetime)
        return signIn.map { Session(username: $0.username, csrfToken: $0.csrfToken) }
    }

    /// Signs out.
    func end(_ token: String?) async throws {
        guard let token, Self.isWellFormed(token) else { return }
        try await store.endFacilitatorSignIn(tokenHash: Self.hash(token))
    }

    /// 32 random bytes from the system's secure generator, base64url.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// What the database keeps instead of the token: its SHA-256, in hex.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `token` could be one `randomToken` made (43 base64url characters).
    private static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 43
            && token.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: "_")
            }
    }
}
