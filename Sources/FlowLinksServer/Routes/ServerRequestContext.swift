import Hummingbird
import NIOCore

/// The context of every request: Hummingbird's basics and the address of the peer that connected
/// (the facilitator sign-in limits count failures per address).
public struct ServerRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
