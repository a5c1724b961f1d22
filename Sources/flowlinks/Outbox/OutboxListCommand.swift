import ArgumentParser
import FlowLinksReview
import FlowLinksStore
import Foundation

/// `flowlinks outbox list`: the outbox as a table, newest first.
struct OutboxListCommand: AsyncParsableCommand {
    enum Shown: String, CaseIterable, ExpressibleByArgument {
        case failed, pending, sent, all

        var statuses: Set<OutboxRecord.Status> {
            switch self {
            case .failed: [.failed]
            case .pending: [.pending]
            case .sent: [.sent]
            case .all: Set(OutboxRecord.Status.allCases)
            }
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List queued platform deliveries, newest first (default: failed and pending).")

    @Option(help: "Which deliveries: failed, pending, sent or all (default: failed and pending).")
    var status: Shown?

    @Option(help: "Show at most this many.")
    var limit = 100

    @OptionGroup var database: DatabaseOption
    @OptionGroup var time: DisplayTimeOptions

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit \(limit): must be at least 1") }
    }

    func run() async throws {
        let statuses = status?.statuses ?? [.failed, .pending]
        let page = try await database.withStores { try await $0.outbox.outboxCalls(withStatus: statuses, limit: limit) }
        print(OutboxTable(page: page, statuses: statuses, time: try time.displayTime()).render(), terminator: "")
    }
}

/// The outbox's calls as an aligned table, with a line saying how many there are.
struct OutboxTable {
    let page: OutboxPage
    let statuses: Set<OutboxRecord.Status>
    let time: DisplayTime

    /// "failed", "failed or pending", "failed, pending or sent".
    var statusNames: String {
        let names = [OutboxRecord.Status.failed, .pending, .sent].filter(statuses.contains).map(\.rawValue)
        guard let last = names.last, names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }

    func render() -> String {
        guard !page.calls.isEmpty else { return "No \(statusNames) deliveries.\n" }
        let header = [
            "ID", "CHANNEL", "CONVERSATION", "METHOD", "STATUS", "ATTEMPTS", "NEXT ATTEMPT", "LAST ERROR", "CREATED",
        ]
        let rows = page.calls.map { call in
            [
                call.id.map(String.init) ?? "—", TextTable.cell(call.channel, widest: 16),
                TextTable.cell(call.conversation, widest: 24), TextTable.cell(call.method, widest: 24),
                call.status.rawValue, String(call.attempts),
                call.status == .pending ? time.stamp(call.nextAttemptAt) : "—",
                TextTable.cell(call.lastError, widest: 48), time.stamp(call.createdAt),
            ]
        }
        let total = page.total == 1 ? "1 \(statusNames) delivery" : "\(page.total) \(statusNames) deliveries"
        let shown =
            page.calls.count == page.total
            ? "Showing \(total)" : "Showing the newest \(page.calls.count) of \(total) (see --limit)"
        return (TextTable(header: header, rows: rows).lines + ["", shown]).joined(separator: "\n") + "\n"
    }
}
