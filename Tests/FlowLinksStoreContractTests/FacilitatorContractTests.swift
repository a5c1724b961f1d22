import FlowLinksStore
import FlowLinksTesting
import Foundation
import Testing

@Suite("Facilitator accounts and their sign-ins")
struct FacilitatorContractTests {
    let now = TestClock().now
    let hour: TimeInterval = 3600

    func signIn(
        _ tokenHash: String, as account: FacilitatorRecord, hash: String = "$2b$one", at time: Date? = nil,
        in stores: BackendStores
    ) async throws -> Bool {
        let time = time ?? now
        return try await stores.facilitators.startFacilitatorSignIn(
            tokenHash: tokenHash, facilitatorID: try #require(account.id), verifiedPasswordHash: hash, csrfToken: "csrf",
            now: time, expiresAt: time + 8 * hour)
    }

    func find(_ tokenHash: String, at time: Date, in stores: BackendStores) async throws -> FacilitatorSignIn? {
        try await stores.facilitators.facilitatorSignIn(tokenHash: tokenHash, now: time, lifetime: 8 * hour)
    }

    @Test(arguments: StoreBackend.available)
    func namesAreOneAccountWhateverTheirLetterCase(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let carol = try await stores.facilitators.addFacilitator(username: "Carol", passwordHash: "$2b$one", now: now)
            #expect(carol.id != nil)
            await #expect(throws: FacilitatorStoreError.alreadyExists("cAROL")) {
                try await stores.facilitators.addFacilitator(username: "cAROL", passwordHash: "$2b$two", now: now)
            }
            #expect(try await stores.facilitators.facilitator(named: "CAROL") == carol)
            _ = try await stores.facilitators.addFacilitator(username: "bob", passwordHash: "$2b$b", now: now)
            _ = try await stores.facilitators.addFacilitator(username: "Dana", passwordHash: "$2b$d", now: now)
            #expect(try await stores.facilitators.facilitators().map(\.username) == ["bob", "Carol", "Dana"])
        }
    }

    @Test(arguments: StoreBackend.available)
    func aNameWithANulIsRefusedAndNeverFound(backend: StoreBackend) async throws {
        // why: the closure says it throws, since its only `try`s are inside macros.
        try await backend.withStores { (stores: BackendStores) async throws in
            await #expect(throws: StoreInputError.nulInKey("username")) {
                try await stores.facilitators.addFacilitator(username: "car\u{0}ol", passwordHash: "$2b$one", now: now)
            }
            #expect(try await stores.facilitators.facilitator(named: "car\u{0}ol") == nil)
            #expect(
                try await stores.facilitators.setFacilitatorPasswordHash(username: "a\u{0}", passwordHash: "x", now: now) == false
            )
            #expect(try await stores.facilitators.removeFacilitator(username: "a\u{0}") == false)
            #expect(try await find("a\u{0}", at: now, in: stores) == nil)
            #expect(try await stores.facilitators.facilitators().isEmpty)
        }
    }

    @Test(arguments: StoreBackend.available)
    func aSignInExpiresUnusedAndUseKeepsItAliveAtMostOnceAMinute(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let carol = try await stores.facilitators.addFacilitator(username: "carol", passwordHash: "$2b$one", now: now)
            #expect(try await signIn("aa", as: carol, in: stores))
            let found = try #require(try await find("aa", at: now + 30, in: stores))
            #expect(found.username == "carol")
            #expect(found.csrfToken == "csrf")
            #expect(found.expiresAt == now + 8 * hour, "a use within a minute of the last is not written")
            #expect(try await find("aa", at: now + 7 * hour, in: stores)?.expiresAt == now + 15 * hour)
            #expect(try await find("aa", at: now + 14 * hour, in: stores) != nil, "the use at 7 hours moved the end")
            #expect(try await find("aa", at: now + 22 * hour + 1, in: stores) == nil)
            #expect(try await find("ab", at: now, in: stores) == nil)
            #expect(try await stores.facilitators.activeFacilitatorSignIns(now: now + 23 * hour).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.available)
    func changingThePasswordEndsTheSignInsAndRefusesOnesCheckedAgainstTheOldOne(
        backend: StoreBackend
    )
        async throws
    {
        try await backend.withStores { stores in
            let carol = try await stores.facilitators.addFacilitator(username: "carol", passwordHash: "$2b$one", now: now)
            #expect(try await signIn("aa", as: carol, in: stores))
            #expect(
                try await stores.facilitators.setFacilitatorPasswordHash(username: "CAROL", passwordHash: "$2b$two", now: now + 1)
            )
            #expect(try await stores.facilitators.facilitator(named: "carol")?.passwordChangedAt == now + 1)
            #expect(try await find("aa", at: now, in: stores) == nil)
            #expect(try await signIn("bb", as: carol, in: stores) == false, "checked against the old hash")
            #expect(try await signIn("bb", as: carol, hash: "$2b$two", in: stores))
            #expect(
                try await stores.facilitators.setFacilitatorPasswordHash(username: "sam", passwordHash: "$2b$x", now: now)
                    == false)
        }
    }

    @Test(arguments: StoreBackend.available)
    func removingAnAccountRemovesItsSignIns(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let carol = try await stores.facilitators.addFacilitator(username: "carol", passwordHash: "$2b$one", now: now)
            #expect(try await signIn("aa", as: carol, in: stores))
            #expect(try await stores.facilitators.removeFacilitator(username: "Carol"))
            #expect(try await find("aa", at: now, in: stores) == nil)
            #expect(try await stores.facilitators.activeFacilitatorSignIns(now: now).isEmpty)
            #expect(try await stores.facilitators.removeFacilitator(username: "carol") == false)
            #expect(try await signIn("bb", as: carol, in: stores) == false, "no account, no sign-in")
        }
    }

    @Test(arguments: StoreBackend.available)
    func signingOutOneSignInOneAccountOrEveryone(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let carol = try await stores.facilitators.addFacilitator(username: "carol", passwordHash: "$2b$one", now: now)
            let maria = try await stores.facilitators.addFacilitator(username: "maria", passwordHash: "$2b$m", now: now)
            #expect(try await signIn("aa", as: carol, in: stores))
            #expect(try await signIn("ab", as: carol, in: stores))
            #expect(try await signIn("ac", as: carol, in: stores))
            #expect(try await signIn("mm", as: maria, hash: "$2b$m", in: stores))
            try await stores.facilitators.endFacilitatorSignIn(tokenHash: "ac")
            #expect(try await find("ac", at: now, in: stores) == nil)
            #expect(try await stores.facilitators.activeFacilitatorSignIns(now: now) == ["carol": 2, "maria": 1])
            #expect(try await stores.facilitators.endFacilitatorSignIns(username: "CAROL") == 2)
            #expect(try await find("mm", at: now, in: stores) != nil)
            await #expect(throws: FacilitatorStoreError.unknownAccount("sam")) {
                try await stores.facilitators.endFacilitatorSignIns(username: "sam")
            }
            #expect(try await stores.facilitators.endFacilitatorSignIns(username: nil) == 1)
            #expect(try await stores.facilitators.activeFacilitatorSignIns(now: now).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.available)
    func startingASignInForgetsExpiredOnes(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let carol = try await stores.facilitators.addFacilitator(username: "carol", passwordHash: "$2b$one", now: now)
            #expect(try await signIn("aa", as: carol, in: stores))
            #expect(try await signIn("bb", as: carol, at: now + 9 * hour, in: stores))
            #expect(try await stores.facilitators.endFacilitatorSignIns(username: nil) == 1, "the expired one was gone")
        }
    }

    @Test(arguments: StoreBackend.available)
    func notesBelongToASessionAndOnlyTheirAuthorRewritesThem(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let session = try await stores.tables.addSession("a", updatedAt: now)
            #expect(try await stores.facilitators.addNote(toSession: session + 1, author: "kim", text: "x", now: now) == nil)
            let first = try #require(
                try await stores.facilitators.addNote(toSession: session, author: "kim", text: "call\u{0} back", now: now))
            #expect(first.text == "call\u{FFFD} back")
            _ = try await stores.facilitators.addNote(toSession: session, author: "lee", text: "done", now: now + 1)
            await #expect(throws: StoreInputError.nulInKey("author")) {
                try await stores.facilitators.addNote(toSession: session, author: "k\u{0}", text: "x", now: now)
            }
            let id = try #require(first.id)
            #expect(try await stores.facilitators.editNote(id, ofSession: session, by: "lee", text: "no", now: now + 2) == false)
            #expect(
                try await stores.facilitators.editNote(id, ofSession: session + 1, by: "kim", text: "no", now: now + 2) == false)
            #expect(try await stores.facilitators.editNote(id, ofSession: session, by: "kim", text: "called", now: now + 2))
            let notes = try await stores.facilitators.notes(ofSession: session)
            #expect(notes.map(\.text) == ["called", "done"])
            #expect(notes.map(\.author) == ["kim", "lee"])
            #expect(notes.map(\.wasEdited) == [true, false])
            #expect(
                notes.first
                    == FacilitatorNote(
                        id: id, sessionId: session, author: "kim", text: "called", createdAt: now, updatedAt: now + 2))
        }
    }
}
