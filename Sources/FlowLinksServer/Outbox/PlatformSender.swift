import FlowLinksStore
import Foundation

/// Makes one queued platform API call.
public protocol PlatformSender: Sendable {
    func send(_ call: OutboxRecord) async -> DeliveryResult
}

/// How a delivery attempt went.
public enum DeliveryResult: Equatable, Sendable {
    case delivered
    /// Worth trying again, after `retryAfter` seconds when the platform said so (HTTP 429).
    case retry(reason: String, retryAfter: TimeInterval?)
    /// The platform refused the call for good (a bad request, a blocked bot).
    case refused(reason: String)
}
