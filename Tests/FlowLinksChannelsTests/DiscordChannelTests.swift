import Crypto
import FlowLinksChannels
import FlowLinksCore
import Foundation
import Testing

/// Hex digits of some bytes, for keys and signatures.
func hexString(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}

@Suite("Discord channel")
struct DiscordChannelTests {
    /// The test application's signing key, as Discord holds it, and its public half, as configured.
    static let seed = [UInt8](repeating: 7, count: 32)
    static let publicKey = hexString(
        (try? Curve25519.Signing.PrivateKey(rawRepresentation: seed))?.publicKey.rawRepresentation ?? Data())
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    let channel = DiscordChannel(publicKey: publicKey, plainText: plainText, now: { DiscordChannelTests.now })

    /// A request signed the way Discord signs it: Ed25519 over the timestamp and the body.
    static func signed(
        _ body: [UInt8], seed: [UInt8] = seed, timestamp: Date = now
    ) throws -> ChannelRequest {
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        let stamp = String(Int(timestamp.timeIntervalSince1970))
        let signature = try key.signature(for: Array(stamp.utf8) + body)
        return ChannelRequest(
            method: "POST", path: "/webhooks/discord",
            headers: [
                "Content-Type": "application/json", "X-Signature-Ed25519": hexString(signature),
                "X-Signature-Timestamp": stamp,
            ],
            body: body)
    }

    static func fixture(_ name: String) throws -> ChannelRequest { try signed(try Fixture.bytes(name)) }

    // MARK: Verification

    @Test func rfc8032TestOneVerifies() {
        let publicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
        let signature =
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        #expect(Signature.isValidEd25519(signature: signature, publicKey: publicKey, message: []))
        #expect(!Signature.isValidEd25519(signature: signature, publicKey: publicKey, message: [0]))
        let flipped = "f" + signature.dropFirst()
        #expect(!Signature.isValidEd25519(signature: flipped, publicKey: publicKey, message: []))
        #expect(!Signature.isValidEd25519(signature: "zz", publicKey: publicKey, message: []))
    }

    @Test func aPingIsAnsweredWithAPong() throws {
        let response = try #require(try channel.receive(Self.fixture("discord-ping.json")).response)
        #expect(try jsonObject(response.body)["type"] as? Int == 1)
    }

    @Test func badSignaturesAreRefusedAsDiscordChecksOnPurpose() throws {
        let body = try Fixture.bytes("discord-ping.json")
        #expect(refusal(of: try Self.signed(body, seed: [UInt8](repeating: 8, count: 32)), by: channel) == .unauthorized)
        var tampered = try Self.signed(body)
        tampered.body[5] = UInt8(ascii: "x")
        #expect(refusal(of: tampered, by: channel) == .unauthorized)
        var unsigned = try Self.signed(body)
        unsigned.headers["x-signature-ed25519"] = nil
        #expect(refusal(of: unsigned, by: channel) == .unauthorized)
        let stale = try Self.signed(body, timestamp: Self.now.addingTimeInterval(-301))
        #expect(refusal(of: stale, by: channel) == .unauthorized)
    }

    @Test func aSignedBodyThatIsNotAnInteractionIsABadRequest() throws {
        expectPlainBadRequest(refusal(of: try Self.signed(Array("[1,2]".utf8)), by: channel), mentioning: "Discord")
    }

    // MARK: Receiving

    @Test func theSlashCommandsAnswerOptionBecomesTheText() throws {
        let event = try #require(try channel.receive(Self.fixture("discord-command.json")).event)
        #expect(event.channel == "discord")
        #expect(event.eventID == "1184473399219458108")
        #expect(event.conversation == "1029384756102938999")
        #expect(event.participant == "53908232506183680")
        #expect(event.text == "Riverside Family Services")
        #expect(event.details(as: DiscordDetails.self)?.applicationID == "1105555555555555555")
    }

    @Test func aButtonPressSendsItsQuestionAndLabel() throws {
        let event = try #require(try channel.receive(Self.fixture("discord-component.json")).event)
        #expect(event.press == .choice(ChoicePress(sessionID: 12, question: .step("benefit"), option: 1)))
        #expect(event.text == "Yes")
        #expect(event.eventID == "1184473399219458200")
    }

