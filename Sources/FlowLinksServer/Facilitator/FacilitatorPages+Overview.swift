import FlowLinksStore
import Hummingbird

extension FacilitatorPages {
    /// `GET overview`: every initiative on the chart as a heat map, and each one's movement over time.
    func addOverview<Context: RequestContext>(to group: RouterGroup<Context>, guarded: @escaping Guard) {
        group.get("overview") { request, _ in
            await guarded(request) { session, _ in
                let overview = try await review.overview()
                let page = OverviewPage(
                    session: session, script: script, overview: overview, time: time, readings: readings.rows(in: script))
                return .html(page.render())
            }
        }
    }
}
