import Foundation
import GRDB

/// Some of the outbox's platform calls, newest first, and how many match in all.
public struct OutboxPage: Sendable, Equatable {
    public var calls: [OutboxRecord]
    public var total: Int

    public init(calls: [OutboxRecord], total: Int) {
        self.calls = calls
        self.total = total
    }
}

/// What re-queueing failed calls by id did: all of them, or none when any id was wrong.
public struct OutboxRequeue: Sendable, Equatable {
    public var requeued: [Int64] = []
    /// Ids with no call in the outbox.
    public var unknown: [Int64] = []
    /// Ids of calls that had not failed, with their status.
    public var notFailed: [Int64: OutboxRecord.Status] = [:]

    public var isRefused: Bool { !unknown.isEmpty || !notFailed.isEmpty }

    public init(requeued: [Int64] = [], unknown: [Int64] = [], notFailed: [Int64: OutboxRecord.Status] = [:]) {
        self.requeued = requeued
        self.unknown = unknown
        self.notFailed = notFailed
    }
}

/// What an operator sees of the outbox and does with it (`flowlinks outbox list|retry`).
extension SQLiteOutboxStore {
    /// The calls in any of `statuses`, newest first, at most `limit` of them.
    public func outboxCalls(withStatus statuses: Set<OutboxRecord.Status>, limit: Int) async throws -> OutboxPage {
        try await writer.read { db in
            let request = OutboxRecord.filter(statuses.map(\.rawValue).contains(Column("status")))
            return OutboxPage(
                calls: try request.order(Column("id").desc).limit(limit).fetchAll(db), total: try request.fetchCount(db))
        }
    }

    /// Puts the failed calls with these ids back in the queue with a fresh count of attempts, in one
    /// transaction; when any id is unknown or not failed, re-queues none and says which.
    public func requeueFailedDeliveries(ids: [Int64], at now: Date) async throws -> OutboxRequeue {
        try await writer.write { db in
            var outcome = OutboxRequeue()
            let found = Dictionary(
                try OutboxRecord.filter(keys: ids).fetchAll(db).map { ($0.id ?? 0, $0.status) }, uniquingKeysWith: { $1 })
            var seen = Set<Int64>()
            for id in ids where seen.insert(id).inserted {
                switch found[id] {
                case nil: outcome.unknown.append(id)
                case .failed?: outcome.requeued.append(id)
                case let status?: outcome.notFailed[id] = status
                }
            }
            guard !outcome.isRefused else {
                outcome.requeued = []
                return outcome
            }
            try Self.requeue(OutboxRecord.filter(keys: outcome.requeued), db: db, at: now)
            return outcome
        }
    }
}
