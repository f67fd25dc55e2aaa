/// "Did you mean …?" for misspelt keys, models and accessors.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible slip:
    /// the same letters in another case, or within an edit distance of about a third of the word.
    public static func nearest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let lowered = Array(word.lowercased().unicodeScalars)
        let limit = lowered.count <= 2 ? 0 : max(1, min(3, lowered.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let other = Array(candidate.lowercased().unicodeScalars)
            if abs(other.count - lowered.count) > limit { continue }
            let distance = editDistance(lowered, other, limit: limit)
            guard distance <= limit else { continue }
            if let current = best, (current.distance, current.candidate) <= (distance, candidate) { continue }
            best = (candidate, distance)
        }
        if let best { return best.candidate }
        // A word typed short ("warn" for "warning", "foreign" for "foreignKey").
        guard lowered.count >= 3 else { return nil }
        let extensions = candidates.filter { $0.lowercased().hasPrefix(word.lowercased()) && $0 != word }
        return extensions.count == 1 ? extensions.first : nil
    }

    /// " Did you mean 'x'?" or the empty string.
    public static func phrase<S: Sequence>(for word: String, in candidates: S) -> String where S.Element == String {
        guard let match = nearest(to: word, in: candidates) else { return "" }
        return " Did you mean '\(match)'?"
    }

    /// Optimal-string-alignment distance (a swap of two neighbours counts as one edit),
    /// giving up early once every path exceeds `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return rowMinimum }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
