import ArgumentParser
import FlowLinksStore
import Foundation

/// `flowlinks sessions delete ID`: erases a session and everything recorded with it.
struct SessionsDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a session with its answers, transcript and result.",
        discussion: "Asks for confirmation in a terminal; from a script, pass --yes.")

    @Argument(help: "The session's id, as `sessions list` shows it.")
    var id: Int64

    @OptionGroup var database: DatabaseOption

    @Flag(help: "Delete without asking.")
    var yes = false

    @OptionGroup var time: DisplayTimeOptions

    func run() async throws {
        try await StoredSessions.with(database) { sessions in try await delete(from: sessions) }
    }

    private func delete(from sessions: StoredSessions) async throws {
        let session = try await sessions.report(id).session
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                throw StoredSessions.failure("Not deleting session \(id): pass --yes to delete without a terminal to confirm in.")
            }
            let started = try time.displayTime().stamp(session.createdAt)
            print(
                "Delete session \(id) (\(session.channel) \(session.conversation), \(session.status.rawValue), "
                    + "started \(started)) and everything recorded with it? This cannot be undone. [y/N] ",
                terminator: "")
            fflush(nil)
            guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased(), ["y", "yes"].contains(answer)
            else {
                print("Nothing deleted.")
                return
            }
        }
        guard try await sessions.review.deleteSession(id: id) else {
            throw StoredSessions.failure("No session \(id) in \(sessions.location).")
        }
        print("Deleted session \(id) with its answers, transcript and result.")
    }

}
