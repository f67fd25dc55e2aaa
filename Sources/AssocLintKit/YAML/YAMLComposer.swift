import CYAML

/// Safety limits of the composer. Exceeding one stops composing that file with a clear issue
/// instead of hanging, exhausting memory or overflowing the stack.
public struct YAMLLimits: Sendable {
    /// Deepest nesting of sequences and mappings.
    public var maxDepth: Int
    /// Nodes that aliases and merge keys may add, on top of the nodes written in the file:
    /// at most `max(aliasExpansionFloor, aliasExpansionFactor × written nodes)`.
    public var aliasExpansionFloor: Int
    public var aliasExpansionFactor: Int

    /// Largest file read, in bytes (`--max-file-size`); a larger one is a finding, not read.
    public var maxFileBytes: Int
    /// Most files one run reads (`--max-files`).
    public var maxFiles: Int

    public init(maxDepth: Int = 256, aliasExpansionFloor: Int = 100_000, aliasExpansionFactor: Int = 10,
                maxFileBytes: Int = 64 << 20, maxFiles: Int = 100_000) {
        self.maxFileBytes = maxFileBytes
        self.maxFiles = maxFiles
        self.maxDepth = maxDepth
        self.aliasExpansionFloor = aliasExpansionFloor
        self.aliasExpansionFactor = aliasExpansionFactor
    }

    public static let standard = YAMLLimits()
}

/// The result of composing one YAML stream.
public struct ComposedYAML: Sendable {
    /// The documents that composed completely (a stream usually has one).
    public var documents: [YAMLNode]
    /// Problems, in the order met. A `.syntax` or `.limit` issue means composing stopped there.
    public var issues: [YAMLIssue]

    /// Whether composing stopped early, so the documents may be missing content.
    public var isIncomplete: Bool {
        issues.contains { if case .duplicateKey = $0.kind { return false } else { return true } }
    }
}

/// Builds a node tree with source marks from libyaml's event stream: anchors, aliases and
/// `<<` merge keys are resolved, duplicate keys reported, and hostile input refused.
public enum YAMLComposer {
    public static func compose(_ bytes: [UInt8], limits: YAMLLimits = .standard) -> ComposedYAML {
        var state = ComposerState(limits: limits)
        bytes.withUnsafeBufferPointer { buffer in
            state.run(buffer)
        }
        return ComposedYAML(documents: state.documents, issues: state.issues)
    }

    public static func compose(_ text: String, limits: YAMLLimits = .standard) -> ComposedYAML {
        compose(Array(text.utf8), limits: limits)
    }

    /// Composes, but hands each entry of the top-level mapping under `streamedKey` (`models`) to
    /// `onEntry` as soon as it is complete, instead of keeping it in the tree: a large schema is
    /// never held as one tree. That mapping is left in the document with only the entries that a
    /// `<<` merge brought in. (Not when the mapping has an anchor: an alias would miss the entries.)
    ///
    /// `lineOffset` is added to every line number: for a part of a file composed on its own.
    public static func compose(_ bytes: some Collection<UInt8>, limits: YAMLLimits = .standard, streaming streamedKey: String,
                               lineOffset: Int = 0, onEntry: (YAMLPair) -> Void) -> ComposedYAML {
        withoutActuallyEscaping(onEntry) { onEntry in
            var state = ComposerState(limits: limits)
            state.lineOffset = lineOffset
            state.streamedKey = streamedKey
            state.onStreamedEntry = onEntry
            if bytes.withContiguousStorageIfAvailable({ state.run($0) }) == nil {
                Array(bytes).withUnsafeBufferPointer { state.run($0) }
            }
            return ComposedYAML(documents: state.documents, issues: state.issues)
        }
    }
}

private struct ComposerState {
    /// A collection under construction, with the number of nodes its expanded subtree holds.
    struct Frame {
        var isMapping: Bool
        var mark: SourceMark
        var tag: String?
        var anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        var weight = 1
        /// Whether a `<<` key appeared, so merging is needed when the mapping ends.
        var hasMergeKey = false
        /// Key → first mark, kept once the mapping is too large for a linear duplicate scan.
        var keyIndex: [String: SourceMark]?
        /// Whether entries go to `onStreamedEntry` instead of `pairs`.
        var streamed = false
    }

    var streamedKey: String?
    var onStreamedEntry: ((YAMLPair) -> Void)?

    let limits: YAMLLimits
    /// Added to every line number (see `YAMLComposer.compose(_:limits:streaming:lineOffset:onEntry:)`).
    var lineOffset = 0
    var documents: [YAMLNode] = []
    var issues: [YAMLIssue] = []
    var stack: [Frame] = []
    var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
    var writtenNodes = 0
    var expandedNodes = 0
    var documentRoot: YAMLNode?

