import ArgumentParser
import FlowLinksReview
import FlowLinksStore
import Foundation

/// `flowlinks workshops list`: every workshop with its code, status and counts.
struct WorkshopsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List workshops, newest first.")

    @OptionGroup var database: DatabaseOption
    @OptionGroup var time: DisplayTimeOptions

    func run() async throws {
        let listings = try await database.withStores { try await $0.workshops.workshops() }
        guard !listings.isEmpty else {
            print("No workshops yet. Create one with: flowlinks workshops create NAME")
            return
        }
        let time = try time.displayTime()
        let now = Date()
        let rows = listings.map { listing in
            [
                listing.workshop.code, listing.workshop.isOpen(at: now) ? "open" : "closed", String(listing.joined),
                String(listing.finished), time.stamp(listing.workshop.createdAt), listing.workshop.name,
            ]
        }
        print(
            TextTable(header: ["CODE", "STATUS", "JOINED", "FINISHED", "CREATED", "NAME"], rows: rows).lines.joined(
                separator: "\n"))
    }
}
