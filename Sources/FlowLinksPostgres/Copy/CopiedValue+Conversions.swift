import Foundation
import GRDB
import NIOCore
import PostgresNIO

extension CopiedValue {
    /// A SQLite value as the PostgreSQL column's type takes it; `nil` when it cannot be.
    init?(sqlite value: DatabaseValue, as type: CopiedType) {
        if value.isNull {
            self = .null
            return
        }
        switch type {
        case .integer:
            guard let number = Int64.fromDatabaseValue(value) else { return nil }
            self = .integer(number)
        case .boolean:
            guard let flag = Bool.fromDatabaseValue(value) else { return nil }
            self = .boolean(flag)
        case .time:
            guard let date = Date.fromDatabaseValue(value) else { return nil }
            self = .time(Self.milliseconds(date))
        case .text:
            guard let text = String.fromDatabaseValue(value) else { return nil }
            self = .text(text)
        case .bytes:
            guard let data = Data.fromDatabaseValue(value) else { return nil }
            self = .bytes(Array(data))
        }
    }

    /// A PostgreSQL cell read back as its column's type.
    init(_ cell: PostgresCell, as type: CopiedType) throws {
        switch type {
        case .integer: self = try cell.decode(Int64?.self).map(CopiedValue.integer) ?? .null
        case .boolean: self = try cell.decode(Bool?.self).map(CopiedValue.boolean) ?? .null
        case .time: self = try cell.decode(Date?.self).map { .time(Self.milliseconds($0)) } ?? .null
        case .text: self = try cell.decode(String?.self).map(CopiedValue.text) ?? .null
        case .bytes: self = try cell.decode(ByteBuffer?.self).map { .bytes(Array($0.readableBytesView)) } ?? .null
        }
    }

    /// Adds the value to an INSERT's bindings.
    func bind(to bindings: inout PostgresBindings) {
        switch self {
        case .null: bindings.appendNull()
        case .integer(let value): bindings.append(value)
        case .boolean(let value): bindings.append(value)
        case .time(let value): bindings.append(Date(timeIntervalSince1970: Double(value) / 1000))
        case .text(let value): bindings.append(value)
        case .bytes(let value): bindings.append(ByteBuffer(bytes: value))
        }
    }

    /// A moment to the millisecond, the precision SQLite keeps.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}
