import Foundation

extension PostgresLocation {
    /// The URL parameters understood, as libpq names them.
    public static let parameters = [
        "host", "port", "user", "password", "dbname", "sslmode", "sslrootcert", "application_name", "connect_timeout",
        "options",
    ]

    /// Reads a `postgres://` or `postgresql://` URL as libpq does: percent-encoded user, password,
    /// database and parameters; port 5432 unless given; `?host=/dir` (or a host starting with `/`)
    /// for a Unix socket directory; `sslmode` (default `prefer`), `sslrootcert`, `application_name`,
    /// `connect_timeout`, `options`, and `user`, `password`, `dbname`, `port` as parameters.
    public init(url text: String) throws(PostgresLocationError) {
        guard let rest = Self.removingScheme(text) else { throw .notAPostgresURL }
        // why: the credentials end at the LAST `@`, so a password with an unencoded `/`, `?` or `@`
        // (common in generated ones) still reads right, and nothing before it is echoed in an error.
        var user: String?
        var password: String?
        var afterCredentials = Substring(rest)
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            afterCredentials = rest[rest.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                user = try Self.decoded(credentials[..<colon], "user name")
                password = try Self.decoded(credentials[credentials.index(after: colon)...], "password")
            } else {
                user = try Self.decoded(credentials, "user name")
            }
        }
        let (beforeQuery, query) = Self.split(afterCredentials, at: "?")
        let (authority, path) = Self.split(beforeQuery, at: "/")
        var (host, port) = try Self.hostAndPort(authority)
        var database: String?
        if let path { database = try Self.decoded(path, "database name") }
        var settings = Settings()
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let (name, value) = Self.split(pair, at: "=")
            guard let value else { throw .parameterWithoutValue(String(name)) }
            let decoded = try Self.decoded(value, "value of \(name)")
            switch name {
            case "host": host = decoded
            case "port": port = try Self.port(decoded, where: "parameter")
            case "user": user = decoded
            case "password": password = decoded
            case "dbname": database = decoded
            default: try settings.read(String(name), decoded)
            }
        }
        guard let host, !host.isEmpty else { throw .missingHost }
        guard !host.contains(",") else { throw .severalHosts }
        guard let user, !user.isEmpty else { throw .missingUser }
        let resolvedPort = port ?? Self.defaultPort
        endpoint =
            host.hasPrefix("/")
            ? .unixSocket(directory: host, port: resolvedPort) : .tcp(host: host, port: resolvedPort)
        self.user = user
        self.password = password
        self.database = database?.isEmpty == true ? nil : database
        sslMode = settings.sslMode
        sslRootCertificate = settings.sslRootCertificate
        applicationName = settings.applicationName
        serverOptions = settings.serverOptions
        connectTimeout = settings.connectTimeout
    }

    /// The parameters that are not about where the server is.
    private struct Settings {
        var sslMode = SSLMode.prefer
        var sslRootCertificate: String?
        var applicationName: String?
        var serverOptions: String?
        var connectTimeout: Duration?

        mutating func read(_ name: String, _ value: String) throws(PostgresLocationError) {
            switch name {
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else { throw .unknownSSLMode(value) }
                sslMode = mode
            case "sslrootcert": sslRootCertificate = value
            case "application_name": applicationName = value
            case "options": serverOptions = value
            case "connect_timeout":
                guard let seconds = Int(value), seconds > 0 else { throw .badConnectTimeout }
                connectTimeout = .seconds(seconds)
            default: throw .unknownParameter(name)
            }
        }
    }

    private static func removingScheme(_ text: String) -> Substring? {
        for scheme in ["postgres://", "postgresql://"] where text.lowercased().hasPrefix(scheme) {
            return text.dropFirst(scheme.count)
        }
        return nil
    }

    /// `text` split at the first `separator`: before, and after when it was there.
    private static func split(_ text: Substring, at separator: Character) -> (Substring, Substring?) {
        guard let index = text.firstIndex(of: separator) else { return (text, nil) }
        return (text[..<index], text[text.index(after: index)...])
    }

    /// `host`, `host:port`, `[ipv6]` or `[ipv6]:port`; the host may be percent-encoded (`%2Frun%2Fpostgresql`).
    private static func hostAndPort(_ authority: Substring) throws(PostgresLocationError) -> (String?, Int?) {
        var host = authority
        var port: Substring?
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { port = after.dropFirst() }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        }
        let decodedHost = try decoded(host, "host")
        guard let port else { return (decodedHost.isEmpty ? nil : decodedHost, nil) }
        return (decodedHost.isEmpty ? nil : decodedHost, try Self.port(String(port), where: "after the host"))
    }

    private static func port(_ text: String, where place: String) throws(PostgresLocationError) -> Int {
        guard let port = Int(text), (1...65535).contains(port) else { throw .badPort(where: place) }
        return port
    }

    /// `text` with its percent-escapes decoded (`+` stays a plus, as in libpq).
    private static func decoded(_ text: Substring, _ part: String) throws(PostgresLocationError) -> String {
        guard let decoded = String(text).removingPercentEncoding else { throw .badPercentEncoding(part: part) }
        return decoded
    }
}
