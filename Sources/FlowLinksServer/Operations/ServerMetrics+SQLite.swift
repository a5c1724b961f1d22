import FlowLinksStore

/// How long the SQLite writer's shared commits and its write-ahead log checkpoints take: where a
/// slow turn's time went.
extension ServerMetrics: SQLiteWriteObserver {
    public func committed(turns: Int, in duration: Duration) {
        registry.makeDurationHistogram(name: "flowlinks_sqlite_commit_seconds", labels: [], buckets: Self.buckets)
            .recordNanoseconds(duration.nanoseconds)
        registry.makeCounter(name: "flowlinks_sqlite_committed_turns_total", labels: []).increment(by: Int64(turns))
    }

    public func checkpointed(pages: Int, in duration: Duration, onCommitPath: Bool) {
        let path = [("path", onCommitPath ? "commit" : "background")]
        registry.makeDurationHistogram(name: "flowlinks_sqlite_checkpoint_seconds", labels: path, buckets: Self.buckets)
            .recordNanoseconds(duration.nanoseconds)
        registry.makeCounter(name: "flowlinks_sqlite_checkpoint_pages_total", labels: path).increment(by: Int64(pages))
    }
}
