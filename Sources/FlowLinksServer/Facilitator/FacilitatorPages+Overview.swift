import FlowLinksStore
import Hummingbird

extension FacilitatorPages {
    /// `GET overview`: every initiative on the chart as a heat map, and each one's movement over time.
    func addOverview<Context: RequestContext>(to group: RouterGroup<Context>, guarded: @escaping Guard) {
        group.get("overview") { request, _ in
            await guarded(request) { session, _ in
                let overview = try await database.overview()
                return .html(OverviewPage(session: session, script: script, overview: overview, time: time).render())
            }
        }
    }
}
