import Foundation

/// Facilitators' accounts, their sign-ins and the notes they write on sessions.
///
/// Sign-ins live in the database, so every request sees the account as it is now: removing an
/// account ends its sign-ins, changing its password ends them too, and any server process (or the
/// command line) sees both at once.
public protocol FacilitatorStore: Sendable {
    func addFacilitator(username: String, passwordHash: String, now: Date) async throws -> FacilitatorRecord
    /// Every account, by name.
    func facilitators() async throws -> [FacilitatorRecord]
    func facilitator(named username: String) async throws -> FacilitatorRecord?
    /// Sets a new password hash and ends the account's sign-ins; false when there is no such account.
    @discardableResult
    func setFacilitatorPasswordHash(username: String, passwordHash: String, now: Date) async throws -> Bool
    /// Removes the account with its sign-ins; false when there is no such account.
    @discardableResult
    func removeFacilitator(username: String) async throws -> Bool

    /// Records a sign-in of the account whose password hash was just verified, unless that hash
    /// changed meanwhile (then false: the old password no longer signs in). Forgets expired sign-ins.
    func startFacilitatorSignIn(
        tokenHash: String, facilitatorID: Int64, verifiedPasswordHash: String, csrfToken: String, now: Date,
        expiresAt: Date
    ) async throws -> Bool
    /// The sign-in behind a token's hash while it has not expired, with its account's current
    /// name; its use moves the expiry to `now + lifetime`.
    func facilitatorSignIn(tokenHash: String, now: Date, lifetime: TimeInterval) async throws -> FacilitatorSignIn?
    func endFacilitatorSignIn(tokenHash: String) async throws
    /// Ends every sign-in of the account, or of every account when `username` is nil; returns how many.
    @discardableResult
    func endFacilitatorSignIns(username: String?) async throws -> Int
    /// How many unexpired sign-ins each account has, by name.
    func activeFacilitatorSignIns(now: Date) async throws -> [String: Int]

    /// A session's notes, oldest first.
    func notes(ofSession id: Int64) async throws -> [FacilitatorNote]
    /// Adds a note to a session; `nil` when there is no such session.
    func addNote(toSession id: Int64, author: String, text: String, now: Date) async throws -> FacilitatorNote?
    /// Rewrites a note, only for its author; false when there is no such note of theirs.
    func editNote(
        _ noteID: Int64, ofSession sessionID: Int64, by author: String, text: String, now: Date
    ) async throws
        -> Bool
}
