import FlowLinksCore

/// How a question's choices appear on a platform with buttons: the full labels on the buttons when
/// they are short enough to read there, otherwise numbered in the text with short labels on the
/// buttons, so a long option is never cut off where the person has to decide.
struct ChoiceLayout: Sendable {
    let plainText: PlainText
    /// The platform's hard limit on a button's label, in characters.
    let buttonLabelLimit: Int
    /// Labels longer than this read badly on a button.
    var readableLabelLength = 30

    func labelsFitButtons(_ choices: [Choice]) -> Bool {
        choices.allSatisfy { $0.label.count <= min(readableLabelLength, buttonLabelLimit) }
    }

    /// The message's text, with the choices listed when the buttons cannot carry them.
    func text(of message: OutboundMessage) -> String {
        labelsFitButtons(message.choices) ? message.text : plainText.render(message)
    }

    /// What one button shows.
    func buttonLabel(for choice: Choice, among choices: [Choice]) -> String {
        let numbered = choice.number > 0 ? "\(choice.number). \(choice.shortLabel)" : choice.shortLabel
        let label = labelsFitButtons(choices) ? choice.label : numbered
        return Self.clip(label, to: buttonLabelLimit)
    }

    /// The text cut to `limit` characters, with an ellipsis when something was cut.
    static func clip(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
