import ArgumentParser
import FlowLinksReview
import FlowLinksStore
import Foundation

/// `flowlinks sessions show ID`: one session as a Markdown report.
struct SessionsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a session as Markdown: answers with their changes, the result and the transcript.")

    @Argument(help: "The session's id.")
    var id: Int64

    @OptionGroup var database: DatabaseOption

    @OptionGroup var prompts: PromptsOptions
    @OptionGroup var time: DisplayTimeOptions

    func run() async throws {
        let script = try prompts.loadScript()
        let report = try await StoredSessions.with(database, script: script) { try await $0.report(id) }
        print(SessionMarkdown(report: report, script: script, time: try time.displayTime()).render(), terminator: "")
    }
}
