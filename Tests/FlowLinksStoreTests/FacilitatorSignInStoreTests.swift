import FlowLinksStore
import FlowLinksTesting
import Foundation
import Testing

@Suite("Facilitator sign-ins in the database")
struct FacilitatorSignInStoreTests {
    let database: SQLiteDatabase
    let account: FacilitatorRecord
    let now = TestClock().now
    let hour: TimeInterval = 3600

    init() async throws {
        database = try SQLiteDatabase.inMemory()
        account = try await database.facilitators.addFacilitator(username: "carol", passwordHash: "$2b$hash-one", now: now)
    }

    func signIn(_ tokenHash: String, as account: FacilitatorRecord? = nil, hash: String = "$2b$hash-one") async throws -> Bool {
        let account = account ?? self.account
        return try await database.facilitators.startFacilitatorSignIn(
            tokenHash: tokenHash, facilitatorID: try #require(account.id), verifiedPasswordHash: hash, csrfToken: "csrf",
            now: now, expiresAt: now + 8 * hour)
    }

    func find(_ tokenHash: String, at time: Date? = nil) async throws -> FacilitatorSignIn? {
        try await database.facilitators.facilitatorSignIn(tokenHash: tokenHash, now: time ?? now, lifetime: 8 * hour)
    }

    @Test func aSignInIsFoundByItsHashWithTheAccountsName() async throws {
        #expect(try await signIn("aa"))
        let found = try #require(try await find("aa"))
        #expect(found.username == "carol")
        #expect(found.csrfToken == "csrf")
        #expect(try await find("ab") == nil)
    }

    @Test func removingTheAccountRemovesItsSignIns() async throws {
        #expect(try await signIn("aa"))
        try await database.facilitators.removeFacilitator(username: "carol")
        #expect(try await find("aa") == nil)
    }

    @Test func changingThePasswordEndsTheSignInsAndRefusesOnesCheckedAgainstTheOldOne() async throws {
        #expect(try await signIn("aa"))
        try await database.facilitators.setFacilitatorPasswordHash(username: "carol", passwordHash: "$2b$hash-two", now: now)
        #expect(try await find("aa") == nil)
        #expect(try await signIn("bb") == false, "checked against the old hash")
        #expect(try await signIn("bb", hash: "$2b$hash-two"))
    }

    @Test func aSignInExpiresUnusedAndIsKeptAliveByUse() async throws {
        #expect(try await signIn("aa"))
        #expect(try await find("aa", at: now + 7 * hour) != nil)
        #expect(try await find("aa", at: now + 14 * hour) != nil, "the use at 7 hours moved the end")
        #expect(try await find("aa", at: now + 22 * hour + 1) == nil)
    }

    @Test func signingOutOneAccountOrEveryone() async throws {
        let other = try await database.facilitators.addFacilitator(username: "maria", passwordHash: "$2b$m", now: now)
        #expect(try await signIn("aa"))
        #expect(try await signIn("ab"))
        #expect(try await signIn("mm", as: other, hash: "$2b$m"))
        #expect(try await database.facilitators.activeFacilitatorSignIns(now: now) == ["carol": 2, "maria": 1])
        #expect(try await database.facilitators.endFacilitatorSignIns(username: "CAROL") == 2)
        #expect(try await find("mm") != nil)
        await #expect(throws: FacilitatorStoreError.unknownAccount("sam")) {
            try await database.facilitators.endFacilitatorSignIns(username: "sam")
        }
        #expect(try await database.facilitators.endFacilitatorSignIns(username: nil) == 1)
        #expect(try await database.facilitators.activeFacilitatorSignIns(now: now).isEmpty)
    }
}
