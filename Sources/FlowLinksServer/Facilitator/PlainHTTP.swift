import HTTPTypes
import Hummingbird

/// Whether a browser reached the facilitator pages over plain http at an address it does not
/// trust as local: there it drops the `Secure` cookies sign-in needs.
enum PlainHTTP {
    /// This server speaks only http itself, so without a proxy every request came over http; a
    /// browser still keeps `Secure` cookies for `localhost` and loopback addresses. Behind a proxy
    /// (`behind_proxy`), the proxy's `X-Forwarded-Proto` says which scheme the browser used.
    static func dropsSecureCookies(_ request: Request, behindProxy: Bool) -> Bool {
        dropsSecureCookies(
            host: request.head.authority, forwardedProto: request.headers[values: .xForwardedProto].last,
            behindProxy: behindProxy)
    }

    static func dropsSecureCookies(host: String?, forwardedProto: String?, behindProxy: Bool) -> Bool {
        if behindProxy {
            // why: a chain of proxies appends; the last entry is the one this server's proxy wrote.
            let last = forwardedProto?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces)
            return last?.lowercased() == "http"
        }
        guard let host, !host.isEmpty else { return false }
        return !isLoopback(host)
    }

    /// `localhost`, a name under it, or a loopback address, with or without a port.
    static func isLoopback(_ authority: String) -> Bool {
        let host: Substring
        if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") {
            host = authority[authority.index(after: authority.startIndex)..<end]
        } else {
            host = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]
        }
        let name = host.lowercased()
        return name == "localhost" || name.hasSuffix(".localhost") || name == "::1" || name.hasPrefix("127.")
    }
}

extension HTTPField.Name {
    static let xForwardedProto = Self("X-Forwarded-Proto")!
}
