import FlowLinksCore
import FlowLinksStore
import Foundation

/// Sessions as CSV (RFC 4180): a header row, then one row per session with a column per step of the
/// script holding the answer in words. Lines end with CRLF. A cell that a spreadsheet would read as
/// a formula starts with `'`.
public struct SessionsCSV: Sendable {
    public let script: Script
    public let reports: [SessionReport]

    /// The zone its times are written in (ISO 8601, with the offset).
    public let time: DisplayTime

    public init(reports: [SessionReport], script: Script, time: DisplayTime = DisplayTime()) {
        self.time = time
        self.reports = reports
        self.script = script
    }

    /// The column names, in order.
    public var header: [String] {
        ["session_id", "channel", "language", "status", "created_at", "updated_at", "content_version"] + script.steps.map(\.id)
            + ["recommended_level", "overall_level", "fit_ceiling", "words_check"]
    }

    /// The whole file.
    public func render() -> String {
        ([header] + reports.map(row)).map { $0.map(Self.cell).joined(separator: ",") + "\r\n" }.joined()
    }

    /// The values of one session's row, before quoting.
    func row(_ report: SessionReport) -> [String] {
        let session = ReviewedSession(report: report, script: script)
        let record = report.session
        let current = report.currentAnswers
        var values = [
            String(session.id), record.channel, session.languageCode, record.status.rawValue, time.iso(record.createdAt),
            time.iso(record.updatedAt), record.contentVersion,
        ]
        values += script.steps.map { step in current[step.id].map(session.words) ?? "" }
        if let recommendation = report.result?.result.recommendation {
            values += [
                session.name(of: recommendation.recommended), session.name(of: recommendation.overallCurrent),
                session.name(of: recommendation.fitCeiling), recommendation.wordsCheck.rawValue,
            ]
        } else {
            values += ["", "", "", ""]
        }
        return values
    }

    // why: spreadsheets run a cell that starts with one of these as a formula (CSV injection).
    // Checked on the first Unicode scalar: "=" followed by a combining mark is one Character that
    // is not "=", yet a spreadsheet still reads the "=".
    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// The value with a leading `'` when a spreadsheet would run it as a formula.
    public static func defused(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, formulaStarts.contains(first) else { return value }
        return "'" + value
    }

    /// One cell: defused against formulas, quoted when it holds a quote, comma or line break.
    static func cell(_ value: String) -> String {
        let value = defused(value)
        guard value.contains(where: { $0 == "\"" || $0 == "," || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
