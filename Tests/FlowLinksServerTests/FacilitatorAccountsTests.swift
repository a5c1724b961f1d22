import FlowLinksServer
import FlowLinksStore
import Foundation
import Testing

@Suite("Facilitator accounts")
struct FacilitatorAccountsTests {
    let accounts: FacilitatorAccounts
    let database: SQLiteDatabase

    init() throws {
        database = try SQLiteDatabase.inMemory()
        accounts = FacilitatorAccounts(store: database.facilitators, cost: 4)
    }

    @Test func theRightPasswordSignsInAndTheWrongOneDoesNot() async throws {
        try await accounts.add(username: "maria", password: "correct horse battery")
        #expect(try await accounts.verify(username: "maria", password: "correct horse battery")?.username == "maria")
        #expect(try await accounts.verify(username: "MARIA", password: "correct horse battery") != nil)
        #expect(try await accounts.verify(username: "maria", password: "correct horse batterY") == nil)
        #expect(try await accounts.verify(username: "nobody", password: "correct horse battery") == nil)
    }

    @Test func thePasswordIsStoredOnlyAsABcryptHash() async throws {
        try await accounts.add(username: "maria", password: "correct horse battery")
        let stored = try #require(try await database.facilitators.facilitator(named: "maria"))
        #expect(stored.passwordHash.hasPrefix("$2"))
        #expect(!stored.passwordHash.contains("correct horse battery"))
    }

    @Test func shortPasswordsBadNamesAndDuplicatesAreRefused() async throws {
        await #expect(throws: FacilitatorAccountError.weakPassword(minimumLength: 12)) {
            try await accounts.add(username: "maria", password: "short")
        }
        await #expect(throws: FacilitatorAccountError.invalidUsername) {
            try await accounts.add(username: "maria <script>", password: "correct horse battery")
        }
        try await accounts.add(username: "maria", password: "correct horse battery")
        await #expect(throws: FacilitatorAccountError.alreadyExists("Maria")) {
            try await accounts.add(username: "Maria", password: "another long password")
        }
    }

    @Test func aChangedPasswordReplacesTheOldOne() async throws {
        try await accounts.add(username: "maria", password: "correct horse battery")
        try await accounts.changePassword(username: "maria", to: "a brand new passphrase")
        #expect(try await accounts.verify(username: "maria", password: "correct horse battery") == nil)
        #expect(try await accounts.verify(username: "maria", password: "a brand new passphrase") != nil)
        await #expect(throws: FacilitatorAccountError.unknownAccount("sam")) {
            try await accounts.changePassword(username: "sam", to: "a brand new passphrase")
        }
    }

    @Test func aRemovedAccountCannotSignIn() async throws {
        try await accounts.add(username: "maria", password: "correct horse battery")
        try await accounts.remove(username: "maria")
        #expect(try await accounts.verify(username: "maria", password: "correct horse battery") == nil)
        await #expect(throws: FacilitatorAccountError.unknownAccount("maria")) { try await accounts.remove(username: "maria") }
    }
}
