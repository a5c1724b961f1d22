/// Which of the schema's migrations a database has, next to those this program knows.
public struct MigrationStatus: Sendable, Equatable {
    /// Every migration recorded in the database, in this program's order, unknown ones last.
    public var applied: [String]
    /// Every migration this program knows, in order.
    public var known: [String]

    /// Known migrations the database does not have yet; `flowlinks serve` applies them when it starts.
    public var pending: [String] { known.filter { !applied.contains($0) } }

    /// Migrations this program does not know: the database was migrated by a newer FlowLinks.
    public var unknown: [String] { applied.filter { !known.contains($0) } }

    public var isUpToDate: Bool { pending.isEmpty && unknown.isEmpty }
}
