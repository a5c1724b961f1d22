import FlowLinksCore
import FlowLinksStore
import Foundation

/// Conversations written to a database the way the webhook server writes them: each message is a
/// turn with its own event id, and each reply is also queued in the outbox as an API call.
public struct WebhookConversations: Sendable {
    public let database: SQLiteDatabase
    public let channel: String
    let engine = Engine(script: DefaultPrompts.script)

    public init(_ database: SQLiteDatabase, channel: String = "telegram") {
        self.database = database
        self.channel = channel
    }

    /// Sends the texts one by one, all at `now`, and returns the last turn's outcome.
    @discardableResult
    public func say(_ texts: [String], in conversation: String, at now: Date) async throws -> TurnOutcome? {
        let channel = channel
        var outcome: TurnOutcome?
        for text in texts {
            let message = InboundMessage(key: ConversationKey(channel: channel, conversation: conversation), text: text)
            outcome = try await database.conversations.converse(message, eventID: UUID().uuidString, engine: engine, now: now) {
                outcome in
                let calls = outcome.replies.map {
                    PlatformCall(channel: channel, method: "sendMessage", body: Array($0.text.utf8))
                }
                return ((), calls)
            }.0
        }
        return outcome
    }
}

/// A new folder under the system's temporary folder, for database files.
public struct TemporaryFolder: Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("flowlinks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The usual database file in it, `flowlinks.sqlite`.
    public var database: String { path("flowlinks.sqlite") }
}
