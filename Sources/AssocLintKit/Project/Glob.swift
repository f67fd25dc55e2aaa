/// Glob patterns of `include` / `exclude`, matched against paths relative to the project root
/// with `/` separators:
/// - `*` matches any characters except `/`, `?` one character except `/`,
///   `[abc]` / `[a-z]` / `[!abc]` one character of a set;
/// - `**` as a whole segment matches any number of segments (also none);
/// - a pattern without `/` matches the file name at any depth (`*.yaml`), as in .gitignore;
/// - a pattern that names a directory matches everything below it (`legacy` or `legacy/`).
public struct Glob: Sendable, Hashable {
    public let pattern: String
    private let segments: [String]

    public init(_ pattern: String) {
        self.pattern = pattern
        var text = pattern
        while text.hasPrefix("./") { text.removeFirst(2) }
        if text.hasSuffix("/") { text.removeLast() }
        var parts = text.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if parts.count == 1, parts[0] != "**" { parts.insert("**", at: 0) }  // basename pattern
        segments = parts
    }

    /// Whether `path` (relative, `/`-separated) or one of its parent directories matches.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        // A directory pattern also covers what is inside it.
        for count in stride(from: parts.count, through: 1, by: -1) where Self.match(segments[...], parts[..<count]) {
            return true
        }
        return false
    }

    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            var remaining = path
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let segment = path.first, matchSegment(Array(first.unicodeScalars)[...], Array(segment.unicodeScalars)[...]) else {
            return false
        }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchSegment(_ pattern: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        switch first {
        case "*":
            var rest = text
            while true {
                if matchSegment(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case "?":
            return !text.isEmpty && matchSegment(pattern.dropFirst(), text.dropFirst())
        case "[":
            guard let character = text.first, let close = pattern.dropFirst(2).firstIndex(of: "]") else {
                return text.first == "[" && matchSegment(pattern.dropFirst(), text.dropFirst())
            }
            var set = pattern[pattern.index(after: pattern.startIndex)..<close]
            let negated = set.first == "!" || set.first == "^"
            if negated { set = set.dropFirst() }
            var found = false
            var index = set.startIndex
            while index < set.endIndex {
                let low = set[index]
                let dash = set.index(after: index)
                if dash < set.endIndex, set[dash] == "-", set.index(after: dash) < set.endIndex {
                    let high = set[set.index(after: dash)]
                    if low.value <= character.value && character.value <= high.value { found = true }
                    index = set.index(after: set.index(after: dash))
                } else {
                    if low == character { found = true }
                    index = dash
                }
            }
            return found != negated && matchSegment(pattern[pattern.index(after: close)...], text.dropFirst())
        default:
            return text.first == first && matchSegment(pattern.dropFirst(), text.dropFirst())
        }
    }
}