    @Test func theCommandWithoutAnAnswerStarts() throws {
        var command = try jsonObject(try Fixture.bytes("discord-command.json"))
        command["data"] = ["id": "1", "name": "flowlinks", "type": 1]
        let body = Array(try JSONSerialization.data(withJSONObject: command))
        #expect(try channel.receive(try Self.signed(body)).event?.text == "start")
    }

    // MARK: Replying

    @Test func theReplyIsTheInteractionResponseWithButtonsFiveToARow() throws {
        let event = try #require(try channel.receive(Self.fixture("discord-command.json")).event)
        let sixChoices = chartChoices + [Choice(number: 6, value: "unsure", label: "Not sure", shortLabel: "Not sure")]
        let reply = channel.reply(
            to: event, with: [OutboundMessage("How does *information* flow?", choices: sixChoices)],
            context: ReplyContext())
        #expect(reply.followUps.isEmpty)
        let response = try jsonObject(reply.response.body)
        #expect(response["type"] as? Int == 4)
        let data = try #require(response["data"] as? [String: Any])
        let content = try #require(data["content"] as? String)
        #expect(content.hasPrefix(#"How does \*information\* flow?"#))
        #expect((data["allowed_mentions"] as? [String: Any])?["parse"] as? [String] == [])
        let rows = try #require(data["components"] as? [[String: Any]])
        #expect(rows.map { ($0["components"] as? [Any])?.count } == [5, 1])
        let third = try #require((rows[0]["components"] as? [[String: Any]])?[2])
        #expect(third["custom_id"] as? String == "considered")
        #expect(third["label"] as? String == "3. Consulting")
        #expect(third["type"] as? Int == 2)
    }

    @Test func aConfirmationsUnnumberedYesIsLabelledWithoutANumber() throws {
        let event = try #require(try channel.receive(Self.fixture("discord-command.json")).event)
        let yes = Choice(number: 0, value: "confirm", label: "Yes, that's it", shortLabel: "Yes, that's it")
        let reply = channel.reply(
            to: event, with: [OutboundMessage("Sounds like 3. Consulting — is that right?", choices: [yes] + chartChoices)],
            context: ReplyContext())
        let data = try #require(try jsonObject(reply.response.body)["data"] as? [String: Any])
        let rows = try #require(data["components"] as? [[String: Any]])
        let buttons = rows.flatMap { $0["components"] as? [[String: Any]] ?? [] }
        #expect(buttons.first?["label"] as? String == "Yes, that's it")
        #expect(buttons.first?["custom_id"] as? String == "confirm")
        #expect(buttons.dropFirst().first?["label"] as? String == "1. Independent")
        let content = try #require(data["content"] as? String)
        #expect(!content.contains("0. Yes"))
        #expect(content.contains("1. Partners may know a little about it."))
    }

    @Test func aReplyPastTheLimitFollowsThroughTheInteractionWebhook() throws {
        let event = try #require(try channel.receive(Self.fixture("discord-command.json")).event)
        let long = numberedWords(count: 900)
        let reply = channel.reply(to: event, with: [OutboundMessage(long)], context: ReplyContext())
        let first = try #require(try jsonObject(reply.response.body)["data"] as? [String: Any])
        #expect(reply.followUps.count >= 1)
        #expect(reply.followUps.allSatisfy { $0.method == DiscordChannel.followUpMethod })
        let followUps = try reply.followUps.map { try jsonObject($0.body) }
        #expect(followUps.allSatisfy { $0["application_id"] as? String == "1105555555555555555" })
        #expect(followUps.allSatisfy { ($0["token"] as? String)?.hasPrefix("aW50ZXJhY3Rpb24") == true })
        let contents =
            [first["content"] as? String ?? ""]
            + followUps.compactMap { ($0["message"] as? [String: Any])?["content"] as? String }
        #expect(contents.allSatisfy { $0.count <= 2000 })
        #expect(words(contents) == words([long]))
    }

