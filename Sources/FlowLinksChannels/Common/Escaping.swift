import Foundation

/// Escaping for the markup dialects platforms read.
public enum Escaping {
    /// For Telegram's HTML parse mode: `&`, `<` and `>` must be entities.
    public static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// For Slack's mrkdwn: the same three characters, as Slack's formatting guide asks.
    public static func mrkdwn(_ text: String) -> String { html(text) }

    /// For Discord's markdown: a backslash before each character that would start formatting, so
    /// an initiative called "*Parent* Cafe" reads as typed.
    public static func discordMarkdown(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            if "\\*_~`|>".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// For Mattermost's markdown: a backslash before each character that would start formatting
    /// or a link (so `![t](http://x)` cannot load an image), and a zero-width space after an `@`
    /// that starts a word, so "@all" reads as typed instead of notifying the whole channel.
    public static func mattermostMarkdown(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        var previous: Character?
        for character in text {
            let startsLine = previous == nil || previous == "\n"
            if "\\`*_~|[]".contains(character) || (startsLine && "#>".contains(character)) { escaped.append("\\") }
            escaped.append(character)
            // why: Mattermost finds mentions in the raw text, where a backslash does not hide them;
            // it splits words at anything but letters, digits and `.-_:@`, so U+200B ends the word.
            if character == "@", previous.map({ !$0.isLetter && !$0.isNumber }) ?? true {
                escaped.append("\u{200B}")
            }
            previous = character
        }
        return escaped
    }

    /// For XML text and attributes (TwiML).
    public static func xml(_ text: String) -> String {
        html(text).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&apos;")
    }
}
