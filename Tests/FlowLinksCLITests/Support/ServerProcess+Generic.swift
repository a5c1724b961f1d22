import AsyncHTTPClient
import Foundation
import NIOCore

extension ServerProcess {
    /// Sends one generic-webhook message and returns the status and the response body.
    func send(
        _ text: String, id: Int, conversation: String = "team-pg"
    ) async throws -> (status: Int, replies: String) {
        var request = HTTPClientRequest(url: baseURL + "/webhooks/generic")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        let body = try JSONSerialization.data(withJSONObject: [
            "conversation": conversation, "participant": "sam", "message_id": "m-\(id)", "text": text,
        ])
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(20))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: bytes))
    }

    /// The server's Prometheus text.
    func metrics() async throws -> String {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: baseURL + "/metrics"), timeout: .seconds(20))
        return String(buffer: try await response.body.collect(upTo: 1 << 22))
    }
}
