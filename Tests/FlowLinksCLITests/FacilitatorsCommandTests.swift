import Foundation
import Testing

@Suite("flowlinks facilitators, as a program")
struct FacilitatorsCommandTests {
    let database = FileManager.default.temporaryDirectory.appendingPathComponent("facilitators-\(UUID()).sqlite").path

    @Test func addListChangeAndRemoveAnAccount() throws {
        let added = try Program.run(["facilitators", "add", "maria", "--db", database], input: ["correct horse battery"])
        #expect(added.status == 0)
        #expect(added.output.contains("Added facilitator maria."))
        let listed = try Program.run(["facilitators", "list", "--db", database], input: [])
        #expect(listed.output.hasPrefix("maria\tcreated "))
        #expect(!listed.output.contains("$2"), "no hash is ever printed")
        let changed = try Program.run(["facilitators", "passwd", "maria", "--db", database], input: ["a brand new passphrase"])
        #expect(changed.output.contains("Changed the password of maria."))
        let removed = try Program.run(["facilitators", "remove", "maria", "--db", database], input: [])
        #expect(removed.status == 0)
        let empty = try Program.run(["facilitators", "list", "--db", database], input: [])
        #expect(empty.output.contains("No facilitator accounts yet."))
    }

    @Test func problemsAreSaidPlainly() throws {
        let weak = try Program.run(["facilitators", "add", "maria", "--db", database], input: ["short"])
        #expect(weak.status == 1)
        #expect(weak.errors.contains("A password needs at least 12 characters."))
        _ = try Program.run(["facilitators", "add", "maria", "--db", database], input: ["correct horse battery"])
        let twice = try Program.run(["facilitators", "add", "MARIA", "--db", database], input: ["correct horse battery"])
        #expect(twice.errors.contains("There is already an account named MARIA."))
        let unknown = try Program.run(["facilitators", "remove", "sam", "--db", database], input: [])
        #expect(unknown.errors.contains("There is no account named sam."))
    }
}
