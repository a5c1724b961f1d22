/// A session's result as JSON text, byte for byte as `JSONEncoder` with `.sortedKeys` writes it
/// (the form GRDB stores a record's JSON column in).
// why: written once per session, and `JSONEncoder` took a tenth of that session's instructions.
extension SessionResult {
    public var json: [UInt8] {
        var writer = JSONWriter(capacity: 4096, escapesSlashes: true)
        writer.raw("{\"parts\":")
        writer.array(parts) { writer, part in
            writer.raw("{\"cites\":")
            writer.array(part.cites) { writer, stepID in writer.string(stepID) }
            writer.raw(",\"text\":")
            writer.string(part.text)
            writer.raw("}")
        }
        writer.raw(",\"recommendation\":")
        recommendation.write(to: &writer)
        writer.raw("}")
        return writer.bytes
    }
}

extension Recommendation {
    func write(to writer: inout JSONWriter) {
        writer.raw("{\"desired\":")
        writer.number(desired.rawValue)
        writer.raw(",\"dimensions\":")
        writer.array(dimensions) { writer, advice in advice.write(to: &writer) }
        writer.raw(",\"fit\":")
        writer.string(fit.rawValue)
        writer.raw(",\"fitCeiling\":")
        writer.number(fitCeiling.rawValue)
        writer.raw(",\"overallCurrent\":")
        writer.number(overallCurrent.rawValue)
        writer.raw(",\"recommended\":")
        writer.number(recommended.rawValue)
        writer.raw(",\"wordsCheck\":")
        writer.string(wordsCheck.rawValue)
        if let wordsLevel {
            writer.raw(",\"wordsLevel\":")
            writer.number(wordsLevel.rawValue)
        }
        writer.raw("}")
    }
}

extension Recommendation.DimensionAdvice {
    func write(to writer: inout JSONWriter) {
        writer.raw("{\"actions\":")
        writer.array(actions) { writer, action in writer.string(action) }
        writer.raw(",\"current\":{\"highest\":")
        writer.number(current.highest.rawValue)
        writer.raw(",\"lowest\":")
        writer.number(current.lowest.rawValue)
        writer.raw("},\"dimension\":")
        writer.string(dimension.rawValue)
        if let next {
            writer.raw(",\"next\":")
            writer.number(next.rawValue)
        }
        writer.raw(",\"source\":")
        writer.string(source)
        writer.raw("}")
    }
}
