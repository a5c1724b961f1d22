import Foundation

/// How fast new conversations may start: per client address and per channel, so one client
/// cannot fill the database with sessions, while conversations already under way go on.
public struct NewConversationLimits: Sendable {
    let perAddress: RateLimiter
    let perChannel: RateLimiter

    public init(perAddress: Int, perChannel: Int, now: @escaping @Sendable () -> Date = Date.init) {
        self.perAddress = RateLimiter(perMinute: perAddress, burst: perAddress, now: now)
        self.perChannel = RateLimiter(perMinute: perChannel, burst: perChannel, now: now)
    }

    /// Takes one new conversation from the client's and the channel's budgets, or says which is spent.
    func admit(address: String, channel: String) async throws(NewConversationRefusal) {
        // why: the address is checked first, so one busy client cannot spend the channel's budget
        // once its own is gone.
        guard await perAddress.allow(address) else { throw NewConversationRefusal(limit: .address) }
        guard await perChannel.allow(channel) else { throw NewConversationRefusal(limit: .channel) }
    }
}

/// A new conversation refused because too many started in the last minute (a 429).
public struct NewConversationRefusal: Error, Equatable, Sendable {
    public enum Limit: String, Sendable {
        case address, channel
    }

    public let limit: Limit

    /// Safe to show: it names no address.
    public var message: String {
        switch limit {
        case .address: "Too many new conversations from this address; please try again in a minute."
        case .channel: "Too many new conversations on this channel right now; please try again in a minute."
        }
    }
}
