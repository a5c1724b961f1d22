import PostgresNIO

extension PostgresRowSequence {
    /// Reads every row and drops it, so the statement is finished before the next one is sent.
    // why: a row sequence dropped unread is not drained: its connection then waits for a reader
    // that never comes. Under a lock wait (the migration lock, a conversation's lock) that left the
    // connection "idle in transaction" holding the lock, and every other replica waiting on it.
    public func drain() async throws {
        for try await _ in self {}
    }
}
