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

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
