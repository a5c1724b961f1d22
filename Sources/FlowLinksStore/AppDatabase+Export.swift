import Foundation
import GRDB

/// What the exports read: every session, in order.
extension AppDatabase {
    /// The ids of every session, oldest first.
    public func allSessionIDs() throws -> [Int64] {
        try writer.read { try Int64.fetchAll($0, sql: "SELECT id FROM sessions ORDER BY id") }
    }
}
