import FlowLinksCore
import FlowLinksStore
import Foundation

/// One session as JSON, in a stable shape with snake_case keys, sorted; times are ISO 8601 in UTC
/// and absent values are `null`:
///
/// ```
/// { "format": "flowlinks.session/1",
///   "session": { "id", "channel", "language", "conversation", "participant", "status", "current_step",
///                "content_version", "created_at", "updated_at", "organization", "initiative" },
///   "answers": [ { "step_id", "question", "current": Answer|null, "history": [Answer] } ],
///   "result": null | { "created_at", "content_version", "overall_current": Level, "fit_ceiling": Level,
///              "desired": Level, "recommended": Level, "fit", "words_level": Level|null, "words_check",
///              "dimensions": [ { "dimension", "name", "current": { "lowest": Level, "highest": Level, "name" },
///                                "next": Level|null, "actions": [String], "source_step" } ],
///              "parts": [ { "text", "cites": [step_id] } ] },
///   "notes": [ { "author", "text", "created_at", "updated_at" } ],
///   "transcript": [ { "at", "direction": "in"|"out", "from", "text",
///                     "choices": [ { "number", "value", "label" } ] } ] }
/// Answer: { "option_id", "option_label", "text", "skipped", "words", "answered_at", "replaced_at" }
/// Level:  { "level": 1…5, "name" }
/// ```
/// `history` holds the answers that were later changed, oldest first.
public struct SessionJSON: Sendable {
    public static let format = "flowlinks.session/1"

    public let session: ReviewedSession

    public init(report: SessionReport, script: Script) {
        session = ReviewedSession(report: report, script: script)
    }

    /// The document as UTF-8 JSON, pretty-printed with sorted keys.
    public func render() throws -> Data {
        try Self.encoder.encode(document)
    }

    /// The exports' JSON: snake_case keys, sorted, pretty-printed, ISO 8601 times.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    var document: SessionDocument {
        let record = session.report.session
        return SessionDocument(
            format: Self.format,
            session: .init(
                id: session.id, channel: record.channel, language: session.languageCode, conversation: record.conversation,
                participant: record.participant,
                status: record.status.rawValue, currentStep: record.currentStep, contentVersion: record.contentVersion,
                createdAt: record.createdAt, updatedAt: record.updatedAt, organization: session.organization,
                initiative: session.initiative),
            answers: session.answeredSteps.map { step in
                .init(
                    stepId: step.stepID, question: step.question, current: step.current.map(answer),
                    history: step.earlier.map(answer))
            },
            result: session.report.result.map(result),
            notes: session.report.notes.map { note in
                .init(author: note.author, text: note.text, createdAt: note.createdAt, updatedAt: note.updatedAt)
            },
            transcript: session.report.transcript.map { line in
                .init(
                    at: line.createdAt, direction: line.direction.rawValue,
                    from: line.direction == .outbound ? "FlowLinks" : (line.participant ?? "Participant"), text: line.text,
                    choices: (line.choices ?? []).map { .init(number: $0.number, value: $0.value, label: $0.label) })
            })
    }

    private func answer(_ record: AnswerRecord) -> SessionDocument.Answer {
        .init(
            optionId: record.optionId,
            optionLabel: record.optionId.flatMap { session.script.step(record.stepId)?.option($0)?.label },
            text: record.text, skipped: record.skipped, words: session.words(of: record), answeredAt: record.answeredAt,
            replacedAt: record.replacedAt)
    }

    private func result(_ record: ResultRecord) -> SessionDocument.Result {
        // why: a session held in another language is read in the facilitators' language.
        let readable = session.result ?? record.result
        let recommendation = readable.recommendation
        let chart = session.script.chart
        return .init(
            createdAt: record.createdAt, contentVersion: record.contentVersion,
            overallCurrent: level(recommendation.overallCurrent), fitCeiling: level(recommendation.fitCeiling),
            desired: level(recommendation.desired), recommended: level(recommendation.recommended),
            fit: recommendation.fit.rawValue, wordsLevel: recommendation.wordsLevel.map(level),
            wordsCheck: recommendation.wordsCheck.rawValue,
            dimensions: recommendation.dimensions.map { advice in
                .init(
                    dimension: advice.dimension.rawValue, name: chart.row(advice.dimension)?.name ?? advice.dimension.rawValue,
                    current: .init(
                        lowest: level(advice.current.lowest), highest: level(advice.current.highest),
                        name: chart.name(of: advice.current)),
                    next: advice.next.map(level), actions: advice.actions, sourceStep: advice.source)
            },
            parts: readable.parts.map { .init(text: $0.text, cites: $0.cites) })
    }

    private func level(_ level: EngagementLevel) -> SessionDocument.Level {
        .init(level: level.rawValue, name: session.name(of: level))
    }
}
