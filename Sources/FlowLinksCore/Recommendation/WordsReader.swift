/// Reads which level a team's own words promise partners, from the phrases in `scoring.yaml`.
struct WordsReader {
    let rules: ScoringRules

    /// The highest level whose phrases appear in the words, or `nil` when none do.
    func level(conveyedBy text: String) -> EngagementLevel? {
        let words = TextNormalizer.words(TextNormalizer.normalize(text))
        return EngagementLevel.allCases.reversed().first { level in
            PhraseMatch.anywhere(in: words, among: rules.hintPhrases[level] ?? []) != nil
        }
    }
}
