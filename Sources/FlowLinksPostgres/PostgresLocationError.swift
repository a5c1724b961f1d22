/// What is wrong with a PostgreSQL URL. No message quotes the user name or password: the text
/// before the last `@` is never echoed, so a mistyped URL cannot leak its credentials into a log.
public enum PostgresLocationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text does not start with `postgres://` or `postgresql://`.
    case notAPostgresURL
    /// A part (user name, password, host, database name, a parameter) has a `%` not followed by two hex digits of UTF-8.
    case badPercentEncoding(part: String)
    /// The port is not a number from 1 to 65535 (`where` says where it was given).
    case badPort(where: String)
    case missingHost
    case missingUser
    /// libpq accepts a list of hosts to try in turn; FlowLinks connects to one.
    case severalHosts
    /// A parameter without `=value`.
    case parameterWithoutValue(String)
    case unknownParameter(String)
    case unknownSSLMode(String)
    /// `connect_timeout` is not a whole number of seconds above zero.
    case badConnectTimeout
    /// The `sslrootcert` file is not there (found when the configuration is built, not when the URL is read).
    case rootCertificateNotFound(String)

    public var description: String {
        switch self {
        case .notAPostgresURL:
            "A PostgreSQL location is a URL that starts with postgres:// or postgresql://."
        case .badPercentEncoding(let part):
            "The \(part) in the PostgreSQL URL is not valid percent-encoding: a % must be followed by two hex digits."
        case .badPort(let place):
            "The port \(place) of the PostgreSQL URL is not a number from 1 to 65535."
        case .missingHost:
            "The PostgreSQL URL names no host: write postgres://user@host/database, "
                + "or ?host=/run/postgresql for the server's local socket."
        case .missingUser:
            "The PostgreSQL URL names no user: write postgres://user@host/database."
        case .severalHosts:
            "The PostgreSQL URL names several hosts; FlowLinks connects to one (put a proxy or a DNS name in front)."
        case .parameterWithoutValue(let name):
            "The parameter \"\(name)\" of the PostgreSQL URL has no value: write \(name)=value."
        case .unknownParameter(let name):
            "The PostgreSQL URL has a parameter FlowLinks does not know, \"\(name)\"; it knows "
                + PostgresLocation.parameters.joined(separator: ", ") + "."
        case .unknownSSLMode(let mode):
            "sslmode \"\(mode)\" is not one of "
                + PostgresLocation.SSLMode.allCases.map(\.rawValue).joined(separator: ", ") + "."
        case .badConnectTimeout:
            "connect_timeout in the PostgreSQL URL must be a whole number of seconds above zero."
        case .rootCertificateNotFound(let path):
            "The certificate authority file \(path) (sslrootcert) is not there."
        }
    }
}
