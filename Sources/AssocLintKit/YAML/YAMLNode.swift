/// A position in a source file, 1-based like editors show it. Stored in 32 bits each (files are
/// at most `--max-file-size` bytes): every declaration keeps several marks.
public struct SourceMark: Hashable, Comparable, Sendable, Codable {
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    public static func < (lhs: SourceMark, rhs: SourceMark) -> Bool {
        (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }

    enum CodingKeys: String, CodingKey {
        case line, column
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(line: try container.decode(Int.self, forKey: .line), column: try container.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }
}

/// A composed YAML node. Every node keeps the mark where it starts, so every key and value
/// of the model format can be reported at its own line and column.
public struct YAMLNode: Sendable {
    public enum ScalarStyle: Sendable {
        case plain, quoted, block
    }

    // Not `indirect`: the arrays already give the recursion its indirection, so a node costs no
    // separate heap box.
    public enum Content: Sendable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    public var mark: SourceMark
    /// An explicit tag such as `!!str`, if the document wrote one.
    public var tag: String?

    public init(_ content: Content, mark: SourceMark, tag: String? = nil) {
        self.content = content
        self.mark = mark
        self.tag = tag
    }

    /// The text of a scalar, `nil` for collections.
    public var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    public var isPlainScalar: Bool {
        if case .scalar(_, .plain) = content { return tag == nil }
        return false
    }

    /// The `<<` merge key.
    public var isMergeKey: Bool { isPlainScalar && scalar == "<<" }

    /// YAML's null: `~`, `null`, or nothing at all (plain scalars only).
    public var isNull: Bool {
        guard isPlainScalar, let text = scalar else { return tag == "tag:yaml.org,2002:null" }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// YAML 1.2 core booleans (plain scalars only).
    public var bool: Bool? {
        guard isPlainScalar || tag == "tag:yaml.org,2002:bool", let text = scalar else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// A decimal integer (plain scalars only).
    public var int: Int? {
        guard isPlainScalar || tag == "tag:yaml.org,2002:int", let text = scalar else { return nil }
        return Int(text)
    }

    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// A short description of the node's kind, for messages ("a list", "a mapping", "the text 'x'").
    public var kindDescription: String {
        switch content {
        case .scalar(let text, _):
            if isNull { return "nothing (null)" }
            if bool != nil || int != nil { return "'\(text)'" }
            return "the text '\(text)'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key's text (keys of the model format are always scalars).
    public var name: String { key.scalar ?? "" }
}

/// A problem found while composing a YAML document.
public struct YAMLIssue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// libyaml could not read or parse the input; the document is unusable past this point.
        case syntax
        /// A mapping repeats a key; the first occurrence is at `firstMark`.
        case duplicateKey(key: String, firstMark: SourceMark)
        /// A safety limit was hit (nesting, alias expansion, size).
        case limit
    }

    public var kind: Kind
    public var message: String
    public var mark: SourceMark
}
