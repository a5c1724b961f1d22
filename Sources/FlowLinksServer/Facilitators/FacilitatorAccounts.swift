import FlowLinksStore
import Foundation
import HummingbirdBcrypt
import Synchronization

/// Why an account could not be created or changed, in words a person can act on.
public enum FacilitatorAccountError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidUsername
    case weakPassword(minimumLength: Int)
    case alreadyExists(String)
    case unknownAccount(String)

    public var description: String {
        switch self {
        case .invalidUsername:
            "A username is 1 to 64 characters: letters, digits, and . _ - @"
        case .weakPassword(let minimum):
            "A password needs at least \(minimum) characters."
        case .alreadyExists(let name):
            "There is already an account named \(name)."
        case .unknownAccount(let name):
            "There is no account named \(name)."
        }
    }
}

/// Facilitator accounts: bcrypt-hashed passwords, checked in roughly constant time whether or
/// not the account exists.
public struct FacilitatorAccounts: Sendable {
    public static let minimumPasswordLength = 12

    let store: any FacilitatorStore
    /// bcrypt's cost; 12 in production, lower in tests.
    let cost: UInt8
    let now: @Sendable () -> Date

    public init(store: any FacilitatorStore, cost: UInt8 = 12, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.cost = cost
        self.now = now
    }

    @discardableResult
    public func add(username: String, password: String) async throws -> FacilitatorRecord {
        guard Self.isValidUsername(username) else { throw FacilitatorAccountError.invalidUsername }
        try checkStrength(password)
        do {
            return try await store.addFacilitator(
                username: username, passwordHash: Bcrypt.hash(password, cost: cost), now: now())
        } catch FacilitatorStoreError.alreadyExists(let name) {
            throw FacilitatorAccountError.alreadyExists(name)
        }
    }

    public func changePassword(username: String, to password: String) async throws {
        try checkStrength(password)
        let changed = try await store.setFacilitatorPasswordHash(
            username: username, passwordHash: Bcrypt.hash(password, cost: cost), now: now())
        guard changed else { throw FacilitatorAccountError.unknownAccount(username) }
    }

    public func remove(username: String) async throws {
        guard try await store.removeFacilitator(username: username) else {
            throw FacilitatorAccountError.unknownAccount(username)
        }
    }

    /// Ends the sign-ins of the account named `username`, or of every account when it is `nil`;
    /// returns how many ended. The server sees it on the next request.
    @discardableResult
    public func signOut(username: String?) async throws -> Int {
        do {
            return try await store.endFacilitatorSignIns(username: username)
        } catch FacilitatorStoreError.unknownAccount(let name) {
            throw FacilitatorAccountError.unknownAccount(name)
        }
    }

    /// The account, when the password is right; `nil` for a wrong password or an unknown name.
    public func verify(username: String, password: String) async throws -> FacilitatorRecord? {
        check(password, against: try await account(named: username))
    }

    /// The account of that name, if there is one, to check a password against.
    public func account(named username: String) async throws -> FacilitatorRecord? {
        try await store.facilitator(named: username)
    }

    /// The account, when the password is its own; `nil` for a wrong password or no account. The
    /// bcrypt work, so it can run off the request threads.
    public func check(_ password: String, against account: FacilitatorRecord?) -> FacilitatorRecord? {
        guard let account else {
            // why: spend the same bcrypt time as for a real account, so timing does not tell
            // which names exist.
            _ = Bcrypt.verify(password, hash: Self.decoyHash(cost: cost))
            return nil
        }
        return Bcrypt.verify(password, hash: account.passwordHash) ? account : nil
    }

    private func checkStrength(_ password: String) throws {
        guard password.count >= Self.minimumPasswordLength else {
            throw FacilitatorAccountError.weakPassword(minimumLength: Self.minimumPasswordLength)
        }
    }

    /// Whether `name` can be an account's: 1 to 64 ASCII letters, digits, and `. _ - @`.
    public static func isValidUsername(_ name: String) -> Bool {
        (1...64).contains(name.count)
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-@".unicodeScalars.contains($0))
            }
    }

    /// A bcrypt hash of a random string nobody knows, at the cost new passwords get (12 in production).
    private static func decoyHash(cost: UInt8) -> String {
        decoyHashes.withLock { hashes in
            if let hash = hashes[cost] { return hash }
            let hash = Bcrypt.hash(UUID().uuidString, cost: cost)
            hashes[cost] = hash
            return hash
        }
    }

    private static let decoyHashes = Mutex<[UInt8: String]>([:])
}
