/// Reads the ordinary yes, no and not-sure words of a reply, with what negation does to them:
/// "certainly not" and "I don't think so" are no, "not totally sure" is unsure, "no doubt" is yes.
struct AnswerReader {
    let language: Language

    /// An answer found in the reply, over tokens `start...end`.
    struct Found: Equatable {
        var meaning: AnswerMeaning
        var start: Int
        var end: Int
    }

    /// The answers in the reply, in order.
    func answers(in reply: ReplyTokens) -> [Found] {
        var items = scan(reply.words)
        resolveModifiers(&items, reply: reply)
        resolveNegations(&items, reply: reply)
        let found = items.compactMap { item -> Found? in
            guard case .answer(let meaning, _) = item.kind else { return nil }
            return Found(meaning: meaning, start: item.start, end: item.end)
        }
        return merged(found, reply: reply)
    }

    /// "yes definitely", "not 100% sure": answers side by side in one clause are one answer; beside a
    /// not-sure, a yes or no is not sure too. A yes beside a no stays two answers: a contradiction.
    private func merged(_ found: [Found], reply: ReplyTokens) -> [Found] {
        var result: [Found] = []
        for answer in found {
            guard var last = result.last, last.meaning == answer.meaning || [last.meaning, answer.meaning].contains(.unsure),
                !reply.clauseBreaks(after: last.end, through: answer.start),
                reply.tokens[(last.end + 1)..<answer.start].allSatisfy(\.isIgnored)
            else {
                result.append(answer)
                continue
            }
            last.end = answer.end
            if answer.meaning == .unsure { last.meaning = .unsure }
            result[result.count - 1] = last
        }
        return result
    }

    private struct Item {
        enum Kind: Equatable {
            /// An answer word; `modifier` when it also strengthens or hedges a neighbour ("definitely").
            case answer(AnswerMeaning, modifier: Bool)
            case negator
        }
        var kind: Kind
        var start: Int
        var end: Int
        var used = false
    }

    /// The longest answer phrase at each position, and the negators between them.
    private func scan(_ words: [String]) -> [Item] {
        var items: [Item] = []
        var index = 0
        while index < words.count {
            let rest = words[index...]
            // why: most words of a reply start no answer; a set lookup spares matching every phrase.
            let found =
                !language.answerFirstWords.contains(words[index])
                ? nil
                : AnswerMeaning.allCases.compactMap { meaning in
                    PhraseMatch.prefix(of: rest, among: language.answerPhrases[meaning] ?? []).map { (meaning, $0.length) }
                }.max { $0.1 < $1.1 }
            if let (meaning, length) = found {
                let phrase = Array(words[index..<(index + length)])
                let modifier = meaning == .yes && language.reading.modifiers.contains(phrase)
                items.append(Item(kind: .answer(meaning, modifier: modifier), start: index, end: index + length - 1))
                index += length
            } else {
                if language.reading.isNegator(words[index]) { items.append(Item(kind: .negator, start: index, end: index)) }
                index += 1
            }
        }
        return items
    }

    /// "definitely not", "probably no": a yes-modifier right before a negation strengthens it; "not
    /// really sure": a negated phrase right before a yes-modifier is not sure.
    private func resolveModifiers(_ items: inout [Item], reply: ReplyTokens) {
        var index = 0
        while index + 1 < items.count {
            let (first, second) = (items[index], items[index + 1])
            let adjacent = second.start == first.end + 1 && !reply.tokens[second.start].startsClause
            if adjacent, first.kind == .answer(.yes, modifier: true),
                second.kind == .negator || second.kind == .answer(.no, modifier: false)
            {
                items[index] = Item(kind: .answer(.no, modifier: false), start: first.start, end: second.end)
                items.remove(at: index + 1)
            } else if adjacent, first.kind == .answer(.no, modifier: false), reply.tokens[first.start].isNegator,
                second.kind == .answer(.yes, modifier: true)
            {
                items[index] = Item(kind: .answer(.unsure, modifier: false), start: first.start, end: second.end)
                items.remove(at: index + 1)
            }
            index += 1
        }
    }

    /// "not true", "I don't think so": a negated yes is no; "not sure", "can't say for sure": a
    /// negated yes-modifier is not sure.
    private func resolveNegations(_ items: inout [Item], reply: ReplyTokens) {
        for index in items.indices {
            guard case .answer(.yes, let modifier) = items[index].kind else { continue }
            let start = items[index].start
            guard
                let negator = items[..<index].lastIndex(where: {
                    $0.kind == .negator && !$0.used && start - $0.end <= 3 && !reply.clauseBreaks(after: $0.end, through: start)
                })
            else { continue }
            items[negator].used = true
            items[index].kind = .answer(modifier ? .unsure : .no, modifier: false)
            items[index].start = items[negator].start
        }
        items.removeAll { $0.kind == .negator }
    }
}
