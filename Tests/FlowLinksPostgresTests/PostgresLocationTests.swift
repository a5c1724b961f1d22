import FlowLinksTesting
import Foundation
import PostgresNIO
import Testing

@testable import FlowLinksPostgres

@Suite struct PostgresLocationTests {
    @Test func readsUserPasswordHostPortAndDatabase() throws {
        let location = try PostgresLocation(url: "postgres://flow:secret@db.example.org:6543/flowlinks")
        #expect(location.endpoint == .tcp(host: "db.example.org", port: 6543))
        #expect(location.user == "flow")
        #expect(location.password == "secret")
        #expect(location.database == "flowlinks")
    }

    @Test func readsThePostgresqlSchemeToo() throws {
        let location = try PostgresLocation(url: "postgresql://flow@db/flowlinks")
        #expect(location.endpoint == .tcp(host: "db", port: 5432))
        #expect(location.password == nil)
    }

    @Test func defaultsToPort5432AndSSLModePreferAndTheServersDatabase() throws {
        let location = try PostgresLocation(url: "postgres://flow@db")
        #expect(location.endpoint == .tcp(host: "db", port: 5432))
        #expect(location.sslMode == .prefer)
        #expect(location.database == nil)
    }

    @Test func decodesPercentEncodedUserPasswordAndDatabase() throws {
        let location = try PostgresLocation(url: "postgres://fl%C3%B6w:p%40ss%2Fw%3Ford%25@db/flow%20links")
        #expect(location.user == "flöw")
        #expect(location.password == "p@ss/w?ord%")
        #expect(location.database == "flow links")
    }

    @Test func keepsAPlusInThePasswordAsAPlus() throws {
        #expect(try PostgresLocation(url: "postgres://flow:a+b@db/x").password == "a+b")
    }

    @Test func readsAPasswordWithUnencodedSlashQuestionMarkAndAt() throws {
        let location = try PostgresLocation(url: "postgres://flow:a/b?c@d@db:5433/flowlinks?sslmode=require")
        #expect(location.password == "a/b?c@d")
        #expect(location.endpoint == .tcp(host: "db", port: 5433))
        #expect(location.database == "flowlinks")
        #expect(location.sslMode == .require)
    }

    @Test func readsABracketedIPv6Host() throws {
        let location = try PostgresLocation(url: "postgres://flow@[::1]:6000/x")
        #expect(location.endpoint == .tcp(host: "::1", port: 6000))
        #expect("\(location)".contains("[::1]:6000"))
    }

    @Test func hostParameterNamesAUnixSocketDirectory() throws {
        let location = try PostgresLocation(url: "postgres://flow@/flowlinks?host=/run/postgresql")
        #expect(location.endpoint == .unixSocket(directory: "/run/postgresql", port: 5432))
        #expect(location.endpoint.socketPath == "/run/postgresql/.s.PGSQL.5432")
    }

    @Test func aPercentEncodedHostStartingWithSlashIsASocketDirectory() throws {
        let location = try PostgresLocation(url: "postgres://flow@%2Fvar%2Frun%2Fpostgresql:5433/flowlinks")
        #expect(location.endpoint.socketPath == "/var/run/postgresql/.s.PGSQL.5433")
    }

    @Test func parametersGiveUserPasswordDatabaseAndPort() throws {
        let location = try PostgresLocation(
            url: "postgres://db?user=flow&password=p%26w&dbname=flowlinks&port=6000&application_name=replica-2")
        #expect(location.user == "flow")
        #expect(location.password == "p&w")
        #expect(location.database == "flowlinks")
        #expect(location.endpoint == .tcp(host: "db", port: 6000))
        #expect(location.applicationName == "replica-2")
    }

    @Test func applicationNameAndOptionsAreSentToTheServer() throws {
        let location = try PostgresLocation(
            url: "postgres://flow@db/x?application_name=flowlinks&options=-c%20search_path%3Dflow&connect_timeout=3")
        let configuration = try location.clientConfiguration(poolSize: 4)
        let parameters = configuration.options.additionalStartupParameters
        #expect(parameters.map(\.0) == ["application_name", "options"])
        #expect(parameters.map(\.1) == ["flowlinks", "-c search_path=flow"])
        #expect(configuration.options.connectTimeout == .seconds(3))
        #expect(configuration.options.maximumConnections == 4)
    }

