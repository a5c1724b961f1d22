import Foundation

/// Splits a long message into parts that fit a platform's limit, at paragraph, line or word
/// boundaries where it can, keeping the order.
public struct TextSplitter: Sendable {
    /// The most UTF-16 code units a part may hold (what Telegram and Twilio count).
    public let limit: Int

    public init(limit: Int) { self.limit = limit }

    public func split(_ text: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(text)
        while rest.utf16.count > limit {
            let cut = cutIndex(in: rest)
            let part = rest[..<cut].trimmingCharacters(in: .whitespacesAndNewlines)
            if !part.isEmpty { parts.append(part) }
            rest = rest[cut...].drop { $0.isWhitespace }
        }
        if !rest.isEmpty { parts.append(String(rest)) }
        return parts
    }

    /// The last good place to cut within the limit: a blank line, a line break, a space, or the limit.
    private func cutIndex(in text: Substring) -> Substring.Index {
        var end = text.startIndex
        var used = 0
        for index in text.indices {
            used += text[index].utf16.count
            if used > limit { break }
            end = text.index(after: index)
        }
        let window = text[..<end]
        for separator in ["\n\n", "\n", " "] {
            if let range = window.range(of: separator, options: .backwards), range.lowerBound > window.startIndex {
                return range.upperBound
            }
        }
        return end
    }
}
