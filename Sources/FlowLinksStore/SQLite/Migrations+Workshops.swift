import GRDB

extension SQLiteDatabase {
    /// Workshops, and the workshop each session belongs to. Frozen once shipped.
    static func registerWorkshopMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6: workshops") { db in
            try db.create(table: "workshops") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("code", .text).notNull().unique()
                t.column("name", .text).notNull()
                // why: JSON arrays of names, offered as choices in the order written.
                t.column("organizations", .jsonText).notNull()
                t.column("initiatives", .jsonText).notNull()
                t.column("follows_id", .integer).references("workshops", onDelete: .setNull)
                t.column("closes_at", .datetime)
                t.column("closed_at", .datetime)
                t.column("created_at", .datetime).notNull()
            }
            try db.alter(table: "sessions") { t in
                t.add(column: "workshop_id", .integer).references("workshops", onDelete: .setNull)
            }
            try db.create(index: "sessions_by_workshop", on: "sessions", columns: ["workshop_id"])
        }
    }
}
