import FlowLinksServer
import FlowLinksStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

@Suite("Signing in to the facilitator pages")
struct FacilitatorSignInTests {
    /// A server behind a proxy, so each test browser can say which address it comes from.
    static func server(configure: (inout TestServer) -> Void = { _ in }) async throws -> TestServer {
        var server = try await FacilitatorWebTests.server()
        server.config.behindProxy = true
        configure(&server)
        return server
    }

    @Test func onlyWrongPasswordsCountTowardsTheNamesLimit() async throws {
        let server = try await Self.server()
        try await server.test { client in
            for attempt in 1...7 {
                var browser = Browser(forwardedFor: "203.0.113.\(attempt)")
                let response = try await browser.signIn(client)
                #expect(response.status == .seeOther, "sign-in \(attempt)")
            }
        }
    }

    @Test func oneAddressGetsTenFailuresThenOneAMinuteWhateverTheNames() async throws {
        let server = try await Self.server()
        try await server.test { client in
            var attacker = Browser(forwardedFor: "198.51.100.7")
            for attempt in 1...10 {
                let response = try await attacker.signIn(client, as: "guess\(attempt)", password: "not it at all")
                #expect(response.status == .unauthorized)
            }
            let eleventh = try await attacker.signIn(client, as: "someone-new", password: "not it at all")
            #expect(eleventh.status == .tooManyRequests)
            #expect(eleventh.text.contains("Too many failed sign-ins from your network."))
            let right = try await attacker.signIn(client)
            #expect(right.status == .tooManyRequests, "refused before the password is checked")
            var facilitator = Browser(forwardedFor: "192.0.2.10")
            #expect(try await facilitator.signIn(client).status == .seeOther)
            server.clock.advance(60)
            #expect(try await attacker.signIn(client).status == .seeOther)
        }
    }

    @Test func anAttackerAtOneAddressCannotKeepAFacilitatorLockedOut() async throws {
        let server = try await Self.server()
        try await server.test { client in
            var attacker = Browser(forwardedFor: "198.51.100.7")
            // why: each minute the attacker tries to spend what the name has regained; after ten
            // failures the address may fail only once a minute, less than the name regains.
            for round in 1...4 {
                if round > 1 { server.clock.advance(60) }
                for _ in 1...5 { _ = try await attacker.signIn(client, password: "a wrong guess") }
            }
            var facilitator = Browser(forwardedFor: "192.0.2.10")
            #expect(try await facilitator.signIn(client).status == .seeOther)
        }
    }

    @Test(arguments: [
        ("2001:db8:1:2::1", "2001:db8:1:2:ffff::9", "2001:db8:1:3::1"),
        ("198.51.100.7", "::ffff:198.51.100.7", "198.51.100.8"),
        ("203.0.113.5, 198.51.100.7", "10.0.0.1,198.51.100.7", "198.51.100.7, 203.0.113.5"),
    ])
    func theProxysLastAddressCountsAndAnIPv6NetworkIsOneClient(
        _ first: String, _ sameClient: String, _ otherClient: String
    ) async throws {
        let server = try await Self.server()
        try await server.test { client in
            var attacker = Browser(forwardedFor: first)
            for attempt in 1...10 { _ = try await attacker.signIn(client, as: "guess\(attempt)", password: "not it at all") }
            var same = Browser(forwardedFor: sameClient)
            #expect(try await same.signIn(client).status == .tooManyRequests)
            var other = Browser(forwardedFor: otherClient)
            #expect(try await other.signIn(client).status == .seeOther)
        }
    }

    @Test func withoutBehindProxyTheForwardedAddressIsIgnored() async throws {
        var server = try await FacilitatorWebTests.server()
        server.config.behindProxy = false
        try await server.test { client in
            for attempt in 1...10 {
                var browser = Browser(forwardedFor: "203.0.113.\(attempt)")
                _ = try await browser.signIn(client, as: "guess\(attempt)", password: "not it at all")
            }
            var other = Browser(forwardedFor: "192.0.2.99")
            #expect(try await other.signIn(client).status == .tooManyRequests)
        }
    }

