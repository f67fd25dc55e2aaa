/// `# assoclint-disable-next-line RULE[, RULE]`, `# assoclint-disable-line RULE` and
/// `# assoclint-disable-file RULE` comments, and which findings they silence.
public struct SuppressionDirective: Sendable, Hashable {
    public enum Scope: String, Sendable {
        case nextLine = "assoclint-disable-next-line"
        case line = "assoclint-disable-line"
        case file = "assoclint-disable-file"
    }

    public struct Entry: Sendable, Hashable {
        public var rule: String
        public var column: Int
    }

    /// `nil` for a comment that starts with `assoclint-disable` but is none of the three forms.
    public var scope: Scope?
    /// The directive word as written (for messages about unknown forms).
    public var word: String
    public var rules: [Entry]
    public var path: String
    /// Where the `#` (or the `//`, `/*` of a code comment) stands.
    public var mark: SourceMark
    /// Written in a JavaScript/TypeScript comment (messages show `//` instead of `#`).
    public var isCode = false

    var commentStart: String { isCode ? "//" : "#" }

    /// The line whose findings an entry silences (nil: the whole file).
    var targetLine: Int? {
        switch scope {
        case .nextLine?: return mark.line + 1
        case .line?: return mark.line
        default: return nil
        }
    }
}

/// A directive entry that silenced nothing, or a directive that cannot work.
public struct UnusedSuppression: Sendable, Hashable {
    public var path: String
    public var mark: SourceMark
    public var message: String
    public var help: String?
    /// The known rule the entry names, when the entry is unused rather than malformed.
    public var rule: String?
}

