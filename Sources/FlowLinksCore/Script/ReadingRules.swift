/// The small words that shape how a reply is read, from `reading:` in `Prompts/language.yaml`.
/// Every list is normalized and split into words once, at load; another language brings its own.
public struct ReadingRules: Sendable {
    /// Words that may stand before an option's number: "option", "level".
    let numberWords: Set<String>
    /// Number words and ordinals by the number they stand for: "two", "second" → 2.
    let numbers: [String: Int]
    /// Phrases for the last option ("the last one", "highest") and the middle one.
    let last: [[String]]
    let middle: [[String]]
    /// Words that may stand around a number without changing it: "I'd say the second one".
    let fillers: Set<String>
    let noteOpeners: [String]
    let joiners: Set<String>
    /// Words that turn what follows around ("not", "never"); any word ending in "n't" is one too.
    let negators: Set<String>
    /// Answer words that strengthen or hedge a neighbouring answer ("definitely not", "not sure").
    let modifiers: [[String]]
    /// Phrases that make a reading tentative ("probably").
    let hedges: [[String]]
    /// Phrases after which a person corrects themselves ("more like").
    let contrasts: [[String]]
    /// Phrases that set what follows aside ("more than", "instead of").
    let comparisons: [[String]]
    /// Words after a number that make it a count ("3 partners").
    let counted: Set<String>
    /// Words that make a number a count ("just one").
    let limiters: Set<String>
    /// Words that never decide between options.
    let ignoredWords: Set<String>
    /// The stems of everyday words that never decide a reading on their own ("plan", "work").
    let genericStems: Set<String>
    /// Real words that must never be corrected as typos.
    let commonWords: Set<String>

    /// Whether a normalized word negates what follows.
    func isNegator(_ word: String) -> Bool {
        negators.contains(word) || word.hasSuffix("n't")
    }
}
