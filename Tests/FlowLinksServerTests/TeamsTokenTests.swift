import FlowLinksChannels
import FlowLinksTesting
import Foundation
import Testing

@Suite("Teams: the Bot Connector's tokens")
struct TeamsTokenTests {
    static let service = FakeIdentityProvider.serviceURL
    let clock = TestClock()
    let key: FakeIdentityProvider.SigningKey
    let provider: FakeIdentityProvider
    let verifier: TeamsTokenVerifier

    init() throws {
        key = try FakeIdentityProvider.SigningKey(id: "key-1")
        provider = FakeIdentityProvider(published: [key])
        let clock = self.clock
        verifier = TeamsTokenVerifier(
            appID: FakeIdentityProvider.appID, source: InMemoryKeySource(provider: provider), now: { clock.now })
    }

    func bearer(_ token: String) -> String { "Bearer \(token)" }

    func expectRefused(_ token: String, _ comment: Comment) async {
        await #expect(throws: ChannelError.unauthorized, comment) {
            _ = try await verifier.verify(authorization: bearer(token))
        }
    }

    @Test func aValidTokenIsAcceptedAndNamesItsService() async throws {
        let token = try await FakeIdentityProvider.token(signedBy: key, expires: clock.now.addingTimeInterval(3600))
        let service = try await verifier.verify(authorization: bearer(token))
        #expect(service == Self.service)
        _ = try await verifier.verify(authorization: bearer(token))
        #expect(provider.keyFetches == 1, "the keys are kept between requests")
    }

    @Test func tokensThatAreWrongInAnyWayAreRefused() async throws {
        let expires = clock.now.addingTimeInterval(3600)
        let forger = try FakeIdentityProvider.SigningKey(id: "key-1")
        await expectRefused(try await FakeIdentityProvider.token(signedBy: forger, expires: expires), "wrong signature")
        await expectRefused(
            try await FakeIdentityProvider.token(signedBy: key, issuer: "https://attacker.example", expires: expires),
            "wrong issuer")
        await expectRefused(
            try await FakeIdentityProvider.token(signedBy: key, audience: "another-bot", expires: expires), "wrong audience")
        await expectRefused(
            try await FakeIdentityProvider.token(signedBy: key, expires: clock.now.addingTimeInterval(-301)), "expired")
        await #expect(throws: ChannelError.unauthorized) { _ = try await verifier.verify(authorization: nil) }
        await #expect(throws: ChannelError.unauthorized) { _ = try await verifier.verify(authorization: "Bearer x.y.z") }
    }

    @Test func aTokenJustPastExpiryPassesWithinTheClockSkew() async throws {
        let token = try await FakeIdentityProvider.token(signedBy: key, expires: clock.now.addingTimeInterval(-60))
        #expect(try await verifier.verify(authorization: bearer(token)) == Self.service)
    }

    @Test func anUnknownKeyIdFetchesTheKeysAgainAtMostOnceAMinute() async throws {
        let first = try await FakeIdentityProvider.token(signedBy: key, expires: clock.now.addingTimeInterval(3600))
        _ = try await verifier.verify(authorization: bearer(first))
        let rotated = try FakeIdentityProvider.SigningKey(id: "key-2")
        provider.publish([key, rotated])
        let second = try await FakeIdentityProvider.token(signedBy: rotated, expires: clock.now.addingTimeInterval(3600))
        await expectRefused(second, "the keys were fetched less than a minute ago")
        #expect(provider.keyFetches == 1)
        clock.advance(61)
        #expect(try await verifier.verify(authorization: bearer(second)) == Self.service)
        #expect(provider.keyFetches == 2)
        let unknown = try await FakeIdentityProvider.token(
            signedBy: rotated, kid: "key-9", expires: clock.now.addingTimeInterval(3600))
        for _ in 0..<5 { await expectRefused(unknown, "a key nobody publishes") }
        #expect(provider.keyFetches == 2, "a flood of unknown key ids does not become a flood of fetches")
    }
}
