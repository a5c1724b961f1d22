/// What a Discord reply needs: the interaction's application and token (for follow-ups), and for a
/// button press the question pressed and the label chosen.
public struct DiscordDetails: EventDetails {
    public var applicationID: String
    public var token: String
    public var press: Press?

    /// The pressed question's text, as Discord sent it back, and the label of the button.
    public struct Press: Equatable, Sendable {
        public var question: String
        public var chosen: String

        public init(question: String, chosen: String) {
            self.question = question
            self.chosen = chosen
        }
    }

    public init(applicationID: String, token: String, press: Press? = nil) {
        self.applicationID = applicationID
        self.token = token
        self.press = press
    }
}
