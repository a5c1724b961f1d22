import FlowLinksTesting
import Foundation
import Testing

/// `flowlinks workshops`, run as a program; people join with `repl`.
@Suite("flowlinks workshops, as a program")
struct WorkshopsCommandTests {
    let workDirectory: URL

    init() throws {
        workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("flowlinks-cli-\(UUID())")
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
    }

    var database: String { workDirectory.appendingPathComponent("flowlinks.sqlite").path }

    /// Creates the workshop and returns its code.
    func create(_ extra: [String] = []) throws -> String {
        let run = try Program.run(
            [
                "workshops", "create", "Spring partners workshop", "--db", database, "--organization", WorkshopPeople.riverside,
                "--initiative", WorkshopPeople.parentCafe, "--set", "public_base_url=https://flowlinks.example.org",
            ] + extra, input: [])
        #expect(run.status == 0, "\(run.errors)")
        let line = try #require(run.output.split(separator: "\n").first { $0.hasPrefix("Join code: ") })
        let code = String(line.dropFirst("Join code: ".count))
        #expect(run.output.contains("In any chat with FlowLinks, send: join \(code)"))
        #expect(run.output.contains("Web chat: Open https://flowlinks.example.org/chat/\(code) in a browser."))
        return code
    }

    @Test func createJoinShowListAndClose() throws {
        let code = try create(["--closes", "2099-12-31"])
        for (index, replies) in (WorkshopPeople.riversideMembers + WorkshopPeople.riversidePartners).enumerated() {
            let run = try Program.run(
                ["repl", "--db", database, "--session", "person-\(index)"], input: ["join \(code.lowercased())"] + replies)
            #expect(run.status == 0)
        }
        let json = try Program.run(["workshops", "show", code, "--format", "json", "--db", database], input: [])
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let team = try #require((document["teams"] as? [[String: Any]])?.first)
        #expect(team["organization"] as? String == WorkshopPeople.riverside)
        #expect(team["members"] as? Int == 3)
        #expect(team["partners"] as? Int == 2)
        let decisions = try #require(team["decisions"] as? [String: Any])
        #expect(decisions["member_levels"] as? [Int] == [2, 4, 4])
        #expect(decisions["partner_levels"] as? [Int] == [1, 2])
        #expect(decisions["middle"] as? Int == 4)
        #expect(decisions["spread"] as? Int == 2)
        #expect(decisions["flags"] as? [String] == ["members_apart", "partners_below"])
        let markdown = try Program.run(["workshops", "show", code, "--db", database], input: [])
        #expect(markdown.output.contains("### Team recommendation: 4. Involving"))
        let csv = try Program.run(["workshops", "show", code, "--format", "csv", "--db", database], input: [])
        #expect(csv.output.hasPrefix("workshop,organization,initiative,members,partners,dimension,member_levels"))
        let list = try Program.run(["workshops", "list", "--db", database], input: [])
        #expect(list.output.contains(code) && list.output.contains("open") && list.output.contains("Spring partners workshop"))
        let close = try Program.run(["workshops", "close", code, "--db", database], input: [])
        #expect(close.status == 0)
        let late = try Program.run(["repl", "--db", database, "--session", "late"], input: ["join \(code)"])
        #expect(late.output.contains("is closed"))
        #expect(try Program.run(["workshops", "list", "--db", database], input: []).output.contains("closed"))
    }

    @Test func unknownCodesAndBadDaysAreExplained() throws {
        let code = try create()
        let missing = try Program.run(["workshops", "show", "ZZZZZZ", "--db", database], input: [])
        #expect(missing.status == 1)
        #expect(missing.errors.contains("No workshop has the code ZZZZZZ"))
        let badDay = try Program.run(["workshops", "create", "X", "--db", database, "--closes", "2027-02-30"], input: [])
        #expect(badDay.status != 0)
        let follows = try Program.run(["workshops", "create", "Autumn", "--db", database, "--follows", "ZZZZZZ"], input: [])
        #expect(follows.status == 1)
        #expect(follows.errors.contains("No workshop has the code ZZZZZZ"))
        let later = try Program.run(["workshops", "create", "Autumn", "--db", database, "--follows", code], input: [])
        #expect(later.status == 0)
    }
}
