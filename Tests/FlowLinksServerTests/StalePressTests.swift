import FlowLinksCore
import FlowLinksStore
import FlowLinksTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// On every platform with buttons: at the benefit question a person types "yes", then presses that
/// question's old "No" button. The press must not answer the next question (shared goals, whose
/// third option is also "no"), must not mark the old question "✓ No", and must get a notice; a
/// replay of the press gets the same reply and changes nothing.
@Suite("A button of an earlier question")
struct StalePressTests {
    static let typedBeforeBenefit = ["hi", "Riverside", "Parent Cafe", "skip"]
    /// The notice a press of an earlier question's button gets.
    static let notice = DefaultPrompts.script.language.message(.pressOutdated).render()

    /// The answers stand as typed and the next question is still waiting.
    static func expectTypedAnswerStands(
        _ server: TestServer, channel: String, conversation: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let session = try #require(
            try server.database.currentSession(ConversationKey(channel: channel, conversation: conversation)),
            sourceLocation: sourceLocation)
        let sessionID = try #require(session.id, sourceLocation: sourceLocation)
        let state = try #require(try server.database.state(ofSession: sessionID), sourceLocation: sourceLocation)
        #expect(state.answers["benefit"]?.optionID == "yes", sourceLocation: sourceLocation)
        #expect(
            state.answers["shared_goals"] == nil, "the press did not answer the next question", sourceLocation: sourceLocation)
        #expect(state.currentStep == "shared_goals", sourceLocation: sourceLocation)
        #expect(state.misses == 0, sourceLocation: sourceLocation)
    }

    /// Sends the press again, as a platform retries it: the same reply, and no row changes.
    static func expectReplayChangesNothing(
        _ server: TestServer, answered: TestResponse, sourceLocation: SourceLocation = #_sourceLocation,
        send: () async throws -> TestResponse
    ) async throws {
        let before = try server.database.rowCounts()
        let replay = try await send()
        #expect(replay.status == answered.status, sourceLocation: sourceLocation)
        #expect(replay.text == answered.text, sourceLocation: sourceLocation)
        #expect(try server.database.rowCounts() == before, sourceLocation: sourceLocation)
    }

    /// The outbox rows queued after the row with id `after`.
    static func queued(_ server: TestServer, after id: Int64) async throws -> [OutboxRecord] {
        try await server.database.outbox.outboxCalls(withStatus: [.pending], limit: 100).calls.filter { ($0.id ?? 0) > id }
            .reversed()
    }

    static func lastQueuedID(_ server: TestServer) async throws -> Int64 {
        try await server.database.outbox.outboxCalls(withStatus: [.pending], limit: 1).calls.first?.id ?? 0
    }

    @Test func telegramAnswersThePressWithTheNoticeAndDoesNotEditTheQuestion() async throws {
        let server = try PlatformWebhookTests.server()
        try await server.test { client in
            var benefit: TestResponse?
            for (update, text) in zip(1..., Self.typedBeforeBenefit) {
                benefit = try await client.sendTelegram(PlatformRequests.telegramMessage(update: update, text: text))
            }
            let no = try #require(benefit?.telegramButtons.last)
            #expect(no.label == "No")
            try await client.sendTelegram(PlatformRequests.telegramMessage(update: 5, text: "yes"))
            let last = try await Self.lastQueuedID(server)
            let press = PlatformRequests.telegramButton(update: 6, data: no.data, label: no.label)
            let answered = try await client.sendTelegram(press)
            #expect(answered.json["method"] as? String == "answerCallbackQuery")
            #expect(answered.json["text"] as? String == Self.notice)
            #expect(try await Self.queued(server, after: last).isEmpty, "no editMessageText, no message")
            try await Self.expectReplayChangesNothing(server, answered: answered) { try await client.sendTelegram(press) }
        }
        try Self.expectTypedAnswerStands(server, channel: "telegram", conversation: "4242")
    }

    @Test func discordAnswersThePressOnlyToThePresserAndDoesNotUpdateTheQuestion() async throws {
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            var benefit: TestResponse?
            for (index, text) in Self.typedBeforeBenefit.enumerated() {
                let command = try SignedRequests.discordCommand(id: "c\(index)", answer: text)
                benefit = try await DiscordWebhookTests.send(client, server, command)
            }
            let question = try #require(benefit?.json["data"] as? [String: Any])
            let no = try #require(RenderedButton.discord(in: question).last)
            #expect(no.label == "No")
            try await DiscordWebhookTests.send(client, server, try SignedRequests.discordCommand(id: "c9", answer: "yes"))
            let last = try await Self.lastQueuedID(server)
            let press = try SignedRequests.discordButton(id: "b1", value: no.data, on: question)
            let answered = try await DiscordWebhookTests.send(client, server, press)
            #expect(answered.json["type"] as? Int == 4, "not 7: the pressed question is not updated")
            let data = try #require(answered.json["data"] as? [String: Any])
            #expect(data["flags"] as? Int == 64)
            #expect(data["content"] as? String == Self.notice)
            #expect(try await Self.queued(server, after: last).isEmpty, "no follow-up")
            try await Self.expectReplayChangesNothing(server, answered: answered) {
                try await DiscordWebhookTests.send(client, server, press)
            }
        }
        try Self.expectTypedAnswerStands(server, channel: "discord", conversation: "1029384756102938999")
    }

    @Test func slackTellsOnlyThePresserAndDoesNotUpdateTheQuestion() async throws {
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            for (index, text) in Self.typedBeforeBenefit.enumerated() {
                try await SlackWebhookTests.message(client, server, id: "Ev\(index)", text: text)
            }
            let benefit = try #require(try await Self.queued(server, after: 0).last)
            let no = try #require(RenderedButton.slack(in: try jsonObject(benefit.body)).last)
            #expect(no.label == "No")
            try await SlackWebhookTests.message(client, server, id: "Ev9", text: "yes")
            let last = try await Self.lastQueuedID(server)
            let press = try SignedRequests.slackButton(
                value: no.data, ts: "1700000000.000400", actionTS: "1700000001.1", label: no.label)
            let headers = SignedRequests.slackHeaders(
                press, contentType: "application/x-www-form-urlencoded", at: server.clock.now)
            let answered = try await client.post("/webhooks/slack", press, headers: headers)
            #expect(answered.status == .ok)
            let calls = try await Self.queued(server, after: last)
            #expect(calls.map(\.method) == ["chat.postEphemeral"], "no chat.update of the old question")
            let notice = try jsonObject(try #require(calls.first).body)
            #expect(notice["text"] as? String == Self.notice)
            #expect(notice["user"] as? String == "U2147483697")
            try await Self.expectReplayChangesNothing(server, answered: answered) {
                try await client.post("/webhooks/slack", press, headers: headers)
            }
        }
        try Self.expectTypedAnswerStands(server, channel: "slack", conversation: "T061EG9R6/D024BE91L")
    }

    @Test func whatsappSendsTheNoticeAsTextAndAnswersNothing() async throws {
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            for (index, text) in Self.typedBeforeBenefit.enumerated() {
                try await WhatsAppWebhookTests.send(client, try SignedRequests.whatsappText(id: "wamid.\(index)", text: text))
            }
            let benefit = try #require(try await Self.queued(server, after: 0).last)
            let no = try #require(RenderedButton.whatsapp(in: try jsonObject(benefit.body)).last)
            #expect(no.label == "No")
            try await WhatsAppWebhookTests.send(client, try SignedRequests.whatsappText(id: "wamid.9", text: "yes"))
            let last = try await Self.lastQueuedID(server)
            let press = try SignedRequests.whatsappButton(id: "wamid.press", value: no.data, title: no.label)
            let answered = try await WhatsAppWebhookTests.send(client, press)
            let calls = try await Self.queued(server, after: last)
            #expect(calls.count == 1)
            let text = try jsonObject(try #require(calls.first).body)
            #expect((text["text"] as? [String: Any])?["body"] as? String == Self.notice)
            try await Self.expectReplayChangesNothing(server, answered: answered) {
                try await WhatsAppWebhookTests.send(client, press)
            }
        }
        try Self.expectTypedAnswerStands(server, channel: "whatsapp", conversation: "16505551234")
    }
}

/// A JSON body as a dictionary.
func jsonObject(_ data: Data) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}
