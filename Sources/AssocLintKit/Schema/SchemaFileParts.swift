/// Where a large model file can be cut so that its parts are composed and decoded on several
/// threads, each part a YAML document of its own.
///
/// A cut falls just before an entry of the top-level `models:` mapping or `usages:` list, and the
/// part after it is given that key back (`models:` or `models:\nusages:`) with its line numbers
/// shifted, so its marks are those of the whole file. The plan is cautious: no aliases, no
/// directives or second documents, no repeated or unusual top-level keys, no CR. Whatever it
/// misjudges (a cut inside a multi-line flow collection or quoted text) makes a part fail to
/// parse, and then the whole file is read in one piece (`SchemaDecoder`).
struct SchemaFileParts {
    struct Part {
        /// The bytes of the file in this part.
        var range: Range<Int>
        /// YAML put in front of them (the key they belong to).
        var prefix: [UInt8]
        /// Added to the part's line numbers to give the file's.
        var lineOffset: Int
    }

    let parts: [Part]

    /// A plan with up to `count` parts of similar size, or nil when the file has no safe cut.
    init?(_ bytes: [UInt8], count: Int) {
        guard count > 1, let cuts = Self.cutPoints(bytes) else { return nil }
        // One cut per share of the bytes: the first entry at or after each share's start.
        var chosen: [Cut] = []
        for share in 1..<count {
            let target = bytes.count * share / count
            var low = 0, high = cuts.count
            while low < high {
                let middle = (low + high) / 2
                if cuts[middle].offset < target { low = middle + 1 } else { high = middle }
            }
            if low < cuts.count, cuts[low].offset > (chosen.last?.offset ?? 0) { chosen.append(cuts[low]) }
        }
        guard !chosen.isEmpty else { return nil }
        var parts = [Part(range: 0..<chosen[0].offset, prefix: [], lineOffset: 0)]
        for (index, cut) in chosen.enumerated() {
            let end = index + 1 < chosen.count ? chosen[index + 1].offset : bytes.count
            let prefix = Array((cut.inUsages ? "models:\nusages:\n" : "models:\n").utf8)
            let prefixLines = cut.inUsages ? 2 : 1
            parts.append(Part(range: cut.offset..<end, prefix: prefix, lineOffset: cut.line - 1 - prefixLines))
        }
        self.parts = parts
    }

    struct Cut {
        var offset: Int
        /// 1-based line of the entry.
        var line: Int
        var inUsages: Bool
    }

    /// Every offset where an entry of `models:` (after the first) or of `usages:` starts, in
    /// file order; nil when the file's layout is not one the plan trusts.
    static func cutPoints(_ bytes: [UInt8]) -> [Cut]? {
        let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n"), hash = UInt8(ascii: "#")
        let dash = UInt8(ascii: "-"), colon = UInt8(ascii: ":")
        var cuts: [Cut] = []
        var topLevelKeys = Set<ArraySlice<UInt8>>()
        enum Block { case other, models, usages }
        var block = Block.other
        var entryIndent: Int?   // indentation of the current block's entries, once seen
        var seenFirstEntry = false
        var lineStart = 0, line = 1
        while lineStart < bytes.count {
            // The line's end, and whether it holds a byte the checks below look at.
            var lineEnd = lineStart
            var notable = false
            while lineEnd < bytes.count, bytes[lineEnd] != newline {
                notable = notable || Self.isNotable[Int(bytes[lineEnd])]
                lineEnd += 1
            }
            var indent = 0
            while lineStart + indent < lineEnd, bytes[lineStart + indent] == space { indent += 1 }
            let first = lineStart + indent < lineEnd ? bytes[lineStart + indent] : nil
            // Aliases (anchors' uses, merges), CR, tabs and the line breaks YAML has besides LF
            // (U+0085, U+2028, U+2029, which would shift line numbers): read in one piece. So is
            // quoted text that runs over more than one line: lines inside it are not keys.
            if notable, Self.hasRefusedByte(bytes[lineStart..<lineEnd]) || Self.opensMultiLineQuote(bytes[lineStart..<lineEnd]) {
                return nil
            }
            if let first, first != hash, topLevelKeys.isEmpty, indent > 0 {
                return nil  // the root mapping is indented: its keys are not at column 0
            }
            if let first, first != hash {
                if indent == 0, !(block == .usages && first == dash && (entryIndent ?? 0) == 0) {
                    // A top-level key: a plain name, a colon and a space or the end, each name once.
                    let text = bytes[lineStart..<lineEnd]
                    guard Self.isSimpleKeyLine(text), let colonIndex = text.firstIndex(of: colon) else { return nil }
                    let key = bytes[lineStart..<colonIndex]
                    guard topLevelKeys.insert(key).inserted else { return nil }
                    let rest = bytes[(colonIndex + 1)..<lineEnd].drop { $0 == space }
                    let opensBlock = rest.isEmpty || rest.first == hash
                    switch Array(key) {
                    case Array("models".utf8): block = opensBlock ? .models : .other
                    // Usages are cut only after `models:`, which must stay in the first part.
                    case Array("usages".utf8): block = opensBlock && topLevelKeys.contains(ArraySlice("models".utf8)) ? .usages : .other
                    default: block = .other
                    }
                    entryIndent = nil
                    seenFirstEntry = false
                } else if block != .other {
                    if entryIndent == nil { entryIndent = indent }
                    if indent == entryIndent {
                        // Every line at the entries' indentation must start an entry of the
                        // block's kind (`Name:` under models, `- ` under usages); anything else
                        // (a stray scalar, a list under a model, a quoted name) is read whole.
                        let text = bytes[(lineStart + indent)..<lineEnd]
                        guard block == .models ? Self.isSimpleKeyLine(text) : Self.isListItemLine(text) else { return nil }
                        if seenFirstEntry || block == .usages {
                            cuts.append(Cut(offset: lineStart, line: line, inUsages: block == .usages))
                        }
                        seenFirstEntry = true
                    }
                }
            }
            lineStart = lineEnd + 1
            line += 1
        }
        // Without a `models:` key the file is not a model file, and its parts must not become
        // model files by the key they are given.
        return topLevelKeys.contains(ArraySlice("models".utf8)) ? cuts : nil
    }

