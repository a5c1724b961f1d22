import FlowLinksChannels
import FlowLinksCore
import Foundation
import Testing

@Suite("Telegram channel")
struct TelegramChannelTests {
    static let secret = "tg-webhook-Secret_0123456789"
    let channel = TelegramChannel(secretToken: secret, plainText: plainText)

    func request(
        _ body: [UInt8], secret: String? = TelegramChannelTests.secret, contentType: String = "application/json"
    ) -> ChannelRequest {
        var headers = ["Content-Type": contentType]
        if let secret { headers["X-Telegram-Bot-Api-Secret-Token"] = secret }
        return ChannelRequest(method: "POST", path: "/webhooks/telegram", headers: headers, body: body)
    }

    func request(_ json: String) -> ChannelRequest { request(Array(json.utf8)) }

    // MARK: Receiving

    @Test func aTextMessageBecomesAnEvent() throws {
        let event = try #require(try channel.receive(request(try Fixture.bytes("telegram-message.json"))).event)
        #expect(event.channel == "telegram")
        #expect(event.eventID == "412938471")
        #expect(event.conversation == "523817164")
        #expect(event.participant == "523817164")
        #expect(event.text == "Riverside Family Services")
        #expect(event.context["chat_id"] == "523817164")
        #expect(event.context["callback_query_id"] == nil)
    }

    @Test func aGroupCommandLosesTheBotName() throws {
        let event = try #require(try channel.receive(request(try Fixture.bytes("telegram-group-command.json"))).event)
        #expect(event.text == "/status")
        #expect(event.eventID == "412938472")
        #expect(event.conversation == "-1001987654321")
        #expect(event.participant == "523817164")
    }

    @Test(
        "Only a command's bot name is removed",
        arguments: [
            ("/back@FlowLinksBot now please", "/back now please"),
            ("/restart", "/restart"),
            ("write to maria@example.org", "write to maria@example.org"),
            ("/note see maria@example.org", "/note see maria@example.org"),
        ])
    func botNamesAreRemovedOnlyFromCommands(typed: String, expected: String) throws {
        let body =
            #"{"update_id": 9, "message": {"message_id": 1, "chat": {"id": 5, "type": "private"}, "date": 1, "text": "\#(typed)"}}"#
        #expect(try channel.receive(request(body)).event?.text == expected)
    }

    @Test func aButtonPressBecomesAnEventWithItsQuestionAndTheLabelPressed() throws {
        let event = try #require(try channel.receive(request(try Fixture.bytes("telegram-callback-query.json"))).event)
        #expect(event.eventID == "412938473")
        #expect(event.conversation == "523817164")
        #expect(event.participant == "523817164")
        #expect(event.press == .choice(ChoicePress(sessionID: 57, question: .step("current_communication"), option: 3)))
        #expect(event.text == "3. Consulting", "the transcript records what the person saw")
        #expect(event.context["callback_query_id"] == "2249861723451876342")
        #expect(event.context["chat_id"] == "523817164")
    }

    @Test func aButtonSentBeforeButtonsCarriedTheirQuestionIsAPressOfNoQuestion() throws {
        var update = try jsonObject(try Fixture.bytes("telegram-callback-query.json"))
        var query = try #require(update["callback_query"] as? [String: Any])
        query["data"] = "considered"
        update["callback_query"] = query
        let event = try #require(try channel.receive(request(Array(try JSONSerialization.data(withJSONObject: update)))).event)
        #expect(event.press == .unrecognized("considered"))
    }

    @Test func anEditIsAcknowledgedWithoutAnEvent() throws {
        let inbound = try channel.receive(request(try Fixture.bytes("telegram-edited-message.json")))
        #expect(inbound.event == nil)
        #expect(inbound.response?.status == 200)
    }

    @Test(
        "A missing or wrong secret token is refused",
        arguments: [nil, "", "tg-webhook-Secret_0123456788", "tg-webhook-secret_0123456789", "tg-webhook-Secret_012345678"])
    func aBadSecretIsUnauthorized(secret: String?) throws {
        let body = try Fixture.bytes("telegram-message.json")
        #expect(refusal(of: request(body, secret: secret), by: channel) == .unauthorized)
    }

