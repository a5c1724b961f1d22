import FlowLinksChannels
import FlowLinksCore
import Foundation
import Testing

@Suite("Generic JSON channel")
struct GenericChannelTests {
    let channel = GenericChannel(token: "gen-7f3a9c2e41b8")

    func request(
        _ body: [UInt8], authorization: String? = "Bearer gen-7f3a9c2e41b8", contentType: String = "application/json"
    ) -> ChannelRequest {
        var headers = ["Content-Type": contentType]
        if let authorization { headers["Authorization"] = authorization }
        return ChannelRequest(method: "POST", path: "/webhooks/generic", headers: headers, body: body)
    }

    func request(
        _ json: String, authorization: String? = "Bearer gen-7f3a9c2e41b8", contentType: String = "application/json"
    ) -> ChannelRequest {
        request(Array(json.utf8), authorization: authorization, contentType: contentType)
    }

    let message = #"{"conversation": "team-42", "participant": "maria", "message_id": "m-0001", "text": "Parent Cafe"}"#

    // MARK: Receiving

    @Test func aMessageBecomesAnEvent() throws {
        let event = try #require(try channel.receive(request(message)).event)
        #expect(
            event
                == InboundEvent(
                    channel: "generic", eventID: "m-0001", conversation: "team-42", participant: "maria", text: "Parent Cafe"))
    }

    @Test(
        "Without a token, a request a reverse proxy forwarded is refused",
        arguments: ["X-Forwarded-For", "Forwarded", "X-Real-IP"])
    func forwardedRequestsNeedAToken(header: String) throws {
        let open = GenericChannel(token: nil)
        #expect(try open.receive(request(message, authorization: nil)).event != nil, "a local request is fine")
        var forwarded = request(message, authorization: nil)
        forwarded.headers[header.lowercased()] = "203.0.113.9"
        #expect(refusal(of: forwarded, by: open) == .unauthorized)
        var withToken = request(message)
        withToken.headers[header.lowercased()] = "203.0.113.9"
        #expect(try channel.receive(withToken).event != nil, "with a token the proxy is fine")
    }

    @Test func theParticipantIsOptional() throws {
        let body = #"{"conversation": "team-42", "message_id": "m-0002", "text": "2"}"#
        let event = try #require(try channel.receive(request(body)).event)
        #expect(event.participant == nil)
        #expect(event.text == "2")
    }

    @Test func aCharsetParameterIsAccepted() throws {
        #expect(try channel.receive(request(message, contentType: "application/json; charset=utf-8")).event != nil)
    }

    @Test func theBearerSchemeIsCaseInsensitive() throws {
        #expect(try channel.receive(request(message, authorization: "bearer gen-7f3a9c2e41b8")).event != nil)
    }

    @Test(
        "A missing, wrong or differently-schemed token is refused",
        arguments: [
            nil, "Bearer gen-7f3a9c2e41b9", "Bearer gen-7f3a9c2e41b", "Bearer ", "gen-7f3a9c2e41b8",
            "Basic gen-7f3a9c2e41b8", "Token gen-7f3a9c2e41b8",
        ])
    func aBadTokenIsUnauthorized(authorization: String?) {
        #expect(refusal(of: request(message, authorization: authorization), by: channel) == .unauthorized)
    }

    @Test func theTokenIsCheckedBeforeTheBodyIsRead() {
        #expect(refusal(of: request("not json", authorization: nil), by: channel) == .unauthorized)
    }

    @Test func withoutATokenConfiguredAnyCallerIsAccepted() throws {
        let open = GenericChannel(token: nil)
        #expect(try open.receive(request(message, authorization: nil)).event?.eventID == "m-0001")
    }

    @Test(
        "Anything but JSON is an unsupported media type",
        arguments: ["text/plain", "application/x-www-form-urlencoded", "application/jsonp", ""])
    func aWrongContentTypeIsRefused(contentType: String) {
        #expect(refusal(of: request(message, contentType: contentType), by: channel) == .unsupportedMediaType("application/json"))
    }

    @Test func bytesThatAreNotUTF8AreABadRequest() {
        expectPlainBadRequest(refusal(of: request([0xff, 0xfe]), by: channel), mentioning: "UTF-8")
        var body = Array(message.utf8)
        body.insert(0xff, at: body.count - 3)
        expectPlainBadRequest(refusal(of: request(body), by: channel), mentioning: "UTF-8")
    }

    @Test(
        "A body that is not JSON is a bad request",
        arguments: ["", "{", "conversation=team-42", #"{"conversation": "team-42",}"#, "[1, 2]", "null"])
    func badJSONIsABadRequest(body: String) {
        let error = refusal(of: request(body), by: channel)
        expectPlainBadRequest(error)
        // why: a body that is not an object has no field to blame; naming an empty one misleads the caller.
        #expect(error?.message.contains("\"\"") == false, "\(error?.message ?? "")")
    }

    @Test(
        "A missing field is named",
        arguments: [
            ("conversation", #"{"message_id": "m-1", "text": "hi"}"#),
            ("message_id", #"{"conversation": "team-42", "text": "hi"}"#),
            ("text", #"{"conversation": "team-42", "message_id": "m-1"}"#),
        ])
    func aMissingFieldIsABadRequest(field: String, body: String) {
        expectPlainBadRequest(refusal(of: request(body), by: channel), mentioning: "\"\(field)\"")
    }

    @Test(
        "A field of the wrong type is named",
        arguments: [
            ("text", #"{"conversation": "team-42", "message_id": "m-1", "text": 2}"#),
            ("message_id", #"{"conversation": "team-42", "message_id": 17, "text": "hi"}"#),
            ("conversation", #"{"conversation": ["team-42"], "message_id": "m-1", "text": "hi"}"#),
            ("participant", #"{"conversation": "team-42", "participant": {"id": 1}, "message_id": "m-1", "text": "hi"}"#),
            ("text", #"{"conversation": "team-42", "message_id": "m-1", "text": null}"#),
        ])
    func aWrongTypeIsABadRequest(field: String, body: String) {
        expectPlainBadRequest(refusal(of: request(body), by: channel), mentioning: "\"\(field)\"")
    }

    @Test func emptyOrOverlongIdentifiersAreABadRequest() {
        let long = String(repeating: "x", count: 201)
        expectPlainBadRequest(
            refusal(of: request(#"{"conversation": " ", "message_id": "m-1", "text": "hi"}"#), by: channel),
            mentioning: "conversation")
        expectPlainBadRequest(
            refusal(of: request(#"{"conversation": "c", "message_id": "\#(long)", "text": "hi"}"#), by: channel),
            mentioning: "message_id")
        expectPlainBadRequest(
            refusal(
                of: request(#"{"conversation": "c", "participant": "\#(long)", "message_id": "m", "text": "hi"}"#), by: channel),
            mentioning: "participant")
    }

    // MARK: Replying

    let event = InboundEvent(channel: "generic", eventID: "m-0001", conversation: "team-42", participant: "maria", text: "x")

    @Test func theReplyCarriesTheSessionTheMessagesAndTheirChoices() throws {
        let replies = [
            OutboundMessage("Thanks — noted."),
            OutboundMessage("How do you communicate with partners?", choices: chartChoices),
        ]
        let reply = channel.reply(to: event, with: replies, context: ReplyContext(sessionID: 42))
        #expect(reply.response.status == 200)
        #expect(reply.response.contentType?.hasPrefix("application/json") == true)
        #expect(reply.followUps.isEmpty)

        let body = try jsonObject(reply.response.body)
        #expect(body["session_id"] as? Int == 42)
        #expect(body["replay"] as? Bool == false)
        let messages = try #require(body["messages"] as? [[String: Any]])
        #expect(messages.map { $0["text"] as? String } == replies.map(\.text))
        #expect((messages[0]["choices"] as? [Any])?.isEmpty == true)
        let choices = try #require(messages[1]["choices"] as? [[String: Any]])
        #expect(choices.map { $0["number"] as? Int } == [1, 2, 3, 4, 5])
        #expect(choices[2]["value"] as? String == "considered")
        #expect(choices[2]["label"] as? String == "Feedback from community partners is considered.")
        #expect(choices[2]["short_label"] as? String == "Consulting")
    }

    @Test func aReplayedReplySaysSo() throws {
        let reply = channel.reply(
            to: event, with: [OutboundMessage("Again")], context: ReplyContext(sessionID: 7, replayed: true))
        #expect(try jsonObject(reply.response.body)["replay"] as? Bool == true)
        #expect(reply.response.status == 200)
    }

    @Test func aRateLimitedReplyIsStatus429WithItsMessage() throws {
        let text = "You're sending messages faster than I can keep up with."
        let reply = channel.reply(
            to: event, with: [OutboundMessage(text)], context: ReplyContext(sessionID: 7, rateLimited: true))
        #expect(reply.response.status == 429)
        let messages = try #require(try jsonObject(reply.response.body)["messages"] as? [[String: Any]])
        #expect(messages.first?["text"] as? String == text)
    }

    @Test func afterAnErasureTheReplyHasNoSession() throws {
        let reply = channel.reply(to: event, with: [OutboundMessage("Deleted.")], context: ReplyContext(sessionID: nil))
        let sessionID = try jsonObject(reply.response.body)["session_id"]
        #expect(sessionID == nil || sessionID is NSNull)
    }
}

/// The generic reply's JSON, written by hand, is the body `JSONEncoder` wrote before.
@Suite struct GenericReplyBodyTests {
    /// The body as it was encoded before: sorted keys, slashes unescaped.
    struct EncodedReply: Encodable {
        struct Message: Encodable {
            let text: String
            let choices: [EncodedChoice]
        }
        struct EncodedChoice: Encodable {
            let number: Int
            let value: String
            let label: String
            let short_label: String
        }
        let session_id: Int64?
        let replay: Bool
        let messages: [Message]

        enum CodingKeys: String, CodingKey { case session_id, replay, messages }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(session_id, forKey: .session_id)
            try container.encode(replay, forKey: .replay)
            try container.encode(messages, forKey: .messages)
        }
    }

    func bodies(_ texts: [String], sessionID: Int64?, replay: Bool) -> (written: [UInt8], encoded: [UInt8]) {
        let messages = texts.map {
            OutboundMessage($0, choices: [Choice(number: 3, value: $0, label: "L \($0)", shortLabel: $0)])
        }
        let channel = GenericChannel(token: nil)
        let event = InboundEvent(channel: "generic", eventID: "e", conversation: "c", participant: nil, text: "hi")
        let reply = channel.reply(to: event, with: messages, context: ReplyContext(sessionID: sessionID, replayed: replay))
        let encoded = EncodedReply(
            session_id: sessionID, replay: replay,
            messages: messages.map { message in
                .init(
                    text: message.text,
                    choices: message.choices.map {
                        .init(number: $0.number, value: $0.value, label: $0.label, short_label: $0.shortLabel)
                    })
            })
        return (reply.response.body, JSONBody.encode(encoded))
    }

    @Test func theBodyIsByteForByteWhatItWas() {
        let texts = ["Which fits best?", "a/b \"quoted\" back\\slash", "é 👩🏽‍🌾 参与", "line\nbreak\ttab"]
        let (written, encoded) = bodies(texts, sessionID: 42, replay: false)
        #expect(written == encoded)
        let erased = bodies([], sessionID: nil, replay: true)
        #expect(erased.written == erased.encoded)
    }

    @Test func controlCharactersReadBackTheSame() throws {
        let (written, encoded) = bodies(["\u{0}\u{1}\u{8}\u{c}\u{1f}\r"], sessionID: 1, replay: false)
        let writtenObject = try JSONSerialization.jsonObject(with: Data(written)) as? NSDictionary
        let encodedObject = try JSONSerialization.jsonObject(with: Data(encoded)) as? NSDictionary
        #expect(writtenObject == encodedObject)
    }
}
