import ArgumentParser
import FlowLinksReview
import FlowLinksStore
import Foundation

/// `flowlinks sessions show ID`: one session as a Markdown report.
struct SessionsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a session as Markdown: answers with their changes, the result and the transcript.")

    @Argument(help: "The session's id.")
    var id: Int64

    @Option(help: "SQLite database file.")
    var db = "./flowlinks.sqlite"

    @OptionGroup var prompts: PromptsOptions
    @OptionGroup var time: DisplayTimeOptions

    func run() throws {
        let script = try prompts.loadScript()
        let report = try StoredSessions(path: db).report(id)
        print(SessionMarkdown(report: report, script: script, time: try time.displayTime()).render(), terminator: "")
    }
}
