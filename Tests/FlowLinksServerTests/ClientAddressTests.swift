import HTTPTypes
import Hummingbird
import NIOCore
import Testing

@testable import FlowLinksServer

@Suite("Whose failed sign-ins are counted together")
struct ClientAddressTests {
    static func request(forwardedFor: [String]) -> Request {
        var fields = HTTPFields()
        for value in forwardedFor { fields.append(HTTPField(name: HTTPField.Name("X-Forwarded-For")!, value: value)) }
        let head = HTTPRequest(
            method: .post, scheme: "http", authority: "localhost", path: "/facilitator/login", headerFields: fields)
        return Request(head: head, body: RequestBody(buffer: ByteBuffer()))
    }

    static func key(peer: String?, forwardedFor: [String] = [], behindProxy: Bool) throws -> String {
        let address = try peer.map { try SocketAddress(ipAddress: $0, port: 40_000) }
        return ClientAddresses.key(of: request(forwardedFor: forwardedFor), peer: address, behindProxy: behindProxy)
    }

    @Test func withoutAProxyThePeerCountsWhateverTheHeaderSays() throws {
        #expect(try Self.key(peer: "192.0.2.1", forwardedFor: ["198.51.100.7"], behindProxy: false) == "192.0.2.1")
        #expect(try Self.key(peer: nil, forwardedFor: ["198.51.100.7"], behindProxy: false) == "unknown")
    }

    @Test func behindAProxyTheLastForwardedAddressCounts() throws {
        let key = { (values: [String]) in try Self.key(peer: "127.0.0.1", forwardedFor: values, behindProxy: true) }
        #expect(try key(["198.51.100.7"]) == "198.51.100.7")
        #expect(try key(["203.0.113.9, 198.51.100.7"]) == "198.51.100.7")
        #expect(try key(["203.0.113.9", "10.0.0.1 ,  198.51.100.7 "]) == "198.51.100.7")
        #expect(try key([]) == "127.0.0.1", "no header: the peer")
        #expect(try key(["not an address"]) == "127.0.0.1", "a header the proxy did not write: the peer")
        #expect(try key(["198.51.100.7, "]) == "127.0.0.1")
    }

    @Test func anIPv6ClientIsItsSlash64AndAnIPv4MappedOneIsItsIPv4() throws {
        #expect(try Self.key(peer: "2001:db8:a:b:1:2:3:4", behindProxy: false) == "2001:db8:a:b::/64")
        #expect(try Self.key(peer: "2001:db8:a:b::ffff", behindProxy: false) == "2001:db8:a:b::/64")
        #expect(try Self.key(peer: "::ffff:192.0.2.1", behindProxy: false) == "192.0.2.1")
        #expect(try Self.key(peer: "::1", behindProxy: false) == "0:0:0:0::/64")
    }
}
