import FlowLinksChannels
import Testing

@testable import FlowLinksServer

@Suite("A NUL in what a person wrote is shown, not lost; in an id it is refused")
struct NULInEventTests {
    func event(text: String, participant: String?, id: String = "m-1") -> InboundEvent {
        InboundEvent(channel: "generic", eventID: id, conversation: "team", participant: participant, text: text)
    }

    @Test func aNULInTheTextOrTheNameBecomesAReplacementCharacter() throws {
        let cleaned = try WebhookRoutes.withoutNUL(event(text: "River\u{0}side\u{0}", participant: "ma\u{0}ria"))
        #expect(cleaned.text == "River\u{FFFD}side\u{FFFD}")
        #expect(cleaned.participant == "ma\u{FFFD}ria")
    }

    @Test func textWithoutANULIsLeftAsItIs() throws {
        let cleaned = try WebhookRoutes.withoutNUL(event(text: "Riverside Services 🌊", participant: nil))
        #expect(cleaned.text == "Riverside Services 🌊")
        #expect(cleaned.participant == nil)
    }

    @Test func aNULInTheMessageIDIsRefused() {
        #expect(throws: ChannelError.self) { try WebhookRoutes.withoutNUL(event(text: "hi", participant: nil, id: "m\u{0}1")) }
    }
}
