import FlowLinksCore
import FlowLinksStore
import Foundation
import PostgresNIO

extension PostgresReviewStore {
    public func overview() async throws -> Overview {
        let rows = try await database.client.query(
            """
            SELECT r.*, organization.text AS organization_name, initiative.text AS initiative_name
            FROM results AS r
            JOIN sessions AS s ON s.id = r.session_id AND s.status = 'completed'
            LEFT JOIN answers AS organization ON organization.session_id = s.id
                AND organization.step_id = \(naming.organization) AND organization.replaced_at IS NULL
            LEFT JOIN answers AS initiative ON initiative.session_id = s.id
                AND initiative.step_id = \(naming.initiative) AND initiative.replaced_at IS NULL
            ORDER BY r.created_at, r.session_id
            """, logger: database.logger
        ).collect()
        return try Overview(
            finished: rows.map { row in
                let names = row.makeRandomAccess()
                return FinishedResult(
                    result: try PostgresRecords.result(row),
                    organization: try names["organization_name"].decode(String?.self),
                    initiative: try names["initiative_name"].decode(String?.self))
            })
    }
}
