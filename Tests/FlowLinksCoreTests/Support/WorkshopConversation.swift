import FlowLinksCore
import FlowLinksTesting
import Foundation

/// A workshop the engine tests join: its store lookup is played by the test.
enum TestWorkshop {
    static let code = WorkshopCode(typed: "KMPRTV")!
    static let link = WorkshopLink(
        id: 7, code: "KMPRTV", name: "Spring partners workshop",
        organizations: [WorkshopPeople.riverside, WorkshopPeople.northside],
        initiatives: [WorkshopPeople.parentCafe, WorkshopPeople.teenHealth])
}

extension Conversation {
    /// Sends a reply and, when it asks to join, finishes the turn as the store would with `lookup`.
    @discardableResult
    mutating func join(_ text: String, finding lookup: WorkshopLookup = .open(TestWorkshop.link)) -> Turn {
        clock.advance(30)
        let asked = engine.reply(to: text, in: state, now: clock.now)
        guard case .workshop(.join) = asked.effect else { return take(asked) }
        return take(engine.join(lookup, after: asked, now: clock.now))
    }

    /// Joins the test workshop and gives every reply; the finished session's answers.
    static func finished(_ replies: [String], id: Int64) -> WorkshopAnswers {
        var conversation = Conversation()
        conversation.join("join KMPRTV")
        conversation.say(replies)
        return WorkshopAnswers(sessionID: id, answers: conversation.state.answers)
    }
}
