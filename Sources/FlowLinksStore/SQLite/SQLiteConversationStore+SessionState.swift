import FlowLinksCore
import Foundation
import GRDB

/// Moving a session's engine state in and out of its rows.
extension SQLiteConversationStore {
    static func state(_ db: Database, _ session: SessionRecord) throws -> SessionState {
        let id = try session.id.orThrow()
        guard let status = session.status.engineStatus else {
            throw DatabaseError(message: "session \(id) was abandoned and takes no more turns")
        }
        // why: read on every turn; only the columns the state needs, by position, skip the records'
        // name lookups, and the result's JSON is decoded only when there is one.
        let cursor = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT step_id, option_id, text, skipped, answered_at FROM answers
                    WHERE session_id = ? AND replaced_at IS NULL
                    """),
            arguments: [id])
        var answers: [StepID: Answer] = [:]
        while let row = try cursor.next() {
            answers[row[0]] = Answer(optionID: row[1], text: row[2], skipped: row[3], answeredAt: row[4])
        }
        // why: only a finished session has a result (the engine drops it when a session goes back
        // to a question), so the other turns skip the read.
        let resultJSON =
            session.status == .completed
            ? try String.fetchOne(db.cachedStatement(sql: "SELECT result FROM results WHERE session_id = ?"), arguments: [id])
            : nil
        let result = try resultJSON.map {
            try ResultRecord.databaseJSONDecoder(for: "result").decode(SessionResult.self, from: Data($0.utf8))
        }
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
            workshop: try session.workshopId.flatMap { try SQLiteWorkshopStore.workshopLink(db, id: $0) },
            language: session.language)
    }

    /// Writes the new state over the session's rows, given the state they hold (`nil` for a new
    /// session): changed answers keep their history. The transcript gets the message `heard`, if
    /// any, then the replies.
    static func save(
        _ state: SessionState, replacing previous: SessionState?, heard: TranscriptLine? = nil, replies: [OutboundMessage],
        to session: SessionRecord, db: Database, now: Date
    ) throws -> TurnOutcome {
        let id = try session.id.orThrow()
        let previousAnswers = previous?.answers ?? [:]
        let previousResult = previous?.result
        var updated = session
        updated.status = SessionStatus(state.status)
        updated.currentStep = state.currentStep
        updated.misses = state.misses
        updated.pendingConfirmation = state.pendingConfirmation?.rawValue
        updated.pendingOptionId = state.pendingReading?.optionID
        updated.pendingNote = state.pendingReading?.note
        updated.updatedAt = now
        try db.cachedStatement(
            sql: """
                UPDATE sessions SET status = ?, current_step = ?, misses = ?, pending_confirmation = ?, pending_option_id = ?,
                    pending_note = ?, updated_at = ?, revision = revision + 1
                WHERE id = ?
                """
        ).execute(
            arguments: [
                updated.status.rawValue, updated.currentStep, updated.misses, updated.pendingConfirmation,
                updated.pendingOptionId, StoredText.free(updated.pendingNote), StoredDate.text(now), id,
            ])

        if state.language != previous?.language {
            let language = try state.language.map { try StoredText.key($0, "language") }
            try db.execute(sql: "UPDATE sessions SET language = ? WHERE id = ?", arguments: [language, id])
        }
        if state.workshop?.id != previous?.workshop?.id {
            try db.execute(sql: "UPDATE sessions SET workshop_id = ? WHERE id = ?", arguments: [state.workshop?.id, id])
        }
        for stepID in Set(previousAnswers.keys).union(state.answers.keys) where previousAnswers[stepID] != state.answers[stepID] {
            try db.cachedStatement(
                sql: "UPDATE answers SET replaced_at = ? WHERE session_id = ? AND step_id = ? AND replaced_at IS NULL"
            ).execute(arguments: [StoredDate.text(now), id, stepID])
            if let answer = state.answers[stepID] {
                let record = AnswerRecord(
                    sessionId: id, stepId: stepID, optionId: answer.optionID, text: answer.text, skipped: answer.skipped,
                    answeredAt: answer.answeredAt)
                try record.write(db)
            }
        }
        if previousResult != state.result {
            try db.cachedStatement(sql: "DELETE FROM results WHERE session_id = ?").execute(arguments: [id])
            if let result = state.result {
                try ResultRecord(
                    sessionId: id, recommendedLevel: result.recommendation.recommended.rawValue,
                    overallLevel: result.recommendation.overallCurrent.rawValue, result: result,
                    contentVersion: state.contentVersion, createdAt: now
                ).write(db)
            }
        }
        let said = replies.map { reply in
            TranscriptLine(
                sessionId: id, direction: .outbound, text: reply.text, choices: reply.choices.isEmpty ? nil : reply.choices,
                createdAt: now)
        }
        try TranscriptLine.write((heard.map { [$0] } ?? []) + said, db)
        return TurnOutcome(sessionID: id, status: updated.status, replies: replies)
    }
}
