import Crypto
import Foundation

/// The signature schemes platforms put in a header, checked in constant time.
public enum Signature {
    /// Lower-case hex of HMAC-SHA256 over `message`, keyed by `secret` (Slack, WhatsApp).
    public static func hmacSHA256Hex(_ message: some Collection<UInt8>, secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array(message), using: SymmetricKey(data: Data(secret.utf8)))
        return Hex.string(Array(code))
    }

    /// Whether `signature` (hex) is `publicKey`'s (hex) Ed25519 signature of `message` (Discord).
    public static func isValidEd25519(signature: String?, publicKey: String, message: [UInt8]) -> Bool {
        guard let signature, let signatureBytes = Hex.bytes(signature), let keyBytes = Hex.bytes(publicKey),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes)
        else { return false }
        return key.isValidSignature(signatureBytes, for: message)
    }
}

/// A signed request's timestamp must be recent, so a captured request cannot be replayed later.
public struct FreshnessWindow: Sendable {
    /// How far, in seconds, a timestamp may be from now either way (Slack's rule: five minutes).
    public let seconds: TimeInterval
    let now: @Sendable () -> Date

    public init(seconds: TimeInterval = 300, now: @escaping @Sendable () -> Date) {
        self.seconds = seconds
        self.now = now
    }

    /// Whether a header's Unix timestamp is within the window.
    public func accepts(_ header: String?) -> Bool {
        guard let header, let timestamp = TimeInterval(header), timestamp.isFinite else { return false }
        return abs(now().timeIntervalSince1970 - timestamp) <= seconds
    }
}