public enum Suppressions {
    /// Finds the directives in a file's comments. A `#` starts a comment at the start of a line or
    /// after whitespace, as in YAML; the rule list ends at `--` (a reason may follow).
    public static func scan(_ bytes: [UInt8], path: String) -> [SuppressionDirective] {
        let marker = Array("assoclint-disable".utf8)
        guard bytes.count >= marker.count, contains(bytes, marker) else { return [] }
        var directives: [SuppressionDirective] = []
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            guard contains(line, marker) else { continue }
            let text = String(decoding: line, as: UTF8.self)
            let characters = Array(text)
            var index = 0
            while index < characters.count {
                defer { index += 1 }
                guard characters[index] == "#", index == 0 || characters[index - 1].isWhitespace else { continue }
                var cursor = index + 1
                while cursor < characters.count, characters[cursor] == " " || characters[cursor] == "\t" { cursor += 1 }
                let wordStart = cursor
                while cursor < characters.count, !characters[cursor].isWhitespace { cursor += 1 }
                let word = String(characters[wordStart..<cursor])
                guard word.hasPrefix("assoclint-disable") else { break }  // an ordinary comment
                let scope = SuppressionDirective.Scope(rawValue: word)
                directives.append(SuppressionDirective(scope: scope, word: word, rules: ruleList(characters, from: cursor), path: path,
                                                       mark: SourceMark(line: lineNumber, column: index + 1)))
                break  // the rest of the line is the comment
            }
        }
        return directives
    }

    /// The rules listed from `cursor` on, separated by commas or spaces, up to `--` (a reason).
    static func ruleList(_ characters: [Character], from start: Int) -> [SuppressionDirective.Entry] {
        var entries: [SuppressionDirective.Entry] = []
        var current = "", currentStart = 0, cursor = start
        func flush() {
            if !current.isEmpty { entries.append(.init(rule: current, column: currentStart + 1)) }
            current = ""
        }
        while cursor < characters.count {
            let character = characters[cursor]
            if character == "-", cursor + 1 < characters.count, characters[cursor + 1] == "-", current.isEmpty { break }
            if character == "," || character.isWhitespace {
                flush()
            } else {
                if current.isEmpty { currentStart = cursor }
                current.append(character)
            }
            cursor += 1
        }
        flush()
        return entries
    }

    /// The directives in JavaScript/TypeScript comments: `// assoclint-disable-next-line RULE`,
    /// `/* assoclint-disable-file RULE */`. The directive must open the comment.
    public static func scan(comments: [JSToken], path: String) -> [SuppressionDirective] {
        var directives: [SuppressionDirective] = []
        for comment in comments where comment.text.contains("assoclint-disable") {
            // The token's text is the comment without `//` or `/* */`.
            let body = Array(comment.text)
            var cursor = 0
            while cursor < body.count, body[cursor] == " " || body[cursor] == "\t" || body[cursor] == "*" { cursor += 1 }
            let wordStart = cursor
            while cursor < body.count, !body[cursor].isWhitespace { cursor += 1 }
            let word = String(body[wordStart..<cursor])
            guard word.hasPrefix("assoclint-disable") else { continue }
            // One line: the rule list ends with it (a block comment may go on with prose).
            var end = cursor
            while end < body.count, !body[end].isNewline { end += 1 }
            // Columns: the comment's own column plus the two characters that open it.
            let offset = comment.mark.column - 1 + 2
            let entries = ruleList(Array(body[..<end]), from: cursor).map { SuppressionDirective.Entry(rule: $0.rule, column: $0.column + offset) }
            directives.append(SuppressionDirective(scope: SuppressionDirective.Scope(rawValue: word), word: word, rules: entries,
                                                   path: path, mark: comment.mark, isCode: true))
        }
        return directives
    }

    private static func contains<C: Collection>(_ bytes: C, _ marker: [UInt8]) -> Bool where C.Element == UInt8 {
        guard let first = marker.first else { return true }
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: first) {
            if bytes[found...].starts(with: marker) { return true }
            index = bytes.index(after: found)
        }
        return false
    }

    /// Removes the findings a directive names; returns the rest and the entries that silenced nothing.
    public static func apply(_ directives: [SuppressionDirective], to findings: [Finding], knownRules: Set<String>)
        -> (kept: [Finding], unused: [UnusedSuppression]) {
        guard !directives.isEmpty else { return (findings, []) }
        var byPath: [String: [Int]] = [:]
        for (index, directive) in directives.enumerated() { byPath[directive.path, default: []].append(index) }
        var used = Set<[Int]>()
        var kept: [Finding] = []
        for finding in findings {
            var silenced = false
            for index in byPath[finding.location.path] ?? [] {
                let directive = directives[index]
                guard directive.scope != nil else { continue }
                if let line = directive.targetLine, line != finding.location.line { continue }
                for (entryIndex, entry) in directive.rules.enumerated() where entry.rule == finding.ruleID {
                    used.insert([index, entryIndex])
                    silenced = true
                }
            }
            if !silenced { kept.append(finding) }
        }
        var unused: [UnusedSuppression] = []
        for (index, directive) in directives.enumerated() {
            guard let scope = directive.scope else {
                let forms = [SuppressionDirective.Scope.nextLine, .line, .file].map(\.rawValue)
                unused.append(UnusedSuppression(path: directive.path, mark: directive.mark,
                                                message: "'\(directive.word)' is not a suppression.\(Suggestion.phrase(for: directive.word, in: forms))",
                                                help: "write '\(directive.commentStart) assoclint-disable-next-line RULE', '\(directive.commentStart) assoclint-disable-line RULE' or '\(directive.commentStart) assoclint-disable-file RULE'"))
                continue
            }
            if directive.rules.isEmpty {
                unused.append(UnusedSuppression(path: directive.path, mark: directive.mark,
                                                message: "'\(directive.commentStart) \(scope.rawValue)' names no rule, so it silences nothing: silence must be specific",
                                                help: "name the rules, e.g. '\(directive.commentStart) \(scope.rawValue) missing-inverse'"))
                continue
            }
            for (entryIndex, entry) in directive.rules.enumerated() where !used.contains([index, entryIndex]) {
                let mark = SourceMark(line: directive.mark.line, column: entry.column)
                if !knownRules.contains(entry.rule) {
                    unused.append(UnusedSuppression(path: directive.path, mark: mark,
                                                    message: "'\(entry.rule)' is not a rule.\(Suggestion.phrase(for: entry.rule, in: knownRules))",
                                                    help: "run 'assoclint rules' to list the rule ids"))
                } else if entry.rule != "unused-suppression" {
                    let place: String
                    switch scope {
                    case .nextLine: place = "on line \(directive.mark.line + 1)"
                    case .line: place = "on this line"
                    case .file: place = "in this file"
                    }
                    unused.append(UnusedSuppression(path: directive.path, mark: mark,
                                                    message: "this suppression of \(entry.rule) is unused: no \(entry.rule) finding \(place)",
                                                    help: "remove '\(entry.rule)' from the comment", rule: entry.rule))
                }
            }
        }
        return (kept, unused)
    }
}