    @Test func sslModeDisableUsesNoTLS() throws {
        #expect(try PostgresLocation(url: "postgres://flow@db?sslmode=disable").tlsSettings() == nil)
    }

    @Test(arguments: [
        ("prefer", CertificateVerification.none, false),
        ("require", .none, true),
        ("verify-ca", .noHostnameVerification, true),
        ("verify-full", .fullVerification, true),
    ])
    func sslModeChoosesTLSAndWhatOfTheCertificateIsChecked(
        mode: String, verification: CertificateVerification, required: Bool
    ) throws {
        let settings = try #require(try PostgresLocation(url: "postgres://flow@db?sslmode=\(mode)").tlsSettings())
        #expect(settings.configuration.certificateVerification == verification)
        #expect(settings.required == required)
    }

    @Test func requireWithARootCertificateChecksTheAuthorityAsLibpqDoes() throws {
        try withCertificateFile { path in
            let location = try PostgresLocation(url: "postgres://flow@db?sslmode=require&sslrootcert=\(path)")
            let settings = try #require(try location.tlsSettings())
            #expect(settings.configuration.certificateVerification == .noHostnameVerification)
            #expect(settings.configuration.trustRoots == .file(path))
        }
    }

    @Test func aMissingRootCertificateFileIsNamed() throws {
        let location = try PostgresLocation(url: "postgres://flow@db?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem")
        #expect(throws: PostgresLocationError.rootCertificateNotFound("/nonexistent/ca.pem")) {
            try location.clientConfiguration(poolSize: 1)
        }
    }

    @Test(arguments: [
        ("mysql://flow@db/x", PostgresLocationError.notAPostgresURL),
        ("postgres://flow@db:0/x", .badPort(where: "after the host")),
        ("postgres://flow@db:port/x", .badPort(where: "after the host")),
        ("postgres://flow@db/x?port=70000", .badPort(where: "parameter")),
        ("postgres://flow@/x", .missingHost),
        ("postgres://db/x", .missingUser),
        ("postgres://flow@a,b/x", .severalHosts),
        ("postgres://flow@db/x?sslmode=always", .unknownSSLMode("always")),
        ("postgres://flow@db/x?sslcert=client.pem", .unknownParameter("sslcert")),
        ("postgres://flow@db/x?sslmode", .parameterWithoutValue("sslmode")),
        ("postgres://flow@db/x?connect_timeout=0", .badConnectTimeout),
        ("postgres://fl%zzow@db/x", .badPercentEncoding(part: "user name")),
        ("postgres://flow@db/fl%4", .badPercentEncoding(part: "database name")),
    ])
    func aBadURLIsRefusedSayingWhatIsWrong(url: String, error: PostgresLocationError) {
        #expect(throws: error) { try PostgresLocation(url: url) }
    }

    @Test(arguments: [
        "mysql://flow:Hunter2-Secret@db/x",
        "postgres://flow:Hunter2-Secret@db:99999/x",
        "postgres://flow:Hunter2-Secret@/x",
        "postgres://flow:Hunter2-Secret%zz@db/x",
        "postgres://flow:Hunter2-Secret:5432/x",
        "postgres://flow:Hunter2-Secret@db/x?sslmode=nope",
    ])
    func noErrorMessageShowsThePassword(url: String) throws {
        let error = try #require(throws: PostgresLocationError.self) { try PostgresLocation(url: url) }
        #expect(!error.description.contains("Hunter2"))
        #expect(!String(reflecting: error).contains("Hunter2"))
    }

    @Test func theDescriptionHidesThePassword() throws {
        let location = try PostgresLocation(url: "postgres://flow:Hunter2-Secret@db/flowlinks?sslmode=verify-full")
        #expect("\(location)" == "postgres://flow:***@db:5432/flowlinks?sslmode=verify-full")
        #expect(!String(reflecting: location).contains("Hunter2"))
    }

    private func withCertificateFile(_ body: (String) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ca-\(UUID().uuidString).pem").path
        try Data("not read until a connection".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }
}
