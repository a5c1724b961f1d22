import FlowLinksCore
import FlowLinksTesting
import Foundation
import GRDB
import Testing

@testable import FlowLinksStore

/// Values written without GRDB's formatter and encoder are stored exactly as GRDB stores them.
@Suite struct StoredFormatTests {
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

    @Test func resultsAreStoredAsGRDBEncodesThem() throws {
        let engine = Engine(script: DefaultPrompts.script)
        let now = Date(timeIntervalSince1970: 1_764_460_800)
        var replies = SampleAnswers.complete
        replies[0] = "Riverside / \"Family\" Services\\n"
        var state = engine.begin(now: now).state
        for reply in replies { state = engine.reply(to: reply, in: state, now: now).state }
        let result = try #require(state.result)
        let encoded = try ResultRecord.databaseJSONEncoder(for: "result").encode(result)
        #expect(result.json == Array(encoded))
    }
}
