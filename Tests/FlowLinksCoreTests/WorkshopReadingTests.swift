import FlowLinksTesting
import Testing

@testable import FlowLinksCore

/// A workshop's own questions are read like the members' ones: the member-or-partner question,
/// the partner version of the chart questions (with the chart's ways of saying each cell), and
/// the workshop's lists of organizations and initiatives.
@Suite struct WorkshopReadingTests {
    static let script = DefaultPrompts.script
    static let reader = ChoiceInterpreter(language: script.language)

    static func partnerStep(_ id: StepID) throws -> Step {
        try #require(script.workshop.partnerSteps.first { $0.id == id })
    }

    @Test(arguments: [
        ("partner", "partner"), ("Partner", "partner"), ("as a community partner", "partner"), ("member", "member"),
        ("I'm a member of the organization", "member"), ("2", "partner"), ("the first one", "member"),
    ])
    func theMemberOrPartnerQuestionIsReadAtOnce(_ reply: String, _ option: String) {
        let reading = Self.reader.interpret(reply, for: Self.script.workshop.perspectiveStep)
        #expect(reading?.optionID == option)
        #expect(reading?.confidence == .high)
    }

    @Test func oneOfTheOtherWaysOfSayingItIsCheckedFirst() {
        let reading = Self.reader.interpret("staff", for: Self.script.workshop.perspectiveStep)
        #expect(reading == ChoiceReading(optionID: "member", note: nil, confidence: .medium))
    }

    @Test func aGenericWordAloneIsNotAPerspective() {
        #expect(Self.reader.interpret("plan", for: Self.script.workshop.perspectiveStep) == nil)
    }

    @Test(arguments: [
        ("partner_decisions", "a steering committee of partners decides", "collaborative"),
        ("partner_decisions", "level four", "implementation"),
        ("partner_communication", "they post updates on their website", "shared"),
        ("partner_communication", "they run listening sessions", "considered"),
        ("partner_resources", "we pooled our funds", "collaborative"),
        ("partner_words_level", "not aligning, more like consulting", "consulting"),
    ])
    func partnersRepliesAreReadWithTheChartsWords(_ step: StepID, _ reply: String, _ option: String) throws {
        #expect(Self.reader.interpret(reply, for: try Self.partnerStep(step))?.optionID == option)
    }

    @Test(arguments: ["plan", "partners", "work", "community"])
    func aSingleGenericWordIsNotAPartnersAnswer(_ reply: String) {
        for step in Self.script.workshop.partnerSteps where step.kind == .choice {
            #expect(Self.reader.interpret(reply, for: step) == nil, "\(step.id): \(reply)")
        }
    }

    @Test func aWorkshopsOrganizationIsReadByItsName() throws {
        let link = WorkshopLink(
            id: 1, code: "KMPRTV", name: "Spring", organizations: ["Riverside Family Services", "Eastside Clinic"])
        let scoped = Self.script.scoped(to: WorkshopScope(link: link, perspective: .member))
        let step = try #require(scoped.step("organization"))
        #expect(Self.reader.interpret("eastside clinic", for: step)?.optionID == "organization-2")
        #expect(Self.reader.interpret("Riverside Family Services", for: step)?.confidence == .high)
        #expect(Self.reader.interpret("2", for: step)?.optionID == "organization-2")
    }

    @Test func theWorkshopsQuestionsCountInTheReadingMetrics() {
        let ids = Self.script.everyChoiceStep.map(\.id)
        #expect(ids.contains(Perspective.stepID))
        #expect(ids.contains("partner_decisions") && ids.contains("desired_level"))
        #expect(Set(ids).count == ids.count)
    }
}
