import FlowLinksCore
import Foundation

/// Conversations: every turn of every session, exactly once and in order per conversation.
///
/// A turn reads the session's state, runs the engine and writes what changed (answers, transcript,
/// result, the dedupe record, the replies to send) in one transaction: all of it or none.
public protocol ConversationStore: Sendable {
    /// A webhook event's turn, exactly once: the dedupe record, the turn and the outbox rows the
    /// rendered reply needs commit together. A retried event gets the replies stored the first
    /// time, rendered again, and changes nothing; it returns only once committed.
    ///
    /// `render` turns the outcome into the channel's response and the platform calls to queue; it
    /// must be pure, as it may run twice when a turn planned on a snapshot has to be taken again.
    func converse<Rendered: Sendable>(
        _ message: InboundMessage, eventID: String, engine: Engine, now: Date,
        render: @escaping @Sendable (TurnOutcome) -> (Rendered, [PlatformCall])
    ) async throws -> (TurnOutcome, Rendered)

    /// Runs one message through the engine and saves everything it changed (a terminal's turn,
    /// which has no event id to deduplicate). A conversation without a session starts one.
    func converse(_ message: InboundMessage, engine: Engine, now: Date) async throws -> TurnOutcome

    /// Starts a session, or shows a returning person where they were (a terminal opening).
    /// A new session is held in the language the locale names, if the content speaks it.
    func open(
        _ key: ConversationKey, participant: String?, locale: String?, engine: Engine, now: Date
    ) async throws -> TurnOutcome

    /// Pauses the conversation's session, if it is active (a terminal closed with Ctrl-D).
    func pause(_ key: ConversationKey, engine: Engine, now: Date) async throws -> TurnOutcome?

    /// Whether this event of the conversation was answered before.
    func hasProcessed(_ key: ConversationKey, eventID: String) async throws -> Bool

    /// The conversation's latest session that was not abandoned.
    func currentSession(_ key: ConversationKey) async throws -> SessionRecord?

    /// Every message of a session in and out, oldest first (what a web chat page shows again).
    func transcript(ofSession id: Int64) async throws -> [TranscriptLine]
}

extension ConversationStore {
    /// Starts or reopens a session in the content's default language.
    public func open(_ key: ConversationKey, participant: String?, engine: Engine, now: Date) async throws -> TurnOutcome {
        try await open(key, participant: participant, locale: nil, engine: engine, now: now)
    }
}
