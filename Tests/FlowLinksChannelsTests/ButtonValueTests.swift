import FlowLinksChannels
import FlowLinksCore
import Foundation
import Testing

/// Every platform's buttons carry the session, question and option, and a press reads back as
/// exactly that, even for the longest step id a script may use in the largest session id.
@Suite("Button values across platforms")
struct ButtonValueTests {
    static let longestStep = String(repeating: "q", count: Question.maximumStepIDLength)
    static let choices = ["Yes", "Maybe", "No"].enumerated().map { index, label in
        Choice(
            number: index + 1, value: label.lowercased(), label: label, shortLabel: label, question: .step(longestStep))
    }
    static let question = OutboundMessage("Is there a benefit?", choices: choices)
    static let context = ReplyContext(sessionID: .max)
    /// What pressing "No" must read back as.
    static let pressOfNo = ButtonPress.choice(ChoicePress(sessionID: .max, question: .step(longestStep), option: 3))
    static let tokenOfNo = ChoicePress(sessionID: .max, question: .step(longestStep), option: 3).token

    static func json(_ object: Any) throws -> [UInt8] { Array(try JSONSerialization.data(withJSONObject: object)) }

    @Test func telegramCallbackDataFitsAndReadsBack() throws {
        let channel = TelegramChannel(secretToken: "s", plainText: plainText)
        let event = InboundEvent(
            channel: "telegram", eventID: "1", conversation: "5", participant: "5", text: "x", context: ["chat_id": "5"])
        let body = try jsonObject(channel.reply(to: event, with: [Self.question], context: Self.context).response.body)
        let markup = try #require(body["reply_markup"] as? [String: Any])
        let rows = try #require(markup["inline_keyboard"] as? [[[String: Any]]])
        let data = try #require(rows[2][0]["callback_data"] as? String)
        #expect(data == Self.tokenOfNo)
        #expect(data.utf8.count <= 64)
        let update: [String: Any] = [
            "update_id": 1,
            "callback_query": [
                "id": "c", "from": ["id": 5], "data": data,
                "message": ["message_id": 2, "chat": ["id": 5], "text": "Is there a benefit?", "reply_markup": markup],
            ],
        ]
        let request = ChannelRequest(
            method: "POST", path: "/webhooks/telegram",
            headers: ["Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "s"], body: try Self.json(update))
        let pressed = try #require(try channel.receive(request).event)
        #expect(pressed.press == Self.pressOfNo)
        #expect(pressed.text == "No")
    }

    @Test func discordCustomIDsFitAndReadBack() throws {
        let channel = DiscordChannel(
            publicKey: DiscordChannelTests.publicKey, plainText: plainText, now: { DiscordChannelTests.now })
        let command = try #require(try channel.receive(DiscordChannelTests.fixture("discord-command.json")).event)
        let response = try jsonObject(channel.reply(to: command, with: [Self.question], context: Self.context).response.body)
        let data = try #require(response["data"] as? [String: Any])
        let rows = try #require(data["components"] as? [[String: Any]])
        let buttons = try #require(rows.first?["components"] as? [[String: Any]])
        let customID = try #require(buttons[2]["custom_id"] as? String)
        #expect(customID == Self.tokenOfNo)
        #expect(customID.count <= 100)
        var interaction = try jsonObject(try Fixture.bytes("discord-component.json"))
        interaction["data"] = ["custom_id": customID, "component_type": 2]
        interaction["message"] = ["content": "Is there a benefit?", "components": rows]
        let pressed = try #require(try channel.receive(try DiscordChannelTests.signed(try Self.json(interaction))).event)
        #expect(pressed.press == Self.pressOfNo)
        #expect(pressed.text == "No")
    }

    @Test func slackButtonValuesReadBack() throws {
        let channel = SlackChannel(signingSecret: SlackChannelTests.secret, plainText: plainText, now: { SlackChannelTests.now })
        let message = try #require(try channel.receive(SlackChannelTests.json("slack-message-im.json")).event)
        let post = try jsonObject(
            try #require(channel.reply(to: message, with: [Self.question], context: Self.context).followUps.first).body)
        let buttons = try #require((post["blocks"] as? [[String: Any]])?.last?["elements"] as? [[String: Any]])
        let value = try #require(buttons[2]["value"] as? String)
        #expect(value == Self.tokenOfNo)
        var payload = try jsonObject(try Fixture.bytes("slack-block-actions.json"))
        payload["actions"] = [["action_id": "choice-3", "value": value, "action_ts": "1.2", "text": ["text": "No"]]]
        let form =
            "payload="
            + (String(decoding: try Self.json(payload), as: UTF8.self).addingPercentEncoding(
                withAllowedCharacters: .alphanumerics) ?? "")
        let request = SlackChannelTests.signed(Array(form.utf8), contentType: "application/x-www-form-urlencoded")
        let pressed = try #require(try channel.receive(request).event)
        #expect(pressed.press == Self.pressOfNo)
        #expect(pressed.text == "No")
    }

    @Test func whatsappReplyIDsFitAndReadBack() throws {
        let channel = WhatsAppChannel(
            appSecret: WhatsAppChannelTests.appSecret, verifyToken: "v", plainText: plainText, listButton: "Choose")
        let text = InboundEvent(
            channel: "whatsapp", eventID: "w", conversation: "1", participant: "1", text: "x",
            context: ["phone_number_id": "9"])
        let call = try #require(channel.reply(to: text, with: [Self.question], context: Self.context).followUps.last)
        let action = try #require((try jsonObject(call.body)["interactive"] as? [String: Any])?["action"] as? [String: Any])
        let buttons = try #require(action["buttons"] as? [[String: Any]])
        let id = try #require((buttons[2]["reply"] as? [String: Any])?["id"] as? String)
        #expect(id == Self.tokenOfNo)
        #expect(id.count <= 256)
        let notification = String(decoding: try Fixture.bytes("whatsapp-button-reply.json"), as: UTF8.self)
            .replacingOccurrences(
                of: #"{ "id": "fl:12:1:benefit", "title": "Yes" }"#, with: #"{ "id": "\#(id)", "title": "No" }"#)
        guard case .batch(let events) = try channel.receive(WhatsAppChannelTests.signed(Array(notification.utf8))) else {
            Issue.record("expected a message")
            return
        }
        #expect(events.map(\.press) == [Self.pressOfNo])
        #expect(events.map(\.text) == ["No"])
    }
}
