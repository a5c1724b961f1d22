import ArgumentParser
import FlowLinksReview
import FlowLinksServer
import Foundation

/// `--time-zone ZONE` for the commands that show times or take days. Without it, the same
/// `time_zone` setting the web pages use (FLOWLINKS_TIME_ZONE), else UTC.
struct DisplayTimeOptions: ParsableArguments {
    @Option(
        name: .customLong("time-zone"),
        help: "Time zone of the times shown and the days given, e.g. America/Chicago (default: FLOWLINKS_TIME_ZONE, else UTC).")
    var timeZone: String?

    func displayTime() throws -> DisplayTime {
        let name = try timeZone ?? settingFromEnvironment()
        guard let time = DisplayTime(zoneNamed: name) else {
            throw ValidationError(
                "--time-zone \(name): not a time zone; use a name such as UTC, America/Chicago or Europe/Madrid")
        }
        return time
    }

    /// The `time_zone` setting alone, so that an unrelated bad setting does not stop a report.
    private func settingFromEnvironment() throws -> String {
        let variable = ConfigKey.timeZone.environmentVariable
        let environment = ProcessInfo.processInfo.environment.filter { $0.key == variable }
        do {
            return try ConfigLoader.load(environment: environment).timeZone
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
