import GRDB

extension SQLiteDatabase {
    /// The schema's history. A shipped migration never changes: add a new one instead.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        #if DEBUG
            migrator.eraseDatabaseOnSchemaChange = false
        #endif

        migrator.registerMigration("v1: sessions, answers, transcript, results") { db in
            try db.create(table: "sessions") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("channel", .text).notNull()
                t.column("conversation", .text).notNull()
                t.column("participant", .text)
                t.column("status", .text).notNull()
                t.column("current_step", .text)
                t.column("misses", .integer).notNull().defaults(to: 0)
                t.column("pending_confirmation", .text)
                t.column("content_version", .text).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("updated_at", .datetime).notNull()
                // why: every change bumps it, so a turn planned on an older snapshot could tell it was
                // stale (turns no longer plan outside the writer; the column stays, PostgreSQL's too).
                t.column("revision", .integer).notNull().defaults(to: 0)
            }
            try db.create(index: "sessions_by_conversation", on: "sessions", columns: ["channel", "conversation"])

            try db.create(table: "answers") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("session_id", .integer).notNull().indexed().references("sessions", onDelete: .cascade)
                t.column("step_id", .text).notNull()
                t.column("option_id", .text)
                t.column("text", .text)
                t.column("skipped", .boolean).notNull().defaults(to: false)
                t.column("answered_at", .datetime).notNull()
                t.column("replaced_at", .datetime)
            }
            try db.execute(
                sql: """
                    CREATE UNIQUE INDEX answers_current ON answers(session_id, step_id) WHERE replaced_at IS NULL
                    """)

            try db.create(table: "transcript") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("session_id", .integer).notNull().indexed().references("sessions", onDelete: .cascade)
                t.column("direction", .text).notNull().check { ["in", "out"].contains($0) }
                t.column("text", .text).notNull()
                t.column("choices", .jsonText)
                t.column("participant", .text)
                t.column("platform_message_id", .text)
                t.column("created_at", .datetime).notNull()
            }

            try db.create(table: "results") { t in
                t.primaryKey("session_id", .integer).references("sessions", onDelete: .cascade)
                t.column("recommended_level", .integer).notNull()
                t.column("overall_level", .integer).notNull()
                t.column("result", .jsonText).notNull()
                t.column("content_version", .text).notNull()
                t.column("created_at", .datetime).notNull()
            }
        }
        migrator.registerMigration("v2: processed events and the outbox") { db in
            try db.create(table: "processed_events") { t in
                t.column("channel", .text).notNull()
                t.column("event_id", .text).notNull()
                t.column("session_id", .integer).indexed().references("sessions", onDelete: .cascade)
                t.column("status", .text)
                t.column("replies", .jsonText).notNull()
                t.column("created_at", .datetime).notNull()
                t.primaryKey(["channel", "event_id"])
            }

            try db.create(table: "outbox") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("session_id", .integer).indexed().references("sessions", onDelete: .cascade)
                t.column("channel", .text).notNull()
                t.column("conversation", .text).notNull()
                t.column("method", .text).notNull()
                t.column("body", .blob).notNull()
                t.column("status", .text).notNull().check { ["pending", "sent", "failed"].contains($0) }
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("next_attempt_at", .datetime).notNull()
                t.column("last_error", .text)
                t.column("created_at", .datetime).notNull()
                t.column("sent_at", .datetime)
            }
            try db.create(index: "outbox_due", on: "outbox", columns: ["status", "next_attempt_at"])
        }
        migrator.registerMigration("v3: facilitator accounts and notes") { db in
            try db.create(table: "facilitators") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("username", .text).notNull().unique().collate(.nocase)
                t.column("password_hash", .text).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("password_changed_at", .datetime).notNull()
            }
            try db.create(table: "facilitator_notes") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("session_id", .integer).notNull().indexed().references("sessions", onDelete: .cascade)
                // why: the author's name, kept as written even if the account is later removed.
                t.column("author", .text).notNull()
                t.column("text", .text).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("updated_at", .datetime).notNull()
            }
        }
        migrator.registerMigration("v4: dedupe records scoped to their conversation") { db in
            // why: ids such as the generic channel's message_id are only unique within one
            // conversation; two integrators numbering their messages 1, 2, 3 must not collide.
            try db.create(table: "processed_events_v4") { t in
                t.column("channel", .text).notNull()
                t.column("conversation", .text).notNull()
                t.column("event_id", .text).notNull()
                t.column("session_id", .integer).indexed().references("sessions", onDelete: .cascade)
                t.column("status", .text)
                t.column("replies", .jsonText).notNull()
                t.column("created_at", .datetime).notNull()
                t.primaryKey(["channel", "conversation", "event_id"])
            }
            // why: an earlier record keeps deduplicating its event: its conversation is its
            // session's. A record without a session (its event erased the conversation) has none
            // to take; it is kept under an empty conversation, where it no longer matches.
            try db.execute(
                sql: """
                    INSERT INTO processed_events_v4 (channel, conversation, event_id, session_id, status, replies, created_at)
                    SELECT e.channel, COALESCE(s.conversation, ''), e.event_id, e.session_id, e.status, e.replies, e.created_at
                    FROM processed_events e LEFT JOIN sessions s ON s.id = e.session_id
                    """)
            try db.drop(table: "processed_events")
            try db.rename(table: "processed_events_v4", to: "processed_events")
        }
        migrator.registerMigration("v5: facilitator sign-ins") { db in
            try db.create(table: "facilitator_signins") { t in
                // why: the SHA-256 of the sign-in cookie's token, in hex. The token itself is never
                // stored, so a copy of the database signs nobody in.
                t.primaryKey("token_hash", .text)
                // why: removing an account ends its sign-ins with it, in any process.
                t.column("facilitator_id", .integer).notNull().indexed().references("facilitators", onDelete: .cascade)
                t.column("csrf_token", .text).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("last_seen_at", .datetime).notNull()
                t.column("expires_at", .datetime).notNull()
            }
        }
        registerWorkshopMigrations(&migrator)
        migrator.registerMigration("v7: pending reading") { db in
            // why: a reply read with medium confidence is checked with the person ("Sounds like
            // 4. Involving — is that right?"); the reading waits here for the yes, across restarts.
            try db.alter(table: "sessions") { t in
                t.add(column: "pending_option_id", .text)
                t.add(column: "pending_note", .text)
            }
        }
        migrator.registerMigration("v8: session language") { db in
            // why: a conversation is held in one language (from the platform's locale, a greeting or
            // "español"), and a resumed one keeps it. NULL is the content's default language.
            try db.alter(table: "sessions") { t in
                t.add(column: "language", .text)
            }
        }
        return migrator
    }
}
