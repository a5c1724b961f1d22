/// A workshop's join code: six letters from an alphabet without look-alikes (no I, L, O or Q),
/// typed in any case, with spaces or dashes anywhere.
public struct WorkshopCode: Hashable, Sendable, CustomStringConvertible {
    /// The letters a code is made of.
    public static let alphabet = Array("ABCDEFGHJKMNPRSTUVWXYZ")
    public static let length = 6

    /// The code in capitals, e.g. `KMPRTV`.
    public let text: String

    public var description: String { text }

    /// Reads a code as a person typed it; `nil` when it cannot be one.
    public init?(typed: String) {
        let letters = typed.uppercased().filter { $0 != " " && $0 != "-" }
        guard letters.count == Self.length, letters.allSatisfy(Self.alphabet.contains) else { return nil }
        text = letters
    }

    /// A new random code.
    public static func random(using generator: inout some RandomNumberGenerator) -> WorkshopCode {
        let letters = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
        // why: built from the alphabet, so it always reads back.
        return WorkshopCode(typed: String(letters))!
    }
}