    @Test func theSecretIsCheckedBeforeTheBodyIsRead() {
        #expect(refusal(of: request([0xff, 0xfe], secret: nil), by: channel) == .unauthorized)
    }

    @Test func aBodyThatIsNotJSONIsRefusedAsAnUnsupportedMediaType() throws {
        let body = try Fixture.bytes("telegram-message.json")
        #expect(refusal(of: request(body, contentType: "text/plain"), by: channel) == .unsupportedMediaType("application/json"))
    }

    @Test func bytesThatAreNotUTF8AreABadRequest() {
        expectPlainBadRequest(refusal(of: request([0xff, 0xfe]), by: channel))
    }

    @Test(
        "Malformed updates are a bad request",
        arguments: [
            "", "{", "[]", #"{"message": {"message_id": 1, "chat": {"id": 5}, "date": 1, "text": "hi"}}"#,
            #"{"update_id": "412938471"}"#, #"{"update_id": 1, "message": {"message_id": 1, "chat": {"id": "five"}}}"#,
            #"{"update_id": 1, "message": {"message_id": 1, "chat": {"id": 5}, "text": 42}}"#,
        ])
    func malformedUpdatesAreABadRequest(body: String) {
        expectPlainBadRequest(refusal(of: request(body), by: channel))
    }

    // MARK: Replying

    let textEvent = InboundEvent(
        channel: "telegram", eventID: "412938471", conversation: "523817164", participant: "523817164", text: "x",
        context: ["chat_id": "523817164"])
    let buttonEvent = InboundEvent(
        channel: "telegram", eventID: "412938473", conversation: "523817164", participant: "523817164", text: "considered",
        context: ["chat_id": "523817164", "callback_query_id": "2249861723451876342"])

    @Test func aReplyIsSendMessageInTheWebhookResponseInHTMLWithMarkupEscaped() throws {
        let reply = channel.reply(
            to: textEvent, with: [OutboundMessage("Is <Parent Cafe> a \"drop-in\" & free?")], context: ReplyContext())
        #expect(reply.followUps.isEmpty)
        #expect(reply.response.status == 200)
        #expect(reply.response.contentType?.hasPrefix("application/json") == true)
        let body = try jsonObject(reply.response.body)
        #expect(body["method"] as? String == "sendMessage")
        #expect((body["chat_id"] as? NSNumber)?.int64Value == 523_817_164)
        #expect(body["parse_mode"] as? String == "HTML")
        #expect(body["text"] as? String == "Is &lt;Parent Cafe&gt; a \"drop-in\" &amp; free?")
        #expect(body["reply_markup"] == nil)
    }

    @Test func severalRepliesGoInOneMessage() throws {
        let replies = [OutboundMessage("Welcome to FlowLinks."), OutboundMessage("What is your organization called?")]
        let body = try jsonObject(channel.reply(to: textEvent, with: replies, context: ReplyContext()).response.body)
        #expect(body["text"] as? String == "Welcome to FlowLinks.\n\nWhat is your organization called?")
    }

    @Test func aGroupChatIdIsSentAsANumber() throws {
        var event = textEvent
        event.conversation = "-1001987654321"
        event.context["chat_id"] = "-1001987654321"
        let body = try jsonObject(channel.reply(to: event, with: [OutboundMessage("Hi")], context: ReplyContext()).response.body)
        #expect((body["chat_id"] as? NSNumber)?.int64Value == -1_001_987_654_321)
    }

    @Test func longLabelsAreListedInTheTextAndButtonsShowNumberAndShortLabel() throws {
        let message = OutboundMessage("How do you communicate with partners?", choices: chartChoices)
        let body = try jsonObject(channel.reply(to: textEvent, with: [message], context: ReplyContext()).response.body)
        let text = try #require(body["text"] as? String)
        #expect(text.hasPrefix("How do you communicate with partners?"))
        #expect(text.contains("3. Feedback from community partners is considered."))
        let rows = try keyboard(body)
        #expect(rows.map(\.count) == [1, 1, 1, 1, 1])
        #expect(rows.map { $0[0]["text"] as? String } == chartChoices.map { "\($0.number). \($0.shortLabel)" })
        #expect(rows.map { $0[0]["callback_data"] as? String } == chartChoices.map(\.value))
    }

