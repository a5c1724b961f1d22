import FlowLinksChannels
import FlowLinksCore
import FlowLinksReview
import FlowLinksStore
import Foundation
import HTTPTypes
import Hummingbird

/// The pages a signed-in facilitator sees: the sessions list, a session, and the exports.
struct FacilitatorPages: Sendable {
    /// A page's work, given the signed-in facilitator and, for a POST, its checked form.
    typealias Handler = @Sendable (FacilitatorSessions.Session, FormBody?) async throws -> Response
    /// Wraps a page so only signed-in facilitators reach it.
    typealias Guard = @Sendable (Request, Handler) async -> Response

    let review: any ReviewStore
    /// Where the notes on sessions are kept.
    let facilitators: any FacilitatorStore
    let workshops: any WorkshopStore
    let script: Script
    /// The channels the server has on, offered in the sessions filter beside those with sessions.
    let enabledChannels: [String]
    /// The zone facilitators see times in and give days in.
    let time: DisplayTime
    /// How replies to each choice question went since start, for the overview.
    let readings: ReadingTally
    let now: @Sendable () -> Date
    /// The settings workshop join instructions are made from (enabled channels, links, numbers).
    var joinSettings = Config()

    /// The longest note kept, in characters.
    static let noteLimit = 5000

    func add<Context: RequestContext>(to group: RouterGroup<Context>, guarded: @escaping Guard) {
        addOverview(to: group, guarded: guarded)
        addWorkshops(to: group, guarded: guarded)
        group.get("sessions") { request, _ in
            await guarded(request) { session, _ in
                let query = try SessionListQuery(queryString: request.uri.query, time: time)
                let page = try await review.sessions(matching: query.filter)
                let channels = Set(enabledChannels).union(try await review.channelsWithSessions()).sorted()
                let list = SessionsListPage(
                    session: session, script: script, query: query, page: page, channels: channels, time: time)
                return .html(list.render(), status: list.isPastTheEnd ? .notFound : .ok)
            }
        }
        group.get("sessions/:id") { request, context in
            await guarded(request) { session, _ in
                let report = try await report(context)
                let notes = try await facilitators.notes(ofSession: report.session.id ?? 0)
                let reviewed = ReviewedSession(report: report, script: script)
                return .html(SessionDetailPage(session: session, reviewed: reviewed, notes: notes, time: time).render())
            }
        }
        group.get("sessions/:id/summary") { request, context in
            await guarded(request) { session, _ in
                let reviewed = ReviewedSession(report: try await report(context), script: script)
                return .html(SummaryPage(session: session, reviewed: reviewed, time: time).render())
            }
        }
        group.post("sessions/:id/notes") { request, context in
            await guarded(request) { session, form in
                let id = try sessionID(context)
                let text = try Self.noteText(form)
                guard try await facilitators.addNote(toSession: id, author: session.username, text: text, now: now()) != nil
                else {
                    throw HTTPError(.notFound, message: "No such session.")
                }
                return .seeOther("/facilitator/sessions/\(id)#notes")
            }
        }
        group.post("sessions/:id/notes/:note") { request, context in
            await guarded(request) { session, form in
                let id = try sessionID(context)
                guard let noteID = context.parameters.get("note", as: Int64.self) else {
                    throw HTTPError(.notFound, message: "No such note.")
                }
                let text = try Self.noteText(form)
                let edited = try await facilitators.editNote(noteID, ofSession: id, by: session.username, text: text, now: now())
                guard edited else { throw HTTPError(.forbidden, message: "Only the author can change a note.") }
                return .seeOther("/facilitator/sessions/\(id)#notes")
            }
        }
        group.get("sessions/:id/export.md") { request, context in
            await guarded(request) { _, _ in
                let report = try await report(context)
                let markdown = SessionMarkdown(report: report, script: script, time: time).render()
                return .download(
                    Array(markdown.utf8), type: "text/markdown; charset=utf-8", name: "session-\(report.session.id ?? 0).md")
            }
        }
        group.get("sessions/:id/export.json") { request, context in
            await guarded(request) { _, _ in
                let report = try await report(context)
                let json = try SessionJSON(report: report, script: script).render()
                return .download(Array(json), type: "application/json", name: "session-\(report.session.id ?? 0).json")
            }
        }
        group.get("export.csv") { request, _ in
            await guarded(request) { _, _ in
                var filter = try SessionListQuery(queryString: request.uri.query, time: time).filter
                filter.page = 1
                filter.pageSize = 100_000
                let reports = try await review.reports(matching: filter)
                let csv = SessionsCSV(reports: reports, script: script, time: time).render()
                return .download(Array(csv.utf8), type: "text/csv; charset=utf-8", name: "flowlinks-sessions.csv")
            }
        }
    }

    private func sessionID(_ context: some RequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else {
            throw HTTPError(.notFound, message: "No such session.")
        }
        return id
    }

    /// A note's text from its form: not empty, not longer than the limit.
    static func noteText(_ form: FormBody?) throws -> String {
        let text = (form?["text"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw HTTPError(.badRequest, message: "A note needs some text.") }
        guard text.count <= noteLimit else {
            throw HTTPError(.badRequest, message: "A note can be at most \(noteLimit) characters.")
        }
        return text
    }

    private func report(_ context: some RequestContext) async throws -> SessionReport {
        let id = try sessionID(context)
        guard let report = try await review.report(ofSession: id) else {
            throw HTTPError(.notFound, message: "No such session.")
        }
        return report
    }
}

extension Response {
    /// A file to save, not to show.
    static func download(_ bytes: [UInt8], type: String, name: String) -> Response {
        var response = Response(
            status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        response.headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
