import Foundation
import Yams

/// Reads a `Prompts/` folder and turns it into a validated `Script`.
public enum ScriptLoader {
    /// The files a `Prompts/` folder must hold.
    public static let fileNames = [
        "script.yaml", "chart.yaml", "language.yaml", "scoring.yaml", "actions.yaml", "result.yaml", "workshop.yaml",
    ]

    /// Loads and validates the folder; the error lists every problem by file and key.
    public static func load(directory: URL) throws(PromptsError) -> Script {
        var sources: [String: String] = [:]
        var problems: [PromptsProblem] = []
        for name in fileNames {
            let url = directory.appendingPathComponent(name)
            do {
                sources[name] = try String(contentsOf: url, encoding: .utf8)
            } catch {
                problems.append(PromptsProblem(file: name, key: "", problem: "cannot be read from \(directory.path)"))
            }
        }
        guard problems.isEmpty else { throw PromptsError(problems: problems) }
        return try load(sources: sources)
    }

    /// Loads and validates the files' texts, keyed by file name.
    public static func load(sources: [String: String]) throws(PromptsError) -> Script {
        var decoder = Decoding(sources: sources)
        let script: PromptFiles.ScriptFile? = decoder.decode("script.yaml")
        let chart: PromptFiles.ChartFile? = decoder.decode("chart.yaml")
        let language: PromptFiles.LanguageFile? = decoder.decode("language.yaml")
        let scoring: PromptFiles.ScoringFile? = decoder.decode("scoring.yaml")
        let actions: PromptFiles.ActionsFile? = decoder.decode("actions.yaml")
        let result: PromptFiles.ResultFile? = decoder.decode("result.yaml")
        let workshop: PromptFiles.WorkshopFile? = decoder.decode("workshop.yaml")
        guard let script, let chart, let language, let scoring, let actions, let result, let workshop else {
            throw PromptsError(problems: decoder.problems)
        }
        var assembler = ScriptAssembler(version: version(script.version, sources: sources))
        let built = assembler.assemble(
            script: script, chart: chart, language: language, scoring: scoring, actions: actions, result: result,
            workshop: workshop)
        guard let built, assembler.problems.isEmpty else { throw PromptsError(problems: assembler.problems) }
        return built
    }

    /// The declared version plus a fingerprint, so edits without a new version still differ.
    static func version(_ declared: String, sources: [String: String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for name in sources.keys.sorted() {
            for byte in Array(name.utf8) + Array(sources[name, default: ""].utf8) {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        let fingerprint = String(hash, radix: 16).prefix(8)
        return "\(declared)+\(fingerprint)"
    }

    /// Decodes YAML files, turning decoding errors into problems that name file and key.
    private struct Decoding {
        let sources: [String: String]
        var problems: [PromptsProblem] = []

        mutating func decode<T: Decodable>(_ file: String) -> T? {
            guard let text = sources[file] else {
                problems.append(PromptsProblem(file: file, key: "", problem: "is missing"))
                return nil
            }
            do {
                return try YAMLDecoder().decode(T.self, from: text)
            } catch let error as DecodingError {
                problems.append(Self.problem(file: file, error: error))
            } catch {
                problems.append(PromptsProblem(file: file, key: "", problem: "is not valid YAML: \(error)"))
            }
            return nil
        }

        static func problem(file: String, error: DecodingError) -> PromptsProblem {
            switch error {
            case .keyNotFound(let key, let context):
                return PromptsProblem(file: file, key: path(context.codingPath + [key]), problem: "is missing")
            case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
                return PromptsProblem(
                    file: file, key: path(context.codingPath), problem: "should be \(describe(type))")
            case .dataCorrupted(let context):
                // why: Yams puts the line and column of a syntax error in the underlying error.
                let detail = context.underlyingError.map { "is not valid YAML: \($0)" } ?? context.debugDescription
                return PromptsProblem(file: file, key: path(context.codingPath), problem: detail)
            @unknown default:
                return PromptsProblem(file: file, key: "", problem: "\(error)")
            }
        }

        static func path(_ keys: [CodingKey]) -> String {
            keys.reduce(into: "") { path, key in
                if let index = key.intValue {
                    path += "[\(index)]"
                } else {
                    path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
        }

        static func describe(_ type: Any.Type) -> String {
            switch type {
            case is String.Type: "text"
            case is Int.Type: "a whole number"
            case is Bool.Type: "true or false"
            default: "a \(String(describing: type).contains("Array") ? "list" : "section")"
            }
        }
    }
}