    @Test func shortLabelsAreTheButtonsThemselves() throws {
        let choices = [
            Choice(number: 1, value: "yes", label: "Yes", shortLabel: "Yes"),
            Choice(number: 2, value: "no", label: "No", shortLabel: "No"),
        ]
        let body = try jsonObject(
            channel.reply(to: textEvent, with: [OutboundMessage("Keep that level?", choices: choices)], context: ReplyContext())
                .response.body)
        #expect(body["text"] as? String == "Keep that level?")
        #expect(try keyboard(body).map { $0[0]["text"] as? String } == ["Yes", "No"])
    }

    @Test func callbackDataNeverExceeds64Bytes() throws {
        let choices = [
            Choice(number: 1, value: "considered", label: "Considered", shortLabel: "Consulting"),
            Choice(number: 2, value: String(repeating: "v", count: 64), label: "Exactly", shortLabel: "Exactly"),
            Choice(number: 3, value: String(repeating: "v", count: 65), label: "Too long", shortLabel: "Too long"),
            Choice(number: 4, value: String(repeating: "é", count: 40), label: "Eighty bytes", shortLabel: "Eighty bytes"),
        ]
        let body = try jsonObject(
            channel.reply(to: textEvent, with: [OutboundMessage("Pick one", choices: choices)], context: ReplyContext())
                .response.body)
        let data = try keyboard(body).map { try #require($0[0]["callback_data"] as? String) }
        for value in data { #expect(value.utf8.count <= 64) }
        #expect(data == ["considered", String(repeating: "v", count: 64), "3", "4"])
    }

    @Test func onlyTheLastReplysChoicesBecomeButtons() throws {
        let replies = [
            OutboundMessage("Earlier", choices: [Choice(number: 1, value: "old", label: "Old", shortLabel: "Old")]),
            OutboundMessage("Now", choices: [Choice(number: 1, value: "yes", label: "Yes", shortLabel: "Yes")]),
        ]
        let body = try jsonObject(channel.reply(to: textEvent, with: replies, context: ReplyContext()).response.body)
        #expect(try keyboard(body).map { $0[0]["callback_data"] as? String } == ["yes"])
    }

    @Test func aPressedQuestionLosesItsButtonsAndShowsTheChoiceBeforeTheNextQuestion() throws {
        let event = try #require(try channel.receive(request(try Fixture.bytes("telegram-callback-query.json"))).event)
        let reply = channel.reply(to: event, with: [OutboundMessage("Next <one>?")], context: ReplyContext())
        #expect(reply.followUps.map(\.method) == ["editMessageText", "sendMessage"])
        let edit = try jsonObject(reply.followUps[0].body)
        #expect((edit["chat_id"] as? NSNumber)?.int64Value == 523_817_164)
        #expect((edit["message_id"] as? NSNumber)?.int64Value == 2215)
        #expect(edit["reply_markup"] == nil)
        #expect(
            edit["text"] as? String
                == "How do you communicate with community partners about Parent Cafe today?\n\n✓ 3. Consulting")
    }

    @Test func aStalePressIsAnsweredWithTheNoticeAndTheQuestionKeepsItsButtons() throws {
        let event = try #require(try channel.receive(request(try Fixture.bytes("telegram-callback-query.json"))).event)
        let notice = OutboundMessage("That button belongs to an earlier question.", notice: .stalePress)
        let reply = channel.reply(to: event, with: [notice], context: ReplyContext(sessionID: 57, press: .stale))
        #expect(reply.followUps.isEmpty, "no ✓ edit, no message")
        let answer = try jsonObject(reply.response.body)
        #expect(answer["method"] as? String == "answerCallbackQuery")
        #expect(answer["callback_query_id"] as? String == "2249861723451876342")
        #expect(answer["text"] as? String == "That button belongs to an earlier question.")
        #expect(answer["show_alert"] as? Bool == true)
    }

    @Test func buttonsCarryTheSessionTheQuestionAndTheOption() throws {
        let choices = chartChoices.map { choice in
            var choice = choice
            choice.question = .step("current_communication")
            return choice
        }
        let reply = channel.reply(
            to: textEvent, with: [OutboundMessage("How?", choices: choices)], context: ReplyContext(sessionID: 57))
        let data = try keyboard(try jsonObject(reply.response.body)).map { $0[0]["callback_data"] as? String }
        #expect(data == (1...5).map { "fl:57:\($0):current_communication" })
    }

    @Test func aButtonPressIsAnsweredAndTheMessageFollowsThroughTheOutbox() throws {
        let message = OutboundMessage("Next: how are decisions made?", choices: chartChoices)
        let reply = channel.reply(to: buttonEvent, with: [message], context: ReplyContext())

        let answer = try jsonObject(reply.response.body)
        #expect(reply.response.status == 200)
        #expect(answer["method"] as? String == "answerCallbackQuery")
        #expect(answer["callback_query_id"] as? String == "2249861723451876342")

        let call = try #require(reply.followUps.only)
        #expect(call.channel == "telegram")
        #expect(call.method == "sendMessage")
        let body = try jsonObject(call.body)
        #expect(body["method"] == nil)
        #expect((body["chat_id"] as? NSNumber)?.int64Value == 523_817_164)
        #expect(body["parse_mode"] as? String == "HTML")
        #expect((body["text"] as? String)?.hasPrefix("Next: how are decisions made?") == true)
        #expect(try keyboard(body).count == 5)
    }

    @Test func aReplyLongerThanOneMessageIsSentInOrderInPartsThatFit() throws {
        let paragraphs = (1...6).map { "Part \($0) <b> & " + numberedWords(count: 400, prefix: "r\($0)w") }
        let text = paragraphs.joined(separator: "\n\n")
        #expect(text.utf16.count > 2 * 4096)
        let choices = [Choice(number: 1, value: "yes", label: "Yes", shortLabel: "Yes")]
        let reply = channel.reply(to: textEvent, with: [OutboundMessage(text, choices: choices)], context: ReplyContext())

        #expect(reply.response.status == 200)
        #expect(reply.response.body.isEmpty)
        #expect(reply.followUps.count >= 3)
        let bodies = try reply.followUps.map { try jsonObject($0.body) }
        for call in reply.followUps { #expect(call.method == "sendMessage") }
        let parts = try bodies.map { try #require($0["text"] as? String) }
        for part in parts {
            #expect(!part.contains("<"))
            #expect(unescapeHTML(part).utf16.count <= 4096)
        }
        #expect(words(parts.map(unescapeHTML)) == words([text]))
        #expect(bodies.dropLast().allSatisfy { $0["reply_markup"] == nil })
        #expect(try keyboard(try #require(bodies.last)).count == 1)
    }

    @Test func aLongReplyToAButtonPressIsAnsweredAndSentInParts() throws {
        let text = numberedWords(count: 2000)
        let reply = channel.reply(to: buttonEvent, with: [OutboundMessage(text)], context: ReplyContext())
        #expect(try jsonObject(reply.response.body)["method"] as? String == "answerCallbackQuery")
        #expect(reply.followUps.count >= 3)
        let parts = try reply.followUps.map { try #require(try jsonObject($0.body)["text"] as? String) }
        for part in parts { #expect(part.utf16.count <= 4096) }
        #expect(words(parts) == words([text]))
    }

    // MARK: Helpers

    private func keyboard(_ body: [String: Any]) throws -> [[[String: Any]]] {
        let markup = try #require(body["reply_markup"] as? [String: Any])
        return try #require(markup["inline_keyboard"] as? [[[String: Any]]])
    }

    /// What Telegram shows after parsing HTML entities: the length its limit counts.
    private func unescapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

extension Collection {
    /// The single element, or `nil` when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
