/// Recognizes a command typed as the whole reply, in any case, with or without a leading "/".
struct CommandReader {
    let language: Language

    func command(in text: String) -> Command? {
        var normalized = TextNormalizer.normalize(text)
        if normalized.hasPrefix("/") { normalized = TextNormalizer.normalize(String(normalized.dropFirst())) }
        guard !normalized.isEmpty else { return nil }
        let withoutQuestionMark =
            normalized.hasSuffix("?") && normalized.count > 1
            ? TextNormalizer.normalize(String(normalized.dropLast())) : normalized
        return Command.allCases.first { command in
            let words = language.commandWords[command] ?? []
            return words.contains(normalized) || words.contains(withoutQuestionMark)
        }
    }
}
