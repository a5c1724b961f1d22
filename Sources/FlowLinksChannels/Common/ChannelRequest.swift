import FlowLinksCore
import Foundation

/// A webhook request as a channel sees it, independent of the HTTP server.
public struct ChannelRequest: Sendable {
    public var method: String
    public var path: String
    /// The raw query string, without "?".
    public var query: String?
    /// Header values by lower-cased name.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(method: String, path: String, query: String? = nil, headers: [String: String] = [:], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.body = body
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The media type of the body, without parameters ("application/json").
    public var mediaType: String? {
        header("content-type")?.split(separator: ";").first.map { $0.trimmed(of: .whitespaces).lowercased() }
    }
}

/// An HTTP response from a channel.
public struct ChannelResponse: Equatable, Sendable {
    public var status: Int
    public var contentType: String?
    public var body: [UInt8]
    public var headers: [String: String]

    public init(status: Int = 200, contentType: String? = nil, body: [UInt8] = [], headers: [String: String] = [:]) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
    }

    public static func json(_ body: [UInt8], status: Int = 200) -> ChannelResponse {
        ChannelResponse(status: status, contentType: "application/json; charset=utf-8", body: body)
    }

    public static func text(_ text: String, status: Int = 200) -> ChannelResponse {
        ChannelResponse(status: status, contentType: "text/plain; charset=utf-8", body: Array(text.utf8))
    }

    /// An empty 200: acknowledged, nothing to say.
    public static let acknowledged = ChannelResponse()
}
