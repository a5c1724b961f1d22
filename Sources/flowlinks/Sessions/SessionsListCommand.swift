import ArgumentParser
import FlowLinksCore
import FlowLinksReview
import FlowLinksStore
import Foundation

/// `flowlinks sessions list`: the sessions that match some filters, newest first, a page at a time.
struct SessionsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List sessions, newest first, with filters and search.")

    @OptionGroup var database: DatabaseOption

    @Option(help: "Only sessions in this state: \(SessionStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
    var status: String?

    @Option(help: "Only sessions on this channel (repl, generic, slack, telegram, whatsapp, twilio, discord, mattermost).")
    var channel: String?

    @Option(help: "Only organizations whose name contains this text, in any case.")
    var organization: String?

    @Option(help: "Only initiatives whose name contains this text, in any case.")
    var initiative: String?

    @Option(help: "Only finished sessions recommending this level: its number (1–5) or its name.")
    var level: String?

    @Option(help: "Only sessions started on or after this day (YYYY-MM-DD, in the --time-zone).")
    var from: String?

    @Option(help: "Only sessions started on or before this day (YYYY-MM-DD, in the --time-zone).")
    var to: String?

    @Option(help: "Only sessions whose answers or transcript contain this text, in any case.")
    var search: String?

    @Option(help: "The page to show, from 1.")
    var page = 1

    @Option(help: "Sessions per page.")
    var pageSize = 25

    @OptionGroup var prompts: PromptsOptions
    @OptionGroup var time: DisplayTimeOptions

    func validate() throws {
        if let status, SessionStatus(rawValue: status) == nil {
            let known = SessionStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--status \(status): not a session state; use one of \(known)")
        }
        guard page >= 1 else { throw ValidationError("--page \(page): pages count from 1") }
        guard pageSize >= 1 else { throw ValidationError("--page-size \(pageSize): must be at least 1") }
        _ = try days(in: time.displayTime())
        // why: a level may be named, and names come from the chart, so the content is loaded to check it.
        if let level, Int(level).flatMap(EngagementLevel.init(rawValue:)) == nil {
            _ = try Self.level(level, in: prompts.loadScript().chart)
        }
    }

    func run() async throws {
        let script = try prompts.loadScript()
        let chart = script.chart
        let time = try time.displayTime()
        let filter = try filter(chart: chart, time: time)
        let page = try await StoredSessions.with(database, script: script) { try await $0.review.sessions(matching: filter) }
        print(SessionListTable(chart: chart, time: time).render(page), terminator: "")
    }

    /// The store's filter for the options; `--to` takes in the whole of its day.
    func filter(chart: Chart, time: DisplayTime) throws -> SessionFilter {
        let days = try days(in: time)
        return SessionFilter(
            status: status.flatMap(SessionStatus.init(rawValue:)), channel: channel, organization: organization,
            initiative: initiative, recommendedLevel: try level.map { try Self.level($0, in: chart).rawValue },
            from: days.start, to: days.end, search: search, page: page, pageSize: pageSize)
    }

    /// The moments `--from` and `--to` cover, read the same way as the web page's filter.
    private func days(in time: DisplayTime) throws -> DayRange {
        do {
            return try time.range(from: from, to: to)
        } catch {
            throw ValidationError(error.message(from: "--from", to: "--to"))
        }
    }

    /// A level given by number or by the chart's name or key for it, in any case.
    static func level(_ text: String, in chart: Chart) throws -> EngagementLevel {
        if let number = Int(text), let level = EngagementLevel(rawValue: number) { return level }
        let wanted = text.lowercased()
        if let match = chart.levels.first(where: { $0.name.lowercased() == wanted || $0.key.lowercased() == wanted }) {
            return match.level
        }
        let names = chart.levels.map { "\($0.level.rawValue) \($0.name)" }.joined(separator: ", ")
        throw ValidationError("--level \(text): not a level; use one of \(names)")
    }
}
