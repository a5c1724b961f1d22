import Foundation

/// The limits on failed sign-ins: per client address (any names) and per account name (from any
/// address). An attempt takes one from each budget before its password is checked, so attempts
/// running at once cannot overdraw them, and gives them back when it succeeds or is turned away
/// unchecked: only failures count.
struct SignInThrottle: Sendable {
    /// Ten failures from one address, then one more a minute.
    static let perAddress = (burst: 10, perMinute: 1)
    /// Five failures for one name, then five more a minute.
    static let perName = (burst: 5, perMinute: 5)

    let addresses: RateLimiter
    let names: RateLimiter

    init(now: @escaping @Sendable () -> Date) {
        addresses = RateLimiter(perMinute: Self.perAddress.perMinute, burst: Self.perAddress.burst, now: now)
        names = RateLimiter(perMinute: Self.perName.perMinute, burst: Self.perName.burst, now: now)
    }

    /// Takes one failure from the address's budget; false when it is spent.
    func admit(address: String) async -> Bool { await addresses.allow(address) }

    /// Takes one failure from the name's budget; false when it is spent (the address's is given back).
    func admit(name: String, from address: String) async -> Bool {
        guard await names.allow(Self.key(name)) else {
            await addresses.refund(address)
            return false
        }
        return true
    }

    /// The attempt did not fail (it signed in, or was turned away before its password was checked).
    func doesNotCount(name: String, from address: String) async {
        await addresses.refund(address)
        await names.refund(Self.key(name))
    }

    /// Names compare without regard to case, as accounts do.
    private static func key(_ name: String) -> String { name.lowercased() }
}
