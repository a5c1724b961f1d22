import FlowLinksChannels
import FlowLinksStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// `POST /webhooks/{channel}` for every enabled channel, and `GET` for a platform's subscription check.
struct WebhookRoutes: Sendable {
    let channels: [any Channel]
    let turns: TurnService
    let maxBodyBytes: Int
    let metrics: ServerMetrics
    let clients: ClientAddresses

    func add(to router: Router<ServerRequestContext>) {
        for channel in channels {
            router.post("webhooks/\(channel.name)") { request, context in
                await handle(
                    request, channel: channel, client: clients.address(of: request, context: context), logger: context.logger)
            }
            router.on("webhooks/\(channel.name)", method: .get) { request, context in
                answerGet(request, channel: channel, logger: context.logger)
            }
        }
    }

    /// A platform's subscription check, or 405 for channels that only take POST.
    private func answerGet(_ request: Request, channel: any Channel, logger: Logger) -> Response {
        let channelRequest = ChannelRequest(method: "GET", path: request.uri.path, query: request.uri.query)
        do {
            if let response = try channel.challenge(channelRequest) { return Response(response) }
        } catch {
            logger.info("Refused a webhook check", metadata: ["channel": "\(channel.name)", "status": "\(error.status)"])
            return refuse(channel, .init(status: error.status, message: error.message))
        }
        var response = Response(.json(JSONBody.encode(["error": "Use POST for this webhook."]), status: 405))
        response.headers[.allow] = "POST"
        return response
    }

    private func handle(_ request: Request, channel: any Channel, client: String, logger: Logger) async -> Response {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBodyBytes)
        } catch {
            return refuse(channel, .init(status: 413, message: "The body is larger than \(maxBodyBytes) bytes."))
        }
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let channelRequest = ChannelRequest(
            method: request.method.rawValue, path: request.uri.path, query: request.uri.query, headers: headers,
            body: Array(buffer: body))
        do {
            switch try await channel.receive(channelRequest) {
            case .respond(let response):
                return Response(response)
            case .event(let event):
                let reply = try await turns.reply(to: try Self.withoutNUL(event), on: channel, from: client, logger: logger)
                return Response(reply.response)
            case .batch(let events):
                // why: each message is its own turn, in the order sent; replies go through the outbox.
                for event in try events.map(Self.withoutNUL) {
                    _ = try await turns.reply(to: event, on: channel, from: client, logger: logger)
                }
                return Response(.acknowledged)
            }
        } catch let refusal as NewConversationRefusal {
            logger.notice(
                "Refused a new conversation", metadata: ["channel": "\(channel.name)", "limit": "\(refusal.limit)"])
            return refuse(channel, .init(status: 429, message: refusal.message))
        } catch let error as ChannelError {
            logger.info("Refused a webhook request", metadata: ["channel": "\(channel.name)", "status": "\(error.status)"])
            return refuse(channel, .init(status: error.status, message: error.message))
        } catch let unavailable as StoreUnavailable {
            // why: nothing was stored, so the platform's retry (or the sender's) loses nothing.
            logger.warning("Database unavailable", metadata: ["channel": "\(channel.name)", "error": "\(unavailable)"])
            var response = refuse(
                channel, .init(status: 503, message: "The service is busy for a moment; please try again shortly."))
            response.headers[.retryAfter] = String(StoreUnavailable.retryAfterSeconds)
            return response
        } catch {
            logger.error("Turn failed", metadata: ["channel": "\(channel.name)", "error": "\(error)"])
            return refuse(channel, .init(status: 500, message: "Something went wrong on our side; please try again."))
        }
    }

    /// The event with no NUL character left: refused in its ids, shown as U+FFFD in its text and name.
    static func withoutNUL(_ event: InboundEvent) throws(ChannelError) -> InboundEvent {
        // why: SQLite text is bound and read as C strings, so "a\0b" is stored and looked up as "a":
        // two message ids or conversations differing only after a NUL would be taken for one.
        let nul: Character = "\u{0}"
        guard !event.eventID.contains(nul), !event.conversation.contains(nul) else {
            throw .badRequest("The message id and the conversation must not contain NUL characters.")
        }
        var event = event
        // why: looked for before replacing, which goes through NSString and cost 1.4 % of a turn.
        if event.text.utf8.contains(0) { event.text = event.text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") }
        if let participant = event.participant, participant.utf8.contains(0) {
            event.participant = participant.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
        }
        return event
    }

    private func refuse(_ channel: any Channel, _ problem: Problem) -> Response {
        metrics.error(channel: channel.name, status: problem.status)
        return Response(.json(JSONBody.encode(["error": problem.message]), status: problem.status))
    }

    private struct Problem {
        let status: Int
        let message: String
    }
}

extension Response {
    /// A Hummingbird response from a channel's response.
    init(_ response: ChannelResponse) {
        var fields = HTTPFields()
        if let contentType = response.contentType { fields[.contentType] = contentType }
        for (name, value) in response.headers {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        self.init(
            status: HTTPResponse.Status(code: response.status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.body)))
    }
}
