import FlowLinksReview
import Foundation
import Testing

@Suite("Times as facilitators see them, and days as they give them")
struct DisplayTimeTests {
    let chicago = DisplayTime(zoneNamed: "America/Chicago")!
    /// 2027-01-15 08:00 UTC, which is 02:00 in Chicago.
    let moment = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func everyTimeNamesItsZone() {
        #expect(DisplayTime().stamp(moment) == "2027-01-15 08:00 UTC")
        #expect(chicago.stamp(moment) == "2027-01-15 02:00 CST")
        #expect(chicago.iso(moment) == "2027-01-15T02:00:00-06:00")
    }

    @Test func aDayRunsFromItsStartToTheEndOfTheToDayInTheZone() throws {
        let days = try chicago.range(from: "2027-01-15", to: "2027-01-15")
        #expect(days.start == Date(timeIntervalSince1970: 1_800_000_000 - 2 * 3600))
        #expect(days.end == days.start.map { $0 + 24 * 3600 })
        #expect(days.contains(moment))
        #expect(try chicago.range(from: nil, to: nil) == DayRange(start: nil, end: nil))
    }

    @Test func theEndsOfTheCalendarAreOpenBoundsNotErrors() throws {
        let late = try chicago.range(from: "9999-12-31", to: nil)
        #expect(late.end == nil && !late.contains(moment))
        #expect(try chicago.range(from: nil, to: "9999-12-31").end == nil, "the day after is past any stored date")
        #expect(try chicago.range(from: "0001-01-01", to: nil).contains(moment))
        #expect(throws: DayRangeError.notADay(.from, "0000-01-01")) { try chicago.range(from: "0000-01-01", to: nil) }
    }

    @Test func daysThatCannotBeUsedAreRefusedInWords() {
        #expect(throws: DayRangeError.notADay(.from, "2027-02-30")) { try chicago.range(from: "2027-02-30", to: nil) }
        #expect(throws: DayRangeError.notADay(.to, "15/01/2027")) { try chicago.range(from: nil, to: "15/01/2027") }
        #expect(throws: DayRangeError.fromAfterTo) { try chicago.range(from: "2027-01-16", to: "2027-01-15") }
        #expect(DayRangeError.fromAfterTo.message(from: "--from", to: "--to") == "--from is after --to.")
    }

    @Test func anUnknownZoneIsNotAZone() {
        #expect(DisplayTime(zoneNamed: "Mars/Olympus") == nil)
    }
}
