import FlowLinksTesting
import Testing

@testable import FlowLinksCore

/// How replies are understood, against the default script's real questions.
@Suite struct InterpretationTests {
    /// One reply to one question, and what the bot should read from it (`option == nil`: not understood).
    struct Reading: Sendable, CustomTestStringConvertible {
        let step: StepID
        let reply: String
        let option: String?
        let note: String?
        var suggested: String? = nil

        init(_ step: StepID, _ reply: String, _ option: String?, note: String? = nil, suggested: String? = nil) {
            self.step = step
            self.reply = reply
            self.option = option
            self.note = note
            self.suggested = suggested
        }

        var testDescription: String {
            let hint = suggested.map { " (suggesting \($0))" } ?? ""
            return "\(step): \"\(reply)\"\(hint) → \(option ?? "not understood")\(note.map { " + \"\($0)\"" } ?? "")"
        }
    }

    static let script = DefaultPrompts.script

    static func read(_ reply: String, at stepID: StepID, suggested suggestedID: String? = nil) throws -> ChoiceReading? {
        let step = try #require(script.step(stepID), "the default script has no step \(stepID)")
        let suggested = try suggestedID.map { id in try #require(step.option(id), "\(stepID) has no option \(id)") }
        return ChoiceInterpreter(language: script.language).interpret(reply, for: step, suggested: suggested)
    }

    static func check(_ reading: Reading) throws {
        let result = try read(reading.reply, at: reading.step, suggested: reading.suggested)
        #expect(result?.optionID == reading.option, "option read from \"\(reading.reply)\"")
        if reading.option != nil {
            #expect(result?.note == reading.note, "note kept from \"\(reading.reply)\"")
        }
    }

    // MARK: - Numbers

    @Test(arguments: [
        Reading("benefit", "2", "maybe"),
        Reading("benefit", "2.", "maybe"),
        Reading("benefit", "#2", "maybe"),
        Reading("benefit", "option 2", "maybe"),
        Reading("benefit", "Option 3", "no"),
        Reading("benefit", "number 1", "yes"),
        Reading("shared_goals", "4", "not_sure"),
        Reading("current_communication", "  4  ", "prioritized"),
        Reading("current_resources", "3", "collaborative"),
        Reading("current_decisions", "1", "within"),
        Reading("desired_level", "2 because we want to start small", "informing", note: "we want to start small"),
        Reading(
            "desired_level", "3, we want to hear from families first", "consulting",
            note: "we want to hear from families first"),
        Reading("desired_level", "level 3", "consulting"),
        Reading("words_level", "5", "aligning"),
    ])
    func numberPicksThatOption(_ reading: Reading) throws {
        try Self.check(reading)
    }

    @Test(arguments: [
        "benefit", "shared_goals", "current_communication", "current_resources", "current_decisions",
        "desired_level", "words_level",
    ])
    func everyShownNumberPicksItsOption(_ stepID: StepID) throws {
        let step = try #require(Self.script.step(stepID))
        for (index, option) in step.options.enumerated() {
            #expect(try Self.read("\(index + 1)", at: stepID)?.optionID == option.id, "\(stepID): \(index + 1)")
        }
    }

    @Test(arguments: [
        Reading("benefit", "4", nil),
        Reading("benefit", "0", nil),
        Reading("benefit", "12", nil),
        Reading("shared_goals", "5", nil),
        Reading("shared_goals", "#7", nil),
        Reading("shared_goals", "option 9", nil),
        Reading("current_resources", "4", nil),
        Reading("current_resources", "5", nil),
        Reading("desired_level", "6", nil),
        Reading("words_level", "6 because it's the most", nil),
    ])
    func numberOutsideTheListIsNotUnderstood(_ reading: Reading) throws {
        try Self.check(reading)
    }

    // MARK: - Level names and words of an option

    @Test(arguments: [
        Reading("desired_level", "CONSULTING", "consulting"),
        Reading("desired_level", "consulting", "consulting"),
        Reading("desired_level", "aLiGnInG", "aligning"),
        Reading("desired_level", "Informing.", "informing"),
        Reading("desired_level", "consulting, we ask first", "consulting", note: "we ask first"),
        Reading("words_level", "Independent", "independent"),
        Reading("current_communication", "Informing", "shared"),
        Reading("current_resources", "consulting", "within"),
        Reading("current_resources", "INVOLVING", "considered"),
        Reading("current_decisions", "aligning", "collaborative"),
    ])
    func levelNameInAnyCasePicksThatLevel(_ reading: Reading) throws {
        try Self.check(reading)
    }

    @Test(arguments: [
        Reading("current_communication", "feedback is prioritized", "prioritized"),
        Reading("current_communication", "we share information", "shared"),
        Reading("current_communication", "ongoing communication", "ongoing"),
        Reading(
            "current_communication", "feedback is prioritized in our monthly meetings", "prioritized",
            note: "feedback is prioritized in our monthly meetings"),
        Reading("current_resources", "funds may be shared", "considered"),
        Reading("current_decisions", "they support implementation", "implementation"),
        Reading("desired_level", "we ask for feedback", "consulting"),
        Reading("shared_goals", "some of them", "some"),
    ])
    func aFewWordsOfAnOptionPickIt(_ reading: Reading) throws {
        try Self.check(reading)
    }

    // MARK: - Ordinary yes, no and unsure

    @Test(arguments: [
        Reading("benefit", "yep", "yes"),
        Reading("benefit", "Yeah", "yes"),
        Reading("benefit", "YES", "yes"),
        Reading("benefit", "Sí", "yes"),
        Reading("benefit", "of course", "yes"),
        Reading("benefit", "👍", "yes"),
        Reading("benefit", "not really", "no"),
        Reading("benefit", "nope", "no"),
        Reading("benefit", "Nah", "no"),
        Reading("benefit", "I don’t think so", "no"),
        Reading("benefit", "not sure", "maybe"),
        Reading("benefit", "I'm not sure", "maybe"),
        Reading("benefit", "no idea", "maybe"),
        Reading("benefit", "dunno", "maybe"),
        Reading("shared_goals", "yep", "yes"),
        Reading("shared_goals", "Sí", "yes"),
        Reading("shared_goals", "👍", "yes"),
        Reading("shared_goals", "not really", "no"),
        Reading("shared_goals", "nope", "no"),
        Reading("shared_goals", "no idea", "not_sure"),
        Reading("shared_goals", "No sé", "not_sure"),
        Reading("shared_goals", "maybe", "not_sure"),
        Reading("shared_goals", "Not sure", "not_sure"),
    ])
    func ordinaryWordsForYesNoAndUnsure(_ reading: Reading) throws {
        try Self.check(reading)
    }

    // MARK: - A choice followed by a note

    @Test(arguments: [
        Reading("benefit", "yes — partners reach families we can't", "yes", note: "partners reach families we can't"),
        Reading("benefit", "Yes, partners reach families we can't.", "yes", note: "partners reach families we can't"),
        Reading("benefit", "yes—partners reach families we can't", "yes", note: "partners reach families we can't"),
        Reading("benefit", "yep, because partners know the families", "yes", note: "partners know the families"),
        Reading("benefit", "no, we run it ourselves", "no", note: "we run it ourselves"),
        Reading("benefit", "not really (we work alone)", "no", note: "we work alone"),
        Reading("benefit", "maybe: depends on funding", "maybe", note: "depends on funding"),
        Reading(
            "shared_goals", "yes, the school district and the clinic", "yes",
            note: "the school district and the clinic"),
        Reading("shared_goals", "some, the school district", "some", note: "the school district"),
        Reading("desired_level", "Involving - they help run sessions", "involving", note: "they help run sessions"),
    ])
    func choiceFollowedByTextKeepsTheNote(_ reading: Reading) throws {
        try Self.check(reading)
    }

    // MARK: - The words-level suggestion

    @Test(arguments: [
        Reading("words_level", "yes", "involving", suggested: "involving"),
        Reading("words_level", "Yep, that's right", "involving", note: "that's right", suggested: "involving"),
        Reading("words_level", "👍", "involving", suggested: "involving"),
        Reading("words_level", "3", "consulting", suggested: "involving"),
        Reading("words_level", "aligning", "aligning", suggested: "involving"),
        Reading("words_level", "no", nil, suggested: "involving"),
        Reading("words_level", "yes", nil),
    ])
    func yesKeepsTheSuggestedLevel(_ reading: Reading) throws {
        try Self.check(reading)
    }

    // MARK: - Not understood

    @Test(arguments: [
        Reading("benefit", "banana", nil),
        Reading("benefit", "asdf", nil),
        Reading("benefit", "yes and no", nil),
        Reading("benefit", "", nil),
        Reading("benefit", "   ", nil),
        Reading("benefit", "?!", nil),
        Reading("shared_goals", "yes and no", nil),
        Reading("shared_goals", "banana", nil),
        Reading("current_communication", "banana", nil),
        Reading("current_communication", "asdf", nil),
        Reading("current_communication", "feedback", nil),
        Reading("current_communication", "yes", nil),
        Reading("desired_level", "banana", nil),
        Reading("desired_level", "no", nil),
    ])
    func ambiguousOrNonsenseReplyIsNotUnderstood(_ reading: Reading) throws {
        try Self.check(reading)
    }

    // MARK: - Buttons

    @Test(arguments: [
        "benefit", "shared_goals", "current_communication", "current_resources", "current_decisions",
        "desired_level", "words_level",
    ])
    func buttonValuePicksThatOption(_ stepID: StepID) throws {
        let step = try #require(Self.script.step(stepID))
        #expect(step.options.count >= 2)
        for option in step.options {
            let reading = try Self.read(option.id, at: stepID)
            #expect(reading?.optionID == option.id, "\(stepID): button \(option.id)")
            // why: a value that is also an ordinary word of another option ("implementation" is in
            // Aligning's "planning and implementation") may have been typed, and is read as typed.
            if !step.vocabulary.ambiguousIDs.contains(option.id) {
                #expect(reading == ChoiceReading(optionID: option.id, note: nil), "\(stepID): button \(option.id)")
            }
        }
    }

    @Test func aButtonValueThatIsAlsoAnotherOptionsWordIsCheckedFirst() throws {
        #expect(
            try Self.read("implementation", at: "current_decisions")
                == ChoiceReading(optionID: "implementation", note: nil, confidence: .medium))
    }
}

