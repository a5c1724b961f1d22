import FlowLinksChannels
import FlowLinksCore
import FlowLinksReview
import FlowLinksStore
import Foundation
import Hummingbird

extension FacilitatorPages {
    /// `workshops`: the list and the form that creates one; a workshop's page, live wall, team
    /// reports, QR code, exports, and closing it.
    func addWorkshops<Context: RequestContext>(to group: RouterGroup<Context>, guarded: @escaping Guard) {
        group.get("workshops") { request, _ in
            await guarded(request) { session, _ in
                let workshops = try await workshops.workshops()
                return .html(WorkshopsPage(session: session, workshops: workshops, time: time, now: now()).render())
            }
        }
        group.post("workshops") { request, _ in
            await guarded(request) { _, form in
                let workshop = try await create(WorkshopForm(form: form, time: time))
                return .seeOther("/facilitator/workshops/\(workshop.code)")
            }
        }
        group.get("workshops/:code") { request, context in
            await guarded(request) { session, _ in
                let workshop = try await reviewed(context)
                let join = JoinInstructions(code: workshop.workshop.code, config: joinSettings)
                return .html(WorkshopPage(session: session, workshop: workshop, join: join, time: time, now: now()).render())
            }
        }
        group.get("workshops/:code/live") { request, context in
            await guarded(request) { session, _ in
                let workshop = try await reviewed(context)
                let join = JoinInstructions(code: workshop.workshop.code, config: joinSettings)
                return .html(LiveWallPage(session: session, workshop: workshop, join: join).render())
            }
        }
        group.get("workshops/:code/team") { request, context in
            await guarded(request) { session, _ in
                let workshop = try await reviewed(context)
                guard let query = TeamQuery(queryString: request.uri.query),
                    let team = workshop.team(organization: query.organization, initiative: query.initiative)
                else { throw HTTPError(.notFound, message: "No such team in this workshop.") }
                return .html(TeamReportPage(session: session, workshop: workshop, team: team, time: time, now: now()).render())
            }
        }
        group.get("workshops/:code/qr.svg") { request, context in
            await guarded(request) { _, _ in
                let workshop = try await reviewed(context)
                let join = JoinInstructions(code: workshop.workshop.code, config: joinSettings)
                guard let code = QRCode(text: join.qrText) else { throw HTTPError(.notFound, message: "No QR code.") }
                var response = Response.download(
                    Array(code.svg(label: join.qrText).utf8), type: "image/svg+xml", name: "workshop-\(join.code).svg")
                response.headers[.contentDisposition] = "inline; filename=\"workshop-\(join.code).svg\""
                return response
            }
        }
        group.post("workshops/:code/close") { request, context in
            await guarded(request) { _, _ in
                let code = try workshopCode(context)
                guard try await workshops.closeWorkshop(code: code, at: now()) else {
                    throw HTTPError(.notFound, message: "No such workshop.")
                }
                return .seeOther("/facilitator/workshops/\(code)")
            }
        }
        addWorkshopExports(to: group, guarded: guarded)
    }

    private func addWorkshopExports<Context: RequestContext>(to group: RouterGroup<Context>, guarded: @escaping Guard) {
        group.get("workshops/:code/export.md") { request, context in
            await guarded(request) { _, _ in
                let workshop = try await reviewed(context)
                let markdown = WorkshopMarkdown(workshop: workshop, time: time, now: now()).render()
                return .download(
                    Array(markdown.utf8), type: "text/markdown; charset=utf-8", name: "workshop-\(workshop.workshop.code).md")
            }
        }
        group.get("workshops/:code/export.json") { request, context in
            await guarded(request) { _, _ in
                let workshop = try await reviewed(context)
                let json = try WorkshopJSON(workshop: workshop, now: now()).render()
                return .download(Array(json), type: "application/json", name: "workshop-\(workshop.workshop.code).json")
            }
        }
        group.get("workshops/:code/export.csv") { request, context in
            await guarded(request) { _, _ in
                let workshop = try await reviewed(context)
                let csv = WorkshopCSV(workshop: workshop).render()
                return .download(Array(csv.utf8), type: "text/csv; charset=utf-8", name: "workshop-\(workshop.workshop.code).csv")
            }
        }
    }

    private func workshopCode(_ context: some RequestContext) throws -> String {
        guard let text = context.parameters.get("code"), let code = WorkshopCode(typed: text) else {
            throw HTTPError(.notFound, message: "No such workshop.")
        }
        return code.text
    }

    private func reviewed(_ context: some RequestContext) async throws -> ReviewedWorkshop {
        guard let report = try await workshops.workshopReport(code: try workshopCode(context)) else {
            throw HTTPError(.notFound, message: "No such workshop.")
        }
        return ReviewedWorkshop(report: report, script: script)
    }

    private func create(_ form: WorkshopForm) async throws -> WorkshopRecord {
        do {
            var generator = SystemRandomNumberGenerator()
            return try await workshops.createWorkshop(
                name: form.name, organizations: form.organizations, initiatives: form.initiatives,
                closesAt: form.closesAt, follows: form.follows, now: now(), generator: &generator)
        } catch let error as WorkshopError {
            throw HTTPError(.badRequest, message: error.description)
        }
    }
}

/// The new-workshop form, checked: a name, lists one per line, an optional last day and earlier code.
struct WorkshopForm: Sendable {
    let name: String
    let organizations: [String]
    let initiatives: [String]
    let closesAt: Date?
    let follows: String?

    /// The longest name or list entry kept, in characters.
    static let nameLimit = 200

    init(form: FormBody?, time: DisplayTime) throws {
        let name = (form?["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw HTTPError(.badRequest, message: "A workshop needs a name.") }
        guard name.count <= Self.nameLimit else {
            throw HTTPError(.badRequest, message: "A workshop's name can be at most \(Self.nameLimit) characters.")
        }
        self.name = name
        organizations = try Self.lines(form?["organizations"], field: "organizations")
        initiatives = try Self.lines(form?["initiatives"], field: "initiatives")
        let closes = (form?["closes"] ?? "").trimmingCharacters(in: .whitespaces)
        do {
            closesAt = closes.isEmpty ? nil : try time.range(from: nil, to: closes).end
        } catch {
            throw HTTPError(.badRequest, message: error.message(from: "From", to: "Open until"))
        }
        let follows = (form?["follows"] ?? "").trimmingCharacters(in: .whitespaces)
        self.follows = follows.isEmpty ? nil : follows
    }

    /// One entry per non-empty line, without duplicates (compared as the team view compares names).
    static func lines(_ text: String?, field: String) throws -> [String] {
        var seen: Set<String> = []
        var entries: [String] = []
        for line in (text ?? "").split(whereSeparator: \.isNewline) {
            let entry = line.trimmingCharacters(in: .whitespaces)
            guard !entry.isEmpty, seen.insert(TeamKey.comparable(entry)).inserted else { continue }
            guard entry.count <= nameLimit else {
                throw HTTPError(.badRequest, message: "Each of the \(field) can be at most \(nameLimit) characters.")
            }
            entries.append(entry)
        }
        guard entries.count <= 50 else { throw HTTPError(.badRequest, message: "List at most 50 \(field).") }
        return entries
    }
}
