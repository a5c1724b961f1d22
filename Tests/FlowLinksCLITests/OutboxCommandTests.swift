import FlowLinksStore
import FlowLinksTesting
import Foundation
import Testing

/// `flowlinks outbox list|retry`, run as a program against a database with sent, failed and pending replies.
@Suite("flowlinks outbox, as a program")
struct OutboxCommandTests {
    let folder: TemporaryFolder

    var database: String { folder.database }

    init() throws { folder = try TemporaryFolder() }

    func outbox(_ arguments: [String]) throws -> Program.Run {
        try Program.run(["outbox"] + arguments + ["--db", database], input: [])
    }

    /// The ids of the table's rows, top to bottom.
    func ids(_ output: String) -> [Int64] {
        output.split(separator: "\n").compactMap { line in line.split(separator: " ").first.flatMap { Int64($0) } }
    }

    /// A conversation's replies: the first sent, the second failed, the rest pending. Returns (sent, failed).
    func fill() async throws -> (sent: Int64, failed: Int64) {
        let store = try SQLiteDatabase.open(path: database)
        try await WebhookConversations(store).say(["hello", "Riverside"], in: "4242", at: Date())
        let calls = try await store.outbox.outboxCalls(withStatus: [.pending], limit: 100).calls.compactMap(\.id).sorted()
        try await store.outbox.markDelivered(calls[0], at: Date())
        try await store.outbox.markAttemptFailed(
            calls[1], error: "HTTP 403: Forbidden: bot was blocked by the user", retryAt: nil)
        return (calls[0], calls[1])
    }

    @Test func listShowsFailedAndPendingDeliveriesByDefault() async throws {
        let (sent, failed) = try await fill()
        let run = try outbox(["list"])
        #expect(run.status == 0)
        let header = try #require(run.output.split(separator: "\n").first)
        for column in ["ID", "CHANNEL", "CONVERSATION", "METHOD", "STATUS", "ATTEMPTS", "NEXT ATTEMPT", "LAST ERROR", "CREATED"] {
            #expect(header.contains(column))
        }
        #expect(ids(run.output).contains(failed))
        #expect(!ids(run.output).contains(sent))
        let row = try #require(run.output.split(separator: "\n").first { $0.hasPrefix("\(failed) ") })
        #expect(row.contains("telegram"))
        #expect(row.contains("4242"))
        #expect(row.contains("sendMessage"))
        #expect(row.contains("failed"))
        #expect(row.contains("HTTP 403: Forbidden: bot was blocked by the user"))
        #expect(run.output.contains("failed or pending deliveries"))
        #expect(try outbox(["list", "--status", "sent"]).output.contains("\(sent) "))
    }

    @Test func retryRequeuesAFailedDeliveryAndListShowsItPending() async throws {
        let (_, failed) = try await fill()
        let run = try outbox(["retry", String(failed)])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("Re-queued 1 failed delivery"))
        #expect(try outbox(["list", "--status", "failed"]).output == "No failed deliveries.\n")
        let pending = try outbox(["list", "--status", "pending"])
        let row = try #require(pending.output.split(separator: "\n").first { $0.hasPrefix("\(failed) ") })
        #expect(row.contains(" pending "))
        #expect(row.contains(" 0 "), "attempts start again from 0")
    }

    @Test func retryAllRequeuesEveryFailedDelivery() async throws {
        _ = try await fill()
        #expect(try outbox(["retry", "--all"]).output.contains("Re-queued 1 failed delivery"))
        #expect(try outbox(["retry", "--all"]).output.contains("No failed deliveries to re-queue."))
    }

    @Test func retryRefusesUnknownAndUnfailedIdsAndChangesNothing() async throws {
        let (sent, failed) = try await fill()
        let run = try outbox(["retry", String(failed), String(sent), "999"])
        #expect(run.status == 1)
        #expect(run.errors.contains("Nothing re-queued: there is no delivery 999; delivery \(sent) is sent, not failed."))
        #expect(ids(try outbox(["list", "--status", "failed"]).output) == [failed])
    }

    @Test func retryWithoutIdsOrAllExplainsHowToUseIt() throws {
        let run = try outbox(["retry"])
        #expect(run.status == 64)
        #expect(
            run.errors.contains("Give the ids of failed deliveries (see flowlinks outbox list), or --all to retry every one."))
    }
}
