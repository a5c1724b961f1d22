import FlowLinksTesting
import Foundation
import Testing

/// `flowlinks sessions show` and `export`, run as a program against a database filled by `repl`.
@Suite("flowlinks sessions show and export, as a program")
struct SessionsExportCommandTests {
    let workDirectory: URL

    init() throws {
        workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("flowlinks-cli-\(UUID())")
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
    }

    var database: String { workDirectory.appendingPathComponent("flowlinks.sqlite").path }

    /// One finished session whose organization holds a comma, quotes and markup, and one unfinished one.
    func fillDatabase() throws {
        var answers = SampleAnswers.complete
        answers[0] = "Riverside, \"Family\" <b>Services</b>"
        let finished = try Program.run(["repl", "--db", database, "--session", "team-a"], input: answers)
        #expect(finished.status == 0)
        let unfinished = try Program.run(["repl", "--db", database, "--session", "team-b"], input: ["=cmd()"])
        #expect(unfinished.status == 0)
    }

    @Test func showPrintsTheMarkdownReport() throws {
        try fillDatabase()
        let run = try Program.run(["sessions", "show", "1", "--db", database], input: [])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("# Riverside, \"Family\" \\<b\\>Services\\</b\\>: Parent Cafe"))
        #expect(run.output.contains("- Recommended level: **Involving**"))
        #expect(run.output.contains("## Transcript"))
        #expect(run.output.contains("· FlowLinks:** Hi, I'm FlowLinks"))
    }

    @Test func showExplainsAMissingSession() throws {
        try fillDatabase()
        let run = try Program.run(["sessions", "show", "99", "--db", database], input: [])
        #expect(run.status == 1)
        #expect(run.errors.contains("No session 99 in \(database)."))
        let noDatabase = try Program.run(["sessions", "show", "1", "--db", database + ".missing"], input: [])
        #expect(noDatabase.status == 1)
        #expect(noDatabase.errors.contains("No database at"))
    }

    @Test func exportWritesOneSessionAsJSON() throws {
        try fillDatabase()
        let run = try Program.run(["sessions", "export", "1", "--format", "json", "--db", database], input: [])
        #expect(run.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let session = try #require(document["session"] as? [String: Any])
        #expect(session["organization"] as? String == "Riverside, \"Family\" <b>Services</b>")
        let result = try #require(document["result"] as? [String: Any])
        #expect((result["recommended"] as? [String: Any])?["name"] as? String == "Involving")
        #expect((document["transcript"] as? [Any])?.isEmpty == false)
    }

    @Test func exportWritesAllSessionsAsCSVToAFile() throws {
        try fillDatabase()
        let file = workDirectory.appendingPathComponent("sessions.csv")
        let run = try Program.run(
            ["sessions", "export", "--all", "--format", "csv", "--db", database, "--output", file.path], input: [])
        #expect(run.status == 0)
        let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\r\n")
        #expect(lines.count == 4)  // header, two sessions, and the empty string after the last CRLF
        #expect(lines[0].hasPrefix("session_id,channel,language,status,created_at,updated_at,content_version,organization,"))
        #expect(lines[0].hasSuffix(",recommended_level,overall_level,fit_ceiling,words_check"))
        #expect(lines[1].hasPrefix("1,repl,en,completed,"))
        #expect(lines[1].contains(",\"Riverside, \"\"Family\"\" <b>Services</b>\",Parent Cafe,"))
        #expect(lines[1].hasSuffix(",Involving,Informing,Involving,overpromising"))
        #expect(lines[2].hasPrefix("2,repl,en,paused,"))
        #expect(lines[2].contains(",'=cmd(),"))
    }

    @Test func exportRefusesFormatsThatDoNotFitTheRequest() throws {
        let csvWithID = try Program.run(["sessions", "export", "1", "--format", "csv", "--db", database], input: [])
        #expect(csvWithID.status != 0)
        #expect(csvWithID.errors.contains("--all"))
        let jsonForAll = try Program.run(["sessions", "export", "--all", "--format", "json", "--db", database], input: [])
        #expect(jsonForAll.status != 0)
        #expect(jsonForAll.errors.contains("md and json export one session"))
        let noID = try Program.run(["sessions", "export", "--format", "md", "--db", database], input: [])
        #expect(noID.status != 0)
        #expect(noID.errors.contains("Give the session's id"))
    }
}
