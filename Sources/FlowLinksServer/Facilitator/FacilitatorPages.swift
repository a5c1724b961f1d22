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

    let database: AppDatabase
    let script: Script

    func add<Context: RequestContext>(to group: RouterGroup<Context>, guarded: @escaping Guard) {
        group.get("sessions") { request, _ in
            await guarded(request) { session, _ in
                let query = try SessionListQuery(queryString: request.uri.query)
                let page = try await database.reviewSessions(matching: query.filter)
                return .html(SessionsListPage(session: session, script: script, query: query, page: page).render())
            }
        }
        group.get("sessions/:id") { request, context in
            await guarded(request) { session, _ in
                let report = try await report(context)
                return .html(
                    SessionDetailPage(session: session, reviewed: ReviewedSession(report: report, script: script)).render())
            }
        }
        group.get("sessions/:id/export.md") { request, context in
            await guarded(request) { _, _ in
                let report = try await report(context)
                let markdown = SessionMarkdown(report: report, script: script).render()
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
                var filter = try SessionListQuery(queryString: request.uri.query).filter
                filter.page = 1
                filter.pageSize = 100_000
                let reports = try await database.reports(matching: filter)
                let csv = SessionsCSV(reports: reports, script: script).render()
                return .download(Array(csv.utf8), type: "text/csv; charset=utf-8", name: "flowlinks-sessions.csv")
            }
        }
    }

    private func report(_ context: some RequestContext) async throws -> SessionReport {
        guard let id = context.parameters.get("id", as: Int64.self) else {
            throw HTTPError(.notFound, message: "No such session.")
        }
        guard let report = try await database.reviewReport(ofSession: id) else {
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
