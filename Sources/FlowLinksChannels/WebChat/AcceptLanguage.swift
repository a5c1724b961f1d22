import Foundation

/// A browser's `Accept-Language` header, read for the language it prefers most.
public enum AcceptLanguage {
    /// The tag with the highest weight ("es-MX" from "es-MX,es;q=0.9,en;q=0.8"); `nil` when none.
    public static func preferred(_ header: String?) -> String? {
        guard let header, header.utf8.count <= 500 else { return nil }
        var best: (tag: String, weight: Double)?
        for entry in header.split(separator: ",") {
            let parts = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, !tag.isEmpty, tag != "*" else { continue }
            let weight = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            // why: the first of equal weights wins, as browsers list them in order of preference.
            if weight > 0, weight > (best?.weight ?? 0) { best = (tag, weight) }
        }
        return best?.tag
    }
}
