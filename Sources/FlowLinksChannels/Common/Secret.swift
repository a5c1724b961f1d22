/// A token, key or password whose printed form never shows it: string interpolation, `print`,
/// `dump`, a debugger and a log line that describes the value holding it all see `<secret>`.
/// Not `Equatable`: compare it with `ConstantTime.equals(_:_:)`.
public struct Secret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The value itself, for the one place that must use it: a comparison, a header, a URL.
    public let revealed: String

    public init(_ value: String) {
        self.revealed = value
    }

    public var description: String { "<secret>" }
    public var debugDescription: String { "<secret>" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
