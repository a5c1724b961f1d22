import FlowLinksPostgres
import FlowLinksTesting
import Foundation
import PostgresNIO
import Testing

/// Each `sslmode` against the test server, reached at 127.0.0.1, which presents a self-signed
/// certificate naming `localhost` only (its file is the test URL's `sslrootcert`).
@Suite(PostgresTestServer.available) struct PostgresTLSTests {
    @Test func requireEncryptsWithoutCheckingTheCertificate() async throws {
        let location = try Self.location(.require, trusting: false)
        #expect(try await Self.encrypted(location))
    }

    @Test func preferEncryptsWhenTheServerOffersTLS() async throws {
        #expect(try await Self.encrypted(try Self.location(.prefer, trusting: false)))
    }

    @Test func disableDoesNotEncrypt() async throws {
        #expect(try await !Self.encrypted(try Self.location(.disable, trusting: false)))
    }

    @Test func verifyFullConnectsWhenTheCertificateIsTrustedAndNamesTheHost() async throws {
        #expect(try await Self.encrypted(try Self.location(.verifyFull, trusting: true, host: "localhost")))
    }

    @Test func verifyCARefusesACertificateFromNoTrustedAuthority() async throws {
        #expect(await !PostgreSQLDatabase.isReachable(try Self.location(.verifyCA, trusting: false)))
    }

    @Test func verifyCAAcceptsATrustedCertificateForAnotherHost() async throws {
        #expect(try await Self.encrypted(try Self.location(.verifyCA, trusting: true)))
    }

    @Test func verifyFullRefusesATrustedCertificateForAnotherHost() async throws {
        #expect(await !PostgreSQLDatabase.isReachable(try Self.location(.verifyFull, trusting: true)))
    }

    /// The test server's location with `mode`, trusting its certificate or only the system's authorities.
    private static func location(
        _ mode: PostgresLocation.SSLMode, trusting: Bool, host: String? = nil
    ) throws -> PostgresLocation {
        var location = try PostgresTestServer.location()
        location.sslMode = mode
        if !trusting { location.sslRootCertificate = nil }
        if let host, case .tcp(_, let port) = location.endpoint { location.endpoint = .tcp(host: host, port: port) }
        return location
    }

    /// Whether the server sees the pool's connection as encrypted.
    private static func encrypted(_ location: PostgresLocation) async throws -> Bool {
        try await PostgreSQLDatabase.withDatabase(location: location, poolSize: 1) { database in
            try await database.column("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", as: Bool.self)[0]
        }
    }
}
