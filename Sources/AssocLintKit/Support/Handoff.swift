import Foundation

/// Passes items from one producer thread to one consumer thread in order, in batches (to keep
/// locking rare) and with a bound on the batches waiting (to keep memory flat when the consumer
/// is slower).
final class Handoff<Item: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queued: [[Item]] = []
    private var filling: [Item] = []
    private var finished = false
    private var consumerDone = false
    private let batchSize: Int
    private let maxQueuedBatches: Int

    init(batchSize: Int, maxQueuedBatches: Int) {
        self.batchSize = max(1, batchSize)
        self.maxQueuedBatches = max(1, maxQueuedBatches)
        filling.reserveCapacity(self.batchSize)
    }

    /// Producer: adds an item; a full batch is handed over (waiting while too many are queued).
    func put(_ item: Item) {
        filling.append(item)
        if filling.count >= batchSize { flush() }
    }

    /// Producer: no more items.
    func finish() {
        flush()
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Consumer: the next batch, or nil once the producer has finished and all were taken.
    func take() -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        while queued.isEmpty && !finished { condition.wait() }
        guard !queued.isEmpty else { return nil }
        let batch = queued.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Consumer: everything taken has been handled.
    func consumerFinished() {
        condition.lock()
        consumerDone = true
        condition.broadcast()
        condition.unlock()
    }

    /// Producer: waits until the consumer has handled everything.
    func waitForConsumer() {
        condition.lock()
        while !consumerDone { condition.wait() }
        condition.unlock()
    }

    private func flush() {
        guard !filling.isEmpty else { return }
        let batch = filling
        filling = []
        filling.reserveCapacity(batchSize)
        condition.lock()
        while queued.count >= maxQueuedBatches { condition.wait() }
        queued.append(batch)
        condition.broadcast()
        condition.unlock()
    }
}