    /// The bytes `hasRefusedByte` and `opensMultiLineQuote` react to: most lines have none.
    static let isNotable: [Bool] = (0...255).map { byte in
        [UInt8(ascii: "*"), UInt8(ascii: "<"), UInt8(ascii: "?"), 0x0D, 0x09, 0xC2, 0xE2, UInt8(ascii: "\""), UInt8(ascii: "'")].contains(UInt8(byte))
    }

    /// An alias (`*`), CR, tab, or a U+0085, U+2028 or U+2029 line break.
    static func hasRefusedByte(_ text: ArraySlice<UInt8>) -> Bool {
        var index = text.startIndex
        while index < text.endIndex {
            switch text[index] {
            case UInt8(ascii: "*"), 0x0D, 0x09:
                return true
            // A merge key (`<<`): the nodes it adds count toward the alias limit, whose total
            // over the whole file a part does not see.
            case UInt8(ascii: "<") where index + 1 < text.endIndex && text[index + 1] == UInt8(ascii: "<"):
                return true
            // An explicit key (`? key`): without a value, its null value is marked where the next
            // token starts, which after a cut is the end of the part.
            case UInt8(ascii: "?") where index + 1 == text.endIndex || text[index + 1] == UInt8(ascii: " "):
                return true
            case 0xC2 where index + 1 < text.endIndex && text[index + 1] == 0x85:
                return true
            case 0xE2 where index + 2 < text.endIndex && text[index + 1] == 0x80 && (text[index + 2] == 0xA8 || text[index + 2] == 0xA9):
                return true
            default:
                index += 1
            }
        }
        return false
    }

    /// Whether quoted text may start on this line and not end on it. Whether a quote character
    /// opens quoted text depends on what YAML is reading there (inside plain text it is a plain
    /// character, and the text after it may then hold a real opening quote): every reading is
    /// followed at once, and the line is refused if any leaves quoted text open. `\"` and `''`
    /// are escapes; a `#` after a space outside quoted text ends that reading.
    static func opensMultiLineQuote(_ text: ArraySlice<UInt8>) -> Bool {
        let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'"), backslash = UInt8(ascii: "\\")
        // The readings alive after each byte, as a set of states.
        let outside: UInt8 = 1, double: UInt8 = 2, doubleEscape: UInt8 = 4, single: UInt8 = 8, singleEnd: UInt8 = 16
        var states = outside
        var previous = UInt8(ascii: " ")
        for byte in text {
            var next: UInt8 = 0
            var fromOutside = states & outside != 0
            if states & double != 0 { next |= byte == backslash ? doubleEscape : byte == quote ? outside : double }
            if states & doubleEscape != 0 { next |= double }
            if states & single != 0 { next |= byte == apostrophe ? singleEnd : single }
            if states & singleEnd != 0 {
                // `''` is an escaped quote; anything else follows closed quoted text.
                if byte == apostrophe { next |= single } else { fromOutside = true }
            }
            if fromOutside {
                if byte == UInt8(ascii: "#"), previous == UInt8(ascii: " ") {
                    // a comment: nothing more on this line is read
                } else {
                    next |= outside
                    // A quote opens quoted text where a token can start (or may be plain text).
                    if byte == quote || byte == apostrophe, " -?:[]{},!&\"'".utf8.contains(previous) {
                        next |= byte == quote ? double : single
                    }
                }
            }
            states = next
            if states == 0 { return false }
            previous = byte
        }
        return states & (double | doubleEscape | single) != 0
    }

    /// `Name:` or `Name: value`, the name made of letters, digits, `_`, `$`, `.` and `-`.
    static func isSimpleKeyLine(_ text: ArraySlice<UInt8>) -> Bool {
        guard let colon = text.firstIndex(of: UInt8(ascii: ":")), colon > text.startIndex else { return false }
        let isNameByte = { (byte: UInt8) in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }
        guard let first = text.first, first != UInt8(ascii: "-"), first != UInt8(ascii: "."),
              text[..<colon].allSatisfy(isNameByte) else { return false }
        return colon + 1 == text.endIndex || text[colon + 1] == UInt8(ascii: " ")
    }

    /// `- item` or a lone `-`.
    static func isListItemLine(_ text: ArraySlice<UInt8>) -> Bool {
        guard text.first == UInt8(ascii: "-") else { return false }
        return text.count == 1 || text[text.startIndex + 1] == UInt8(ascii: " ")
    }
}
