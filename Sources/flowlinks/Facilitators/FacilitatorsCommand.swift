import ArgumentParser
import FlowLinksServer
import FlowLinksStore
import Foundation

/// `flowlinks facilitators …`: the accounts that may sign in to review sessions.
struct FacilitatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facilitators",
        abstract: "Add, list, remove facilitator accounts, change their passwords, and sign them out.",
        subcommands: [Add.self, List.self, Remove.self, Passwd.self, Signout.self])

    /// Options every subcommand shares.
    struct Database: ParsableArguments {
        @Option(help: "SQLite database file.")
        var db = "./flowlinks.sqlite"

        func accounts() throws -> FacilitatorAccounts {
            FacilitatorAccounts(database: try AppDatabase.open(path: db))
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account; the password is asked for (or read from standard input when piped).")
        @Argument(help: "Username: letters, digits, and . _ - @") var username: String
        @OptionGroup var database: Database

        func run() throws {
            let password = try PasswordPrompt.read(confirm: true)
            try reportingAccountErrors { try database.accounts().add(username: username, password: password) }
            print("Added facilitator \(username).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")
        @OptionGroup var database: Database

        func run() throws {
            let store = try AppDatabase.open(path: database.db)
            let accounts = try store.facilitators()
            guard !accounts.isEmpty else {
                return print("No facilitator accounts yet. Add one with: flowlinks facilitators add NAME")
            }
            let signedIn = try store.activeFacilitatorSignIns(now: Date())
            let formatter = ISO8601DateFormatter()
            for account in accounts {
                print(
                    "\(account.username)\tcreated \(formatter.string(from: account.createdAt))\tpassword set \(formatter.string(from: account.passwordChangedAt))\tsigned in \(signedIn[account.username] ?? 0)"
                )
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an account; this ends its sign-ins.")
        @Argument var username: String
        @OptionGroup var database: Database

        func run() throws {
            try reportingAccountErrors { try database.accounts().remove(username: username) }
            print("Removed facilitator \(username).")
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an account's password; this ends its sign-ins.")
        @Argument var username: String
        @OptionGroup var database: Database

        func run() throws {
            let password = try PasswordPrompt.read(confirm: true)
            try reportingAccountErrors { try database.accounts().changePassword(username: username, to: password) }
            print("Changed the password of \(username).")
        }
    }
}

extension FacilitatorsCommand {
    struct Signout: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "End an account's sign-ins, or everyone's with --all (sign-ins outlast a restart).")
        @Argument(help: "The account to sign out.") var username: String?
        @Flag(help: "Sign out every account.") var all = false
        @OptionGroup var database: Database

        func validate() throws {
            guard (username != nil) != all else { throw ValidationError("Name one account, or pass --all.") }
        }

        func run() throws {
            let ended = try reportingAccountErrors { try database.accounts().signOut(username: all ? nil : username) }
            let whose = all ? "every account" : username ?? ""
            print("Ended \(ended) sign-in\(ended == 1 ? "" : "s") of \(whose).")
        }
    }
}

/// Prints an account problem as a sentence and exits 1, instead of a Swift error dump.
func reportingAccountErrors<Value>(_ body: () throws -> Value) throws -> Value {
    do {
        return try body()
    } catch let error as FacilitatorAccountError {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        throw ExitCode.failure
    }
}
