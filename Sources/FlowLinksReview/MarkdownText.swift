import Foundation

/// Makes text safe to place in Markdown: it reads as written and cannot open headings, links,
/// HTML, lists, quotes or code.
enum MarkdownText {
    // why: these characters are significant anywhere in a line (emphasis, links, HTML, entities, tables, code).
    private static let inlineSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~"]
    // why: these are significant only at the start of a line (headings, lists, quotes, setext underlines).
    private static let lineStartSpecials: Set<Character> = ["#", "-", "+", "=", ">"]

    /// The text as Markdown lines, each escaped; leading spaces are dropped so no line becomes code.
    static func lines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map {
            escape($0.trimmingCharacters(in: .whitespaces), atLineStart: true)
        }
    }

    /// The text on one line, after other text: line breaks become spaces.
    static func inline(_ text: String) -> String {
        escape(
            text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " "),
            atLineStart: false)
    }

    /// The text as the body of a list item: continuation lines indented, hard line breaks kept.
    static func listItemBody(_ text: String) -> String {
        let lines = lines(text.trimmingCharacters(in: .newlines))
        var body = ""
        for (index, line) in lines.enumerated() {
            if index > 0 {
                let previousEmpty = lines[index - 1].isEmpty
                body += previousEmpty || line.isEmpty ? "\n" : "  \n"
                if !line.isEmpty { body += "  " }
            }
            body += line
        }
        return body
    }

    private static func escape(_ text: String, atLineStart: Bool) -> String {
        var escaped = ""
        for character in text {
            if inlineSpecials.contains(character) || (atLineStart && escaped.isEmpty && lineStartSpecials.contains(character)) {
                escaped.append("\\")
            }
            escaped.append(character)
        }
        // why: "1. text" or "1) text" at the start of a line would open an ordered list.
        if atLineStart, let match = escaped.firstMatch(of: /^(\d{1,9})([.)])/) {
            escaped.replaceSubrange(match.range, with: "\(match.1)\\\(match.2)")
        }
        return escaped
    }
}
