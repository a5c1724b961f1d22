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
            let part: Substring
            if let cut = cutIndex(in: rest) {
                part = rest[..<cut]
                rest = rest[cut...].drop { $0.isWhitespace }
            } else {
                // why: one character longer than the limit (a letter with thousands of combining
                // marks) has no boundary inside it; cut between its unicode scalars.
                let scalars = rest.unicodeScalars
                let cut = scalarCut(in: scalars)
                part = Substring(scalars[..<cut])
                rest = Substring(scalars[cut...])
            }
            let trimmed = part.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { parts.append(trimmed) }
        }
        if !rest.isEmpty { parts.append(String(rest)) }
        return parts
    }

    /// The last good place to cut within the limit: a blank line, a line break, a space, or the
    /// limit itself; `nil` when not even the first character fits.
    private func cutIndex(in text: Substring) -> Substring.Index? {
        var end = text.startIndex
        var used = 0
        for index in text.indices {
            used += text[index].utf16.count
            if used > limit { break }
            end = text.index(after: index)
        }
        guard end > text.startIndex else { return nil }
        let window = text[..<end]
        for separator in ["\n\n", "\n", " "] {
            if let range = window.range(of: separator, options: .backwards), range.lowerBound > window.startIndex {
                return range.upperBound
            }
        }
        return end
    }

    /// As many scalars as fit in the limit, and at least one.
    private func scalarCut(in scalars: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView.Index {
        var used = 0
        var index = scalars.startIndex
        while index < scalars.endIndex, used + scalars[index].utf16.count <= limit {
            used += scalars[index].utf16.count
            index = scalars.index(after: index)
        }
        return index == scalars.startIndex ? scalars.index(after: index) : index
    }
}
