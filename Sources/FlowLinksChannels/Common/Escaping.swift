import Foundation

/// Escaping for the markup dialects platforms read.
public enum Escaping {
    /// For Telegram's HTML parse mode: `&`, `<` and `>` must be entities.
    public static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// For XML text and attributes (TwiML).
    public static func xml(_ text: String) -> String {
        html(text).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&apos;")
    }
}