// MARK: - Commands

extension InterpretationTests {
    @Suite struct Commands {
        static let reader = CommandReader(language: DefaultPrompts.script.language)

        struct Typed: Sendable, CustomTestStringConvertible {
            let text: String
            let command: Command
            init(_ text: String, _ command: Command) {
                self.text = text
                self.command = command
            }
            var testDescription: String { "\"\(text)\" → \(command)" }
        }

        @Test(arguments: [
            Typed("help", .help), Typed("HELP", .help), Typed("/help", .help), Typed("Help!", .help),
            Typed("  help  ", .help), Typed("?", .help), Typed("Menu", .help),
            Typed("back", .back), Typed("Back", .back), Typed("/BACK", .back), Typed("Go back", .back),
            Typed("skip", .skip), Typed("SKIP", .skip), Typed("/skip", .skip), Typed("Prefer not to say", .skip),
            Typed("why", .why), Typed("why?", .why), Typed("Why?", .why), Typed("/why", .why),
            Typed("WHY DO YOU ASK", .why),
            Typed("status", .status), Typed("Status?", .status), Typed("/STATUS", .status),
            Typed("Where am I?", .status),
            Typed("pause", .pause), Typed("Pause", .pause), Typed("/pause", .pause), Typed("take a break", .pause),
            Typed("restart", .restart), Typed("RESTART", .restart), Typed("/restart", .restart),
            Typed("Start over", .restart),
            Typed("delete my data", .delete), Typed("DELETE MY DATA", .delete), Typed("/delete my data", .delete),
            Typed("Delete my data.", .delete), Typed("forget me", .delete),
        ])
        func commandIsRecognized(_ typed: Typed) {
            #expect(Self.reader.command(in: typed.text) == typed.command)
        }