    @Test func aPressedQuestionShowsTheChoiceAndTheNextQuestionFollows() throws {
        let event = try #require(try channel.receive(Self.fixture("discord-component.json")).event)
        #expect(event.details(as: DiscordDetails.self)?.press?.chosen == "Yes")
        let reply = channel.reply(
            to: event, with: [OutboundMessage("Same goals?", choices: chartChoices)], context: ReplyContext())
        let response = try jsonObject(reply.response.body)
        #expect(response["type"] as? Int == 7)
        let data = try #require(response["data"] as? [String: Any])
        #expect(data["content"] as? String == "Does this partnership benefit both organizations?\n\n✓ Yes")
        #expect((data["components"] as? [Any])?.isEmpty == true)
        let next = try jsonObject(try #require(reply.followUps.first).body)
        #expect(reply.followUps.count == 1)
        #expect(((next["message"] as? [String: Any])?["content"] as? String)?.hasPrefix("Same goals?") == true)
    }

    @Test func thePressedButtonsLabelIsShownWhenDiscordSendsTheButtons() throws {
        var press = try jsonObject(try Fixture.bytes("discord-component.json"))
        press["message"] = [
            "content": "Shared goals?",
            "components": [["type": 1, "components": [["type": 2, "label": "Not *sure*", "custom_id": "unsure"]]]],
        ]
        press["data"] = ["custom_id": "unsure", "component_type": 2]
        let event = try #require(
            try channel.receive(try Self.signed(Array(try JSONSerialization.data(withJSONObject: press)))).event)
        let reply = channel.reply(to: event, with: [OutboundMessage("Next.")], context: ReplyContext())
        let data = try #require(try jsonObject(reply.response.body)["data"] as? [String: Any])
        #expect(data["content"] as? String == #"Shared goals?\#n\#n✓ Not \*sure\*"#)
    }

    @Test func aStalePressHearsANoticeOnlyThePresserSeesAndTheQuestionStays() throws {
        let event = try #require(try channel.receive(Self.fixture("discord-component.json")).event)
        let notice = OutboundMessage("That button belongs to an earlier question.", notice: .stalePress)
        let reply = channel.reply(to: event, with: [notice], context: ReplyContext(sessionID: 12, press: .stale))
        #expect(reply.followUps.isEmpty)
        let response = try jsonObject(reply.response.body)
        #expect(response["type"] as? Int == 4, "a new message, not an update of the pressed one")
        let data = try #require(response["data"] as? [String: Any])
        #expect(data["flags"] as? Int == 64)
        #expect(data["content"] as? String == "That button belongs to an earlier question.")
        #expect(data["components"] == nil)
    }

    @Test func buttonsCarryTheSessionTheQuestionAndTheOption() throws {
        let event = try #require(try channel.receive(Self.fixture("discord-command.json")).event)
        let choices = [
            Choice(number: 1, value: "yes", label: "Yes", shortLabel: "Yes", question: .step("benefit")),
            Choice(number: 2, value: "no", label: "No", shortLabel: "No", question: .step("benefit")),
        ]
        let reply = channel.reply(
            to: event, with: [OutboundMessage("Benefit?", choices: choices)], context: ReplyContext(sessionID: 12))
        let data = try #require(try jsonObject(reply.response.body)["data"] as? [String: Any])
        let buttons = try #require((data["components"] as? [[String: Any]])?.first?["components"] as? [[String: Any]])
        #expect(buttons.map { $0["custom_id"] as? String } == ["fl:12:1:benefit", "fl:12:2:benefit"])
    }

    @Test func theSlowDownNoticeIsSeenOnlyByWhoeverSentTooMuch() throws {
        let event = try #require(try channel.receive(Self.fixture("discord-component.json")).event)
        let reply = channel.reply(
            to: event, with: [OutboundMessage("Please wait a minute.")], context: ReplyContext(rateLimited: true))
        let data = try #require(try jsonObject(reply.response.body)["data"] as? [String: Any])
        #expect(data["flags"] as? Int == 64)
    }
}
