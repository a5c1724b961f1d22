import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization

/// A stand-in for api.telegram.org on 127.0.0.1: records each call and answers from a script of
/// statuses (200 when the script runs out).
final class FakeTelegramAPI: Sendable {
    struct Call: Sendable {
        let path: String
        let body: String
        let status: Int
    }

    private let state = Mutex<(statuses: [Int], calls: [Call])>(([], []))
    private let arrivals: AsyncStream<Call>
    private let arrival: AsyncStream<Call>.Continuation
    let retryAfter: Int

    init(statuses: [Int] = [], retryAfter: Int = 7) {
        state.withLock { $0.statuses = statuses }
        self.retryAfter = retryAfter
        (arrivals, arrival) = AsyncStream.makeStream(of: Call.self)
    }

    var calls: [Call] { state.withLock { $0.calls } }
    var delivered: [Call] { calls.filter { $0.status == 200 } }

    /// Waits for the next call to arrive.
    func nextCall() async -> Call? {
        var iterator = arrivals.makeAsyncIterator()
        return await iterator.next()
    }

    /// Runs the fake on a free port and hands its base URL to `body`.
    func run(_ body: @Sendable @escaping (String) async throws -> Void) async throws {
        let router = Router()
        router.post("/:bot/:method") { request, _ -> Response in
            var request = request
            let bytes = try await request.collectBody(upTo: 1 << 20)
            let status = self.state.withLock { state in
                state.statuses.isEmpty ? 200 : state.statuses.removeFirst()
            }
            let call = Call(path: request.uri.path, body: String(buffer: bytes), status: status)
            self.state.withLock { $0.calls.append(call) }
            self.arrival.yield(call)
            let answer =
                switch status {
                case 200: #"{"ok":true,"result":{}}"#
                case 429:
                    #"{"ok":false,"error_code":429,"description":"Too Many Requests","parameters":{"retry_after":\#(self.retryAfter)}}"#
                default: #"{"ok":false,"error_code":\#(status),"description":"scripted failure"}"#
                }
            return Response(
                status: .init(code: status), headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: answer)))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(client.port ?? 0)")
        }
    }
}
