import Foundation
import PostgresNIO

extension PostgresLocation {
    /// The pooled client's configuration: at most `poolSize` connections to the server.
    public func clientConfiguration(poolSize: Int) throws(PostgresLocationError) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        switch endpoint {
        case .tcp(let host, let port):
            configuration = .init(
                host: host, port: port, username: user, password: password, database: database, tls: try clientTLS())
        case .unixSocket:
            configuration = .init(
                unixSocketPath: endpoint.socketPath ?? "", username: user, password: password, database: database)
        }
        configuration.options.maximumConnections = max(1, poolSize)
        configuration.options.additionalStartupParameters = startupParameters
        if let connectTimeout { configuration.options.connectTimeout = connectTimeout }
        return configuration
    }

    /// One connection's configuration, for a single check without a pool.
    public func connectionConfiguration() throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        switch endpoint {
        case .tcp(let host, let port):
            var tls = PostgresConnection.Configuration.TLS.disable
            if let settings = try tlsSettings() {
                let context = try NIOSSLContext(configuration: settings.configuration)
                tls = settings.required ? .require(context) : .prefer(context)
            }
            configuration = .init(
                host: host, port: port, username: user, password: password, database: database, tls: tls)
        case .unixSocket:
            configuration = .init(
                unixSocketPath: endpoint.socketPath ?? "", username: user, password: password, database: database)
        }
        configuration.options.additionalStartupParameters = startupParameters
        if let connectTimeout { configuration.options.connectTimeout = .seconds(connectTimeout.components.seconds) }
        return configuration
    }

    /// Sent at connection: `application_name`, and libpq's `options` (server settings).
    var startupParameters: [(String, String)] {
        var parameters: [(String, String)] = []
        if let applicationName { parameters.append(("application_name", applicationName)) }
        if let serverOptions { parameters.append(("options", serverOptions)) }
        return parameters
    }

    private func clientTLS() throws(PostgresLocationError) -> PostgresClient.Configuration.TLS {
        guard let settings = try tlsSettings() else { return .disable }
        return settings.required ? .require(settings.configuration) : .prefer(settings.configuration)
    }

    /// The TLS settings for `sslMode`, and whether TLS is required; `nil` when it is disabled.
    /// - `prefer`, `require`: encrypted, certificate not checked (as libpq does);
    /// - `require` with an `sslrootcert`: the certificate is checked against it (libpq's rule, kept for compatibility);
    /// - `verify-ca`: a certificate signed by a trusted authority, for any host name;
    /// - `verify-full`: also naming the host.
    func tlsSettings() throws(PostgresLocationError) -> (configuration: TLSConfiguration, required: Bool)? {
        var settings = TLSConfiguration.makeClientConfiguration()
        // why: libpq's `sslrootcert=system` means the system's authorities, as leaving it out does here.
        if let path = sslRootCertificate, path != "system" {
            guard FileManager.default.fileExists(atPath: path) else { throw .rootCertificateNotFound(path) }
            settings.trustRoots = .file(path)
        }
        let checksAuthority = sslRootCertificate != nil && sslRootCertificate != "system"
        switch sslMode {
        case .disable:
            return nil
        case .prefer:
            settings.certificateVerification = .none
            return (settings, false)
        case .require:
            settings.certificateVerification = checksAuthority ? .noHostnameVerification : .none
        case .verifyCA:
            settings.certificateVerification = .noHostnameVerification
        case .verifyFull:
            settings.certificateVerification = .fullVerification
        }
        return (settings, true)
    }
}
