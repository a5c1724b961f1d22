import ArgumentParser
import FlowLinksCore
import FlowLinksStore
import Foundation

/// `flowlinks repl`: the same conversation as the chat channels, in a terminal or from a pipe.
struct ReplCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Hold a facilitation session in the terminal.",
        discussion: """
            Interactive in a terminal; from a pipe it reads one answer per line, so a whole session can
            be scripted: flowlinks repl < answers.txt. End of input (Ctrl-D) pauses the session; run the
            same command again to continue where it stopped.
            """)

    @OptionGroup var database: DatabaseOption

    @Option(help: "Name of the session to start or resume.")
    var session = "default"

    @Option(help: "Hours without a message after which a returning person is greeted with where they were.")
    var idleHours: Double = 24

    @Option(
        help:
            "Language code of a new session (en, es); default: the terminal's (LC_ALL, LC_MESSAGES or LANG) when the content has it, else the content's own. Type español or english to switch."
    )
    var language: String?

    @OptionGroup var prompts: PromptsOptions

    func run() async throws {
        let script = try prompts.loadScript()
        let engine = Engine(script: script, idleTimeout: idleHours * 3600)
        let terminal = ReplTerminal(plainText: PlainText(script: script), interactive: isatty(STDIN_FILENO) == 1)
        let key = ConversationKey(channel: "repl", conversation: session)
        let participant = ProcessInfo.processInfo.environment["USER"]

        if let language, !script.languageCodes.contains(language) {
            throw CommandFailure(
                "Unknown language \(language); the content speaks \(script.languageCodes.joined(separator: ", ")).")
        }
        // why: the terminal's locale is the REPL's platform locale, as Telegram's language_code is Telegram's.
        let locale = language ?? ReplTerminal.locale(in: ProcessInfo.processInfo.environment)
        try await database.withStores(script: script, creatingTheFile: true) { stores in
            try await converse(
                on: stores.conversations, engine: engine, terminal: terminal, key: key, participant: participant,
                locale: locale)
        }
    }

    private func converse(
        on conversations: any ConversationStore, engine: Engine, terminal: ReplTerminal, key: ConversationKey,
        participant: String?, locale: String?
    ) async throws {
        var outcome = try await conversations.open(key, participant: participant, locale: locale, engine: engine, now: Date())
        var savedNoteShown = false
        terminal.show(outcome)
        while let line = terminal.readAnswer() {
            let message = InboundMessage(key: key, participant: participant, text: line)
            let previous = outcome.status
            outcome = try await conversations.converse(message, engine: engine, now: Date())
            terminal.show(outcome)
            if outcome.sessionID == nil { return }
            if outcome.status == .completed, previous != .completed, let id = outcome.sessionID {
                terminal.note(
                    "Session \(id) is saved in \(database.displayName). Type back, restart or delete my data, or press Ctrl-D to leave."
                )
            }
            savedNoteShown = outcome.status == .completed && previous != .completed
        }
        if let paused = try await conversations.pause(key, engine: engine, now: Date()) {
            terminal.show(paused)
        } else if let id = outcome.sessionID, !savedNoteShown {
            terminal.note("Session \(id) is saved in \(database.displayName).")
        }
    }
}

/// Prints the bot's messages and reads answers, with a prompt only when a person is typing.
struct ReplTerminal {
    let plainText: PlainText
    let interactive: Bool

    func show(_ outcome: TurnOutcome) {
        for reply in outcome.replies { print(plainText.render(reply) + "\n") }
    }

    func note(_ text: String) { print("(\(text))\n") }

    func readAnswer() -> String? {
        if interactive { print("> ", terminator: "") }
        fflush(nil)
        let line = readLine(strippingNewline: true)
        if interactive && line == nil { print("") }
        // why: piped answers are not on screen; echo them so the output reads as a conversation.
        if !interactive, let line { print("> \(line)\n") }
        return line
    }

    /// The language the terminal asks for, by POSIX precedence; `nil` when none is set.
    static func locale(in environment: [String: String]) -> String? {
        ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
    }
}
