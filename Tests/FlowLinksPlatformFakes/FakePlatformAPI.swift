import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization

/// A stand-in for a platform's API on 127.0.0.1 (api.telegram.org, slack.com/api, the Graph API,
/// discord.com/api): records each call and answers from a script of statuses (200 when the script
/// runs out). While held, calls wait until released, like a platform that is slow to answer.
public final class FakePlatformAPI: Sendable {
    public struct Call: Sendable {
        public let path: String
        public let authorization: String?
        public let contentType: String?
        public let body: String
        public let status: Int

        /// The body as a JSON object.
        public var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        }
    }

    private struct State {
        var statuses: [Int]
        public var calls: [Call] = []
        var held = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Mutex<State>
    private let arrivals: AsyncStream<Call>
    private let arrival: AsyncStream<Call>.Continuation
    /// The body answered for a status.
    private let answer: @Sendable (Int) -> String
    /// Seconds in a 429's Retry-After header, when set.
    private let retryAfterHeader: Int?

    public init(statuses: [Int] = [], retryAfterHeader: Int? = nil, answer: @escaping @Sendable (Int) -> String) {
        state = Mutex(State(statuses: statuses))
        self.answer = answer
        self.retryAfterHeader = retryAfterHeader
        (arrivals, arrival) = AsyncStream.makeStream(of: Call.self)
    }

    /// Telegram's Bot API: `{"ok": true}`, or an error with `parameters.retry_after`.
    public static func telegram(statuses: [Int] = [], retryAfter: Int = 7) -> FakePlatformAPI {
        FakePlatformAPI(statuses: statuses) { status in
            switch status {
            case 200: #"{"ok":true,"result":{}}"#
            case 429:
                #"{"ok":false,"error_code":429,"description":"Too Many Requests","parameters":{"retry_after":\#(retryAfter)}}"#
            default: #"{"ok":false,"error_code":\#(status),"description":"scripted failure"}"#
            }
        }
    }

    /// Slack's Web API: `{"ok": true}`; a 429 carries Retry-After.
    public static func slack(statuses: [Int] = [], retryAfter: Int = 3) -> FakePlatformAPI {
        FakePlatformAPI(statuses: statuses, retryAfterHeader: retryAfter) { status in
            status == 200 ? #"{"ok":true,"ts":"1700000000.000100"}"# : #"{"ok":false,"error":"ratelimited"}"#
        }
    }

    /// The Graph API: the message's id, or an error object.
    public static func graph(statuses: [Int] = []) -> FakePlatformAPI {
        FakePlatformAPI(statuses: statuses) { status in
            status == 200
                ? #"{"messaging_product":"whatsapp","messages":[{"id":"wamid.OUT"}]}"#
                : #"{"error":{"message":"scripted failure","code":131000}}"#
        }
    }

    /// Discord's API: the message created, or an error with `retry_after`.
    public static func discord(statuses: [Int] = []) -> FakePlatformAPI {
        FakePlatformAPI(statuses: statuses) { status in
            status == 200 ? #"{"id":"1"}"# : #"{"message":"scripted failure","retry_after":2}"#
        }
    }

    public var calls: [Call] { state.withLock { $0.calls } }
    public var delivered: [Call] { calls.filter { $0.status == 200 } }

    /// Waits for the next call to arrive.
    public func nextCall() async -> Call? {
        var iterator = arrivals.makeAsyncIterator()
        return await iterator.next()
    }

    /// Calls wait from now on until `release()`.
    public func hold() { state.withLock { $0.held = true } }

    /// Lets waiting and future calls through.
    public func release() {
        let waiting = state.withLock { state in
            state.held = false
            defer { state.waiting = [] }
            return state.waiting
        }
        for continuation in waiting { continuation.resume() }
    }

    private func passGate() async {
        await withCheckedContinuation { continuation in
            let held = state.withLock { state in
                if state.held { state.waiting.append(continuation) }
                return state.held
            }
            if !held { continuation.resume() }
        }
    }

    /// Runs the fake on a free port and hands its base URL to `body`.
    public func run(_ body: @Sendable @escaping (String) async throws -> Void) async throws {
        let router = Router()
        router.post("**") { request, _ -> Response in
            var request = request
            let bytes = try await request.collectBody(upTo: 1 << 20)
            await self.passGate()
            let call = self.state.withLock { state in
                let status = state.statuses.isEmpty ? 200 : state.statuses.removeFirst()
                let call = Call(
                    path: request.uri.path, authorization: request.headers[.authorization],
                    contentType: request.headers[.contentType], body: String(buffer: bytes), status: status)
                state.calls.append(call)
                return call
            }
            self.arrival.yield(call)
            var headers: HTTPFields = [.contentType: "application/json"]
            if call.status == 429, let retryAfterHeader = self.retryAfterHeader {
                headers[.retryAfter] = String(retryAfterHeader)
            }
            return Response(
                status: .init(code: call.status), headers: headers,
                body: .init(byteBuffer: ByteBuffer(string: self.answer(call.status))))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(client.port ?? 0)")
        }
        release()
    }
}
