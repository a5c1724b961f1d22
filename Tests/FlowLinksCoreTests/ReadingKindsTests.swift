import FlowLinksTesting
import Testing

@testable import FlowLinksCore

/// Each kind of everyday reply the bot reads, with replies that are not in the corpus: it reads
/// them right, or checks the right reading with the person, and never keeps a wrong one.
@Suite struct ReadingKindsTests {
    /// A reply, the option a facilitator reads (`nil`: ask again), and the highest sureness allowed.
    struct Case: Sendable, CustomTestStringConvertible {
        let step: StepID
        let reply: String
        let option: String?
        var confidence: Confidence? = nil

        init(_ step: StepID, _ reply: String, _ option: String?, _ confidence: Confidence? = nil) {
            self.step = step
            self.reply = reply
            self.option = option
            self.confidence = confidence
        }

        var testDescription: String { "\(step): \"\(reply)\" → \(option ?? "ask again")" }
    }

    static func check(_ reading: Case) throws {
        let script = DefaultPrompts.script
        let step = try #require(script.step(reading.step))
        let result = ChoiceInterpreter(language: script.language).interpret(reading.reply, for: step)
        #expect(result?.optionID == reading.option, "\(reading.testDescription)")
        if let confidence = reading.confidence { #expect(result?.confidence == confidence, "\(reading.testDescription)") }
    }

    @Test(arguments: [
        Case("benefit", "three", "no", .high), Case("current_decisions", "level four", "implementation", .high),
        Case("desired_level", "the fifth one", "aligning", .high), Case("current_resources", "the last one", "collaborative"),
        Case("shared_goals", "option two", "some", .high), Case("desired_level", "4th", "involving"),
        Case("current_communication", "#3", "considered"), Case("desired_level", "nivel dos", "informing"),
        Case("desired_level", "I'd say the second one", "informing", .high), Case("current_decisions", "3)", "influence"),
    ])
    func numberWordsOrdinalsAndDigitsPickThatOption(_ reading: Case) throws { try Self.check(reading) }

    @Test(arguments: [
        Case("shared_goals", "one or two of them", "some"), Case("shared_goals", "just one", "some"),
        Case("shared_goals", "3 partners", nil), Case("desired_level", "4 or 5", nil),
        Case("current_communication", "3 times a year we survey them", "considered"),
        Case("desired_level", "more than informing", nil), Case("desired_level", "anything but independent", nil),
    ])
    func countsRangesAndComparisonsAreNotAnOption(_ reading: Case) throws { try Self.check(reading) }

    @Test(arguments: [
        Case("desired_level", "consultng", "consulting", .medium), Case("current_communication", "infroming", "shared", .medium),
        Case("current_decisions", "colaborative planning", "collaborative", .medium),
        Case("benefit", "definately", "yes", .medium), Case("desired_level", "invloved", "involving", .medium),
        Case("desired_level", "evolving", nil), Case("benefit", "yse", nil),
    ])
    func smallTyposOfDistinctiveWordsAreCheckedFirst(_ reading: Case) throws { try Self.check(reading) }

    @Test(arguments: [
        Case("current_decisions", "they helped us implement it", "implementation"),
        Case("current_decisions", "we decided on it together", "collaborative"),
        Case("current_communication", "their feedback gets considered", "considered"),
        Case("desired_level", "we should be consulting them", "consulting", .high),
        Case("current_resources", "we pooled our funds with the county", "collaborative"),
    ])
    func wordFormsAreReadThroughTheirStems(_ reading: Case) throws { try Self.check(reading) }

    @Test(arguments: [
        Case("current_communication", "we run listening sessions twice a year", "considered"),
        Case("current_decisions", "a steering committee of partners decides", "collaborative"),
        Case("current_resources", "all the money stays in house", "within"),
        Case("current_communication", "updates go out on our website", "shared"),
        Case("current_resources", "we co-funded a shared coordinator", "collaborative"),
    ])
    func plainLanguageParaphrasesFromPromptsAreRead(_ reading: Case) throws { try Self.check(reading) }

    @Test(arguments: [
        Case("benefit", "sort of", "maybe"), Case("benefit", "I'd say no", "no", .high),
        Case("benefit", "probably yes", "yes", .medium), Case("shared_goals", "kind of", "some"),
        Case("shared_goals", "a handful of them", "some"), Case("benefit", "maybe not", "maybe"),
    ])
    func hedgedAnswersAndQuantities(_ reading: Case) throws { try Self.check(reading) }

    @Test(arguments: [
        Case("shared_goals", "only one partner", "some"), Case("shared_goals", "we're the only ones", "no"),
        Case("benefit", "yeah kind of", "maybe"), Case("benefit", "yes, maybe", "maybe"),
        Case("desired_level", "lvl 3", "consulting", .high),
        Case("desired_level", "informing... no wait, consulting", "consulting"),
        Case("words_level", "aligning, sorry, I meant involving", "involving"),
    ])
    func countsHedgedYesesAndSecondThoughts(_ reading: Case) throws { try Self.check(reading) }

    @Test(arguments: ["certainly", "absolutely", "definitely", "surely", "totally", "of course", "probably"])
    func anEmphaticWordBeforeANegationIsNo(_ emphatic: String) throws {
        try Self.check(Case("benefit", "\(emphatic) not", "no"))
        try Self.check(Case("shared_goals", "\(emphatic.capitalized) not!", "no"))
    }

    @Test(arguments: ["not totally sure", "can't say for sure", "I'm not certain", "not 100% sure", "not really sure"])
    func uncertaintyIsNeverYes(_ reply: String) throws {
        try Self.check(Case("benefit", reply, "maybe"))
        try Self.check(Case("shared_goals", reply, "not_sure"))
    }

    @Test(arguments: [
        Case("desired_level", "not aligning, more like consulting", "consulting", .high),
        Case("current_decisions", "not informing, more like consulting", "influence", .high),
        Case("current_communication", "we don't share anything with them", "some-knowledge"),
        Case("current_decisions", "partners aren't part of decisions", "within"),
        Case("words_level@involving", "no, more like informing", "informing", .high),
    ])
    func negationAndSelfCorrectionAreRead(_ reading: Case) throws {
        let parts = reading.step.split(separator: "@").map(String.init)
        guard parts.count == 2 else { return try Self.check(reading) }
        let script = DefaultPrompts.script
        let step = try #require(script.step(parts[0]))
        let result = ChoiceInterpreter(language: script.language).interpret(
            reading.reply, for: step, suggested: step.option(parts[1]))
        #expect(result?.optionID == reading.option)
    }

    @Test(arguments: ["plan", "Plan", "Plan.", "planning", "work", "partners", "community", "our partners"])
    func aSingleGenericWordIsNeverTakenAsAnAnswer(_ reply: String) throws {
        let script = DefaultPrompts.script
        for step in script.steps where step.kind == .choice {
            let reading = ChoiceInterpreter(language: script.language).interpret(reply, for: step)
            #expect(reading == nil, "\(step.id): \"\(reply)\" read as \(String(describing: reading))")
        }
    }

    @Test func aSingleWordOfAnOptionsWayOfSayingItIsCheckedFirst() throws {
        try Self.check(Case("words_level", "together", "aligning", .medium))
        try Self.check(Case("current_communication", "newsletter", "shared", .medium))
    }
}
