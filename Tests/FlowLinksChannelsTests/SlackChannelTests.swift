import FlowLinksChannels
import FlowLinksCore
import Foundation
import Testing

@Suite("Slack channel")
struct SlackChannelTests {
    /// Slack's own documented example of a signed slash-command request (api.slack.com, "Verifying
    /// requests from Slack").
    static let vectorSecret = "8f742231b10e8888abcd99yyyzzz85a5"
    static let vectorTimestamp = "1531420618"
    static let vectorSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"

    static let secret = "slack-signing-secret-for-tests"
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    let channel = SlackChannel(signingSecret: secret, plainText: plainText, now: { SlackChannelTests.now })

    /// A request signed the way Slack signs it.
    static func signed(
        _ body: [UInt8], contentType: String, secret: String = secret, timestamp: Date = now
    ) -> ChannelRequest {
        let stamp = String(Int(timestamp.timeIntervalSince1970))
        let signature = "v0=" + Signature.hmacSHA256Hex(Array("v0:\(stamp):".utf8) + body, secret: secret)
        return ChannelRequest(
            method: "POST", path: "/webhooks/slack",
            headers: [
                "Content-Type": contentType, "X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature,
            ],
            body: body)
    }

    static func json(_ fixture: String) throws -> ChannelRequest {
        signed(try Fixture.bytes(fixture), contentType: "application/json")
    }

    static func interaction(_ fixture: String) throws -> ChannelRequest {
        let payload = String(decoding: try Fixture.bytes(fixture), as: UTF8.self)
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        let body = "payload=" + (payload.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        return signed(Array(body.utf8), contentType: "application/x-www-form-urlencoded")
    }

    // MARK: Verification

    /// The documented example's request, exactly as Slack signed it.
    static func vectorRequest() throws -> ChannelRequest {
        ChannelRequest(
            method: "POST", path: "/webhooks/slack",
            headers: [
                "Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": vectorTimestamp,
                "X-Slack-Signature": vectorSignature,
            ],
            body: try Fixture.bytes("slack-slash-command.form"))
    }

    /// A channel with the example's secret, its clock this long after the example's timestamp.
    static func vectorChannel(secondsLater: TimeInterval) -> SlackChannel {
        SlackChannel(
            signingSecret: vectorSecret, plainText: plainText,
            now: { Date(timeIntervalSince1970: 1_531_420_618 + secondsLater) })
    }

    @Test func slacksDocumentedSignatureIsAccepted() throws {
        let channel = Self.vectorChannel(secondsLater: 299)
        let event = try #require(try channel.receive(try Self.vectorRequest()).event)
        #expect(event.conversation == "T1DC2JH3J/G8PSS9T3V")
        #expect(event.participant == "U2CERLKJA")
        #expect(event.text == "start", "an empty slash command starts (or shows) the reflection")
        #expect(event.eventID == "command:398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
    }

    @Test func theSameSignatureIsRefusedOnceStale() throws {
        #expect(refusal(of: try Self.vectorRequest(), by: Self.vectorChannel(secondsLater: 301)) == .unauthorized)
    }

    @Test func forgedOrUnsignedRequestsAreRefused() throws {
        let body = try Fixture.bytes("slack-message-im.json")
        let wrongSecret = Self.signed(body, contentType: "application/json", secret: "not-the-secret")
        #expect(refusal(of: wrongSecret, by: channel) == .unauthorized)
        var tampered = Self.signed(body, contentType: "application/json")
        tampered.body[tampered.body.count - 3] = UInt8(ascii: "9")
        #expect(refusal(of: tampered, by: channel) == .unauthorized)
        var unsigned = Self.signed(body, contentType: "application/json")
        unsigned.headers["x-slack-signature"] = nil
        #expect(refusal(of: unsigned, by: channel) == .unauthorized)
        let future = Self.signed(body, contentType: "application/json", timestamp: Self.now.addingTimeInterval(600))
        #expect(refusal(of: future, by: channel) == .unauthorized)
        var garbledTime = Self.signed(body, contentType: "application/json")
        garbledTime.headers["x-slack-request-timestamp"] = "soon"
        #expect(refusal(of: garbledTime, by: channel) == .unauthorized)
    }

    @Test func aSignedBodyThatIsNotSlacksIsABadRequest() {
        let request = Self.signed(Array("{\"type\": 5}".utf8), contentType: "application/json")
        expectPlainBadRequest(refusal(of: request, by: channel), mentioning: "Slack")
        let text = Self.signed(Array("hello".utf8), contentType: "text/plain")
        #expect(refusal(of: text, by: channel)?.status == 415)
    }

    // MARK: Receiving

    @Test func urlVerificationEchoesTheChallenge() throws {
        let response = try #require(try channel.receive(Self.json("slack-url-verification.json")).response)
        #expect(try jsonObject(response.body)["challenge"] as? String == "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P")
    }

    @Test func aDirectMessageBecomesAnEventWithSlacksEscapesUndone() throws {
        let event = try #require(try channel.receive(Self.json("slack-message-im.json")).event)
        #expect(event.channel == "slack")
        #expect(event.eventID == "Ev0PV52K21")
        #expect(event.conversation == "T061EG9R6/D024BE91L")
        #expect(event.participant == "U2147483697")
        #expect(event.text == "Riverside Family Services & Partners")
        #expect(event.context["channel"] == "D024BE91L")
    }

    @Test func aMentionInAChannelLosesTheMention() throws {
        let event = try #require(try channel.receive(Self.json("slack-app-mention.json")).event)
        #expect(event.text == "status")
        #expect(event.conversation == "T061EG9R6/C0LAN2Q65")
        #expect(event.eventID == "Ev0MDYGDKJ")
    }

    @Test(
        "Bot messages, edits and channel chatter are acknowledged and ignored",
        arguments: ["slack-bot-message.json", "slack-message-changed.json"])
    func ignoredEvents(fixture: String) throws {
        #expect(try channel.receive(Self.json(fixture)).response == .acknowledged)
    }

    @Test func aPlainMessageInAChannelIsIgnoredWithoutAMention() throws {
        var event = try jsonObject(try Fixture.bytes("slack-message-im.json"))
        var inner = try #require(event["event"] as? [String: Any])
        inner["channel_type"] = "channel"
        inner["channel"] = "C0LAN2Q65"
        event["event"] = inner
        let body = Array(try JSONSerialization.data(withJSONObject: event))
        #expect(try channel.receive(Self.signed(body, contentType: "application/json")).response == .acknowledged)
    }

    @Test func aButtonPressBecomesAnEventRememberingTheQuestion() throws {
        let event = try #require(try channel.receive(Self.interaction("slack-block-actions.json")).event)
        #expect(event.press == .choice(ChoicePress(sessionID: 12, question: .step("benefit"), option: 1)))
        #expect(event.text == "Yes")
        #expect(event.conversation == "T061EG9R6/D024BE91L")
        #expect(event.eventID == "action:1548261231.000200:1548426417.840180")
        #expect(event.context["message_ts"] == "1548261231.000200")
        #expect(event.context["chosen"] == "Yes")
    }

    @Test func aSlashCommandCarriesWhatWasTyped() throws {
        let body = "team_id=T1&channel_id=C2&user_id=U3&command=%2Fflowlinks&text=help&trigger_id=9.8.7"
        let event = try #require(
            try channel.receive(Self.signed(Array(body.utf8), contentType: "application/x-www-form-urlencoded")).event)
        #expect(event.text == "help")
        #expect(event.context["kind"] == "command")
    }

