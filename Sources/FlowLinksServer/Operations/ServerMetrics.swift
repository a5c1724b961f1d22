import FlowLinksCore
import Foundation
import Prometheus

/// The server's Prometheus metrics, served at `/metrics`.
public struct ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let process = ProcessMetrics()
    /// The replies to each choice question by outcome, kept for the facilitators' overview too.
    public let readings = ReadingTally()

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
    }

    /// Creates every webhook series at zero, so dashboards and alerts see them before any traffic.
    func registerWebhookSeries(channels: [String]) {
        for channel in channels {
            for name in ["flowlinks_turns_total", "flowlinks_replayed_events_total", "flowlinks_rate_limited_total"] {
                _ = registry.makeCounter(name: name, labels: [("channel", channel)])
            }
            _ = registry.makeDurationHistogram(
                name: "flowlinks_turn_duration_seconds", labels: [("channel", channel)], buckets: Self.buckets)
            for status in Self.expectedStatuses {
                _ = registry.makeCounter(
                    name: "flowlinks_webhook_errors_total", labels: [("channel", channel), ("status", String(status))])
            }
            for limit in ["address", "channel"] {
                _ = registry.makeCounter(
                    name: "flowlinks_new_conversations_refused_total", labels: [("channel", channel), ("limit", limit)])
            }
        }
    }

    /// Creates the outbox series of the platforms that reply through an API at zero.
    func registerOutboxSeries(channels: [String]) {
        for channel in channels {
            _ = registry.makeCounter(name: "flowlinks_outbox_delivered_total", labels: [("channel", channel)])
            _ = registry.makeCounter(name: "flowlinks_outbox_failed_attempts_total", labels: [("channel", channel)])
        }
    }

    /// Creates the series of each choice question's replies at zero, by channel and outcome.
    func registerReadingSeries(channels: [String], questions: [StepID]) {
        for channel in channels {
            for question in questions {
                for outcome in ReadingOutcome.allCases {
                    _ = registry.makeCounter(
                        name: "flowlinks_replies_read_total", labels: Self.labels(channel, question, outcome))
                }
            }
        }
    }

    /// A reply to a choice question, by what became of it: taken, checked, confirmed, re-asked…
    func replyRead(_ event: ReadingEvent, channel: String) {
        registry.makeCounter(
            name: "flowlinks_replies_read_total", labels: Self.labels(channel, event.step, event.outcome)
        ).increment()
        readings.count(event, channel: channel)
    }

    private static func labels(_ channel: String, _ question: StepID, _ outcome: ReadingOutcome) -> [(String, String)] {
        [("channel", channel), ("question", question), ("outcome", outcome.rawValue)]
    }

    /// The refusals and failures an alert is likely to watch.
    static let expectedStatuses = [400, 401, 413, 429, 500]

    /// A turn the engine took, and how long the whole request took.
    func turnTaken(channel: String, duration: Duration) {
        registry.makeCounter(name: "flowlinks_turns_total", labels: [("channel", channel)]).increment()
        registry.makeDurationHistogram(
            name: "flowlinks_turn_duration_seconds", labels: [("channel", channel)], buckets: Self.buckets
        ).recordNanoseconds(duration.nanoseconds)
    }

    /// A retried event answered from the dedupe record.
    func replayed(channel: String) {
        registry.makeCounter(name: "flowlinks_replayed_events_total", labels: [("channel", channel)]).increment()
    }

    /// A new conversation refused by the per-address or per-channel limit.
    func newConversationRefused(channel: String, limit: String) {
        registry.makeCounter(
            name: "flowlinks_new_conversations_refused_total", labels: [("channel", channel), ("limit", limit)]
        ).increment()
    }

    func rateLimited(channel: String) {
        registry.makeCounter(name: "flowlinks_rate_limited_total", labels: [("channel", channel)]).increment()
    }

    /// A request refused or failed, by channel and HTTP status.
    func error(channel: String, status: Int) {
        registry.makeCounter(
            name: "flowlinks_webhook_errors_total", labels: [("channel", channel), ("status", String(status))]
        ).increment()
    }

    func outboxDelivered(channel: String) {
        registry.makeCounter(name: "flowlinks_outbox_delivered_total", labels: [("channel", channel)]).increment()
    }

    func outboxFailed(channel: String) {
        registry.makeCounter(name: "flowlinks_outbox_failed_attempts_total", labels: [("channel", channel)]).increment()
    }

    /// The Prometheus text exposition, with the process's figures as of now.
    public func exposition() -> [UInt8] {
        for figure in process.current() {
            registry.makeGauge(name: figure.name).set(figure.value)
        }
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }

    static let buckets: [Duration] = [
        .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
        .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1),
    ]
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
