/// What an ordinary-words reply means, whatever the wording ("yep", "not really", "sí").
public enum AnswerMeaning: String, CaseIterable, Codable, Sendable {
    case yes
    case no
    case unsure
}
