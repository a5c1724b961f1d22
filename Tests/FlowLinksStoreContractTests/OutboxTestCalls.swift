import FlowLinksCore
import FlowLinksStore

/// A Telegram message call whose body is `text`, as the outbox tests queue them.
func call(_ text: String) -> PlatformCall {
    PlatformCall(channel: "telegram", method: "sendMessage", body: Array(text.utf8))
}

/// The Telegram conversation named `conversation`.
func key(_ conversation: String) -> ConversationKey {
    ConversationKey(channel: "telegram", conversation: conversation)
}

/// The bodies of the calls, as text.
func texts(_ calls: [OutboxRecord]) -> [String] {
    calls.map { String(decoding: $0.body, as: UTF8.self) }
}
