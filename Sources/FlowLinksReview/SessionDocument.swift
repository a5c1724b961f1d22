import Foundation

/// The shape of `SessionJSON`; property names become snake_case keys.
struct SessionDocument: Encodable {
    struct Session: Encodable {
        var id: Int64
        var channel: String
        /// The code of the language the conversation was held in ("en", "es").
        var language: String
        var conversation: String
        @Nullable var participant: String?
        var status: String
        @Nullable var currentStep: String?
        var contentVersion: String
        var createdAt: Date
        var updatedAt: Date
        @Nullable var organization: String?
        @Nullable var initiative: String?
    }

    struct Answer: Encodable {
        @Nullable var optionId: String?
        @Nullable var optionLabel: String?
        @Nullable var text: String?
        var skipped: Bool
        var words: String
        var answeredAt: Date
        @Nullable var replacedAt: Date?
    }

    struct AnsweredStep: Encodable {
        var stepId: String
        var question: String
        @Nullable var current: Answer?
        var history: [Answer]
    }

    struct Level: Encodable {
        var level: Int
        var name: String
    }

    struct Span: Encodable {
        var lowest: Level
        var highest: Level
        var name: String
    }

    struct Dimension: Encodable {
        var dimension: String
        var name: String
        var current: Span
        @Nullable var next: Level?
        var actions: [String]
        var sourceStep: String
    }

    struct Part: Encodable {
        var text: String
        var cites: [String]
    }

    struct Result: Encodable {
        var createdAt: Date
        var contentVersion: String
        var overallCurrent: Level
        var fitCeiling: Level
        var desired: Level
        var recommended: Level
        var fit: String
        @Nullable var wordsLevel: Level?
        var wordsCheck: String
        var dimensions: [Dimension]
        var parts: [Part]
    }

    struct Choice: Encodable {
        var number: Int
        var value: String
        var label: String
    }

    struct Message: Encodable {
        var at: Date
        var direction: String
        var from: String
        var text: String
        var choices: [Choice]
    }

    struct Note: Encodable {
        var author: String
        var text: String
        var createdAt: Date
        var updatedAt: Date
    }

    var format: String
    var session: Session
    var answers: [AnsweredStep]
    @Nullable var result: Result?
    var notes: [Note]
    var transcript: [Message]
}

/// An optional that encodes `nil` as JSON `null` instead of leaving its key out, so the shape is stable.
@propertyWrapper
struct Nullable<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
