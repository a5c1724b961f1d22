import ArgumentParser
import FlowLinksCore
import Foundation

/// `flowlinks prompts check [DIR]`: validates conversation content without running anything;
/// `flowlinks prompts accuracy CORPUS…`: how well replies are read against labelled replies.
struct PromptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompts", abstract: "Work with the conversation content.", subcommands: [Check.self, Accuracy.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a Prompts folder; exit 1 and name each file, key and problem when it is invalid.")

        @Argument(help: "The folder to check (default: ./Prompts, else the one beside the program).")
        var directory: String?

        func run() throws {
            let options = try PromptsOptions.folder(directory)
            print(options.validity(of: try options.loadScript()))
        }
    }

    struct Accuracy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read labelled replies (question<TAB>reply<TAB>expected option or ?) and print the accuracy and the "
                + "confusion per question.")

        @OptionGroup var prompts: PromptsOptions

        @Option(help: "The language the replies are in (es), read with that translation; default: the content's own.")
        var language: String?

        @Argument(help: "One or more corpus files, read together.")
        var corpus: [String]

        func run() throws {
            let loaded = try prompts.loadScript()
            if let language, !loaded.languageCodes.contains(language) {
                throw CommandFailure(
                    "Unknown language \(language); the content speaks \(loaded.languageCodes.joined(separator: ", ")).")
            }
            let script = loaded.translated(to: language)
            var replies: [LabelledReply] = []
            for path in corpus {
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw CommandFailure("Cannot read \(path).")
                }
                do {
                    replies += try ReplyCorpus.parse(text)
                } catch {
                    throw CommandFailure("\(path): \(error)")
                }
            }
            do {
                print(try ReadingAccuracy(script: script, corpus: replies).report(script: script))
            } catch {
                throw CommandFailure("\(error)")
            }
        }
    }
}
