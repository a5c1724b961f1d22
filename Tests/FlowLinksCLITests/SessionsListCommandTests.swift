import FlowLinksTesting
import Foundation
import Testing

/// `flowlinks sessions list` and `sessions delete`, run as a program against a database filled by piped REPL sessions.
@Suite("flowlinks sessions list and delete, as a program")
struct SessionsListCommandTests {
    let database: String

    /// Session 1 is finished (Riverside Family Services), 2 paused (Hillcrest Library), 3 paused (Riverside Arts).
    init() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flowlinks-cli-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = directory.appendingPathComponent("flowlinks.sqlite").path
        for (session, answers) in [
            ("team-a", SampleAnswers.complete), ("team-b", ["Hillcrest Library", "Story Time"]),
            ("team-c", ["Riverside Arts", "Mural_Project"]),
        ] {
            let run = try Program.run(
                ["repl", "--db", database, "--session", session, "--prompts", DefaultPrompts.directory.path],
                input: answers)
            #expect(run.status == 0)
        }
    }

    func sessions(_ arguments: [String], input: [String] = []) throws -> Program.Run {
        try Program.run(
            ["sessions"] + arguments + ["--db", database] + (arguments.first == "list" ? prompts : []), input: input)
    }

    var prompts: [String] { ["--prompts", DefaultPrompts.directory.path] }

    /// The ids of the table's rows, top to bottom.
    func ids(_ output: String) -> [Int] {
        output.split(separator: "\n").compactMap { line in line.split(separator: " ").first.flatMap { Int($0) } }
    }

    /// The table row of a session.
    func row(_ id: Int, in output: String) -> String? {
        output.split(separator: "\n").map(String.init).first { $0.hasPrefix("\(id) ") }
    }

    @Test func listShowsEverySessionNewestFirstInAnAlignedTable() throws {
        let run = try sessions(["list"])
        #expect(run.status == 0)
        #expect(ids(run.output) == [3, 2, 1])
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(lines.first?.contains("ORGANIZATION") == true)
        let finished = try #require(row(1, in: run.output))
        #expect(finished.contains("Riverside Family Services"))
        #expect(finished.contains("Parent Cafe"))
        #expect(finished.contains("completed"))
        #expect(finished.hasSuffix("Involving"))
        #expect(row(2, in: run.output)?.hasSuffix("—") == true)
        let header = try #require(lines.first)
        let column = header.distance(from: header.startIndex, to: try #require(header.range(of: "INITIATIVE")).lowerBound)
        for (id, initiative) in [(1, "Parent Cafe"), (2, "Story Time"), (3, "Mural_Project")] {
            #expect(row(id, in: run.output)?.dropFirst(column).hasPrefix(initiative) == true)
        }
        #expect(run.output.contains("Showing 1–3 of 3 sessions"))
    }

    @Test func filtersNarrowTheList() throws {
        #expect(ids(try sessions(["list", "--organization", "RIVERSIDE"]).output) == [3, 1])
        #expect(ids(try sessions(["list", "--initiative", "story"]).output) == [2])
        #expect(ids(try sessions(["list", "--status", "paused"]).output) == [3, 2])
        #expect(ids(try sessions(["list", "--level", "involving"]).output) == [1])
        #expect(ids(try sessions(["list", "--level", "4"]).output) == [1])
        #expect(ids(try sessions(["list", "--channel", "repl", "--search", "mural_project"]).output) == [3])
        #expect(ids(try sessions(["list", "--search", "_"]).output) == [3])
        let filtered = try sessions(["list", "--organization", "riverside", "--status", "completed"])
        #expect(filtered.output.contains("Showing 1–1 of 1 session"))
    }

    @Test func aFilterThatMatchesNothingSaysSo() throws {
        let run = try sessions(["list", "--channel", "telegram"])
        #expect(run.status == 0)
        #expect(ids(run.output) == [])
        #expect(run.output.contains("No sessions match."))
    }

    @Test func datesSelectTheDaysSessionsStarted() throws {
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
        #expect(ids(try sessions(["list", "--from", today, "--to", today]).output) == [3, 2, 1])
        #expect(ids(try sessions(["list", "--to", "2000-01-31"]).output) == [])
        #expect(ids(try sessions(["list", "--from", "2999-01-01"]).output) == [])
    }

    @Test func pagesShowTheirPartOfTheList() throws {
        let second = try sessions(["list", "--page-size", "2", "--page", "2"])
        #expect(ids(second.output) == [1])
        #expect(second.output.contains("Showing 3–3 of 3 sessions"))
        #expect(ids(try sessions(["list", "--page-size", "2"]).output) == [3, 2])
    }

    @Test func invalidOptionValuesAreRefusedWithAClearMessage() throws {
        let badDate = try sessions(["list", "--from", "2026-02-30"])
        #expect(badDate.status != 0)
        #expect(badDate.errors.contains("--from \"2026-02-30\" is not a day: write it as YYYY-MM-DD"))
        let backwards = try sessions(["list", "--from", "2026-03-02", "--to", "2026-03-01"])
        #expect(backwards.status != 0)
        #expect(backwards.errors.contains("--from is after --to"))
        let badStatus = try sessions(["list", "--status", "finished"])
        #expect(badStatus.status != 0)
        #expect(badStatus.errors.contains("--status finished: not a session state"))
        let badLevel = try sessions(["list", "--level", "9"])
        #expect(badLevel.status != 0)
        #expect(badLevel.errors.contains("--level 9: not a level"))
    }

    @Test func deleteWithYesErasesTheSessionAndTheListNoLongerShowsIt() throws {
        let run = try sessions(["delete", "2", "--yes"])
        #expect(run.status == 0)
        #expect(run.output.contains("Deleted session 2"))
        let list = try sessions(["list"])
        #expect(ids(list.output) == [3, 1])
        #expect(!list.output.contains("Hillcrest"))
        #expect(list.output.contains("Showing 1–2 of 2 sessions"))
    }

    @Test func deleteOfAnUnknownIDFailsAndChangesNothing() throws {
        let run = try sessions(["delete", "42", "--yes"])
        #expect(run.status == 1)
        #expect(run.errors.contains("No session 42"))
        #expect(ids(try sessions(["list"]).output) == [3, 2, 1])
    }

    @Test func deleteWithoutYesAndWithoutATerminalRefuses() throws {
        let run = try sessions(["delete", "2"], input: ["y"])
        #expect(run.status == 1)
        #expect(run.errors.contains("pass --yes"))
        #expect(ids(try sessions(["list"]).output) == [3, 2, 1])
    }
}
