/// A command that could not do what was asked, with a sentence for the person who ran it; the
/// program prints it after "Error:" and exits 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
