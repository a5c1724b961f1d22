import Foundation

/// How facilitators see times and give days: one time zone for the web pages, the exports and
/// the command line (the `time_zone` setting, UTC unless set), named on every time shown.
public struct DisplayTime: Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        self.timeZone = timeZone
    }

    /// The zone for an IANA name such as "America/Chicago" or "UTC"; `nil` for a name the system
    /// does not know.
    public init?(zoneNamed name: String) {
        guard let zone = TimeZone(identifier: name) else { return nil }
        self.init(timeZone: zone)
    }

    /// "2026-11-29 06:17 CST": to the minute, with the zone's abbreviation at that moment.
    public func stamp(_ date: Date) -> String {
        "\(format(date, "yyyy-MM-dd HH:mm")) \(zoneName(at: date))"
    }

    /// "2026-11-29": the day in this zone.
    public func day(_ date: Date) -> String { format(date, "yyyy-MM-dd") }

    /// "2026-11-29T06:17:00-06:00": exact, with the offset, for exports a program reads.
    public func iso(_ date: Date) -> String { format(date, "yyyy-MM-dd'T'HH:mm:ssxxxxx") }

    /// The zone as shown after a time: "UTC", the abbreviation people know ("CST"), or the offset
    /// where there is none in common use ("GMT+1").
    public func zoneName(at date: Date) -> String {
        if timeZone.secondsFromGMT(for: date) == 0, ["UTC", "GMT", "Etc/UTC", "Etc/GMT"].contains(timeZone.identifier) {
            return "UTC"
        }
        return format(date, "zzz")
    }

    /// The moments a "from" and "to" day cover: from the start of `from` to the end of `to`,
    /// either bound left open when not given. Days are written YYYY-MM-DD, in years 1 to 9999; a
    /// day that does not exist is refused.
    public func range(from: String?, to: String?) throws(DayRangeError) -> DayRange {
        var start: Date?
        var end: Date?
        if let from { start = try startOf(from, field: .from) }
        if let to {
            let next = calendar.date(byAdding: .day, value: 1, to: try startOf(to, field: .to))
            // why: the day after 9999-12-31 is in a year no stored date reaches; no end it is.
            end = next.flatMap { calendar.component(.year, from: $0) > 9999 ? nil : $0 }
        }
        if let start, let end, start >= end { throw .fromAfterTo }
        return DayRange(start: start, end: end)
    }

    private func startOf(_ text: String, field: DayRangeError.Field) throws(DayRangeError) -> Date {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { Int($0) }
        guard parts.count == 3, numbers.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else {
            throw .notADay(field, text)
        }
        guard (1...9999).contains(numbers[0]) else { throw .notADay(field, text) }
        let components = DateComponents(year: numbers[0], month: numbers[1], day: numbers[2])
        guard let date = calendar.date(from: components),
            calendar.dateComponents([.year, .month, .day], from: date) == components
        else { throw .notADay(field, text) }
        return date
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    private func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = calendar
        formatter.timeZone = timeZone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}

/// The moments some days cover: from `start` (inclusive) to `end` (exclusive), each optional.
public struct DayRange: Equatable, Sendable {
    public let start: Date?
    public let end: Date?

    public init(start: Date?, end: Date?) {
        self.start = start
        self.end = end
    }

    public func contains(_ date: Date) -> Bool {
        (start.map { $0 <= date } ?? true) && (end.map { date < $0 } ?? true)
    }
}

/// A day range a facilitator gave that cannot be used, in words they can act on.
public enum DayRangeError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Field: String, Sendable {
        case from = "From"
        case to = "To"
    }

    case notADay(Field, String)
    case fromAfterTo

    public var description: String { message(from: "From", to: "To") }

    /// The message, with the two fields called as the person knows them ("--from", "From").
    public func message(from fromName: String, to toName: String) -> String {
        switch self {
        case .notADay(let field, let text):
            "\(field == .from ? fromName : toName) \"\(text.prefix(40))\" is not a day: write it as YYYY-MM-DD, such as 2026-03-31."
        case .fromAfterTo: "\(fromName) is after \(toName)."
        }
    }
}
