/// The store's one rule for text holding U+0000 (NUL). SQLite receives a Swift string as a C
/// string and would silently cut it at the first NUL, so no text is bound with one:
/// - free text (messages, answers, notes, participant names, filter and search words) has each
///   NUL replaced by U+FFFD and is stored whole;
/// - a key that names a row (a channel, conversation, event id, username, note author) is
///   refused, since two different keys would otherwise be stored as one.
package enum StoredText {
    static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// `text` with every NUL replaced by U+FFFD.
    package static func free(_ text: String) -> String {
        // why: almost no text holds a NUL; checking the bytes first keeps the common case a scan.
        guard text.utf8.contains(0) else { return text }
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { cleaned.append(scalar == "\u{0}" ? replacement : scalar) }
        return String(cleaned)
    }

    package static func free(_ text: String?) -> String? { text.map(free) }

    /// `key` unchanged, or `StoreInputError.nulInKey` when it holds a NUL.
    @discardableResult
    package static func key(_ key: String, _ name: String) throws -> String {
        guard !key.utf8.contains(0) else { throw StoreInputError.nulInKey(name) }
        return key
    }

    /// Whether `key` can name a row at all; a lookup by a key that cannot finds nothing.
    static func isPossibleKey(_ key: String) -> Bool { !key.utf8.contains(0) }
}

/// Input the store refuses to write or look up.
public enum StoreInputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A key (channel, conversation, event id, username) holds a NUL character.
    case nulInKey(String)

    public var description: String {
        switch self {
        case .nulInKey(let name): "The \(name) holds a NUL character, which no key may hold."
        }
    }
}
