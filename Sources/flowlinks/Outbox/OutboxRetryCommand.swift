import ArgumentParser
import FlowLinksStore
import Foundation

/// `flowlinks outbox retry`: puts failed deliveries back in the queue for the running server.
struct OutboxRetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Re-queue failed deliveries, by id or all of them, for the running server to deliver.",
        discussion: """
            A re-queued delivery is pending again, due now, with its count of attempts back at 0, so it gets \
            the full number of attempts (outbox_max_attempts); its last error stays until it is delivered. \
            The running server's outbox worker picks it up within a minute.
              flowlinks outbox retry 12 15
              flowlinks outbox retry --all
            """)

    @Argument(help: "Ids of failed deliveries, as `outbox list` shows them.")
    var ids: [Int64] = []

    @Flag(help: "Re-queue every failed delivery.")
    var all = false

    @OptionGroup var database: DatabaseOption

    func validate() throws {
        guard !ids.isEmpty || all else {
            throw ValidationError("Give the ids of failed deliveries (see flowlinks outbox list), or --all to retry every one.")
        }
        guard ids.isEmpty || !all else { throw ValidationError("Give ids or --all, not both.") }
    }

    func run() async throws {
        let count = try await database.withStores { stores in
            guard !all else { return try await stores.outbox.requeueAllFailedDeliveries(at: Date()) }
            let outcome = try await stores.outbox.requeueFailedDeliveries(ids: ids, at: Date())
            guard !outcome.isRefused else { throw CommandFailure(Self.refusal(outcome)) }
            return outcome.requeued.count
        }
        switch count {
        case 0: print("No failed deliveries to re-queue.")
        case 1: print("Re-queued 1 failed delivery; the running server delivers it within a few seconds.")
        default: print("Re-queued \(count) failed deliveries; the running server delivers them within a few seconds.")
        }
    }

    static func refusal(_ outcome: OutboxRequeue) -> String {
        var reasons = outcome.unknown.map { "there is no delivery \($0)" }
        reasons += outcome.notFailed.sorted { $0.key < $1.key }.map { "delivery \($0.key) is \($0.value.rawValue), not failed" }
        return "Nothing re-queued: " + reasons.joined(separator: "; ") + "."
    }
}
