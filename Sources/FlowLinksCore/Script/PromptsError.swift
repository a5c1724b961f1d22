/// One thing wrong with a `Prompts/` folder: which file, which key, what is wrong.
public struct PromptsProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let key: String
    public let problem: String

    public init(file: String, key: String, problem: String) {
        self.file = file
        self.key = key
        self.problem = problem
    }

    public var description: String { key.isEmpty ? "\(file): \(problem)" : "\(file): \(key): \(problem)" }
}

/// Every problem found while loading a `Prompts/` folder.
public struct PromptsError: Error, Sendable, CustomStringConvertible {
    public let problems: [PromptsProblem]

    public var description: String {
        let noun = problems.count == 1 ? "problem" : "problems"
        return (["The prompts have \(problems.count) \(noun):"] + problems.map { "  \($0)" }).joined(separator: "\n")
    }
}
