/// A table `db copy` moves from SQLite to PostgreSQL, and the columns that order its rows for the
/// content hash.
struct CopiedTable: Sendable {
    let name: String
    /// The primary key's columns, in order.
    let key: [String]
    /// Whether its `id` is an identity column whose sequence must continue after the copied ids.
    let hasIdentity: Bool

    /// Every table with FlowLinks data, parents before children (the foreign keys' order).
    static let all: [CopiedTable] = [
        CopiedTable(name: "facilitators", key: ["id"], hasIdentity: true),
        CopiedTable(name: "workshops", key: ["id"], hasIdentity: true),
        CopiedTable(name: "sessions", key: ["id"], hasIdentity: true),
        CopiedTable(name: "answers", key: ["id"], hasIdentity: true),
        CopiedTable(name: "transcript", key: ["id"], hasIdentity: true),
        CopiedTable(name: "results", key: ["session_id"], hasIdentity: false),
        CopiedTable(name: "facilitator_notes", key: ["id"], hasIdentity: true),
        CopiedTable(name: "facilitator_signins", key: ["token_hash"], hasIdentity: false),
        CopiedTable(name: "processed_events", key: ["channel", "conversation", "event_id"], hasIdentity: false),
        CopiedTable(name: "outbox", key: ["id"], hasIdentity: true),
    ]
}

/// A column's value on its way from SQLite to PostgreSQL, in the PostgreSQL column's type.
enum CopiedValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case boolean(Bool)
    /// Milliseconds since 1970: the precision both databases keep.
    case time(Int64)
    case text(String)
    case bytes([UInt8])

    /// The value's bytes in the content hash: a tag, then the value, with lengths where needed, so
    /// no two different rows give the same bytes.
    var hashBytes: [UInt8] {
        switch self {
        case .null: return [0]
        case .integer(let value): return [1] + Array(String(value).utf8) + [0]
        case .boolean(let value): return [2, value ? 1 : 0]
        case .time(let value): return [3] + Array(String(value).utf8) + [0]
        case .text(let value):
            let bytes = Array(value.utf8)
            return [4] + Array(String(bytes.count).utf8) + [0] + bytes
        case .bytes(let value): return [5] + Array(String(value.count).utf8) + [0] + value
        }
    }
}

/// The kinds of PostgreSQL column the FlowLinks schema uses.
enum CopiedType: Sendable {
    case integer, boolean, time, text, bytes

    /// The kind of a column from `information_schema.columns.data_type`; `nil` for one FlowLinks does not use.
    init?(postgres dataType: String) {
        switch dataType {
        case "bigint", "integer", "smallint": self = .integer
        case "boolean": self = .boolean
        case "timestamp with time zone": self = .time
        case "text": self = .text
        case "bytea": self = .bytes
        default: return nil
        }
    }
}
