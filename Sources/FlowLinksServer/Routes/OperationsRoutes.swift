import FlowLinksChannels
import FlowLinksStore
import Hummingbird

/// `/healthz` (the process answers), `/readyz` (the database answers) and `/metrics`.
struct OperationsRoutes: Sendable {
    let maintenance: any MaintenanceStore
    let metrics: ServerMetrics

    func add(to router: Router<some RequestContext>) {
        router.get("healthz") { _, _ in
            Response(.text("ok\n"))
        }
        router.get("readyz") { _, _ in
            await maintenance.isReachable() ? Response(.text("ready\n")) : Response(.text("database unreachable\n", status: 503))
        }
        router.get("metrics") { _, _ in
            Response(ChannelResponse(status: 200, contentType: "text/plain; version=0.0.4", body: metrics.exposition()))
        }
    }
}
