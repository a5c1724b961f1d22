import ArgumentParser
import Foundation

/// Reads a password without echoing it on a terminal, or one line from a pipe.
enum PasswordPrompt {
    static func read(confirm: Bool) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ValidationError("Expected the password on standard input.")
            }
            return line
        }
        let password = try ask("Password: ")
        if confirm, try ask("Password again: ") != password { throw ValidationError("The passwords do not match.") }
        return password
    }

    private static func ask(_ prompt: String) throws -> String {
        print(prompt, terminator: "")
        fflush(nil)
        var settings = termios()
        tcgetattr(STDIN_FILENO, &settings)
        let saved = settings
        settings.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &settings)
        defer {
            var restore = saved
            tcsetattr(STDIN_FILENO, TCSANOW, &restore)
            print("")
        }
        guard let line = readLine(strippingNewline: true) else { throw ValidationError("No password given.") }
        return line
    }
}
