import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Who sent a request, for limits kept per client: the connection's peer, or, when the peer is a
/// reverse proxy named in `trusted_proxies`, the address that proxy says it forwarded for.
public struct ClientAddresses: Sendable {
    /// Proxies whose `X-Forwarded-For` is believed (their IP addresses, as written in the config).
    let trustedProxies: Set<String>

    public init(trustedProxies: Set<String> = []) {
        self.trustedProxies = trustedProxies
    }

    /// The client's address as text; "unknown" when the connection has none (router tests).
    func address(of request: Request, context: ServerRequestContext) -> String {
        guard let peer = context.remoteAddress?.ipAddress else { return "unknown" }
        guard trustedProxies.contains(peer) else { return peer }
        // why: each proxy appends the address it received from, so the right-most entry that is
        // not one of our own proxies is the first hop nobody we trust vouches beyond.
        let forwarded = request.headers[values: .xForwardedFor]
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return forwarded.reversed().first { !$0.isEmpty && !trustedProxies.contains($0) } ?? peer
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}
