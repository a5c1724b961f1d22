import ArgumentParser
import FlowLinksStore
import Foundation

/// `flowlinks workshops close CODE`: no one new can join; answers already given still count.
struct WorkshopsCloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a workshop to new people; those in it can still finish.")

    @Argument(help: "The workshop's join code.")
    var code: String

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        guard try await database.withStores({ try await $0.workshops.closeWorkshop(code: code, at: Date()) }) else {
            throw StoredSessions.failure("No workshop has the code \(code) in \(database.displayName).")
        }
        print("Closed the workshop \(code.uppercased()): no one new can join.")
    }
}
