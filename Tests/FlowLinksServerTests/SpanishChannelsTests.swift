import FlowLinksReview
import FlowLinksServer
import FlowLinksStore
import FlowLinksTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// A whole Spanish session over the webhooks: the platform's locale chooses Spanish, every message
/// is in Spanish, Spanish commands work, and the session keeps its language.
@Suite struct SpanishChannelsTests {
    /// Replies that walk a Spanish session to its end, with a Spanish command on the way.
    static let answers = [
        "Servicios Familiares del Valle", "Café para Padres", "omitir", "sí", "algunos", "les mandamos un boletín", "sí",
        "la primera", "nosotros decidimos", "nivel 4", "atrás", "4", "omitir", "queremos escuchar a las familias",
        "consultar", "omitir",
    ]

    @Test func aGenericConversationWithASpanishLocaleRunsInSpanishToTheResult() async throws {
        let server = try TestServer()
        try await server.test { client in
            let first = try await client.sendGeneric("buenas", locale: "es-MX")
            #expect(first.messageTexts.first?.hasPrefix("Hola, soy FlowLinks") == true)
            var texts = first.messageTexts
            var last = first
            for answer in Self.answers {
                last = try await client.sendGeneric(answer)
                texts += last.messageTexts
            }
            let result = last.messageTexts.joined(separator: "\n")
            #expect(result.contains("Nivel recomendado: Involucrar."), "\(texts.joined(separator: "\n---\n"))")
            #expect(result.contains("Siguiente paso: Consultar"))
            #expect(texts.contains("Claro, regresemos."))
            #expect(!texts.joined().contains("Recommended"))
        }
        let session = try #require(
            try server.database.currentSession(ConversationKey(channel: "generic", conversation: "team-a")))
        #expect(session.language == "es")
        #expect(session.status == .completed)
    }

    @Test func aTelegramConversationFromASpanishAppRunsInSpanish() async throws {
        let server = try TestServer { config in
            config.telegram = TelegramSettings(secretToken: PlatformRequests.telegramSecret, botToken: "123:ABC")
        }
        try await server.test { client in
            let first = try await client.sendTelegram(Self.telegramMessage(update: 1, text: "/start"))
            #expect((first.json["text"] as? String)?.contains("¿cómo se llama su organización?") == true)
            var last = first
            for (update, answer) in zip(2..., Self.answers.prefix(4)) {
                last = try await client.sendTelegram(Self.telegramMessage(update: update, text: answer))
            }
            #expect((last.json["text"] as? String)?.contains("¿Hay otros socios comunitarios") == true)
            #expect(last.telegramButtons.map(\.label).first == "Sí")
            let help = try await client.sendTelegram(Self.telegramMessage(update: 20, text: "ayuda"))
            #expect((help.json["text"] as? String)?.contains("borrar mis datos") == true)
            let erase = try await client.sendTelegram(Self.telegramMessage(update: 21, text: "borrar mis datos"))
            #expect((erase.json["text"] as? String)?.contains("Esto borrará para siempre") == true)
        }
        let session = try #require(try server.database.currentSession(ConversationKey(channel: "telegram", conversation: "4242")))
        #expect(session.language == "es")
    }

    @Test func aSessionsLanguageShowsInItsExports() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.sendGeneric("hola")
            try await client.sendGeneric("Servicios del Valle")
        }
        let session = try #require(
            try server.database.currentSession(ConversationKey(channel: "generic", conversation: "team-a")))
        let sessionID = try #require(session.id)
        let report = try #require(try await server.database.review.report(ofSession: sessionID))
        let csv = SessionsCSV(reports: [report], script: DefaultPrompts.script).render()
        #expect(csv.hasPrefix("session_id,channel,language,status"))
        #expect(csv.contains(",generic,es,active,"))
        let markdown = SessionMarkdown(report: report, script: DefaultPrompts.script).render()
        #expect(markdown.contains("- Language: Español (Spanish)"))
        #expect(markdown.contains("Servicios del Valle"))
    }

    @Test func facilitatorsReadASpanishResultInEnglishWithTheWordsAsGiven() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.sendGeneric("hola", locale: "es")
            for answer in Self.answers { try await client.sendGeneric(answer) }
        }
        let session = try #require(
            try server.database.currentSession(ConversationKey(channel: "generic", conversation: "team-a")))
        let sessionID = try #require(session.id)
        let report = try #require(try await server.database.review.report(ofSession: sessionID))
        let stored = try #require(report.result?.result.parts.map(\.text).joined(separator: "\n"))
        #expect(stored.contains("Nivel recomendado: Involucrar."))
        let reviewed = ReviewedSession(report: report, script: DefaultPrompts.script)
        let parts = reviewed.facilitatorParts.map(\.text).joined(separator: "\n")
        #expect(parts.contains("Involving"))
        #expect(!parts.contains("Involucrar"))
        #expect(parts.contains("Café para Padres"))
        let json = try JSONSerialization.jsonObject(with: try SessionJSON(report: report, script: DefaultPrompts.script).render())
        let result = try #require((json as? [String: Any])?["result"] as? [String: Any])
        let jsonParts = try #require(result["parts"] as? [[String: Any]]).compactMap { $0["text"] as? String }
        #expect(jsonParts.joined().contains("Involving"))
        #expect(!jsonParts.joined().contains("Involucrar"))
    }

    static func telegramMessage(update: Int, text: String) -> String {
        #"{"update_id":\#(update),"message":{"message_id":\#(update),"from":{"id":77,"is_bot":false,"first_name":"Ana","language_code":"es"},"chat":{"id":4242,"type":"private"},"date":1800000000,"text":"\#(text)"}}"#
    }
}
