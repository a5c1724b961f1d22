import FlowLinksReview
import FlowLinksTesting
import Foundation
import Testing

@Suite("CSV export of all sessions")
struct SessionsCSVTests {
    /// Three sessions: tricky, plain and unfinished, as rows read back by Python's csv module.
    func parsedRows() async throws -> (csv: String, rows: [[String]]) {
        var fixtures = try ReviewFixtures()
        _ = try await fixtures.trickySession()
        _ = try await fixtures.plainSession()
        _ = try await fixtures.unfinishedSession()
        let csv = SessionsCSV(reports: try await fixtures.reports(), script: DefaultPrompts.script).render()
        return (csv, try PythonCSV.parse(csv))
    }

    @Test func theHeaderNamesTheSessionColumnsEveryStepAndTheResult() async throws {
        let header = try #require(try await parsedRows().rows.first)
        let steps = DefaultPrompts.script.steps.map(\.id)
        #expect(
            header == ["session_id", "channel", "language", "status", "created_at", "updated_at", "content_version"] + steps
                + ["recommended_level", "overall_level", "fit_ceiling", "words_check"])
    }

    @Test func thereIsOneRowPerSessionEachAsWideAsTheHeader() async throws {
        let (csv, rows) = try await parsedRows()
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.count == rows[0].count })
        #expect(rows.dropFirst().map { $0[0] } == ["1", "2", "3"])
        #expect(rows.dropFirst().map { $0[3] } == ["completed", "completed", "active"])
        #expect(csv.hasSuffix("\r\n"))
        #expect(csv.components(separatedBy: "\r\n").first?.hasPrefix("session_id,channel,") == true)
    }

    @Test func trickyAnswersRoundTripAndFormulasAreDefused() async throws {
        let rows = try await parsedRows().rows
        let header = rows[0]
        let tricky = Dictionary(uniqueKeysWithValues: zip(header, rows[1]))
        #expect(tricky["organization"] == "Riverside, \"Family\" Services")
        #expect(tricky["initiative"] == ReviewFixtures.trickyInitiative)
        #expect(tricky["purpose"] == ReviewFixtures.trickyPurpose)
        #expect(tricky["outcomes"] == "'=SUM(A1)")
        #expect(tricky["benefit"] == "Yes (partners reach families we can't)")
        #expect(tricky["recommended_level"] == "Involving")
        let unfinished = Dictionary(uniqueKeysWithValues: zip(header, rows[3]))
        #expect(unfinished["organization"] == "Lakeside Trust")
        #expect(unfinished["recommended_level"] == "")
    }

    @Test func cellsThatStartLikeAFormulaGetAQuote() {
        let csv = SessionsCSV(reports: [], script: DefaultPrompts.script)
        #expect(csv.render().hasSuffix("words_check\r\n"))
        for value in ["=1+1", "+1", "-1", "@SUM(A1)"] {
            #expect(SessionsCSV.defused(value) == "'" + value)
        }
        #expect(SessionsCSV.defused("plain") == "plain")
    }

    @Test func aFormulaSignCarryingACombiningMarkIsDefusedToo() {
        for value in ["=\u{301}1+1", "+\u{20DD}HYPERLINK(\"http://x\")", "@\u{0308}SUM(A1)"] {
            #expect(SessionsCSV.defused(value) == "'" + value)
        }
    }
}

/// Parses CSV with Python's standard csv module, the way a spreadsheet import would read it.
enum PythonCSV {
    static func parse(_ csv: String) throws -> [[String]] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("flowlinks-\(UUID()).csv")
        try Data(csv.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))",
            file.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ParseError.failed }
        return try JSONDecoder().decode([[String]].self, from: data)
    }

    enum ParseError: Error { case failed }
}
