import FlowLinksChannels
import FlowLinksReview
import FlowLinksStore
import Foundation
import Hummingbird

/// The sessions list's filters as they appear in the page's URL (`?status=completed&search=…`).
struct SessionListQuery {
    let filter: SessionFilter
    /// The query's fields, for refilling the form and building page links.
    let fields: [(name: String, value: String)]

    /// Reads the raw query string the way a browser writes a GET form: `+` for spaces, `%XX` escapes.
    init(queryString: String?, time: DisplayTime) throws {
        guard let parameters = FormBody(Array((queryString ?? "").utf8)) else {
            throw HTTPError(.badRequest, message: "The address is not valid.")
        }
        var filter = SessionFilter()
        var fields: [(name: String, value: String)] = []
        func value(_ name: String) -> String? {
            guard let raw = parameters[name], !raw.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            fields.append((name, raw))
            return raw
        }
        if let status = value("status") {
            guard let parsed = SessionStatus(rawValue: status) else { throw HTTPError(.badRequest, message: "Unknown status.") }
            filter.status = parsed
        }
        filter.channel = value("channel")
        filter.organization = value("organization")
        filter.initiative = value("initiative")
        filter.search = value("search")
        if let level = value("level") {
            guard let number = Int(level), (1...5).contains(number) else {
                throw HTTPError(.badRequest, message: "The level is a number from 1 to 5.")
            }
            filter.recommendedLevel = number
        }
        do {
            let days = try time.range(from: value("from"), to: value("to"))
            (filter.from, filter.to) = (days.start, days.end)
        } catch {
            throw HTTPError(.badRequest, message: error.description)
        }
        filter.page = try Self.page(parameters["page"])
        self.filter = filter
        self.fields = fields
    }

    /// The highest page number asked for; past it (25 sessions a page) every page is empty anyway.
    static let lastPage = 1_000_000

    /// The page number: 1 when absent, a whole number from 1, clamped to `lastPage`.
    static func page(_ text: String?) throws -> Int {
        guard let text, !text.isEmpty else { return 1 }
        guard text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), text.contains(where: { $0 != "0" })
        else { throw HTTPError(.badRequest, message: "The page is a whole number from 1.") }
        // why: digits too many for an Int are past the last page too.
        return min(Int(text) ?? lastPage, lastPage)
    }

    /// The query string for another page of the same list.
    func queryString(page: Int) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let pairs = fields.map { "\($0.name)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
        return (pairs + ["page=\(page)"]).joined(separator: "&")
    }

    func value(of name: String) -> String { fields.first { $0.name == name }?.value ?? "" }
}
