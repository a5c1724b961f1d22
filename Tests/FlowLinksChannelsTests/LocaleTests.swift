import FlowLinksChannels
import FlowLinksCore
import Foundation
import Testing

/// The person's language as each platform sends it, carried on the event so a new conversation
/// can be held in it.
@Suite struct LocaleTests {
    @Test func telegramsLanguageCodeBecomesTheLocale() throws {
        let channel = TelegramChannel(secretToken: "s3cret", plainText: plainText)
        let body =
            #"{"update_id": 9, "message": {"message_id": 1, "from": {"id": 7, "language_code": "es"}, "chat": {"id": 7, "type": "private"}, "date": 1, "text": "hola"}}"#
        let request = ChannelRequest(
            method: "POST", path: "/webhooks/telegram",
            headers: ["Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "s3cret"], body: Array(body.utf8))
        #expect(try channel.receive(request).event?.locale == "es")
    }

    @Test func theGenericChannelTakesAnOptionalLocale() throws {
        let channel = GenericChannel(token: nil)
        let body = #"{"conversation": "c-1", "message_id": "m-1", "text": "hi", "locale": "es-MX"}"#
        let request = ChannelRequest(
            method: "POST", path: "/webhooks/generic", headers: ["Content-Type": "application/json"], body: Array(body.utf8))
        #expect(try channel.receive(request).event?.locale == "es-MX")
    }

    @Test func anOverlongLocaleIsABadRequest() {
        let channel = GenericChannel(token: nil)
        let body =
            #"{"conversation": "c-1", "message_id": "m-1", "text": "hi", "locale": "\#(String(repeating: "x", count: 40))"}"#
        let request = ChannelRequest(
            method: "POST", path: "/webhooks/generic", headers: ["Content-Type": "application/json"], body: Array(body.utf8))
        #expect(throws: ChannelError.self) { try channel.receive(request) }
    }

    @Test(
        arguments: [
            ("es-MX,es;q=0.9,en;q=0.8", "es-MX"), ("en-US,en;q=0.9,es;q=0.8", "en-US"), ("fr;q=0.4, es;q=0.7", "es"),
            ("*", nil), ("", nil), ("es;q=0", nil),
        ] as [(String, String?)])
    func aBrowsersFirstChoiceIsItsLocale(header: String, expected: String?) {
        #expect(AcceptLanguage.preferred(header) == expected)
    }
}
