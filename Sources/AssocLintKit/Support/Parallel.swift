import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` on up to `jobs` threads; the result keeps the order of the array, so nothing
    /// downstream depends on the job count.
    func parallelMap<Result: Sendable>(jobs: Int, _ transform: @Sendable (Element) -> Result) -> [Result] {
        let workers = Swift.min(Swift.max(jobs, 1), count)
        guard workers > 1 else { return map(transform) }
        // Workers take the next chunk as they finish one: contiguous enough that two threads
        // rarely write to one cache line, small enough to even out uneven elements.
        let chunk = Swift.max(1, Swift.min(256, count / (workers * 16)))
        let chunks = (count + chunk - 1) / chunk
        let next = Atomic<Int>(0)
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            // Each index is initialized by exactly one worker.
            nonisolated(unsafe) let slots = base
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let chunkIndex = next.add(1, ordering: .relaxed).oldValue
                    guard chunkIndex < chunks else { return }
                    let start = chunkIndex * chunk
                    for index in start..<Swift.min(start + chunk, count) {
                        (slots + index).initialize(to: transform(self[index]))
                    }
                }
            }
            initialized = count
        }
    }
}

/// A value computed on first use, once, whichever thread asks first.
final class OnceBuilt<Value: Sendable>: Sendable {
    private let built = Mutex<Value?>(nil)

    func value(_ build: () -> Value) -> Value {
        built.withLock { built in
            if let built { return built }
            let value = build()
            built = value
            return value
        }
    }
}
