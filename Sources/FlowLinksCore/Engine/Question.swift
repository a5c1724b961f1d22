/// What a choice answers: a step of the script, or the yes/no that confirms a restart or an erasure.
public enum Question: Hashable, Sendable {
    case step(StepID)
    case confirmation(Confirmation)

    /// Whether it is a step of the script rather than a confirmation.
    var isStep: Bool {
        if case .step = self { return true }
        return false
    }

    /// The step id, or `!restart` / `!delete`: the form a button's value and the stored choices carry.
    public var text: String {
        switch self {
        case .step(let id): id
        case .confirmation(let pending): "!" + pending.rawValue
        }
    }

    /// Reads `text` back; `nil` for anything that names no question.
    public init?(text: String) {
        if text.hasPrefix("!") {
            guard let pending = Confirmation(rawValue: String(text.dropFirst())) else { return nil }
            self = .confirmation(pending)
        } else {
            guard Self.isValidStepID(text) else { return nil }
            self = .step(text)
        }
    }

    /// The longest step id, so that a button's value naming it fits the tightest platform limit.
    public static let maximumStepIDLength = 32

    /// A step id travels in every button's value: 1 to 32 ASCII letters, digits, `_` or `-`.
    // why: a closed alphabet keeps the value unambiguous (`!` marks a confirmation, `:` separates
    // the parts) and its length in bytes equal to its length in characters.
    public static func isValidStepID(_ id: String) -> Bool {
        (1...maximumStepIDLength).contains(id.utf8.count)
            && id.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: "-")
            }
    }
}

extension Question: Codable {
    // why: stored with every choice in the transcript and the dedupe record; one short string reads
    // better there than the nested object Codable would make of an enum with values.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let question = Question(text: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a question"))
        }
        self = question
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
