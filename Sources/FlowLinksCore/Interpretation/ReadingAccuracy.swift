import Foundation

/// How the bot reads a corpus of labelled replies: how many it reads as a facilitator would, how
/// many wrong readings it would keep without checking, and the confusion per question.
public struct ReadingAccuracy: Sendable {
    /// One labelled reply and the bot's reading of it.
    public struct Result: Sendable {
        public let labelled: LabelledReply
        /// The option read and how sure; `nil` when the bot would ask again.
        public let reading: ChoiceReading?

        /// The bot reads what the facilitator reads: the same option (kept or checked first), or
        /// both would ask again.
        public var agrees: Bool { reading?.optionID == labelled.expected }
        /// A reading kept without checking that the facilitator would not have kept.
        public var isWrongAndTaken: Bool { reading?.confidence == .high && !agrees }
    }

    public let results: [Result]

    /// Reads every reply against `script`'s questions; a reply to an unknown question or option is a problem.
    public init(script: Script, corpus: [LabelledReply]) throws(ReplyCorpus.Problem) {
        let interpreter = ChoiceInterpreter(language: script.language)
        var results: [Result] = []
        for labelled in corpus {
            guard let step = script.step(labelled.step), step.kind == .choice else {
                throw ReplyCorpus.Problem(line: labelled.line, message: "\"\(labelled.step)\" is not a choice question")
            }
            for id in [labelled.expected, labelled.suggested].compactMap({ $0 }) where step.option(id) == nil {
                throw ReplyCorpus.Problem(line: labelled.line, message: "\(step.id) has no option \"\(id)\"")
            }
            let suggested = labelled.suggested.flatMap(step.option)
            results.append(
                Result(labelled: labelled, reading: interpreter.interpret(labelled.reply, for: step, suggested: suggested)))
        }
        self.results = results
    }

    public var agreement: Double { results.isEmpty ? 1 : Double(results.filter(\.agrees).count) / Double(results.count) }
    public var wrongAndTaken: [Result] { results.filter(\.isWrongAndTaken) }

    /// The figures, the confusion per question, and every disagreement, as text.
    public func report(script: Script) -> String {
        let checked = results.filter { $0.reading?.confidence == .medium }.count
        let asked = results.filter { $0.reading == nil }.count
        var lines = [
            "\(results.count) replies: \(results.filter(\.agrees).count) read as a facilitator would (\(Self.percent(agreement))); "
                + "\(results.count - checked - asked) kept at once, \(checked) checked first, \(asked) asked again.",
            "Wrong readings kept without checking: \(wrongAndTaken.count).",
        ]
        let steps = script.steps.filter { step in results.contains { $0.labelled.step == step.id } }
        for step in steps {
            lines += [""] + confusion(of: step, among: results.filter { $0.labelled.step == step.id })
        }
        let disagreements = results.filter { !$0.agrees }
        if !disagreements.isEmpty { lines += ["", "Disagreements:"] }
        for result in disagreements {
            let read = result.reading.map { "\($0.optionID) (\($0.confidence.rawValue))" } ?? "ask again"
            let suggested = result.labelled.suggested.map { "@\($0)" } ?? ""
            lines.append(
                "  \(result.labelled.step)\(suggested): \"\(result.labelled.reply)\" expected \(result.labelled.expected ?? "ask again"), read \(read)"
            )
        }
        return lines.joined(separator: "\n")
    }

    /// A table of expected option (rows) against the reading (columns), "ask" for asking again.
    private func confusion(of step: Step, among results: [Result]) -> [String] {
        let columns = step.options.map(\.id) + ["ask"]
        let corner = "expected \\ read"
        let width = max(corner.count, columns.map(\.count).max() ?? 0) + 1
        let pad = { (text: String) in text.padding(toLength: width, withPad: " ", startingAt: 0) }
        let agreed = Double(results.filter(\.agrees).count) / Double(max(1, results.count))
        var lines = [
            "\(step.id): \(results.count) replies, \(Self.percent(agreed)) agreed",
            "  " + pad(corner) + columns.map(pad).joined(),
        ]
        for row in columns {
            let inRow = results.filter { ($0.labelled.expected ?? "ask") == row }
            guard !inRow.isEmpty else { continue }
            let counts = columns.map { column in inRow.filter { ($0.reading?.optionID ?? "ask") == column }.count }
            lines.append("  " + pad(row) + counts.map { pad(String($0)) }.joined())
        }
        return lines
    }

    static func percent(_ fraction: Double) -> String {
        let tenths = Int((fraction * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10) %"
    }
}
