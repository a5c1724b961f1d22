import FlowLinksStore
import Foundation

/// The limits on failed sign-ins: per client address (any names) and per account name (from any
/// address). An attempt takes one from each budget before its password is checked, so attempts
/// running at once cannot overdraw them, and gives them back when it succeeds or is turned away
/// unchecked: only failures count. The budgets are kept in the throttle store, which every
/// replica shares.
struct SignInThrottle: Sendable {
    /// Ten failures from one address, then one more a minute.
    static let perAddress = ThrottleLimit(name: "sign-in-address", burst: 10, perMinute: 1)
    /// Five failures for one name, then five more a minute.
    static let perName = ThrottleLimit(name: "sign-in-name", burst: 5, perMinute: 5)

    let store: any ThrottleStore
    let now: @Sendable () -> Date

    /// Takes one failure from the address's budget; false when it is spent.
    func admit(address: String) async throws -> Bool {
        try await store.take(Self.perAddress, key: address, at: now())
    }

    /// Takes one failure from the name's budget; false when it is spent (the address's is given back).
    func admit(name: String, from address: String) async throws -> Bool {
        guard try await store.take(Self.perName, key: Self.key(name), at: now()) else {
            try await store.giveBack(Self.perAddress, key: address)
            return false
        }
        return true
    }

    /// The attempt did not fail (it signed in, or was turned away before its password was checked).
    func doesNotCount(name: String, from address: String) async throws {
        try await store.giveBack(Self.perAddress, key: address)
        try await store.giveBack(Self.perName, key: Self.key(name))
    }

    /// Names compare without regard to case, as accounts do.
    private static func key(_ name: String) -> String { name.lowercased() }
}
