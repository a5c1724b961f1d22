import FlowLinksChannels
import FlowLinksCore
import FlowLinksStore
import Foundation
import Logging

/// Takes a verified event through the engine and the store in one transaction, and renders the
/// channel's reply. The one way data flows: event → turn → stored → rendered.
public struct TurnService: Sendable {
    let conversations: any ConversationStore
    /// Where a rate-limited conversation's slow-down notice is queued.
    let outbox: any OutboxStore
    let engine: Engine
    let limiter: RateLimiter
    let admission: NewConversationLimits
    let metrics: ServerMetrics
    let outboxWakeup: Wakeup
    let now: @Sendable () -> Date

    /// The reply to one event: a replay of the first answer, a friendly slow-down, or a new turn.
    /// Throws `NewConversationRefusal` when the event would start one conversation too many.
    func reply(
        to event: InboundEvent, on channel: any Channel, from client: String, logger: Logger
    ) async throws
        -> ChannelReply
    {
        let key = ConversationKey(channel: channel.name, conversation: event.conversation)
        let (decision, firstSeen) = await limiter.decideNoting("\(key.channel)\u{0}\(key.conversation)")
        // why: only a conversation this process has not seen lately can be new; the database says
        // whether it is, so a restart does not count every returning conversation as new.
        if firstSeen, try await conversations.currentSession(key) == nil {
            do {
                try await admission.admit(address: client, channel: channel.name)
            } catch {
                metrics.newConversationRefused(channel: channel.name, limit: error.limit.rawValue)
                throw error
            }
        }
        // why: a platform's retry of an answered event gets its stored reply, whatever the budget.
        if !decision.isAllowed, try await !conversations.hasProcessed(key, eventID: event.eventID) {
            metrics.rateLimited(channel: channel.name)
            logger.notice("Rate limited a conversation", metadata: ["channel": "\(channel.name)"])
            let slowDown = OutboundMessage(engine.script.language.message(.rateLimited).render())
            let reply = channel.reply(to: event, with: [slowDown], context: ReplyContext(rateLimited: true))
            // why: a platform that replies through its API hears the notice once per run of refusals,
            // so a flood of messages cannot become a flood of queued notices.
            if decision == .refusedFirst, !reply.followUps.isEmpty {
                try await outbox.enqueue(reply.followUps, for: key, at: now())
                await outboxWakeup.notify()
            }
            return reply
        }
        let start = ContinuousClock.now
        let message = InboundMessage(
            key: key, participant: event.participant, text: event.text, press: event.press, platformMessageID: event.eventID,
            locale: event.locale)
        let (outcome, reply) = try await conversations.converse(message, eventID: event.eventID, engine: engine, now: now()) {
            outcome in
            let context = ReplyContext(sessionID: outcome.sessionID, replayed: outcome.replayed, press: outcome.press)
            let reply = channel.reply(to: event, with: outcome.replies, context: context)
            return (reply, reply.followUps)
        }
        if outcome.replayed {
            metrics.replayed(channel: channel.name)
        } else {
            metrics.turnTaken(channel: channel.name, duration: ContinuousClock.now - start)
            if let reading = outcome.reading { metrics.replyRead(reading, channel: channel.name) }
            if !reply.followUps.isEmpty { await outboxWakeup.notify() }
        }
        logger.debug(
            "Turn", metadata: ["channel": "\(channel.name)", "text": "\(event.text)", "replayed": "\(outcome.replayed)"])
        return reply
    }
}
