import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Who sent a request, for limits kept per client (new conversations, failed sign-ins): the
/// connection's peer, or, when `behind_proxy` says a reverse proxy forwards every request, the
/// address that proxy wrote last in `X-Forwarded-For` (earlier entries come from the client and
/// prove nothing).
public struct ClientAddresses: Sendable {
    let behindProxy: Bool

    public init(behindProxy: Bool = false) {
        self.behindProxy = behindProxy
    }

    /// The key one client's requests are counted under: an IPv4 address, or an IPv6 address's /64
    /// network (one household or server gets a whole /64); "unknown" without a peer (router tests).
    func address(of request: Request, context: ServerRequestContext) -> String {
        Self.key(of: request, peer: context.remoteAddress, behindProxy: behindProxy)
    }

    static func key(of request: Request, peer: SocketAddress?, behindProxy: Bool) -> String {
        if behindProxy, let forwarded = lastForwarded(in: request),
            let address = try? SocketAddress(ipAddress: forwarded, port: 0)
        {
            return key(of: address)
        }
        return peer.map(key(of:)) ?? "unknown"
    }

    static func key(of address: SocketAddress) -> String {
        switch address {
        case .v4(let v4):
            return withUnsafeBytes(of: v4.address.sin_addr) { $0.map(String.init).joined(separator: ".") }
        case .v6(let v6):
            let bytes = withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
            // why: a dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d; their /64 would be everyone's.
            if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
                return bytes[12...].map(String.init).joined(separator: ".")
            }
            let network = stride(from: 0, to: 8, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
            return network.joined(separator: ":") + "::/64"
        case .unixDomainSocket:
            return "local"
        }
    }

    /// The last entry of the `X-Forwarded-For` headers, trimmed.
    private static func lastForwarded(in request: Request) -> String? {
        let last = request.headers[values: .xForwardedFor].last?.split(separator: ",", omittingEmptySubsequences: false).last
        let trimmed = last?.trimmingCharacters(in: .whitespaces)
        return trimmed?.isEmpty == false ? trimmed : nil
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}
