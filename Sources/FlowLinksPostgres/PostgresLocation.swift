/// Where a PostgreSQL database is and how to reach it, read from a libpq-style URL:
/// `postgres://user:password@host:port/database?sslmode=require&application_name=flowlinks`
/// (or `postgresql://`). Its `description` never shows the password.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// How the server is reached: over TCP, or through the socket in a local directory.
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// The directory holding the server's socket (`/run/postgresql`); the socket file is named by the port.
        case unixSocket(directory: String, port: Int)

        /// The socket file's path, as libpq names it: `<directory>/.s.PGSQL.<port>`.
        public var socketPath: String? {
            guard case .unixSocket(let directory, let port) = self else { return nil }
            return (directory.hasSuffix("/") ? directory : directory + "/") + ".s.PGSQL.\(port)"
        }
    }

    /// libpq's `sslmode`: whether the connection is encrypted and what of the server's certificate is checked.
    public enum SSLMode: String, Sendable, Equatable, CaseIterable {
        /// No TLS.
        case disable
        /// TLS when the server offers it, without checking its certificate (libpq's default).
        case prefer
        /// TLS or no connection; the certificate is not checked (unless `sslrootcert` is given, as in libpq).
        case require
        /// TLS, and the certificate must be signed by a trusted authority.
        case verifyCA = "verify-ca"
        /// TLS, a trusted certificate, and it must name the host connected to.
        case verifyFull = "verify-full"
    }

    public static let defaultPort = 5432

    public var endpoint: Endpoint
    public var user: String
    /// `nil` when the URL gives none (the server may not ask: `trust` or `peer` authentication).
    public var password: String?
    /// `nil` for the server's default, which is the user's name.
    public var database: String?
    public var sslMode: SSLMode
    /// A file of certificate authorities (PEM) to trust; `nil` trusts the system's.
    public var sslRootCertificate: String?
    /// Shown in `pg_stat_activity`, so the database's operators can tell the replicas' connections apart.
    public var applicationName: String?
    /// libpq's `options`: settings sent to the server at connection, such as `-c search_path=flowlinks`.
    public var serverOptions: String?
    /// How long a connection attempt may take (libpq's `connect_timeout`); `nil` leaves the client's default.
    public var connectTimeout: Duration?

    /// The location, with the password replaced by `***`: safe to log and to show.
    public var description: String {
        var text = "postgres://\(user)\(password == nil ? "" : ":***")@"
        var query: [String] = []
        switch endpoint {
        case .tcp(let host, let port):
            text += (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
        case .unixSocket(let directory, let port):
            query.append("host=\(directory)")
            if port != Self.defaultPort { query.append("port=\(port)") }
        }
        text += "/" + (database ?? "")
        query.append("sslmode=\(sslMode.rawValue)")
        if let sslRootCertificate { query.append("sslrootcert=\(sslRootCertificate)") }
        if let applicationName { query.append("application_name=\(applicationName)") }
        if serverOptions != nil { query.append("options=…") }
        if let connectTimeout { query.append("connect_timeout=\(connectTimeout.components.seconds)") }
        return text + "?" + query.joined(separator: "&")
    }

    public var debugDescription: String { description }
}
