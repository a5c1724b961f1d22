import FlowLinksServer
import FlowLinksStore
import Foundation
import HummingbirdTesting
import Testing

@Suite("Facilitator sign-ins follow their account")
struct FacilitatorAccessTests {
    static func signedIn(
        _ client: some TestClientProtocol, as username: String, password: String
    ) async throws -> Browser {
        var browser = Browser()
        let response = try await browser.signIn(client, as: username, password: password)
        #expect(response.status == .seeOther)
        #expect(try await browser.get("/facilitator/export.csv", client).status == .ok)
        return browser
    }

    @Test func removingAnAccountEndsItsSignInsAtOnce() async throws {
        let server = try await FacilitatorWebTests.server()
        let accounts = FacilitatorAccounts(store: server.database.facilitators, cost: 4)
        try await accounts.add(username: "carol", password: "carol's long password")
        try await server.test { client in
            var carol = try await Self.signedIn(client, as: "carol", password: "carol's long password")
            var maria = try await Self.signedIn(client, as: "maria", password: "correct horse battery")
            try await accounts.remove(username: "carol")
            let export = try await carol.get("/facilitator/export.csv", client)
            #expect(export.status == .seeOther)
            #expect(export.headers[.location] == "/facilitator/login")
            #expect(try await maria.get("/facilitator/export.csv", client).status == .ok, "other accounts stay signed in")
        }
    }

    @Test func changingAPasswordEndsTheAccountsSignIns() async throws {
        let server = try await FacilitatorWebTests.server()
        try await server.test { client in
            var maria = try await Self.signedIn(client, as: "maria", password: "correct horse battery")
            try await FacilitatorAccounts(store: server.database.facilitators, cost: 4).changePassword(
                username: "maria", to: "a brand new passphrase")
            #expect(try await maria.get("/facilitator/sessions", client).status == .seeOther)
            _ = try await Self.signedIn(client, as: "maria", password: "a brand new passphrase")
        }
    }

    @Test func signingEveryoneOutEndsEverySignIn() async throws {
        let server = try await FacilitatorWebTests.server()
        try await server.test { client in
            var maria = try await Self.signedIn(client, as: "maria", password: "correct horse battery")
            #expect(try await FacilitatorAccounts(store: server.database.facilitators, cost: 4).signOut(username: nil) == 1)
            #expect(try await maria.get("/facilitator/sessions", client).status == .seeOther)
        }
    }

    @Test func aSignInOutlastsARestartAndTheCookieHoldsTheOnlyCopyOfItsToken() async throws {
        let server = try await FacilitatorWebTests.server()
        let maria = try await server.test { client in
            try await Self.signedIn(client, as: "maria", password: "correct horse battery")
        }
        let token = try #require(maria.cookies["flowlinks_session"])
        let stored = try await server.database.facilitators.facilitatorSignIn(
            tokenHash: token, now: server.clock.now, lifetime: 60)
        #expect(stored == nil, "the database holds a hash of the token, not the token")
        let after = try await server.test { client in
            var again = maria
            return try await again.get("/facilitator/sessions", client).status
        }
        #expect(after == .ok)
    }

    @Test func aSignInEndsAfterEightHoursUnused() async throws {
        let server = try await FacilitatorWebTests.server()
        try await server.test { client in
            var maria = try await Self.signedIn(client, as: "maria", password: "correct horse battery")
            server.clock.advance(7 * 3600)
            #expect(try await maria.get("/facilitator/sessions", client).status == .ok)
            server.clock.advance(7 * 3600)
            #expect(try await maria.get("/facilitator/sessions", client).status == .ok, "use keeps it alive")
            server.clock.advance(8 * 3600 + 1)
            #expect(try await maria.get("/facilitator/sessions", client).status == .seeOther)
        }
    }
}
