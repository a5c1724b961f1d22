/// A conversation row the PostgreSQL store reads or writes that is not as every version of FlowLinks leaves it.
public enum ConversationRowError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An insert that returns its row's key returned no row.
    case noRowReturned(String)
    /// A column holds a value no version of FlowLinks writes.
    case unknownValue(column: String, String)

    public var description: String {
        switch self {
        case .noRowReturned(let table): "Writing to \(table) returned no row."
        case .unknownValue(let column, let value): "\(column) holds the unknown value \"\(value)\"."
        }
    }
}