    @Test func overARealSocketFailuresCountByThePeersAddress() async throws {
        let server = try TestServer()
        try await server.application.test(.live) { client in
            func attempt(_ number: Int) async throws -> TestResponse {
                try await client.execute(
                    uri: "/facilitator/login", method: .post,
                    headers: [
                        .cookie: "flowlinks_login=t", .contentType: "application/x-www-form-urlencoded",
                        HTTPField.Name("X-Forwarded-For")!: "203.0.113.\(number)",
                    ],
                    body: ByteBuffer(string: "csrf=t&username=no+such+name+\(number)&password=x"))
            }
            for number in 1...10 { #expect(try await attempt(number).status == .unauthorized) }
            let eleventh = try await attempt(11)
            #expect(eleventh.status == .tooManyRequests)
            #expect(eleventh.text.contains("Too many failed sign-ins from your network."))
        }
    }

    @Test func aNameWithANULNeverSignsInAsTheNameBeforeIt() async throws {
        let server = try await Self.server()
        try await server.test { client in
            for name in ["maria\u{0}zz", "maria\u{0}", "maria zz", "", String(repeating: "m", count: 65)] {
                var browser = Browser(forwardedFor: "203.0.113.1")
                let response = try await browser.signIn(client, as: name)
                #expect(response.status == .unauthorized, "\(name.debugDescription)")
                #expect(browser.cookies["flowlinks_session"] == nil)
            }
        }
    }

    @Test func invalidNamesCountAsFailuresForTheAddress() async throws {
        let server = try await Self.server()
        try await server.test { client in
            var browser = Browser(forwardedFor: "198.51.100.7")
            for attempt in 1...10 { _ = try await browser.signIn(client, as: "x\u{0}\(attempt)") }
            #expect(try await browser.signIn(client).status == .tooManyRequests)
        }
    }

    @Test func whenThePasswordChecksAreAllBusyASignInIsAskedToWait() async throws {
        let checks = PasswordChecks(slots: 1, queueLimit: 0)
        let server = try await Self.server { $0.passwordChecks = checks }
        let gate = Gate()
        let holding = Task { try await checks.run { gate.wait() } }
        await gate.untilEntered()
        try await server.test { client in
            var browser = Browser(forwardedFor: "203.0.113.1")
            let busy = try await browser.signIn(client)
            #expect(busy.status == .tooManyRequests)
            #expect(busy.text.contains("Many sign-ins are being checked right now."))
            gate.open()
            _ = try await holding.value
            #expect(try await browser.signIn(client).status == .seeOther, "a busy refusal is not a failure")
        }
    }

    @Test(arguments: [
        [("csrf", "\u{0}")], [("csrf", "")], [(String, String)](),
    ])
    func aSignInWithoutItsCookieIsRefusedWhateverTheFormSays(_ csrf: [(String, String)]) async throws {
        let server = try await Self.server()
        try await server.test { client in
            var browser = Browser(forwardedFor: "203.0.113.1")
            let fields = csrf.map { (name: $0.0, value: $0.1) } + [("username", "maria"), ("password", "correct horse battery")]
            let response = try await browser.post("/facilitator/login", fields, client)
            #expect(response.status == .forbidden)
            #expect(browser.cookies["flowlinks_session"] == nil)
            browser.cookies["flowlinks_login"] = ""
            let empty = try await browser.post("/facilitator/login", fields, client)
            #expect(empty.status == .forbidden)
        }
    }
}

/// Holds a password check's thread until the test opens it.
final class Gate: Sendable {
    private let entered = Mutex(false)
    private let semaphore = DispatchSemaphore(value: 0)

    /// Runs on the pool's thread: says it is there, then blocks until `open`.
    func wait() {
        entered.withLock { $0 = true }
        semaphore.wait()
    }

    func open() { semaphore.signal() }

    /// Returns once `wait` has been reached.
    func untilEntered() async {
        while !entered.withLock({ $0 }) { await Task.yield() }
    }
}