    // MARK: Replying

    static let question = OutboundMessage("Is the goal shared by <both> partners & the team?", choices: chartChoices)

    @Test func aReplyIsQueuedAsChatPostMessageInMrkdwnWithButtons() throws {
        let event = try #require(try channel.receive(Self.json("slack-message-im.json")).event)
        let reply = channel.reply(to: event, with: [Self.question], context: ReplyContext(sessionID: 1))
        #expect(reply.response == .acknowledged)
        let call = try #require(reply.followUps.first)
        #expect(reply.followUps.count == 1)
        #expect(call.method == "chat.postMessage")
        let body = try jsonObject(call.body)
        #expect(body["channel"] as? String == "D024BE91L")
        let blocks = try #require(body["blocks"] as? [[String: Any]])
        let section = try #require((blocks.first?["text"] as? [String: Any])?["text"] as? String)
        #expect(section.hasPrefix("Is the goal shared by &lt;both&gt; partners &amp; the team?"))
        #expect(section.contains("3. Feedback from community partners is considered."), "long labels are listed")
        let actions = try #require(blocks.last)
        #expect(actions["type"] as? String == "actions")
        let buttons = try #require(actions["elements"] as? [[String: Any]])
        #expect(buttons.count == 5)
        #expect(buttons[2]["value"] as? String == "considered")
        #expect(buttons[2]["action_id"] as? String == "choice-3")
        #expect((buttons[2]["text"] as? [String: Any])?["text"] as? String == "3. Consulting")
    }

