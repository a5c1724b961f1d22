import ArgumentParser
import FlowLinksReview
import FlowLinksStore
import Foundation

/// `flowlinks workshops show CODE`: the workshop's team views as Markdown, JSON or CSV.
struct WorkshopsShowCommand: AsyncParsableCommand {
    enum Format: String, CaseIterable, ExpressibleByArgument { case md, json, csv }

    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a workshop's team views: each row's levels, middle, spread and flags, the team recommendation.",
        discussion: """
            flowlinks workshops show KMPRTV
            flowlinks workshops show KMPRTV --format json --output workshop.json
            """)

    @Argument(help: "The workshop's join code.")
    var code: String

    @Option(help: "md (default), json or csv.")
    var format: Format = .md

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var database: DatabaseOption
    @OptionGroup var prompts: PromptsOptions
    @OptionGroup var time: DisplayTimeOptions

    func run() async throws {
        let script = try prompts.loadScript()
        guard let report = try await database.withStores(script: script, { try await $0.workshops.workshopReport(code: code) })
        else {
            throw StoredSessions.failure("No workshop has the code \(code) in \(database.displayName).")
        }
        let workshop = ReviewedWorkshop(report: report, script: script)
        let bytes: Data
        switch format {
        case .md: bytes = Data(WorkshopMarkdown(workshop: workshop, time: try time.displayTime(), now: Date()).render().utf8)
        case .json: bytes = try WorkshopJSON(workshop: workshop, now: Date()).render() + Data("\n".utf8)
        case .csv: bytes = Data(WorkshopCSV(workshop: workshop).render().utf8)
        }
        guard let output else {
            FileHandle.standardOutput.write(bytes)
            return
        }
        do {
            try bytes.write(to: URL(fileURLWithPath: output))
        } catch {
            throw StoredSessions.failure("Cannot write \(output): \(error.localizedDescription)")
        }
    }
}
