import FlowLinksCore
import FlowLinksTesting
import Foundation
import Testing

/// Loading a `Prompts/` folder: the default one works, and a broken one is explained by file, key and problem.
@Suite struct PromptsLoadingTests {
    // MARK: - The default folder

    @Test func defaultFolderLoadsWithDeclaredVersionAndFingerprint() throws {
        let script = try ScriptLoader.load(directory: DefaultPrompts.directory)
        let parts = script.version.split(separator: "+", maxSplits: 1).map(String.init)
        #expect(parts.first == "1.0")
        let fingerprint = try #require(parts.count == 2 ? parts[1] : nil, "no fingerprint in \(script.version)")
        #expect(!fingerprint.isEmpty && fingerprint.allSatisfy(\.isHexDigit))
    }

    @Test func defaultScriptHasThirteenStepsInTheGuidesOrder() throws {
        let ids = DefaultPrompts.script.steps.map(\.id)
        #expect(ids.count == 13)
        #expect(
            ids == [
                "organization", "initiative", "purpose", "benefit", "shared_goals", "current_communication",
                "current_resources", "current_decisions", "desired_level", "outcomes", "words", "words_level", "plan",
            ])
    }

    @Test(arguments: EngagementDimension.allCases)
    func everyLevelOfEveryDimensionHasAtLeastTwoActions(_ dimension: EngagementDimension) {
        let actions = DefaultPrompts.script.actions
        for level in EngagementLevel.allCases {
            #expect(actions.toReach(level, on: dimension).count >= 2, "\(dimension) level \(level.rawValue)")
        }
        #expect((actions.sustain[dimension] ?? []).count >= 2, "sustain \(dimension)")
    }

    @Test func sameTextsGiveTheSameVersion() throws {
        let script = try ScriptLoader.load(sources: DefaultPrompts.sources(), translations: DefaultPrompts.translations())
        #expect(script.version == DefaultPrompts.script.version)
    }

    @Test(arguments: ScriptLoader.fileNames)
    func editingAnyFileChangesTheVersion(_ file: String) throws {
        var sources = try DefaultPrompts.sources()
        sources[file, default: ""] += "\n# A facilitator's note, added later.\n"
        let edited = try ScriptLoader.load(sources: sources)
        #expect(edited.version.hasPrefix("1.0+"))
        #expect(edited.version != DefaultPrompts.script.version)
    }

    @Test func newDeclaredVersionShowsInTheVersion() throws {
        var sources = try DefaultPrompts.sources()
        sources["script.yaml"] = try Edit.replaceLine(after: [], prefix: "version:", with: "version: \"1.1\"")
            .apply(to: #require(sources["script.yaml"]))
        #expect(try ScriptLoader.load(sources: sources).version.hasPrefix("1.1+"))
    }

    // MARK: - Broken prompts

    @Test(arguments: Breakage.all)
    func brokenPromptsAreRejectedNamingFileKeyAndProblem(_ breakage: Breakage) throws {
        var sources = try DefaultPrompts.sources()
        let original = try #require(sources[breakage.file])
        sources[breakage.file] = try breakage.edit.apply(to: original)
        #expect(sources[breakage.file] != original, "the edit changed nothing")

        let error = try #require(Self.error(loading: sources))
        let problems = error.problems
        let match = problems.first { problem in
            problem.file == breakage.expectedFile && breakage.keyParts.allSatisfy(problem.key.contains)
                && problem.problem.contains(breakage.problemPart)
        }
        #expect(match != nil, "no problem like \(breakage) among:\n\(problems.map(\.description).joined(separator: "\n"))")
        if let match {
            #expect(error.description.contains(match.description))
            #expect(match.description.contains(breakage.expectedFile))
            if !match.key.isEmpty { #expect(match.description.contains(match.key)) }
        }
    }

    @Test func invalidYAMLSaysWhereInTheFileItBreaks() throws {
        var sources = try DefaultPrompts.sources()
        let original = try #require(sources["chart.yaml"])
        let broken = try #require(
            try Edit.replaceLine(after: [], prefix: "dimensions:", with: "dimensions: [").apply(to: original))
        let line = try #require(broken.components(separatedBy: "\n").firstIndex(of: "dimensions: [")) + 1
        sources["chart.yaml"] = broken

        let problems = try #require(Self.error(loading: sources)).problems
        let problem = try #require(problems.first { $0.file == "chart.yaml" })
        // why: the parser notices an unclosed list on the line after it opens.
        let text = "\(problem.key) \(problem.problem)"
        #expect(text.contains("\(line)") || text.contains("\(line + 1)"), "no line number in \"\(problem)\"")
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        var sources = try DefaultPrompts.sources()
        sources["language.yaml"] = try Edit.removeLines(after: ["messages:"], prefix: "cancelled:", count: 1)
            .apply(to: #require(sources["language.yaml"]))
        sources["scoring.yaml"] = try Edit.replace("\"yes\": 5", "\"yes\": 7").apply(to: #require(sources["scoring.yaml"]))
        let problems = try #require(Self.error(loading: sources)).problems
        #expect(problems.contains { $0.file == "language.yaml" && $0.key == "messages.cancelled" })
        #expect(problems.contains { $0.file == "scoring.yaml" && $0.key == "fit_ceiling.yes.yes" })
    }

    // MARK: - A real folder

    @Test func folderOnDiskLoadsLikeTheDefault() throws {
        let folder = try TemporaryPrompts(DefaultPrompts.sources())
        defer { folder.remove() }
        // why: the temporary folder holds the default language's files only, without the translations.
        let fromSources = try ScriptLoader.load(sources: DefaultPrompts.sources())
        #expect(try ScriptLoader.load(directory: folder.url).version == fromSources.version)
    }

    @Test func folderOnDiskWithOneBrokenFileListsTheProblem() throws {
        var sources = try DefaultPrompts.sources()
        sources["scoring.yaml"] = try Edit.replaceLine(after: [], prefix: "words_gap_flag:", with: "words_gap_flag: 9")
            .apply(to: #require(sources["scoring.yaml"]))
        let folder = try TemporaryPrompts(sources)
        defer { folder.remove() }

        do {
            _ = try ScriptLoader.load(directory: folder.url)
            Issue.record("a folder with words_gap_flag: 9 loaded")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.description.contains("1 problem"))
            #expect(error.description.contains("scoring.yaml: words_gap_flag: must be from 1 to 4, not 9"))
        }
    }

    @Test func folderOnDiskMissingAFileNamesIt() throws {
        var sources = try DefaultPrompts.sources()
        sources["actions.yaml"] = nil
        let folder = try TemporaryPrompts(sources)
        defer { folder.remove() }

        do {
            _ = try ScriptLoader.load(directory: folder.url)
            Issue.record("a folder without actions.yaml loaded")
        } catch {
            #expect(error.problems.map(\.file) == ["actions.yaml"])
            #expect(error.description.contains("actions.yaml"))
        }
    }

    /// The error of a load that is expected to fail, or `nil` when it loaded.
    static func error(loading sources: [String: String]) -> PromptsError? {
        do {
            let script = try ScriptLoader.load(sources: sources)
            Issue.record("the broken prompts loaded as version \(script.version)")
            return nil
        } catch {
            #expect(!error.problems.isEmpty)
            return error
        }
    }
}

// MARK: - Breaking prompts on purpose

extension PromptsLoadingTests {

    /// One thing broken in one file, and the problem the loader should report.
    struct Breakage: Sendable, CustomTestStringConvertible {
        let name: String
        let file: String
        let edit: Edit
        let expectedFile: String
        /// Parts the reported key must contain, e.g. `["steps[3]", "why"]`.
        let keyParts: [String]
        let problemPart: String

        var testDescription: String { name }

        init(
            _ name: String, _ file: String, _ edit: Edit, key keyParts: [String], problem: String, in expectedFile: String? = nil
        ) {
            self.name = name
            self.file = file
            self.edit = edit
            self.expectedFile = expectedFile ?? file
            self.keyParts = keyParts
            self.problemPart = problem
        }

        static let all: [Breakage] = [
            Breakage(
                "invalid YAML syntax", "chart.yaml", .replaceLine(after: [], prefix: "dimensions:", with: "dimensions: ["),
                key: [], problem: "YAML"),
            Breakage(
                "a step without why", "script.yaml", .removeLines(after: ["- id: benefit"], prefix: "why:", count: 1),
                key: ["steps[3]", "why"], problem: "missing"),
            Breakage(
                "a number written as a word", "scoring.yaml",
                .replaceLine(after: [], prefix: "words_gap_flag:", with: "words_gap_flag: \"two\""),
                key: ["words_gap_flag"], problem: "whole number"),
            Breakage(
                "an unknown placeholder in a message", "language.yaml",
                .replaceLine(after: ["messages:"], prefix: "resumed:", with: "resumed: \"Welcome back, {nmae}!\""),
                key: ["messages.resumed"], problem: "{nmae}"),
            Breakage(
                "an unknown placeholder in a question", "script.yaml",
                .replaceLine(after: ["- id: purpose"], prefix: "question:", with: "question: \"What is {nmae} for?\""),
                key: ["purpose", "question"], problem: "{nmae}"),
            Breakage(
                "a message missing from language.yaml", "language.yaml",
                .removeLines(after: ["messages:"], prefix: "cancelled:", count: 1),
                key: ["messages.cancelled"], problem: "missing"),
            Breakage(
                "an action list with one action", "actions.yaml",
                .removeLines(after: ["next_actions:", "communication:", "3:"], prefix: "- ", count: 2),
                key: ["next_actions.communication.3"], problem: "at least two actions"),
            Breakage(
                "a fit ceiling above Aligning", "scoring.yaml", .replace("\"yes\": 5", "\"yes\": 7"),
                key: ["fit_ceiling.yes.yes"], problem: "not 7"),
            Breakage(
                "a fit ceiling of zero", "scoring.yaml", .replace("not_sure: 2", "not_sure: 0"),
                key: ["fit_ceiling.no.not_sure"], problem: "not 0"),
            Breakage(
                "a chart row not covering level 3", "chart.yaml", .replace("levels: [1, 2, 3]", "levels: [1, 2]"),
                key: ["resources", "cells"], problem: "1 to 5"),
            Breakage(
                "a duplicate step id", "script.yaml", .replace("- id: purpose", "- id: initiative"),
                key: ["steps[2]", "id"], problem: "twice"),
            Breakage(
                "depends_on a later step", "script.yaml", .replace("depends_on: [words]", "depends_on: [plan]"),
                key: ["words_level", "depends_on"], problem: "\"plan\" is not an earlier step"),
            Breakage(
                "depends_on an unknown step", "script.yaml", .replace("depends_on: [words]", "depends_on: [wrods]"),
                key: ["words_level", "depends_on"], problem: "\"wrods\""),
            Breakage(
                "an unknown role", "script.yaml",
                .replaceLine(after: ["- id: benefit"], prefix: "role:", with: "role: benefits"),
                key: ["benefit", "role"], problem: "\"benefits\""),
            Breakage("a missing file", "result.yaml", .removeFile, key: [], problem: "missing"),
            Breakage(
                "an unknown stemmer", "language.yaml", .replaceLine(after: [], prefix: "stemmer:", with: "stemmer: klingon"),
                key: ["stemmer"], problem: "not a Snowball stemmer"),
            Breakage(
                "a way of saying yes that is also a way of saying no", "script.yaml",
                .replace("words: [\"no benefit\", ", "words: [benefits, \"no benefit\", "),
                key: ["steps[3]", "benefit"], problem: "points at both \"yes\" and \"no\""),
            Breakage(
                "a chart phrase on two cells of one row", "chart.yaml",
                .replace("words: [\"we decide\", ", "words: [\"decide together\", \"we decide\", "),
                key: ["current_decisions"], problem: "points at both"),
            Breakage(
                "a number word for two numbers", "language.yaml", .replace("\"2\": [two,", "\"2\": [one, two,"),
                key: ["reading.numbers"], problem: "\"one\" stands for both"),
            Breakage(
                "an answer word that means yes and no", "language.yaml",
                .replace("\"no\": [\"no\", \"n\",", "\"no\": [\"no\", \"yep\", \"n\","),
                key: ["answers"], problem: "\"yep\" is in both yes and no"),
            Breakage(
                "a way of answering as a member that is also a way of answering as a partner", "workshop.yaml",
                .replace("partner_words: [partner,", "partner_words: [partner, staff,"),
                key: ["perspective"], problem: "points at both \"member\" and \"partner\""),
            Breakage(
                "a step id with a space, which a button's value cannot carry", "script.yaml",
                .replace("- id: purpose", "- id: \"our purpose\""), key: ["steps[2]", "id"], problem: "letters, digits"),
            Breakage(
                "a step id too long for a button's value", "script.yaml",
                .replace("- id: plan", "- id: \(String(repeating: "p", count: 33))"), key: ["steps[12]", "id"],
                problem: "1 to 32"),
            Breakage(
                "a press notice too long to show beside a button", "language.yaml",
                .replaceLine(
                    after: ["messages:"], prefix: "press_outdated:",
                    with: "press_outdated: \"\(String(repeating: "That button is old. ", count: 11))\""),
                key: ["messages.press_outdated"], problem: "at most 200"),
            Breakage(
                "partners asked for a recommendation's inputs", "workshop.yaml",
                .replace("    role: words_level\n", "    role: desired\n"), key: ["partner_steps", "role"],
                problem: "partners are not asked desired"),
            Breakage(
                "a partner step missing a chart row", "workshop.yaml",
                .replace("options_from: decisions", "options_from: levels"),
                key: ["partner_steps"], problem: "options_from decisions"),
            Breakage(
                "a partner organization step with its own id", "workshop.yaml",
                .replace("partner_steps:\n  - id: organization", "partner_steps:\n  - id: partner_organization"),
                key: ["partner_organization", "id"], problem: "must be \"organization\""),
            Breakage(
                "a team view shown to fewer than three", "workshop.yaml",
                .replaceLine(after: ["team_view:"], prefix: "minimum_people:", with: "minimum_people: 2"),
                key: ["team_view.minimum_people"], problem: "at least 3"),
            Breakage(
                "an unknown placeholder in a discussion question", "workshop.yaml",
                .replaceLine(after: ["discussion:"], prefix: "desired_apart:", with: "desired_apart: \"From {lowset}\""),
                key: ["discussion.desired_apart"], problem: "{lowset}"),
            Breakage(
                "a workshop message missing", "workshop.yaml", .removeLines(after: ["messages:"], prefix: "left:", count: 1),
                key: ["messages.left"], problem: "missing"),
        ]
    }

    /// A change to one prompts file.
    enum Edit: Sendable {
        /// Replaces the only occurrence of a text.
        case replace(String, String)
        /// Finds each anchor line in turn, then replaces the next line starting with `prefix`, keeping its indentation.
        case replaceLine(after: [String], prefix: String, with: String)
        /// Finds each anchor line in turn, then removes the next `count` lines starting with `prefix`.
        case removeLines(after: [String], prefix: String, count: Int)
        /// Removes the file from the folder.
        case removeFile

        func apply(to text: String) throws -> String? {
            switch self {
            case .replace(let old, let new):
                #expect(text.components(separatedBy: old).count == 2, "\"\(old)\" should appear exactly once")
                return text.replacingOccurrences(of: old, with: new)
            case .replaceLine(let anchors, let prefix, let new):
                var lines = text.components(separatedBy: "\n")
                let index = try Self.line(startingWith: prefix, after: anchors, in: lines)
                let indentation = lines[index].prefix { $0 == " " }
                lines[index] = String(indentation) + new
                return lines.joined(separator: "\n")
            case .removeLines(let anchors, let prefix, let count):
                var lines = text.components(separatedBy: "\n")
                for _ in 0..<count {
                    lines.remove(at: try Self.line(startingWith: prefix, after: anchors, in: lines))
                }
                return lines.joined(separator: "\n")
            case .removeFile:
                return nil
            }
        }

        private static func line(startingWith prefix: String, after anchors: [String], in lines: [String]) throws -> Int {
            var start = 0
            for anchor in anchors {
                let found = lines[start...].firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(anchor) }
                start = try #require(found, "no line \"\(anchor)\"") + 1
            }
            let found = lines[start...].firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) }
            return try #require(found, "no line starting with \"\(prefix)\" after \(anchors)")
        }
    }

    /// A prompts folder written to a temporary directory.
    struct TemporaryPrompts {
        let url: URL

        init(_ sources: [String: String]) throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("flowlinks-prompts-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for (name, text) in sources {
                try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
        }

        func remove() { try? FileManager.default.removeItem(at: url) }
    }
}
