/// The first PostgreSQL schema: the SQLite schema after its migrations v1–v8, in PostgreSQL's
/// types, plus what several replicas need (an outbox lease, sign-in throttles). Frozen once shipped.
///
/// Types, and why:
/// - ids are `bigint GENERATED ALWAYS AS IDENTITY`, and every count is `bigint`: Swift's `Int` is
///   64 bits and postgres-nio binds it as `int8`, as SQLite's INTEGER holds it;
/// - dates are `timestamptz` (microseconds, an instant, whatever the session's time zone);
/// - JSON columns are `text`, not `jsonb`: the app writes the JSON and reads it back byte for byte
///   (`jsonb` reorders keys and rejects `\u0000` inside strings), never queries inside it, and a
///   copy from SQLite can then compare each table's content hash as it is;
/// - the outbox body is `bytea`, the bytes of the call as the platform gets them.
enum PostgresSchemaV1 {
    static let statements: [String] = sessions + conversation + delivery + facilitators

    /// Workshops first, since a session refers to its workshop.
    static let sessions = [
        """
        CREATE TABLE workshops (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            code text NOT NULL UNIQUE,
            name text NOT NULL,
            organizations text NOT NULL,
            initiatives text NOT NULL,
            follows_id bigint REFERENCES workshops (id) ON DELETE SET NULL,
            closes_at timestamptz,
            closed_at timestamptz,
            created_at timestamptz NOT NULL
        )
        """,
        """
        CREATE TABLE sessions (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            channel text NOT NULL,
            conversation text NOT NULL,
            participant text,
            status text NOT NULL,
            current_step text,
            misses bigint NOT NULL DEFAULT 0,
            pending_confirmation text,
            content_version text NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            revision bigint NOT NULL DEFAULT 0,
            workshop_id bigint REFERENCES workshops (id) ON DELETE SET NULL,
            pending_option_id text,
            pending_note text,
            language text
        )
        """,
        "CREATE INDEX sessions_by_conversation ON sessions (channel, conversation)",
        "CREATE INDEX sessions_by_workshop ON sessions (workshop_id)",
    ]

    /// What a turn writes: answers, transcript, result, and the dedupe record of its event.
    static let conversation = [
        """
        CREATE TABLE answers (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            session_id bigint NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            step_id text NOT NULL,
            option_id text,
            text text,
            skipped boolean NOT NULL DEFAULT false,
            answered_at timestamptz NOT NULL,
            replaced_at timestamptz
        )
        """,
        "CREATE INDEX answers_on_session_id ON answers (session_id)",
        "CREATE UNIQUE INDEX answers_current ON answers (session_id, step_id) WHERE replaced_at IS NULL",
        """
        CREATE TABLE transcript (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            session_id bigint NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            direction text NOT NULL CHECK (direction IN ('in', 'out')),
            text text NOT NULL,
            choices text,
            participant text,
            platform_message_id text,
            created_at timestamptz NOT NULL
        )
        """,
        "CREATE INDEX transcript_on_session_id ON transcript (session_id)",
        """
        CREATE TABLE results (
            session_id bigint PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
            recommended_level bigint NOT NULL,
            overall_level bigint NOT NULL,
            result text NOT NULL,
            content_version text NOT NULL,
            created_at timestamptz NOT NULL
        )
        """,
        // why: the primary key is the dedupe key a replica's `INSERT … ON CONFLICT DO NOTHING` relies on.
        """
        CREATE TABLE processed_events (
            channel text NOT NULL,
            conversation text NOT NULL,
            event_id text NOT NULL,
            session_id bigint REFERENCES sessions (id) ON DELETE CASCADE,
            status text,
            replies text NOT NULL,
            created_at timestamptz NOT NULL,
            PRIMARY KEY (channel, conversation, event_id)
        )
        """,
        "CREATE INDEX processed_events_on_session_id ON processed_events (session_id)",
    ]

    /// The outbox, with the lease that lets a replica claim a call and another take it over when it dies.
    static let delivery = [
        """
        CREATE TABLE outbox (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            session_id bigint REFERENCES sessions (id) ON DELETE CASCADE,
            channel text NOT NULL,
            conversation text NOT NULL,
            method text NOT NULL,
            body bytea NOT NULL,
            status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
            attempts bigint NOT NULL DEFAULT 0,
            next_attempt_at timestamptz NOT NULL,
            last_error text,
            created_at timestamptz NOT NULL,
            sent_at timestamptz,
            claimed_until timestamptz
        )
        """,
        "CREATE INDEX outbox_on_session_id ON outbox (session_id)",
        "CREATE INDEX outbox_due ON outbox (status, next_attempt_at)",
        // why: the oldest pending call of each conversation goes first; this finds it without a scan.
        "CREATE INDEX outbox_pending_by_conversation ON outbox (channel, conversation, id) WHERE status = 'pending'",
    ]

    /// Facilitator accounts, notes, sign-ins, and the throttles on failed sign-ins shared by all replicas.
    static let facilitators = [
        """
        CREATE TABLE facilitators (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            username text NOT NULL,
            password_hash text NOT NULL,
            created_at timestamptz NOT NULL,
            password_changed_at timestamptz NOT NULL
        )
        """,
        // why: SQLite's `UNIQUE COLLATE NOCASE`; look names up by `lower(username) = lower($1)` to use it.
        "CREATE UNIQUE INDEX facilitators_username ON facilitators (lower(username))",
        """
        CREATE TABLE facilitator_notes (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            session_id bigint NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            author text NOT NULL,
            text text NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL
        )
        """,
        "CREATE INDEX facilitator_notes_on_session_id ON facilitator_notes (session_id)",
        """
        CREATE TABLE facilitator_signins (
            token_hash text PRIMARY KEY,
            facilitator_id bigint NOT NULL REFERENCES facilitators (id) ON DELETE CASCADE,
            csrf_token text NOT NULL,
            created_at timestamptz NOT NULL,
            last_seen_at timestamptz NOT NULL,
            expires_at timestamptz NOT NULL
        )
        """,
        "CREATE INDEX facilitator_signins_on_facilitator_id ON facilitator_signins (facilitator_id)",
        // why: a token bucket per limiter and key (a client address, a lower-cased account name), so
        // failed sign-ins count the same on every replica; SQLite keeps these in the process.
        """
        CREATE TABLE throttles (
            limiter text NOT NULL,
            key text NOT NULL,
            tokens double precision NOT NULL,
            updated_at timestamptz NOT NULL,
            warned boolean NOT NULL DEFAULT false,
            PRIMARY KEY (limiter, key)
        )
        """,
    ]
}
