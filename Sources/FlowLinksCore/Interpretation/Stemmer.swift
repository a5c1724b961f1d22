import CLibStemmer
import Foundation

/// A Snowball stemmer for one language ("implementing", "implemented" → "implement"), from the
/// system's libstemmer. Safe to share between threads.
public final class Stemmer: @unchecked Sendable {
    /// The Snowball algorithm's name, as `language.yaml` gives it: "english", "spanish", …
    public let language: String
    private let stemmer: OpaquePointer
    // why: an `sb_stemmer` writes each result into its own buffer, so two threads must not stem with
    // it at once. A lock costs less than a stemmer per call (see docs/interpretation.md).
    private let lock = NSLock()

    /// A stemmer for `language`, or `nil` when libstemmer has no such algorithm.
    public init?(language: String) {
        guard let stemmer = sb_stemmer_new(language, "UTF_8") else { return nil }
        self.language = language
        self.stemmer = stemmer
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of one lower-case word.
    public func stem(_ word: String) -> String {
        // why: words this short have no suffix to remove, and most replies are full of them.
        guard word.utf8.count > 3 else { return word }
        var word = word
        return word.withUTF8 { bytes in
            lock.lock()
            defer { lock.unlock() }
            guard let result = sb_stemmer_stem(stemmer, bytes.baseAddress, Int32(bytes.count)) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }

    /// The languages libstemmer knows, for the Prompts check.
    public static var languages: [String] {
        var names: [String] = []
        guard var list = sb_stemmer_list() else { return names }
        while let name = list.pointee {
            names.append(String(cString: name))
            list += 1
        }
        return names
    }
}
