import ArgumentParser
import FlowLinksReview
import Foundation

/// `flowlinks sessions export`: one session as Markdown or JSON, or every session as CSV.
struct SessionsExportCommand: AsyncParsableCommand {
    enum Format: String, CaseIterable, ExpressibleByArgument { case md, json, csv }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export one session as Markdown or JSON, or all sessions as CSV.",
        discussion: """
            flowlinks sessions export 12 --format md
            flowlinks sessions export 12 --format json --output session-12.json
            flowlinks sessions export --all --format csv --output sessions.csv
            """)

    @Argument(help: "The session's id (for md and json).")
    var id: Int64?

    @Option(help: "md or json for one session; csv for all sessions (with --all).")
    var format: Format

    @Flag(help: "Export every session (csv only).")
    var all = false

    @OptionGroup var database: DatabaseOption

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var prompts: PromptsOptions
    @OptionGroup var time: DisplayTimeOptions

    func validate() throws {
        switch format {
        case .csv:
            guard all, id == nil else {
                throw ValidationError("CSV exports all sessions: use --all --format csv, without an id.")
            }
        case .md, .json:
            guard !all else { throw ValidationError("--all works with --format csv; md and json export one session.") }
            guard id != nil else {
                throw ValidationError("Give the session's id, e.g. flowlinks sessions export 12 --format \(format).")
            }
        }
    }

    func run() async throws {
        let script = try prompts.loadScript()
        let time = try time.displayTime()
        let data = try await StoredSessions.with(database, script: script) { sessions in
            switch format {
            case .csv: Data(SessionsCSV(reports: try await sessions.allReports(), script: script, time: time).render().utf8)
            case .md: Data(SessionMarkdown(report: try await sessions.report(id ?? 0), script: script, time: time).render().utf8)
            case .json: try SessionJSON(report: try await sessions.report(id ?? 0), script: script).render() + Data("\n".utf8)
            }
        }
        if let output {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
