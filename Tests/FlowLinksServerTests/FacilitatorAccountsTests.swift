import FlowLinksServer
import FlowLinksStore
import Foundation
import Testing

@Suite("Facilitator accounts")
struct FacilitatorAccountsTests {
    let accounts: FacilitatorAccounts
    let database: AppDatabase

    init() throws {
        database = try AppDatabase.inMemory()
        accounts = FacilitatorAccounts(database: database, cost: 4)
    }

    @Test func theRightPasswordSignsInAndTheWrongOneDoesNot() throws {
        try accounts.add(username: "maria", password: "correct horse battery")
        #expect(try accounts.verify(username: "maria", password: "correct horse battery")?.username == "maria")
        #expect(try accounts.verify(username: "MARIA", password: "correct horse battery") != nil)
        #expect(try accounts.verify(username: "maria", password: "correct horse batterY") == nil)
        #expect(try accounts.verify(username: "nobody", password: "correct horse battery") == nil)
    }

    @Test func thePasswordIsStoredOnlyAsABcryptHash() throws {
        try accounts.add(username: "maria", password: "correct horse battery")
        let stored = try #require(try database.facilitator(named: "maria"))
        #expect(stored.passwordHash.hasPrefix("$2"))
        #expect(!stored.passwordHash.contains("correct horse battery"))
    }

    @Test func shortPasswordsBadNamesAndDuplicatesAreRefused() throws {
        #expect(throws: FacilitatorAccountError.weakPassword(minimumLength: 12)) {
            try accounts.add(username: "maria", password: "short")
        }
        #expect(throws: FacilitatorAccountError.invalidUsername) {
            try accounts.add(username: "maria <script>", password: "correct horse battery")
        }
        try accounts.add(username: "maria", password: "correct horse battery")
        #expect(throws: FacilitatorAccountError.alreadyExists("Maria")) {
            try accounts.add(username: "Maria", password: "another long password")
        }
    }

    @Test func aChangedPasswordReplacesTheOldOne() throws {
        try accounts.add(username: "maria", password: "correct horse battery")
        try accounts.changePassword(username: "maria", to: "a brand new passphrase")
        #expect(try accounts.verify(username: "maria", password: "correct horse battery") == nil)
        #expect(try accounts.verify(username: "maria", password: "a brand new passphrase") != nil)
        #expect(throws: FacilitatorAccountError.unknownAccount("sam")) {
            try accounts.changePassword(username: "sam", to: "a brand new passphrase")
        }
    }

    @Test func aRemovedAccountCannotSignIn() throws {
        try accounts.add(username: "maria", password: "correct horse battery")
        try accounts.remove(username: "maria")
        #expect(try accounts.verify(username: "maria", password: "correct horse battery") == nil)
        #expect(throws: FacilitatorAccountError.unknownAccount("maria")) { try accounts.remove(username: "maria") }
    }
}