    @Test func aButtonPressUpdatesTheQuestionBeforeTheNextOne() throws {
        let event = try #require(try channel.receive(Self.interaction("slack-block-actions.json")).event)
        let reply = channel.reply(to: event, with: [Self.question], context: ReplyContext(sessionID: 1))
        #expect(reply.followUps.map(\.method) == ["chat.update", "chat.postMessage"])
        let update = try jsonObject(reply.followUps[0].body)
        #expect(update["ts"] as? String == "1548261231.000200")
        #expect(update["channel"] as? String == "D024BE91L")
        let blocks = try #require(update["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["type"] as? String } == ["section", "context"], "the buttons are gone")
        let question = (blocks[0]["text"] as? [String: Any])?["text"] as? String
        #expect(question == "Does this partnership benefit both organizations &amp; the community?")
        let chosen = (blocks[1]["elements"] as? [[String: Any]])?.first?["text"] as? String
        #expect(chosen == "✓ Yes")
    }

    @Test func aStalePressLeavesTheQuestionAndTellsOnlyThePresser() throws {
        let event = try #require(try channel.receive(Self.interaction("slack-block-actions.json")).event)
        let notice = OutboundMessage("That button belongs to an earlier question.", notice: .stalePress)
        let reply = channel.reply(to: event, with: [notice], context: ReplyContext(sessionID: 12, press: .stale))
        #expect(reply.response == .acknowledged)
        #expect(reply.followUps.map(\.method) == ["chat.postEphemeral"], "no chat.update of the pressed question")
        let body = try jsonObject(try #require(reply.followUps.first).body)
        #expect(body["channel"] as? String == "D024BE91L")
        #expect(body["user"] as? String == "U2147483697")
        #expect(body["text"] as? String == "That button belongs to an earlier question.")
    }

    @Test func buttonsCarryTheSessionTheQuestionAndTheOption() throws {
        let event = try #require(try channel.receive(Self.json("slack-message-im.json")).event)
        let choices = [Choice(number: 1, value: "yes", label: "Yes", shortLabel: "Yes", question: .confirmation(.delete))]
        let reply = channel.reply(
            to: event, with: [OutboundMessage("Sure?", choices: choices)], context: ReplyContext(sessionID: 3))
        let post = try jsonObject(try #require(reply.followUps.first).body)
        let blocks = try #require(post["blocks"] as? [[String: Any]])
        let buttons = try #require(blocks.last?["elements"] as? [[String: Any]])
        #expect(buttons.map { $0["value"] as? String } == ["fl:3:1:!delete"])
    }

    @Test func aSlashCommandIsAnsweredInItsResponseForTheWholeChannel() throws {
        let body = "team_id=T1&channel_id=C2&user_id=U3&command=%2Fflowlinks&text=status&trigger_id=9.8.7"
        let request = Self.signed(Array(body.utf8), contentType: "application/x-www-form-urlencoded")
        let event = try #require(try channel.receive(request).event)
        let reply = channel.reply(to: event, with: [OutboundMessage("You're on question 2 of 13.")], context: ReplyContext())
        #expect(reply.followUps.isEmpty)
        let response = try jsonObject(reply.response.body)
        #expect(response["response_type"] as? String == "in_channel")
        #expect(response["text"] as? String == "You're on question 2 of 13.")
        #expect(response["channel"] == nil)
    }

    @Test func aLongReplyIsSplitIntoSectionsThatFitAndKeepsEveryWord() throws {
        let event = try #require(try channel.receive(Self.json("slack-message-im.json")).event)
        let long = numberedWords(count: 1500)
        let reply = channel.reply(to: event, with: [OutboundMessage(long)], context: ReplyContext())
        let body = try jsonObject(try #require(reply.followUps.first).body)
        let sections = try #require(body["blocks"] as? [[String: Any]]).compactMap {
            ($0["text"] as? [String: Any])?["text"] as? String
        }
        #expect(sections.count > 1)
        #expect(sections.allSatisfy { $0.count <= 3000 })
        #expect(words(sections) == words([long]))
    }
}

@Suite("Slack button presses without the message")
struct SlackEphemeralPressTests {
    @Test func aPressOnAMessageSlackDoesNotSendBackStillAnswers() throws {
        let channel = SlackChannel(signingSecret: SlackChannelTests.secret, plainText: plainText, now: { SlackChannelTests.now })
        var payload = try jsonObject(try Fixture.bytes("slack-block-actions.json"))
        payload["message"] = nil
        let json = String(decoding: try JSONSerialization.data(withJSONObject: payload), as: UTF8.self)
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        let body = "payload=" + (json.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        let request = SlackChannelTests.signed(Array(body.utf8), contentType: "application/x-www-form-urlencoded")
        let event = try #require(try channel.receive(request).event)
        #expect(event.text == "Yes")
        #expect(event.eventID == "action:1548261231.000200:1548426417.840180", "the container still names the message")
        let reply = channel.reply(to: event, with: [OutboundMessage("Next?")], context: ReplyContext())
        #expect(reply.followUps.map(\.method) == ["chat.postMessage"], "nothing to update, the answer still comes")
    }
}
