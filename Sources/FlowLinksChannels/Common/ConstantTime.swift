/// Compares secrets without revealing, through timing, how much of them matched.
public enum ConstantTime {
    public static func equals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        // why: only the length can leak; every byte is compared whatever the first difference.
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) { difference |= left ^ right }
        return difference == 0
    }

    public static func equals(_ lhs: String?, _ rhs: String) -> Bool {
        guard let lhs else { return false }
        return equals(Array(lhs.utf8), Array(rhs.utf8))
    }
}
