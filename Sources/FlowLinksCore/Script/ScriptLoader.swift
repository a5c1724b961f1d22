import Foundation
import Yams

/// Reads a `Prompts/` folder and turns it into a validated `Script`.
public enum ScriptLoader {
    /// The files a `Prompts/` folder must hold.
    public static let fileNames = [
        "script.yaml", "chart.yaml", "language.yaml", "scoring.yaml", "actions.yaml", "result.yaml", "workshop.yaml",
    ]

    /// The files a translation folder (`Prompts/es/`) holds: all but the shared `scoring.yaml`.
    public static let translatedFileNames = fileNames.filter { $0 != "scoring.yaml" }

    /// Loads and validates the folder and its translation folders (a folder with a
    /// `language.yaml`); the error lists every problem by file and key.
    public static func load(directory: URL) throws(PromptsError) -> Script {
        var problems: [PromptsProblem] = []
        let sources = read(fileNames, in: directory, prefix: "", problems: &problems)
        var translations: [String: [String: String]] = [:]
        for folder in translationFolders(in: directory) {
            translations[folder] = read(
                translatedFileNames, in: directory.appendingPathComponent(folder), prefix: folder + "/",
                problems: &problems)
        }
        guard problems.isEmpty else { throw PromptsError(problems: problems) }
        return try load(sources: sources, translations: translations)
    }

    /// The subfolders that hold a translation, by name, sorted.
    static func translationFolders(in directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(
                atPath: directory.appendingPathComponent($0).appendingPathComponent("language.yaml").path)
        }.sorted()
    }

    private static func read(
        _ names: [String], in directory: URL, prefix: String, problems: inout [PromptsProblem]
    ) -> [String: String] {
        var sources: [String: String] = [:]
        for name in names {
            do {
                sources[name] = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            } catch {
                problems.append(PromptsProblem(file: prefix + name, key: "", problem: "cannot be read from \(directory.path)"))
            }
        }
        return sources
    }

    /// Loads and validates the files' texts, keyed by file name, with translations keyed by their
    /// folder's name: each must have the same keys, option ids and placeholders as the default.
    public static func load(
        sources: [String: String], translations: [String: [String: String]]
    ) throws(PromptsError) -> Script {
        var everything = sources
        for (folder, files) in translations {
            for (name, text) in files { everything["\(folder)/\(name)"] = text }
        }
        let version = version(declaredVersion(sources), sources: everything)
        var problems: [PromptsProblem] = []
        var script: Script?
        do {
            script = try load(sources: sources, version: version)
        } catch {
            problems += error.problems
        }
        var loaded: [String: Script] = [:]
        for folder in translations.keys.sorted() {
            let files = translations[folder, default: [:]]
            problems += PromptsParity.problems(of: files, against: sources, folder: folder)
            var translated = files
            translated["scoring.yaml"] = sources["scoring.yaml"]
            do {
                let translation = try load(sources: translated, version: version)
                let code = translation.language.choosing.code
                if code != folder {
                    problems.append(
                        PromptsProblem(
                            file: "\(folder)/language.yaml", key: "choosing.code",
                            problem: "is \(code), but the folder is named \(folder); name it after the code"))
                }
                loaded[code] = translation
            } catch {
                problems += error.problems.map {
                    PromptsProblem(file: "\(folder)/\($0.file)", key: $0.key, problem: $0.problem)
                }
            }
        }
        guard var script, problems.isEmpty else { throw PromptsError(problems: problems) }
        if loaded[script.language.choosing.code] != nil {
            let code = script.language.choosing.code
            throw PromptsError(problems: [
                PromptsProblem(file: "language.yaml", key: "choosing.code", problem: "\(code) is also a translation's code")
            ])
        }
        script.translations = loaded
        return script
    }

    /// Loads and validates the files' texts, keyed by file name.
    public static func load(sources: [String: String]) throws(PromptsError) -> Script {
        try load(sources: sources, translations: [:])
    }

    /// The version `script.yaml` declares, read without decoding the rest.
    private static func declaredVersion(_ sources: [String: String]) -> String {
        struct Declared: Decodable { let version: String? }
        let text = sources["script.yaml"] ?? ""
        return ((try? YAMLDecoder().decode(Declared.self, from: text))?.version) ?? ""
    }

    /// Loads one language's files with the version all languages share.
    private static func load(sources: [String: String], version: String) throws(PromptsError) -> Script {
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
        var assembler = ScriptAssembler(version: version)
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
