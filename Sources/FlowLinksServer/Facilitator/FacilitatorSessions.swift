import Foundation

/// Signed-in facilitators, by the random token in their session cookie. Kept in memory: a
/// restart signs everyone out, which is the safe direction to fail.
public actor FacilitatorSessions {
    /// One signed-in facilitator.
    public struct Session: Sendable {
        public let username: String
        /// Sent with every form and checked on every change (CSRF protection).
        public let csrfToken: String
        var expiresAt: Date
    }

    private var sessions: [String: Session] = [:]
    private let lifetime: TimeInterval
    private let now: @Sendable () -> Date

    public init(lifetime: TimeInterval = 8 * 3600, now: @escaping @Sendable () -> Date = Date.init) {
        self.lifetime = lifetime
        self.now = now
    }

    /// Signs a facilitator in and returns the cookie token.
    public func start(username: String) -> String {
        let token = Self.randomToken()
        sessions[token] = Session(username: username, csrfToken: Self.randomToken(), expiresAt: now() + lifetime)
        if sessions.count > 1000 { sessions = sessions.filter { $0.value.expiresAt > now() } }
        return token
    }

    /// The session behind a token, kept alive by use; `nil` when unknown or expired.
    public func session(for token: String?) -> Session? {
        guard let token, var session = sessions[token] else { return nil }
        guard session.expiresAt > now() else {
            sessions[token] = nil
            return nil
        }
        session.expiresAt = now() + lifetime
        sessions[token] = session
        return session
    }

    public func end(_ token: String?) {
        if let token { sessions[token] = nil }
    }

    /// 32 random bytes from the system's secure generator, base64url.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
