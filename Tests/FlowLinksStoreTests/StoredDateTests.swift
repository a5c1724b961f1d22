import Foundation
import GRDB
import Testing

@testable import FlowLinksStore

/// Dates written without GRDB's formatter are stored exactly as GRDB stores them.
@Suite struct StoredDateTests {
    @Test func datesAreStoredInGRDBsFormat() {
        var generator = SystemRandomNumberGenerator()
        let fixed: [TimeInterval] = [
            0, -1, 0.0005, 0.9995, 0.999_999, 86_399.999, 951_782_400, 1_709_164_800.123, 1_764_460_800.5,
            4_102_444_799.999, -2_208_988_800, -11_676_096_000, 253_402_300_799.999,
        ]
        let random = (0..<5000).map { _ in Double.random(in: -5_000_000_000...8_000_000_000, using: &generator) }
        for seconds in fixed + random {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(StoredDate.text(date) == String.fromDatabaseValue(date.databaseValue), "\(seconds)")
        }
    }
}