        @Test(arguments: Command.allCases)
        func everyCommandWordWorksInAnyCaseAndWithASlash(_ command: Command) {
            let words = DefaultPrompts.script.language.commandWords[command] ?? []
            #expect(!words.isEmpty, "\(command) has no words in language.yaml")
            for word in words {
                for typed in [word, word.uppercased(), word.capitalized, "/\(word)", "/\(word.uppercased())"] {
                    #expect(Self.reader.command(in: typed) == command, "\"\(typed)\"")
                }
            }
        }

        @Test(arguments: [
            "yes", "no", "Parent Cafe", "Riverside Family Services", "2", "consulting", "", "/", "why not",
            "help us implement", "Back to school night", "skip the newsletter", "we will start over next year",
            "status quo", "I need help with funding", "please delete the old plan",
        ])
        func ordinaryAnswerIsNotACommand(_ text: String) {
            #expect(Self.reader.command(in: text) == nil)
        }
    }
}

// MARK: - Normalizing text

extension InterpretationTests {
    @Suite struct Normalizing {
        @Test(arguments: [
            ("Sí", "si"),
            ("  Café   Crème ", "cafe creme"),
            ("ÉCOLE", "ecole"),
            ("Don’t know", "don't know"),
            ("‘maybe’", "maybe"),
            ("Yes!", "yes"),
            ("not\tsure\n", "not sure"),
            ("line one\n\nline two", "line one line two"),
            ("ｙｅｓ", "yes"),
            ("why?", "why?"),
        ])
        func normalizeFoldsCaseAccentsQuotesAndSpaces(_ text: String, _ expected: String) {
            #expect(TextNormalizer.normalize(text) == expected)
        }

        @Test func wordsDropPunctuationButKeepApostrophes() {
            #expect(TextNormalizer.words("don't know, really - #2!") == ["don't", "know", "really", "2"])
            #expect(TextNormalizer.words("co-funding") == ["co-funding"])
            #expect(TextNormalizer.words("") == [])
        }
    }
}
