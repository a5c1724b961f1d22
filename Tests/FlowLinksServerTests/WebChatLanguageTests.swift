import FlowLinksServer
import FlowLinksStore
import FlowLinksTesting
import Foundation
import HummingbirdTesting
import Testing

/// The web chat in the browser's language, and in the conversation's once it has one.
@Suite struct WebChatLanguageTests {
    @Test func aSpanishBrowserGetsASpanishPageAndConversation() async throws {
        let server = try TestServer()
        try await server.test { client in
            var person = ChatVisitor()
            person.browser.acceptLanguage = "es-MX,es;q=0.9,en;q=0.8"
            try await person.open(client)
            #expect(person.page.contains(#"<html lang="es">"#))
            #expect(person.page.contains("Empezar"))
            try await person.say(person.field("text"), client)
            #expect(person.page.contains("Hola, soy FlowLinks"))
            try await person.say("Servicios del Valle", client)
            // why: the conversation keeps its language whatever the browser says later.
            person.browser.acceptLanguage = "en-US"
            try await person.open(client)
            #expect(person.page.contains(#"<html lang="es">"#))
            #expect(person.page.contains("¿En qué programa, proyecto o iniciativa"))
        }
    }

    @Test func anEnglishBrowserGetsTheDefaultPage() async throws {
        let server = try TestServer()
        try await server.test { client in
            var person = ChatVisitor()
            person.browser.acceptLanguage = "en-GB,en;q=0.9"
            try await person.open(client)
            #expect(person.page.contains(#"<html lang="en">"#))
            try await person.say(person.field("text"), client)
            #expect(person.page.contains("walk you through a short reflection"))
        }
    }
}
