/// A reply labelled with what a careful facilitator reads from it, for measuring the bot's reading.
public struct LabelledReply: Sendable, Equatable {
    public let step: StepID
    /// The level the bot suggested before the reply, on the words-level question.
    public let suggested: String?
    public let reply: String
    /// The option a facilitator reads; `nil` when they would ask again.
    public let expected: String?
    /// The line of the corpus file it came from.
    public let line: Int
}

/// A corpus of labelled replies: one per line, `question<TAB>reply<TAB>expected`, where expected is
/// an option id or "?" (ask again) and question may carry the suggested level ("words_level@informing").
/// Lines starting with "#" are comments.
public enum ReplyCorpus {
    /// A line that is not a labelled reply.
    public struct Problem: Error, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    public static func parse(_ text: String) throws(Problem) -> [LabelledReply] {
        var replies: [LabelledReply] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else {
                throw Problem(line: index + 1, message: "needs three tab-separated fields, has \(fields.count)")
            }
            let question = fields[0].split(separator: "@", maxSplits: 1).map(String.init)
            replies.append(
                LabelledReply(
                    step: question[0], suggested: question.count > 1 ? question[1] : nil, reply: fields[1],
                    expected: fields[2] == "?" ? nil : fields[2], line: index + 1))
        }
        return replies
    }
}
