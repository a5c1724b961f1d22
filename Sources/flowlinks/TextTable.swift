import Foundation

/// Rows of text in aligned columns, for the terminal.
struct TextTable {
    var header: [String]
    var rows: [[String]]

    /// One line per row, the header first, without trailing spaces.
    var lines: [String] {
        // why: widths in Characters, not UTF-16 units, so accented and other non-ASCII names line up.
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
                .replacing(/\s+$/, with: "")
        }
    }

    /// Text made safe for one cell: control characters (a terminal's escape sequences, line breaks)
    /// become spaces, and text longer than `widest` is cut.
    static func cell(_ text: String?, widest: Int) -> String {
        guard let text, !text.isEmpty else { return "—" }
        let flat = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        return flat.count > widest ? flat.prefix(widest - 1) + "…" : flat
    }
}