    init(limits: YAMLLimits) {
        self.limits = limits
    }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            issues.append(YAMLIssue(kind: .syntax, message: "the YAML parser could not start (out of memory)", mark: SourceMark(line: 1, column: 1)))
            return
        }
        defer { yaml_parser_delete(&parser) }
        if let base = buffer.baseAddress, buffer.count > 0 {
            yaml_parser_set_input_string(&parser, base, buffer.count)
        } else {
            var empty: UInt8 = 0
            withUnsafePointer(to: &empty) { yaml_parser_set_input_string(&parser, $0, 0) }
        }

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                var issue = Self.parserError(parser, input: buffer)
                issue.mark.line += lineOffset
                issues.append(issue)
                return
            }
            let done = event.type == YAML_STREAM_END_EVENT
            let keepGoing = handle(event)
            yaml_event_delete(&event)
            if done || !keepGoing { return }
        }
    }

    static func parserError(_ parser: yaml_parser_t, input: UnsafeBufferPointer<UInt8>) -> YAMLIssue {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message = "\(context): \(problem)"
        }
        switch parser.error {
        case YAML_READER_ERROR:
            // The reader reports a byte offset: turn it into a line and column.
            let offset = min(Int(parser.problem_offset), input.count)
            var line = 1, lineStart = 0
            for index in 0..<offset where input[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            let mark = SourceMark(line: line, column: offset - lineStart + 1)
            if parser.problem_value != -1 {
                message = "\(problem) (byte 0x\(String(parser.problem_value, radix: 16, uppercase: true))): the file must be UTF-8 text"
            }
            return YAMLIssue(kind: .syntax, message: message, mark: mark)
        default:
            let problemMark = parser.problem_mark
            return YAMLIssue(kind: .syntax, message: message,
                             mark: SourceMark(line: Int(problemMark.line) + 1, column: Int(problemMark.column) + 1))
        }
    }

    func mark(_ mark: yaml_mark_t) -> SourceMark {
        SourceMark(line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
    }

    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    /// Handles one event; returns false to stop composing.
    mutating func handle(_ event: yaml_event_t) -> Bool {
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            anchors.removeAll(keepingCapacity: true)
            documentRoot = nil
            return true
        case YAML_DOCUMENT_END_EVENT:
            if let root = documentRoot { documents.append(root) }
            documentRoot = nil
            return true
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text: String
            if let value = data.value, data.length > 0 {
                text = String(decoding: UnsafeBufferPointer(start: value, count: Int(data.length)), as: UTF8.self)
            } else {
                text = ""
            }
            let style: YAMLNode.ScalarStyle
            switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE, YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .quoted
            case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: style = .block
            default: style = .plain
            }
            let tag = Self.string(data.tag).flatMap(Self.normalizedTag)
            let node = YAMLNode(.scalar(text, style), mark: mark(event.start_mark), tag: tag)
            writtenNodes += 1
            if let anchor = Self.string(data.anchor) { anchors[anchor] = (node, 1) }
            return add(node, weight: 1)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            guard stack.count < limits.maxDepth else {
                issues.append(YAMLIssue(kind: .limit,
                                        message: "nesting deeper than \(limits.maxDepth) levels; assoclint stops reading this file here",
                                        mark: mark(event.start_mark)))
                return false
            }
            let tagPointer = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
            let anchorPointer = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            writtenNodes += 1
            var frame = Frame(isMapping: isMapping, mark: mark(event.start_mark),
                              tag: Self.string(tagPointer).flatMap(Self.normalizedTag),
                              anchor: Self.string(anchorPointer))
            // The value of the top-level `models:` key: stream its entries.
            if isMapping, frame.anchor == nil, let streamedKey, stack.count == 1, stack[0].isMapping,
               let key = stack[0].pendingKey, key.isPlainScalar, key.scalar == streamedKey {
                frame.streamed = true
                frame.keyIndex = [:]
            }
            stack.append(frame)
            return true
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard var frame = stack.popLast() else { return true }
            let node: YAMLNode
            if frame.isMapping {
                if frame.hasMergeKey {
                    guard merge(&frame) else { return false }
                }
                node = YAMLNode(.mapping(frame.pairs), mark: frame.mark, tag: frame.tag)
            } else {
                node = YAMLNode(.sequence(frame.items), mark: frame.mark, tag: frame.tag)
            }
            if let anchor = frame.anchor { anchors[anchor] = (node, frame.weight) }
            return add(node, weight: frame.weight)
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            let mark = mark(event.start_mark)
            guard let (anchored, weight) = anchors[name] else {
                issues.append(YAMLIssue(kind: .syntax, message: "unknown alias *\(name): no anchor &\(name) precedes it", mark: mark))
                return false
            }
            guard expand(by: weight, at: mark) else { return false }
            var node = anchored
            node.mark = mark
            return add(node, weight: weight)
        default:
            return true
        }
    }

    /// Counts nodes added by an alias or merge; false when the expansion limit is passed.
    mutating func expand(by weight: Int, at mark: SourceMark) -> Bool {
        expandedNodes += weight
        let limit = max(limits.aliasExpansionFloor, limits.aliasExpansionFactor * writtenNodes)
        if expandedNodes > limit {
            issues.append(YAMLIssue(kind: .limit,
                                    message: "aliases expand to more than \(limit) nodes (an alias bomb?); assoclint stops reading this file here",
                                    mark: mark))
            return false
        }
        return true
    }

    /// Adds a finished node to the collection being built, or makes it the document root.
    mutating func add(_ node: YAMLNode, weight: Int) -> Bool {
        guard !stack.isEmpty else {
            documentRoot = node
            return true
        }
        let index = stack.count - 1
        stack[index].weight += weight
        if !stack[index].isMapping {
            stack[index].items.append(node)
            return true
        }
        guard let key = stack[index].pendingKey else {
            stack[index].pendingKey = node
            return true
        }
        stack[index].pendingKey = nil
        if key.isPlainScalar, key.scalar == "<<" {
            stack[index].hasMergeKey = true
        } else if let name = key.scalar, let firstMark = Self.firstMark(of: name, at: key.mark, in: &stack[index]) {
            issues.append(YAMLIssue(kind: .duplicateKey(key: name, firstMark: firstMark),
                                    message: "duplicate key '\(name)' (first at line \(firstMark.line))",
                                    mark: key.mark))
        }
        if stack[index].streamed, !key.isMergeKey, let onStreamedEntry {
            onStreamedEntry(YAMLPair(key: key, value: node))
        } else {
            stack[index].pairs.append(YAMLPair(key: key, value: node))
        }
        return true
    }

    /// The mark of an earlier key with this text in the mapping, if any; records this one otherwise.
    static func firstMark(of name: String, at mark: SourceMark, in frame: inout Frame) -> SourceMark? {
        if frame.keyIndex == nil {
            if frame.pairs.count < 16 {
                return frame.pairs.first(where: { $0.key.scalar == name && !$0.key.isMergeKey })?.key.mark
            }
            var index: [String: SourceMark] = [:]
            for pair in frame.pairs where !pair.key.isMergeKey {
                if let text = pair.key.scalar, index[text] == nil { index[text] = pair.key.mark }
            }
            frame.keyIndex = index
        }
        if let first = frame.keyIndex?[name] { return first }
        frame.keyIndex?[name] = mark
        return nil
    }

    /// Resolves `<<` merge keys: keys written in the mapping win, then earlier merge sources.
    mutating func merge(_ frame: inout Frame) -> Bool {
        var explicit: [YAMLPair] = []
        var sources: [YAMLNode] = []
        for pair in frame.pairs {
            guard pair.key.isPlainScalar, pair.key.scalar == "<<" else {
                explicit.append(pair)
                continue
            }
            switch pair.value.content {
            case .mapping:
                sources.append(pair.value)
            case .sequence(let items) where items.allSatisfy({ $0.mapping != nil }):
                sources.append(contentsOf: items)
            default:
                issues.append(YAMLIssue(kind: .syntax,
                                        message: "a merge key '<<' needs a mapping or a list of mappings, not \(pair.value.kindDescription)",
                                        mark: pair.value.mark))
                return false
            }
        }
        // Streamed entries are gone from `pairs` but still count as written here.
        var seen = Set(explicit.compactMap { $0.key.scalar }).union(frame.streamed ? Array((frame.keyIndex ?? [:]).keys) : [])
        var merged: [YAMLPair] = []
        for source in sources {
            for pair in source.mapping ?? [] {
                guard let name = pair.key.scalar, !seen.contains(name) else { continue }
                seen.insert(name)
                merged.append(pair)
            }
        }
        guard expand(by: merged.count, at: frame.mark) else { return false }
        frame.pairs = merged + explicit
        return true
    }

    static func normalizedTag(_ tag: String) -> String? {
        tag == "!" ? nil : tag
    }
}
