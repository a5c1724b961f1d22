import FlowLinksChannels
import FlowLinksCore
import FlowLinksStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// `/chat`: the web chat page and its form posts, its script and stylesheet; and `/`, the small
/// page for people who open the server's address.
struct WebChatRoutes: Sendable {
    let channel = WebChatChannel()
    let turns: TurnService
    let conversations: any ConversationStore
    let workshops: any WorkshopStore
    let script: Script
    let clients: ClientAddresses
    let maxBodyBytes: Int
    let metrics: ServerMetrics

    func add(to router: Router<ServerRequestContext>) {
        let chat = router.group("chat").add(middleware: SecurityHeadersMiddleware(policy: .chat))
        chat.get("") { request, _ in try await page(request) }
        chat.post("") { request, context in
            await send(request, client: clients.address(of: request, context: context), logger: context.logger)
        }
        chat.get("chat.js") { _, _ in Self.asset(ChatScript.source, type: "text/javascript; charset=utf-8") }
        chat.get("chat.css") { _, _ in Self.asset(ChatStylesheet.css, type: "text/css; charset=utf-8") }
        chat.get(":code") { request, context in
            // why: a workshop's link; an unknown code is the engine's to explain when the person joins.
            guard let code = context.parameters.get("code").flatMap(WorkshopCode.init(typed:)) else {
                return Response.seeOther("/chat")
            }
            return try await page(request, joining: code)
        }
    }

    /// The conversation so far, with the form to answer; a first visit gets its cookies here.
    private func page(_ request: Request, joining code: WorkshopCode? = nil) async throws -> Response {
        let cookies = WebChatCookies(header: request.headers[.cookie])
        var setCookies: [String] = []
        let conversation = cookies.conversation ?? FacilitatorSessions.randomToken()
        let csrf = cookies.csrf ?? FacilitatorSessions.randomToken()
        if cookies.conversation == nil { setCookies.append(Self.cookie(WebChatCookies.conversationName, conversation)) }
        if cookies.csrf == nil { setCookies.append(Self.cookie(WebChatCookies.csrfName, csrf)) }
        let key = ConversationKey(channel: channel.name, conversation: conversation)
        var lines: [TranscriptLine] = []
        var sessionID: Int64?
        var joined = false
        // why: the page speaks the conversation's language, or for a new one the browser's.
        var languageCode = script.language(forLocale: AcceptLanguage.preferred(request.headers[.acceptLanguage]))
        if cookies.conversation != nil, let session = try await conversations.currentSession(key), let id = session.id {
            sessionID = id
            languageCode = session.language
            lines = try await conversations.transcript(ofSession: id)
            if let code, let workshopID = session.workshopId {
                joined = try await workshops.workshop(code: code.text)?.id == workshopID
            }
        }
        let script = script.translated(to: languageCode)
        let slowDown = (request.uri.queryParameters.get("slow") == "1") ? script.language.message(.rateLimited).render() : nil
        let html = ChatPage(
            language: script.language, lines: lines, sessionID: sessionID, csrf: csrf,
            messageID: FacilitatorSessions.randomToken(),
            notice: slowDown, pagePath: code.map { "/chat/\($0.text)" } ?? "/chat", joinCode: code?.text, joined: joined,
            joinLabel: script.workshop.message(.chatJoin).render(["code": code?.text ?? ""])
        ).render()
        var response = Response.html(html)
        for cookie in setCookies { response.headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return response
    }

    /// A message or a pressed choice, through the same turn as every channel's.
    private func send(_ request: Request, client: String, logger: Logger) async -> Response {
        var request = request
        let wantsJSON = request.headers[.accept]?.contains("application/json") ?? false
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBodyBytes)
        } catch {
            return refuse(413, "That message is too long to send.", json: wantsJSON)
        }
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        // why: a Cookie header may arrive as several fields (HTTP/2 sends one per cookie); the
        // combined value holds them all.
        headers["cookie"] = request.headers[.cookie]
        let channelRequest = ChannelRequest(
            method: "POST", path: request.uri.path, query: request.uri.query, headers: headers, body: Array(buffer: body))
        do {
            guard case .event(let event) = try channel.receive(channelRequest) else {
                return refuse(400, "The form could not be read.", json: wantsJSON)
            }
            let reply = try await turns.reply(to: try WebhookRoutes.withoutNUL(event), on: channel, from: client, logger: logger)
            return Response(reply.response)
        } catch let refusal as NewConversationRefusal {
            return refuse(429, refusal.message, json: wantsJSON)
        } catch let error as ChannelError {
            logger.info("Refused a web chat message", metadata: ["status": "\(error.status)"])
            return refuse(error.status, error.message, json: wantsJSON)
        } catch {
            logger.error("Web chat turn failed", metadata: ["error": "\(error)"])
            return refuse(500, "Something went wrong on our side; please try again.", json: wantsJSON)
        }
    }

    /// A refusal the page's script shows, or a small page with the way back for a plain form post.
    private func refuse(_ status: Int, _ message: String, json: Bool) -> Response {
        metrics.error(channel: channel.name, status: status)
        if json { return Response(.json(JSONBody.encode(["error": message]), status: status)) }
        return .html(
            ChatProblemPage(language: script.language, message: message).render(), status: HTTPResponse.Status(code: status))
    }

    /// The chat's cookies: for the whole site, a year, never readable by scripts, sent on links from elsewhere.
    // why: SameSite=Lax, not Strict: a person who follows a link in an email to /chat must find
    // their conversation; Lax still keeps the cookie off other sites' form posts.
    static func cookie(_ name: String, _ value: String) -> String {
        "\(name)=\(value); Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax; Secure"
    }

    static func asset(_ text: String, type: String) -> Response {
        var response = Response(
            status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
        response.headers[.cacheControl] = "public, max-age=3600"
        return response
    }
}
