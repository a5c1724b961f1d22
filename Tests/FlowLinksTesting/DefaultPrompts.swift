import FlowLinksCore
import Foundation
import Synchronization

/// The repository's own `Prompts/` folder, which every test runs against.
public enum DefaultPrompts {
    public static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Prompts")

    /// The files' texts by name, for tests that break one on purpose.
    public static func sources() throws -> [String: String] {
        var sources: [String: String] = [:]
        for name in ScriptLoader.fileNames {
            sources[name] = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        }
        return sources
    }

    /// The translation folders' texts (`es/`), by folder, then file name.
    public static func translations() throws -> [String: [String: String]] {
        var translations: [String: [String: String]] = [:]
        for folder in ["es"] {
            for name in ScriptLoader.translatedFileNames {
                let url = directory.appendingPathComponent(folder).appendingPathComponent(name)
                translations[folder, default: [:]][name] = try String(contentsOf: url, encoding: .utf8)
            }
        }
        return translations
    }

    /// The default script, loaded once.
    public static let script: Script = {
        do {
            return try ScriptLoader.load(directory: directory)
        } catch {
            fatalError("The default Prompts folder is invalid: \(error)")
        }
    }()
}

/// The one clock tests move by hand; the server under test and the test share it.
public final class TestClock: Sendable {
    private let current: Mutex<Date>

    public init(start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = Mutex(start) }

    public var now: Date { current.withLock { $0 } }

    public func advance(_ seconds: TimeInterval) { current.withLock { $0 += seconds } }
}
