import FlowLinksCore
import FlowLinksTesting
import Foundation
import Testing

/// `prompts check` on a translation folder: it must say the same things as the default language,
/// with the same keys, step and option ids, and placeholders.
@Suite struct TranslationCheckTests {
    /// The problems loading the default content with one Spanish file edited.
    static func problems(editing file: String, _ edit: (String) -> String) throws -> [PromptsProblem] {
        var translations = try DefaultPrompts.translations()
        let original = try #require(translations["es"]?[file])
        let edited = edit(original)
        #expect(edited != original, "the edit changed nothing")
        translations["es"]?[file] = edited
        let sources = try DefaultPrompts.sources()
        do {
            _ = try ScriptLoader.load(sources: sources, translations: translations)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func theDefaultFolderLoadsWithItsSpanishTranslation() {
        #expect(DefaultPrompts.script.languageCodes == ["en", "es"])
        #expect(DefaultPrompts.script.translations["es"]?.language.choosing.name == "Español (Spanish)")
    }

    @Test func aMissingMessageIsNamedWithItsFolder() throws {
        let problems = try Self.problems(editing: "language.yaml") {
            $0.replacingOccurrences(
                of: "  back_at_start: \"Esta es la primera pregunta, así que no hay una anterior.\"\n", with: "")
        }
        #expect(problems.contains { $0.file == "es/language.yaml" && $0.key == "messages.back_at_start" })
    }

    @Test func aDifferentOptionIdIsNamed() throws {
        let problems = try Self.problems(editing: "script.yaml") {
            $0.replacingOccurrences(of: "      - id: not_sure\n", with: "      - id: no_se\n")
        }
        #expect(problems.contains { $0.file == "es/script.yaml" && $0.key == "steps[shared_goals].options" })
    }

    @Test func aDifferentPlaceholderIsNamed() throws {
        let problems = try Self.problems(editing: "script.yaml") {
            $0.replacingOccurrences(of: "¿para qué es {initiative}?", with: "¿para qué es {iniciativa}?")
        }
        #expect(problems.contains { $0.file == "es/script.yaml" && $0.key == "steps[purpose].question" })
    }

    @Test func aLostPlaceholderInAnActionListIsNamed() throws {
        let problems = try Self.problems(editing: "workshop.yaml") {
            $0.replacingOccurrences(of: "resultados de {initiative}?", with: "resultados?")
        }
        #expect(problems.contains { $0.file == "es/workshop.yaml" && $0.key == "discussion.general[1]" })
    }

    @Test func aMissingCellIsNamed() throws {
        let problems = try Self.problems(editing: "chart.yaml") {
            $0.replacingOccurrences(of: "      - id: prioritized\n", with: "      - id: priorizado\n")
        }
        #expect(problems.contains { $0.file == "es/chart.yaml" && $0.key.hasPrefix("dimensions[communication].cells") })
    }

    @Test func anExtraKeyIsNamed() throws {
        let problems = try Self.problems(editing: "result.yaml") { $0 + "\nextra: \"Algo más\"\n" }
        #expect(problems.contains { $0.file == "es/result.yaml" && $0.key == "extra" })
    }

    @Test func aFolderNamedAfterAnotherCodeIsRefused() throws {
        let problems = try Self.problems(editing: "language.yaml") {
            $0.replacingOccurrences(of: "  code: es\n", with: "  code: pt\n")
        }
        #expect(problems.contains { $0.file == "es/language.yaml" && $0.key == "choosing.code" })
    }

    @Test func wordListsMayDifferInLength() throws {
        let problems = try Self.problems(editing: "chart.yaml") {
            $0.replacingOccurrences(of: "words: [independiente, ", with: "words: [")
        }
        #expect(problems.isEmpty, "\(problems)")
    }
}
