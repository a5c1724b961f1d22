import Foundation
import Testing

@testable import FlowLinksCore

/// The token a button carries: the session, the option and the question, read back exactly.
@Suite("Press tokens")
struct ChoicePressTokenTests {
    @Test(
        arguments: [
            ChoicePress(sessionID: 42, question: .step("benefit"), option: 3),
            ChoicePress(sessionID: 1, question: .step("current_communication"), option: 5),
            ChoicePress(sessionID: .max, question: .step(String(repeating: "z", count: 32)), option: 9999),
            ChoicePress(sessionID: 9, question: .confirmation(.restart), option: 1),
            ChoicePress(sessionID: 9, question: .confirmation(.delete), option: 2),
            ChoicePress(sessionID: 42, question: .step("desired_level"), option: 0),
        ])
    func aTokenReadsBackAsThePressItWasMadeFrom(_ press: ChoicePress) {
        #expect(ChoicePress(token: press.token) == press)
        #expect(ButtonPress(value: press.token) == .choice(press))
    }

    @Test func theTokenIsShortAndReadable() {
        #expect(ChoicePress(sessionID: 42, question: .step("benefit"), option: 3).token == "fl:42:3:benefit")
        #expect(ChoicePress(sessionID: 42, question: .confirmation(.delete), option: 1).token == "fl:42:1:!delete")
    }

    @Test func theLongestTokenAValidScriptMakesFitsTheTightestLimit() {
        let longestStep = String(repeating: "s", count: Question.maximumStepIDLength)
        let longest = ChoicePress(sessionID: .max, question: .step(longestStep), option: 9999).token
        #expect(longest.utf8.count <= ChoicePress.maximumTokenLength)
        #expect(ChoicePress.maximumTokenLength <= 64, "Telegram's callback_data holds 64 bytes")
    }

    @Test(
        arguments: [
            "", "yes", "no", "considered", "fl:", "fl:42:3", "fl:42:3:", "fl:0:1:benefit", "fl:-4:1:benefit",
            "fl:42:0:!restart", "fl:42:x:benefit", "fl:x:1:benefit", "fl:99999999999999999999:1:benefit",
            "fl:42:12345:benefit", "fl:42:1:!explode", "fl:42:1:bene fit", "fl:42:1:benefit:extra", "FL:42:1:benefit",
            "fl:+42:1:benefit", "fl:42:1:é",
        ])
    func anythingElseIsNotAToken(_ value: String) {
        #expect(ChoicePress(token: value) == nil)
        #expect(ButtonPress(value: value) == .unrecognized(value))
    }

    @Test(
        arguments: [
            ("benefit", true), ("shared_goals", true), ("step-2", true), ("", false), ("our purpose", false),
            ("a:b", false), ("!restart", false), ("étape", false), (String(repeating: "a", count: 32), true),
            (String(repeating: "a", count: 33), false),
        ])
    func stepIDsUseAClosedAlphabet(_ id: String, valid: Bool) {
        #expect(Question.isValidStepID(id) == valid)
    }
}
