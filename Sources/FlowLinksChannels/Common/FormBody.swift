import Foundation

/// An `application/x-www-form-urlencoded` body, as sent by Twilio and Mattermost.
public struct FormBody: Sendable {
    public let fields: [(name: String, value: String)]

    /// Parses the body; `nil` when it is not valid form encoding or not UTF-8.
    public init?(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        var fields: [(name: String, value: String)] = []
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                return nil
            }
            fields.append((name, value))
        }
        self.fields = fields
    }

    public subscript(name: String) -> String? { fields.first { $0.name == name }?.value }

    /// `+` as a space, `%XX` as a byte, and the bytes as UTF-8; `nil` when an escape or the UTF-8 is bad.
    private static func decode(_ text: Substring) -> String? {
        // why: Foundation's `removingPercentEncoding` drops a leading byte order mark, which changed
        // the text a person sent and broke Twilio's signature, computed over the text with it.
        let encoded = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var index = 0
        while index < encoded.count {
            switch encoded[index] {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
                index += 1
            case UInt8(ascii: "%"):
                guard index + 2 < encoded.count, let high = Hex.value(of: encoded[index + 1]),
                    let low = Hex.value(of: encoded[index + 2])
                else { return nil }
                bytes.append(high << 4 | low)
                index += 3
            case let byte:
                bytes.append(byte)
                index += 1
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
