/// Builds a `Script` from decoded files and records every inconsistency it finds.
struct ScriptAssembler {
    let version: String
    var problems: [PromptsProblem] = []

    init(version: String) { self.version = version }

    mutating func report(_ file: String, _ key: String, _ problem: String) {
        problems.append(PromptsProblem(file: file, key: key, problem: problem))
    }

    mutating func assemble(
        script: PromptFiles.ScriptFile, chart chartFile: PromptFiles.ChartFile,
        language languageFile: PromptFiles.LanguageFile, scoring scoringFile: PromptFiles.ScoringFile,
        actions actionsFile: PromptFiles.ActionsFile, result resultFile: PromptFiles.ResultFile,
        workshop workshopFile: PromptFiles.WorkshopFile
    ) -> Script? {
        let chart = buildChart(chartFile)
        guard let language = buildLanguage(languageFile) else { return nil }
        let steps = buildSteps(script, chart: chart, language: language)
        checkTemplate(Template(script.welcome), file: "script.yaml", key: "welcome", allowed: ["question_count"])
        if script.version.trimmingCharacters(in: .whitespaces).isEmpty {
            report("script.yaml", "version", "must not be empty")
        }
        checkPhrases(steps, language: language)
        let scoring = buildScoring(scoringFile, steps: steps)
        let actions = buildActions(actionsFile)
        let result = buildResult(resultFile)
        let workshop = buildWorkshop(workshopFile, chart: chart, language: language, memberSteps: steps)
        guard problems.isEmpty else { return nil }
        return Script(
            version: version, welcome: script.welcome, steps: steps, chart: chart, language: language,
            confirmation: YesNoQuestion(language: language), scoring: scoring, actions: actions, result: result,
            workshop: workshop, memberSteps: steps)
    }

    mutating func checkTemplate(_ template: Template, file: String, key: String, allowed: Set<String>) {
        for name in template.placeholders where !allowed.contains(name) {
            let known = allowed.isEmpty ? "none" : allowed.sorted().map { "{\($0)}" }.joined(separator: ", ")
            report(file, key, "unknown placeholder {\(name)} (known here: \(known))")
        }
    }

    mutating func checkNotEmpty(_ text: String, file: String, key: String) {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { report(file, key, "must not be empty") }
    }

    // MARK: - chart.yaml

    mutating func buildChart(_ file: PromptFiles.ChartFile) -> Chart {
        var levels: [Chart.Level] = []
        for (index, entry) in file.levels.enumerated() {
            let key = "levels[\(index)]"
            guard let level = EngagementLevel(rawValue: entry.number) else {
                report("chart.yaml", "\(key).number", "must be 1 to 5, not \(entry.number)")
                continue
            }
            if levels.contains(where: { $0.level == level }) {
                report("chart.yaml", "\(key).number", "level \(entry.number) appears twice")
            }
            checkNotEmpty(entry.name, file: "chart.yaml", key: "\(key).name")
            levels.append(
                Chart.Level(
                    level: level, key: entry.key, name: entry.name, summary: entry.summary,
                    words: normalized(entry.words ?? [])))
        }
        for level in EngagementLevel.allCases where !levels.contains(where: { $0.level == level }) {
            report("chart.yaml", "levels", "level \(level.rawValue) is missing")
        }
        var rows: [Chart.Row] = []
        for (index, entry) in file.dimensions.enumerated() {
            guard let dimension = EngagementDimension(rawValue: entry.key) else {
                let known = EngagementDimension.allCases.map(\.rawValue).joined(separator: ", ")
                report("chart.yaml", "dimensions[\(index)].key", "unknown dimension \"\(entry.key)\" (known: \(known))")
                continue
            }
            rows.append(
                Chart.Row(
                    dimension: dimension, name: entry.name, title: entry.row,
                    cells: buildCells(entry.cells, key: "dimensions[\(index)] (\(entry.key))")))
        }
        for dimension in EngagementDimension.allCases where !rows.contains(where: { $0.dimension == dimension }) {
            report("chart.yaml", "dimensions", "the \(dimension.rawValue) row is missing")
        }
        return Chart(levels: levels.sorted { $0.level < $1.level }, rows: rows)
    }

    mutating func buildCells(_ entries: [PromptFiles.CellEntry], key: String) -> [Chart.Cell] {
        var cells: [Chart.Cell] = []
        var covered: [Int] = []
        for (index, entry) in entries.enumerated() {
            let levels = entry.levels.sorted().compactMap(EngagementLevel.init(rawValue:))
            let contiguous = zip(levels, levels.dropFirst()).allSatisfy { $1.rawValue == $0.rawValue + 1 }
            guard let first = levels.first, let last = levels.last, levels.count == entry.levels.count, contiguous else {
                report("chart.yaml", "\(key).cells[\(index)].levels", "must be neighbouring levels from 1 to 5")
                continue
            }
            covered += entry.levels
            if cells.contains(where: { $0.id == entry.id }) {
                report("chart.yaml", "\(key).cells[\(index)].id", "\"\(entry.id)\" is used twice")
            }
            cells.append(
                Chart.Cell(id: entry.id, levels: LevelSpan(first, last), text: entry.text, words: normalized(entry.words ?? [])))
        }
        if covered.sorted() != [1, 2, 3, 4, 5] {
            report("chart.yaml", "\(key).cells", "must cover each level from 1 to 5 exactly once")
        }
        return cells
    }

    func normalized(_ words: [String]) -> [String] {
        words.map(TextNormalizer.normalize).filter { !$0.isEmpty }
    }
}
