/// Writes JSON text straight into bytes, for the few small shapes written on every turn.
// why: Foundation's `JSONEncoder` builds a tree of boxed values and sorts keys on every call; the
// shapes written per turn are fixed, so writing their bytes directly costs a small fraction.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Writes `/` as `\/`, as `JSONEncoder` does unless told `.withoutEscapingSlashes`.
    let escapesSlashes: Bool

    public init(capacity: Int = 512, escapesSlashes: Bool = false) {
        bytes.reserveCapacity(capacity)
        self.escapesSlashes = escapesSlashes
    }

    /// Appends JSON punctuation or a key written out in full, such as `{"text":`.
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends a quoted string, escaped as `JSONEncoder` escapes it.
    public mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        // why: when slashes stay as they are, this test repeats the quote's, and the loop below
        // needs no branch on the option.
        let slash: UInt8 = escapesSlashes ? 0x2F : 0x22
        var value = value
        value.withUTF8 { utf8 in
            // why: copies the runs between escapes whole; most text has no character to escape.
            var runStart = 0
            for index in utf8.indices
            where utf8[index] < 0x20 || utf8[index] == 0x22 || utf8[index] == 0x5C || utf8[index] == slash {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                escape(utf8[index])
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case UInt8(ascii: "/"): raw("\\/")
        case UInt8(ascii: "\n"): raw("\\n")
        case UInt8(ascii: "\r"): raw("\\r")
        case UInt8(ascii: "\t"): raw("\\t")
        case 0x08: raw("\\b")
        case 0x0C: raw("\\f")
        default:
            raw("\\u00")
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        }
    }

    /// Appends a string, or `null`.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { raw("null") }
    }

    public mutating func number(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    public mutating func number(_ value: Int64?) {
        if let value { bytes.append(contentsOf: String(value).utf8) } else { raw("null") }
    }

    public mutating func bool(_ value: Bool) { if value { raw("true") } else { raw("false") } }

    /// Appends the elements of a JSON array, each written by `element`, between brackets.
    public mutating func array<Element>(_ elements: [Element], _ element: (inout JSONWriter, Element) -> Void) {
        raw("[")
        for (index, value) in elements.enumerated() {
            if index > 0 { raw(",") }
            element(&self, value)
        }
        raw("]")
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
