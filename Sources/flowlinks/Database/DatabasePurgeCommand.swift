import ArgumentParser
import FlowLinksStore
import Foundation

/// `flowlinks db purge --older-than DURATION`: retention.
struct DatabasePurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Delete sessions last active longer ago than a duration, with everything recorded for them.",
        discussion: """
            A session goes with its answers, transcript, result, facilitator notes, processed events and \
            queued replies. Processed events and sent or failed replies older than the duration that belong \
            to no session (those of erasure confirmations) go too. Safe while the server runs.
              flowlinks db purge --older-than 1y --dry-run
              flowlinks db purge --older-than 90d
            """)

    @Option(help: "How long to keep sessions: a number and a unit, h (hours), d, w, m (months) or y, e.g. 36h, 90d, 12w, 6m, 1y.")
    var olderThan: String

    @Flag(help: "Show what would be deleted, and delete nothing.")
    var dryRun = false

    @OptionGroup var database: DatabaseOption

    @OptionGroup var time: DisplayTimeOptions

    func validate() throws {
        guard RetentionPeriod(olderThan) != nil else {
            throw ValidationError(
                "--older-than \(olderThan): expected a whole number and a unit, such as 36h, 90d, 12w, 6m or 1y "
                    + "(h hours, d days, w weeks, m months, y years)")
        }
    }

    func run() async throws {
        guard let period = RetentionPeriod(olderThan) else { return }
        let cutoff = period.cutoff(before: Date())
        let counts = try await database.withStores { try await $0.maintenance.purge(before: cutoff, dryRun: dryRun) }
        let when = try time.displayTime().stamp(cutoff)
        print(
            dryRun
                ? "Would delete (dry run, nothing deleted) what was last active before \(when), older than \(period):"
                : "Deleted what was last active before \(when), older than \(period):")
        let rows: [(String, Int)] = [
            ("sessions", counts.sessions), ("answers", counts.answers), ("transcript lines", counts.transcriptLines),
            ("results", counts.results), ("facilitator notes", counts.facilitatorNotes),
            ("processed events", counts.processedEvents), ("outbox calls", counts.outboxCalls),
        ]
        for (name, count) in rows { print("  " + name.padding(toLength: 18, withPad: " ", startingAt: 0) + String(count)) }
    }
}
