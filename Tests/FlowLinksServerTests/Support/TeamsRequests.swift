import FlowLinksPlatformFakes
import FlowLinksServer
import FlowLinksStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// Bot Framework activities as the Bot Connector posts them to `/webhooks/teams`.
enum TeamsRequests {
    static let conversation = "a:1personal-chat-with-flowlinks"
    static let bot = "28:flowlinks-bot"
    static let person = "29:1person"

    /// A message activity: typed text, or a card button's submitted data.
    static func message(
        id: String, text: String? = nil, value: [String: String]? = nil, serviceURL: String,
        conversation: String = conversation, mentionBot: Bool = false
    ) -> [String: Any] {
        var activity = base(type: "message", id: id, serviceURL: serviceURL, conversation: conversation)
        if let text { activity["text"] = mentionBot ? "<at>FlowLinks</at> \(text)" : text }
        if let value { activity["value"] = value }
        if mentionBot {
            activity["entities"] = [
                ["type": "mention", "text": "<at>FlowLinks</at>", "mentioned": ["id": bot, "name": "FlowLinks"]]
            ]
        }
        return activity
    }

    /// The bot added to a conversation.
    static func botAdded(id: String, serviceURL: String) -> [String: Any] {
        var activity = base(type: "conversationUpdate", id: id, serviceURL: serviceURL, conversation: conversation)
        activity["membersAdded"] = [["id": bot]]
        return activity
    }

    static func base(type: String, id: String, serviceURL: String, conversation: String) -> [String: Any] {
        [
            "type": type, "id": id, "channelId": "msteams", "serviceUrl": serviceURL,
            "from": ["id": person, "name": "Pat"], "recipient": ["id": bot, "name": "FlowLinks"],
            "conversation": ["id": conversation, "conversationType": "personal"],
        ]
    }
}

extension TestClientProtocol {
    /// Posts an activity with the bearer token, as the Bot Connector does.
    @discardableResult
    func sendTeams(_ activity: [String: Any], token: String?) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let data = try JSONSerialization.data(withJSONObject: activity)
        return try await execute(uri: "/webhooks/teams", method: .post, headers: headers, body: ByteBuffer(bytes: data))
    }
}

extension TestClientProtocol {
    /// The status the activity is answered with; a failure to send at all reads as 0.
    func status(of activity: [String: Any], token: String?) async -> HTTPResponse.Status {
        (try? await sendTeams(activity, token: token))?.status ?? .init(code: 0)
    }
}

extension FakePlatformAPI {
    /// The Bot Connector: the created activity's id, or an error.
    static func botConnector(statuses: [Int] = []) -> FakePlatformAPI {
        FakePlatformAPI(statuses: statuses) { status in
            status == 200 ? #"{"id":"1"}"# : #"{"error":{"code":"scripted","message":"scripted failure"}}"#
        }
    }
}

extension FakePlatformAPI.Call {
    /// The activity's Adaptive Card, when it has one.
    var card: [String: Any]? {
        ((json["attachments"] as? [[String: Any]])?.first)?["content"] as? [String: Any]
    }

    /// The data of the card's buttons, in order.
    var buttons: [[String: String]] {
        (card?["actions"] as? [[String: Any]] ?? []).compactMap { $0["data"] as? [String: String] }
    }

    /// What the person reads: the text, or the card's text.
    var readable: String {
        let cardText = (card?["body"] as? [[String: Any]])?.compactMap { $0["text"] as? String }.joined() ?? ""
        return (json["text"] as? String ?? "") + cardText
    }
}

extension SQLiteDatabase {
    /// What the person sent in the conversation's current session, in order.
    func transcriptTexts(channel: String, conversation: String) throws -> [String] {
        guard let session = try currentSession(ConversationKey(channel: channel, conversation: conversation))?.id else {
            return []
        }
        return try transcript(ofSession: session).filter { $0.direction == .inbound }.map(\.text)
    }
}
