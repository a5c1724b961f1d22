import ArgumentParser
import FlowLinksReview
import FlowLinksServer
import FlowLinksStore
import Foundation
import Logging

/// `flowlinks workshops create NAME`: a new workshop, its join code and how to join on each channel.
struct WorkshopsCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a workshop and print its join code and how to join on every channel that is on.",
        discussion: """
            flowlinks workshops create "Spring partners workshop" \\
              --organization "Riverside Family Services" --organization "Northside Clinic" \\
              --initiative "Parent Cafe" --initiative "Teen Health" --closes 2027-04-30
            The join instructions come from the server's settings (--config, FLOWLINKS_* variables):
            public_base_url, telegram_bot_username, whatsapp_number and sms_number.
            """)

    @Argument(help: "The workshop's name, as people will see it.")
    var name: String

    @Option(name: .customLong("organization"), help: "An organization people choose from (repeatable).")
    var organizations: [String] = []

    @Option(name: .customLong("initiative"), help: "An initiative people choose from (repeatable).")
    var initiatives: [String] = []

    @Option(help: "The last day people can join, YYYY-MM-DD, in the time_zone setting.")
    var closes: String?

    @Option(help: "The code of an earlier workshop this one follows, to show movement since.")
    var follows: String?

    @OptionGroup var settings: ServerSettingsOptions

    func run() async throws {
        let config = try settings.load()
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ValidationError("The workshop needs a name.") }
        let time = DisplayTime(zoneNamed: config.timeZone) ?? DisplayTime()
        var closesAt: Date?
        if let closes {
            do {
                closesAt = try time.range(from: nil, to: closes).end
            } catch {
                throw ValidationError("--closes: \(error.message(from: "--closes", to: "--closes"))")
            }
        }
        // why: the workshop goes where `serve` reads, so the same settings (file, environment) name the database.
        let workshop = try await DatabaseLocation(config).withStores(
            naming: NamingSteps(organization: nil, initiative: nil), logger: Logger(label: "flowlinks")
        ) { stores in
            var generator = SystemRandomNumberGenerator()
            do {
                return try await stores.workshops.createWorkshop(
                    name: trimmed, organizations: Self.unique(organizations), initiatives: Self.unique(initiatives),
                    closesAt: closesAt, follows: follows, now: Date(), generator: &generator)
            } catch let error as WorkshopError {
                throw StoredSessions.failure("--follows: \(error)")
            }
        }
        print("Created the workshop \"\(workshop.name)\".")
        print("Join code: \(workshop.code)")
        if let closesAt { print("Open until: \(time.stamp(closesAt))") }
        print("")
        print(Self.instructions(JoinInstructions(code: workshop.code, config: config)))
    }

    /// The join instructions as lines for a terminal.
    static func instructions(_ join: JoinInstructions) -> String {
        var lines = ["How to join:", "  In any chat with FlowLinks, send: \(join.joinText)"]
        lines += join.ways.map { "  \($0.channel): \($0.text)" }
        return lines.joined(separator: "\n")
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty && seen.insert($0.lowercased()).inserted
        }
    }
}
