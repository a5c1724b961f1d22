import Foundation

extension Config {
    /// Whether `database` names a PostgreSQL server rather than an SQLite file.
    public var databaseIsPostgres: Bool { Self.isPostgresURL(database) }

    /// Whether a database setting (or `--db`) names a PostgreSQL server: a `postgres://` or
    /// `postgresql://` URL rather than a file path.
    public static func isPostgresURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    /// The database setting as it may be shown or logged: a PostgreSQL URL's password (after the
    /// user, or as `password=`) becomes `***`.
    public var databaseForDisplay: String {
        guard databaseIsPostgres else { return database }
        guard var url = URLComponents(string: database) else { return "postgres://… (not shown: not a valid URL)" }
        if url.password != nil { url.password = "***" }
        url.queryItems = url.queryItems?.map { item in
            item.name.lowercased() == "password" ? URLQueryItem(name: item.name, value: "***") : item
        }
        return url.string ?? "postgres://… (not shown)"
    }
}
