import Foundation

/// What every backend's sessions query takes from a filter in the same way.
extension SessionFilter {
    /// The page size used: at least 1.
    public var effectivePageSize: Int { max(1, pageSize) }

    /// The page returned: at least 1, and never so far that its offset would overflow.
    // why: any page number may come from a URL; past this one the offset would overflow (and
    // every page there is empty anyway).
    public var effectivePage: Int { min(max(1, page), Int.max / effectivePageSize) }

    /// The number of matches before the page returned.
    public var offset: Int { (effectivePage - 1) * effectivePageSize }

    /// The channel to match as stored: a NUL becomes U+FFFD as it does in stored text.
    // why: stored text never holds a NUL (`StoredText`); a filter's NUL becomes U+FFFD the same way,
    // so it matches what was stored rather than being cut short at the binding.
    public var storedChannel: String? { channel.map(StoredText.free) }

    /// A LIKE pattern (escape character `\`) that matches `text` anywhere, literally and lower-cased:
    /// its wildcards are escaped.
    public static func likePattern(containing text: String) -> String {
        var escaped = ""
        for character in StoredText.free(text).lowercased() {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }
}
