/// Lets the outbox worker wait for new work or a deadline, whichever comes first.
public actor Wakeup {
    private var waiter: CheckedContinuation<Void, Never>?
    private var pending = false

    public init() {}

    /// Wakes the waiter, or the next one to wait.
    public func notify() {
        if let waiter {
            self.waiter = nil
            waiter.resume()
        } else {
            pending = true
        }
    }

    /// Returns when notified, when `timeout` has passed, or when the task is cancelled.
    func wait(timeout: Duration) async {
        if pending {
            pending = false
            return
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                try? await Task.sleep(for: timeout)
                await self.notify()
            }
            await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    if pending || Task.isCancelled {
                        pending = false
                        continuation.resume()
                    } else {
                        waiter = continuation
                    }
                }
            } onCancel: {
                Task { await self.notify() }
            }
            group.cancelAll()
        }
        pending = false
    }
}
