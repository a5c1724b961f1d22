import ArgumentParser
import FlowLinksServer
import FlowLinksStore
import Foundation

/// `flowlinks facilitators …`: the accounts that may sign in to review sessions.
struct FacilitatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facilitators",
        abstract: "Add, list, remove facilitator accounts, change their passwords, and sign them out.",
        subcommands: [Add.self, List.self, Remove.self, Passwd.self, Signout.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account; the password is asked for (or read from standard input when piped).")
        @Argument(help: "Username: letters, digits, and . _ - @") var username: String
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            let password = try PasswordPrompt.read(confirm: true)
            try await reportingAccountErrors {
                try await database.withAccounts(creatingTheFile: true) {
                    try await $0.add(username: username, password: password)
                }
            }
            print("Added facilitator \(username).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await database.withStores { stores in try await list(stores.facilitators) }
        }

        private func list(_ store: any FacilitatorStore) async throws {
            let accounts = try await store.facilitators()
            guard !accounts.isEmpty else {
                return print("No facilitator accounts yet. Add one with: flowlinks facilitators add NAME")
            }
            let signedIn = try await store.activeFacilitatorSignIns(now: Date())
            let formatter = ISO8601DateFormatter()
            for account in accounts {
                print(
                    "\(account.username)\tcreated \(formatter.string(from: account.createdAt))\tpassword set \(formatter.string(from: account.passwordChangedAt))\tsigned in \(signedIn[account.username] ?? 0)"
                )
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an account; this ends its sign-ins.")
        @Argument var username: String
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await reportingAccountErrors { try await database.withAccounts { try await $0.remove(username: username) } }
            print("Removed facilitator \(username).")
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an account's password; this ends its sign-ins.")
        @Argument var username: String
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            let password = try PasswordPrompt.read(confirm: true)
            try await reportingAccountErrors {
                try await database.withAccounts { try await $0.changePassword(username: username, to: password) }
            }
            print("Changed the password of \(username).")
        }
    }
}

extension FacilitatorsCommand {
    struct Signout: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "End an account's sign-ins, or everyone's with --all (sign-ins outlast a restart).")
        @Argument(help: "The account to sign out.") var username: String?
        @Flag(help: "Sign out every account.") var all = false
        @OptionGroup var database: DatabaseOption

        func validate() throws {
            guard (username != nil) != all else { throw ValidationError("Name one account, or pass --all.") }
        }

        func run() async throws {
            let ended = try await reportingAccountErrors {
                try await database.withAccounts { try await $0.signOut(username: all ? nil : username) }
            }
            let whose = all ? "every account" : username ?? ""
            print("Ended \(ended) sign-in\(ended == 1 ? "" : "s") of \(whose).")
        }
    }
}

/// Prints an account problem as a sentence and exits 1, instead of a Swift error dump.
@discardableResult
func reportingAccountErrors<Value>(_ body: () async throws -> Value) async throws -> Value {
    do {
        return try await body()
    } catch let error as FacilitatorAccountError {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        throw ExitCode.failure
    }
}

extension DatabaseOption {
    /// Runs `body` with the accounts in the database; `add` may create the SQLite file (the first
    /// account comes before the first `serve`), the others need an existing one.
    func withAccounts<Result: Sendable>(
        creatingTheFile: Bool = false, _ body: (FacilitatorAccounts) async throws -> Result
    ) async throws -> Result {
        try await withStores(creatingTheFile: creatingTheFile) { stores in
            try await body(FacilitatorAccounts(store: stores.facilitators))
        }
    }
}
