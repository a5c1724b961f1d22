import Foundation

/// How long data is kept, written the way an operator types it: 36h, 90d, 12w, 6m, 1y.
public struct RetentionPeriod: Sendable, Equatable, CustomStringConvertible {
    public enum Unit: String, Sendable, CaseIterable {
        case hours = "h", days = "d", weeks = "w", months = "m", years = "y"

        var component: Calendar.Component {
            switch self {
            case .hours: .hour
            case .days: .day
            case .weeks: .weekOfYear
            case .months: .month
            case .years: .year
            }
        }
    }

    public var amount: Int
    public var unit: Unit

    /// Reads `90d`; nil for anything else, such as `90`, `0d`, `-1y` or `1.5w`.
    public init?(_ text: String) {
        guard let last = text.last, let unit = Unit(rawValue: String(last)),
            text.dropLast().allSatisfy(\.isASCII), let amount = Int(text.dropLast()), (1...100_000).contains(amount),
            text.first?.isNumber == true
        else { return nil }
        self.amount = amount
        self.unit = unit
    }

    public var description: String { "\(amount)\(unit.rawValue)" }

    /// The moment that lies this long before `now`: data last touched before it is past keeping.
    public func cutoff(before now: Date, calendar: Calendar = .current) -> Date {
        calendar.date(byAdding: unit.component, value: -amount, to: now) ?? .distantPast
    }
}
