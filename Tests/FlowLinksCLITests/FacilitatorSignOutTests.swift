import AsyncHTTPClient
import FlowLinksStore
import Foundation
import NIOCore
import Testing

/// The command line changes accounts in its own process; the running server sees it on the next request.
@Suite("Ending facilitator sign-ins from the command line")
struct FacilitatorSignOutTests {
    /// A browser against the real server: the cookies it holds, no redirects followed.
    final class Browser {
        let client: HTTPClient
        let base: String
        var cookies: [String: String] = [:]

        init(_ client: HTTPClient, base: String) {
            self.client = client
            self.base = base
        }

        func request(_ path: String, form: [String: String]? = nil) async throws -> (status: UInt, body: String) {
            var request = HTTPClientRequest(url: base + path)
            request.headers.add(name: "Cookie", value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
            if let form {
                request.method = .POST
                request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
                let allowed = CharacterSet.alphanumerics
                let body = form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
                request.body = .bytes(ByteBuffer(string: body.joined(separator: "&")))
            }
            let response = try await client.execute(request, timeout: .seconds(30))
            for header in response.headers["Set-Cookie"] {
                let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { cookies[pair[0]] = pair[1].isEmpty ? nil : pair[1] }
            }
            let body = try await response.body.collect(upTo: 1 << 20)
            return (UInt(response.status.code), String(buffer: body))
        }

        /// Signs in through the form, as a person would; returns the answer's status.
        func signIn(_ username: String, _ password: String) async throws -> UInt {
            let page = try await request("/facilitator/login").body
            let token = page.components(separatedBy: #"name="csrf" value=""#).dropFirst().first?.prefix { $0 != "\"" }
            return try await request(
                "/facilitator/login", form: ["csrf": String(token ?? ""), "username": username, "password": password]
            ).status
        }
    }

    let database: String

    init() throws {
        database = try ServerProcess.temporaryDatabase()
        for name in ["carol", "maria"] {
            let added = try Program.run(["facilitators", "add", name, "--db", database], input: ["\(name)'s long password"])
            #expect(added.status == 0)
        }
    }

    @Test(
        .timeLimit(.minutes(1)),
        arguments: [["remove", "carol"], ["passwd", "carol"], ["signout", "carol"], ["signout", "--all"]])
    func theCommandEndsTheSignInOfTheRunningServer(_ command: [String]) async throws {
        let server = try ServerProcess(database: database)
        defer { server.stop() }
        // why: the 303 to the sign-in page is the answer to check, so redirects are not followed.
        let client = HTTPClient(configuration: .init(redirectConfiguration: .disallow))
        do {
            try await checkSignOut(by: command, server: server, client: client)
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    func checkSignOut(by command: [String], server: ServerProcess, client: HTTPClient) async throws {
        let carol = Browser(client, base: server.baseURL)
        let maria = Browser(client, base: server.baseURL)
        #expect(try await carol.signIn("carol", "carol's long password") == 303)
        #expect(try await maria.signIn("maria", "maria's long password") == 303)
        #expect(try await carol.request("/facilitator/export.csv").status == 200)
        let listed = try Program.run(["facilitators", "list", "--db", database], input: [])
        #expect(listed.output.contains("\tsigned in 1\n"))

        let ran = try Program.run(["facilitators"] + command + ["--db", database], input: ["a brand new passphrase"])
        #expect(ran.status == 0, "\(ran.errors)")
        #expect(try await carol.request("/facilitator/export.csv").status == 303)
        let mariaAfter = try await maria.request("/facilitator/export.csv").status
        #expect(mariaAfter == (command.last == "--all" ? 303 : 200))
    }

    @Test func signoutNamesOneAccountOrAll() throws {
        let neither = try Program.run(["facilitators", "signout", "--db", database], input: [])
        #expect(neither.status != 0)
        #expect(neither.errors.contains("Name one account, or pass --all."))
        let unknown = try Program.run(["facilitators", "signout", "sam", "--db", database], input: [])
        #expect(unknown.errors.contains("There is no account named sam."))
        let all = try Program.run(["facilitators", "signout", "--all", "--db", database], input: [])
        #expect(all.output.contains("Ended 0 sign-ins of every account."))
    }
}
