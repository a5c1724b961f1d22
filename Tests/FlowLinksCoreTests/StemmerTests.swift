import Testing

@testable import FlowLinksCore

/// The Snowball stemmers from libstemmer, wrapped for Swift.
@Suite struct StemmerTests {
    @Test func wordFormsShareOneStem() throws {
        let english = try #require(Stemmer(language: "english"))
        let stems = Set(["implement", "implements", "implemented", "implementing", "implementation"].map(english.stem))
        #expect(stems == ["implement"])
        #expect(english.stem("collaborative") == english.stem("collaboration"))
        #expect(english.stem("prioritized") == english.stem("prioritize"))
    }

    @Test func spanishIsThereForSpanishContent() throws {
        let spanish = try #require(Stemmer(language: "spanish"))
        #expect(spanish.stem("colaborando") == spanish.stem("colaborar"))
        #expect(Stemmer.languages.contains("spanish") && Stemmer.languages.contains("english"))
    }

    @Test func anUnknownLanguageHasNoStemmer() {
        #expect(Stemmer(language: "klingon") == nil)
    }

    @Test func shortWordsAndNumbersAreLeftAsTheyAre() throws {
        let english = try #require(Stemmer(language: "english"))
        #expect(english.stem("yes") == "yes")
        #expect(english.stem("no") == "no")
    }

    @Test func oneStemmerServesManyThreadsAtOnce() async throws {
        let english = try #require(Stemmer(language: "english"))
        let words = ["informing", "consulting", "involving", "aligning", "independently", "partnerships", "pooled"]
        let expected = words.map(english.stem)
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<500).flatMap { _ in words.map(english.stem) } }
            }
            return await group.reduce(into: [[String]]()) { $0.append($1) }
        }
        for result in results {
            #expect(result == Array((0..<500).flatMap { _ in expected }))
        }
    }
}
