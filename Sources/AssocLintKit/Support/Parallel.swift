import Dispatch

extension Array where Element: Sendable {
    /// `map` on up to `jobs` threads; the result keeps the order of the array, so nothing
    /// downstream depends on the job count.
    func parallelMap<Result: Sendable>(jobs: Int, _ transform: @Sendable (Element) -> Result) -> [Result] {
        let workers = Swift.min(Swift.max(jobs, 1), count)
        guard workers > 1 else { return map(transform) }
        var results = [Result?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each index is written by exactly one worker.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var index = worker
                while index < count {
                    slots[index] = transform(self[index])
                    index += workers
                }
            }
        }
        return results.compactMap { $0 }
    }
}
