import Crypto
import Foundation

/// The signature schemes platforms put in a header, checked in constant time.
public enum Signature {
    /// Lower-case hex of HMAC-SHA256 over `message`, keyed by `secret` (Slack, WhatsApp).
    public static func hmacSHA256Hex(_ message: some Collection<UInt8>, secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array(message), using: SymmetricKey(data: Data(secret.utf8)))
        return hex(Array(code))
    }

    /// Whether `signature` (hex) is `publicKey`'s (hex) Ed25519 signature of `message` (Discord).
    public static func isValidEd25519(signature: String?, publicKey: String, message: [UInt8]) -> Bool {
        guard let signature, let signatureBytes = bytes(fromHex: signature), let keyBytes = bytes(fromHex: publicKey),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes)
        else { return false }
        return key.isValidSignature(signatureBytes, for: message)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var characters: [UInt8] = []
        characters.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            characters.append(digits[Int(byte >> 4)])
            characters.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: characters, as: UTF8.self)
    }

    /// The bytes of a hex string; `nil` when it is not whole bytes of hex digits.
    static func bytes(fromHex text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
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
