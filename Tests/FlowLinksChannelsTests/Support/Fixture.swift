import FlowLinksChannels
import FlowLinksCore
import FlowLinksTesting
import Foundation
import Testing

/// Real platform payloads from `Fixtures/`, as the bytes a webhook receives.
enum Fixture {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(
            Bundle.module.url(
                forResource: (name as NSString).deletingPathExtension, withExtension: (name as NSString).pathExtension,
                subdirectory: "Fixtures"),
            "Missing fixture \(name)")
        var bytes = Array(try Data(contentsOf: url))
        // why: a form body never ends with a newline; an editor may add one to the file.
        while name.hasSuffix(".form"), bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        return bytes
    }
}

/// The numbered-list renderer of the repository's default script.
let plainText = PlainText(script: DefaultPrompts.script)

/// Five choices in the shape the engine offers them, labels taken from the default chart.
let chartChoices = [
    Choice(number: 1, value: "some-knowledge", label: "Partners may know a little about it.", shortLabel: "Independent"),
    Choice(number: 2, value: "shared", label: "Information is shared with partners.", shortLabel: "Informing"),
    Choice(number: 3, value: "considered", label: "Feedback from community partners is considered.", shortLabel: "Consulting"),
    Choice(number: 4, value: "prioritized", label: "Partners' feedback is prioritized.", shortLabel: "Involving"),
    Choice(number: 5, value: "ongoing", label: "Ongoing, shared planning and work.", shortLabel: "Aligning"),
]

/// Sentences of distinct numbered words, so a test can tell whether a split lost or reordered any.
func numberedWords(count: Int, prefix: String = "word") -> String {
    (1...count).map { "\(prefix)\($0)" }.joined(separator: " ")
}

/// The words of some texts, in order, for comparing what a split kept.
func words(_ texts: [String]) -> [Substring] {
    texts.flatMap { $0.split(whereSeparator: \.isWhitespace) }
}

extension ChannelInbound {
    var event: InboundEvent? {
        if case .event(let event) = self { event } else { nil }
    }

    var response: ChannelResponse? {
        if case .respond(let response) = self { response } else { nil }
    }
}

/// A channel that checks a request without waiting for anything (all but Teams, which may fetch
/// its signing keys), so a test can call it from synchronous code.
protocol ReceivesAtOnce {
    func receive(_ request: ChannelRequest) throws(ChannelError) -> ChannelInbound
}

extension GenericChannel: ReceivesAtOnce {}
extension TelegramChannel: ReceivesAtOnce {}
extension TwilioChannel: ReceivesAtOnce {}
extension MattermostChannel: ReceivesAtOnce {}
extension SlackChannel: ReceivesAtOnce {}
extension WhatsAppChannel: ReceivesAtOnce {}
extension DiscordChannel: ReceivesAtOnce {}
extension WebChatChannel: ReceivesAtOnce {}

/// The error a request is refused with, or `nil` when it is accepted.
func refusal(of request: ChannelRequest, by channel: some ReceivesAtOnce) -> ChannelError? {
    do {
        _ = try channel.receive(request)
        return nil
    } catch {
        return error
    }
}

/// Checks a refusal is a 400 whose message a person can read: a sentence, no Swift internals.
func expectPlainBadRequest(
    _ error: ChannelError?, mentioning word: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
    guard case .badRequest(let message) = error else {
        Issue.record("Expected a bad request, got \(String(describing: error))", sourceLocation: sourceLocation)
        return
    }
    #expect(error?.status == 400, sourceLocation: sourceLocation)
    #expect(!message.isEmpty && message.hasSuffix("."), "\(message)", sourceLocation: sourceLocation)
    for leak in ["DecodingError", "codingPath", "Swift.", "Optional(", "CodingKeys", "NSCocoaErrorDomain", "\n"] {
        #expect(!message.contains(leak), "\(message)", sourceLocation: sourceLocation)
    }
    if let word { #expect(message.contains(word), "\(message)", sourceLocation: sourceLocation) }
}

/// A JSON response or call body as a dictionary.
func jsonObject(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(bytes))
    return try #require(object as? [String: Any], sourceLocation: sourceLocation)
}
