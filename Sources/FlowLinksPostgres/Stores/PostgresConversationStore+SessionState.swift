import FlowLinksCore
import FlowLinksStore
import Foundation
import PostgresNIO

/// Moving a session's engine state in and out of its rows.
extension PostgresTurn {
    /// The engine state the session's rows hold.
    func state(of session: SessionRecord) async throws -> SessionState {
        let id = try session.savedID()
        guard let status = session.status.engineStatus else {
            throw ConversationRowError.unknownValue(column: "sessions.status (session \(id))", session.status.rawValue)
        }
        let rows = try await connection.query(
            """
            SELECT step_id, option_id, text, skipped, answered_at FROM answers
            WHERE session_id = \(id) AND replaced_at IS NULL
            """, logger: logger)
        var answers: [StepID: Answer] = [:]
        for try await (step, option, text, skipped, answeredAt) in rows.decode((String, String?, String?, Bool, Date).self) {
            answers[step] = Answer(optionID: option, text: text, skipped: skipped, answeredAt: answeredAt)
        }
        var result: SessionResult?
        let results = try await connection.query("SELECT result FROM results WHERE session_id = \(id)", logger: logger)
        for try await json in results.decode(String.self) {
            result = try JSONText.decode(SessionResult.self, from: json, column: "result")
        }
        var workshop: WorkshopLink?
        if let workshopID = session.workshopId { workshop = try await self.workshop(id: workshopID)?.link }
        return SessionState(
            status: status,
            currentStep: session.currentStep,
            answers: answers,
            misses: session.misses,
            pendingConfirmation: session.pendingConfirmation.flatMap(Confirmation.init(rawValue:)),
            pendingReading: session.pendingOptionId.map { PendingReading(optionID: $0, note: session.pendingNote) },
            lastActivity: session.updatedAt,
            contentVersion: session.contentVersion,
            result: result,
            workshop: workshop,
            language: session.language)
    }

    /// Writes the new state over the session's rows, given the state they hold (`nil` for a new
    /// session): changed answers keep their history.
    func save(
        _ state: SessionState, replacing previous: SessionState?, replies: [OutboundMessage], to session: SessionRecord
    ) async throws -> TurnOutcome {
        let id = try session.savedID()
        let status = SessionStatus(state.status)
        let language = try state.language.map { try StoredText.key($0, "language") }
        try await execute(
            """
            UPDATE sessions SET status = \(status.rawValue), current_step = \(state.currentStep), misses = \(state.misses),
                pending_confirmation = \(state.pendingConfirmation?.rawValue),
                pending_option_id = \(state.pendingReading?.optionID),
                pending_note = \(StoredText.free(state.pendingReading?.note)), updated_at = \(now),
                language = \(language), workshop_id = \(state.workshop?.id), revision = revision + 1
            WHERE id = \(id)
            """)
        let previousAnswers = previous?.answers ?? [:]
        for stepID in Set(previousAnswers.keys).union(state.answers.keys).sorted()
        where previousAnswers[stepID] != state.answers[stepID] {
            try await execute(
                """
                UPDATE answers SET replaced_at = \(now)
                WHERE session_id = \(id) AND step_id = \(stepID) AND replaced_at IS NULL
                """)
            if let answer = state.answers[stepID] {
                try await execute(
                    """
                    INSERT INTO answers (session_id, step_id, option_id, text, skipped, answered_at)
                    VALUES (\(id), \(stepID), \(answer.optionID), \(StoredText.free(answer.text)), \(answer.skipped),
                        \(answer.answeredAt))
                    """)
            }
        }
        if previous?.result != state.result {
            try await execute("DELETE FROM results WHERE session_id = \(id)")
            if let result = state.result {
                try await execute(
                    """
                    INSERT INTO results (session_id, recommended_level, overall_level, result, content_version, created_at)
                    VALUES (\(id), \(result.recommendation.recommended.rawValue), \(result.recommendation.overallCurrent.rawValue),
                        \(String(decoding: result.json, as: UTF8.self)), \(state.contentVersion), \(now))
                    """)
            }
        }
        for reply in replies {
            try await write(
                TranscriptLine(
                    sessionId: id, direction: .outbound, text: reply.text,
                    choices: reply.choices.isEmpty ? nil : reply.choices, createdAt: now))
        }
        return TurnOutcome(sessionID: id, status: status, replies: replies)
    }
}
