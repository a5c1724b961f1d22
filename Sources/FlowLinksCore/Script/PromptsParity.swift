import Yams

/// Checks that a translation folder says the same things as the default one: the same keys, the
/// same steps, options and cells by id, and the same placeholders in every sentence. Word lists
/// (`words`, commands, reading rules) and action lists may differ in length; a language says
/// things its own way.
enum PromptsParity {
    /// Every difference between a translation's files and the default's, by file and key.
    static func problems(
        of translation: [String: String], against sources: [String: String], folder: String
    )
        -> [PromptsProblem]
    {
        var problems: [PromptsProblem] = []
        for name in ScriptLoader.translatedFileNames {
            guard let original = sources[name].flatMap(node), let translated = translation[name].flatMap(node) else {
                continue
            }
            var comparison = Comparison(file: "\(folder)/\(name)")
            comparison.compare(original, translated, at: "")
            problems += comparison.problems
        }
        return problems
    }

    private static func node(_ text: String) -> Node? { (try? Yams.compose(yaml: text)) ?? nil }

    private struct Comparison {
        let file: String
        var problems: [PromptsProblem] = []

        mutating func report(_ key: String, _ problem: String) {
            problems.append(PromptsProblem(file: file, key: key, problem: problem))
        }

        mutating func compare(_ original: Node, _ translated: Node, at key: String) {
            switch (original, translated) {
            case (.mapping(let left), .mapping(let right)):
                compareMappings(left, right, at: key)
            case (.sequence(let left), .sequence(let right)):
                compareSequences(Array(left), Array(right), at: key)
            case (.scalar(let left), .scalar(let right)):
                comparePlaceholders([left.string], [right.string], at: key)
            default:
                report(key, "should be \(Self.kind(of: original)), as in the default language")
            }
        }

        mutating func compareMappings(_ left: Node.Mapping, _ right: Node.Mapping, at key: String) {
            // why: keys are matched by their text; Yams' own lookup would read "1" as a number and "yes" as true.
            let leftValues = Self.byKey(left)
            let rightValues = Self.byKey(right)
            let leftKeys = left.keys.compactMap(\.string)
            let rightKeys = Set(rightValues.keys)
            for name in leftKeys {
                let path = key.isEmpty ? name : "\(key).\(name)"
                guard let value = rightValues[name] else {
                    report(path, "is missing (the default language has it)")
                    continue
                }
                if let original = leftValues[name] { compare(original, value, at: path) }
            }
            for name in rightKeys.subtracting(leftKeys).sorted() {
                report(key.isEmpty ? name : "\(key).\(name)", "is not in the default language's file")
            }
        }

        mutating func compareSequences(_ left: [Node], _ right: [Node], at key: String) {
            let leftIDs = left.map(Self.identifier)
            guard leftIDs.allSatisfy({ $0 != nil }), !left.isEmpty else {
                // why: lists of words or of actions may be longer or shorter in another language;
                // lists of the same length are sentence for sentence.
                guard left.count == right.count else {
                    comparePlaceholders(left.flatMap(Self.strings), right.flatMap(Self.strings), at: key)
                    return
                }
                for (index, pair) in zip(left, right).enumerated() {
                    comparePlaceholders(Self.strings(pair.0), Self.strings(pair.1), at: "\(key)[\(index)]")
                }
                return
            }
            let rightIDs = right.map(Self.identifier)
            guard leftIDs == rightIDs else {
                let expected = leftIDs.compactMap { $0 }.joined(separator: ", ")
                let found = rightIDs.map { $0 ?? "?" }.joined(separator: ", ")
                report(key, "has the ids [\(found)]; the default language has [\(expected)] in that order")
                return
            }
            for (index, pair) in zip(left, right).enumerated() {
                compare(pair.0, pair.1, at: "\(key)[\(leftIDs[index] ?? String(index))]")
            }
        }

        mutating func comparePlaceholders(_ left: [String?], _ right: [String?], at key: String) {
            let expected = Set(left.compactMap { $0 }.flatMap { Template($0).placeholders })
            let found = Set(right.compactMap { $0 }.flatMap { Template($0).placeholders })
            guard expected != found else { return }
            let names = { (set: Set<String>) in set.sorted().map { "{\($0)}" }.joined(separator: ", ") }
            report(
                key,
                "uses the placeholders \(found.isEmpty ? "none" : names(found)); the default language uses "
                    + (expected.isEmpty ? "none" : names(expected)))
        }

        static func byKey(_ mapping: Node.Mapping) -> [String: Node] {
            var values: [String: Node] = [:]
            for (key, value) in mapping { if let name = key.string { values[name] = value } }
            return values
        }

        /// The `id` (or `key`) of a list entry that names one: a step, an option, a level, a cell.
        static func identifier(_ node: Node) -> String? {
            guard let mapping = node.mapping else { return nil }
            let values = byKey(mapping)
            return (values["id"] ?? values["key"])?.string
        }

        static func strings(_ node: Node) -> [String?] {
            switch node {
            case .scalar(let scalar): [scalar.string]
            case .sequence(let sequence): sequence.flatMap(strings)
            case .mapping(let mapping): mapping.values.flatMap(strings)
            case .alias: []
            }
        }

        static func kind(of node: Node) -> String {
            switch node {
            case .scalar: "text"
            case .sequence: "a list"
            case .mapping: "a section"
            case .alias: "an alias"
            }
        }
    }
}
