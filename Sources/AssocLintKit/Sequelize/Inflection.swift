import Synchronization

/// The string helpers Sequelize v6 names things with, re-implemented exactly:
/// `pluralize`, `singularize` and `underscore` of npm `inflection` 1.13.4 (`lib/inflection.js`),
/// Sequelize's own `Utils.camelize` (`src/utils.js`) and lodash 4.17.21 `upperFirst`.
///
/// Exactness notes (see associations.md §8):
/// * JavaScript strings are UTF-16, so the rule engine below works on UTF-16 code units, like V8.
/// * inflection's patterns are tiny (literals, classes, groups, `|`, `^`, `$`; no quantifiers), so
///   they run on a small purpose-built matcher instead of NSRegularExpression. That sidesteps two
///   ICU differences: ICU's `$` also matches before a final line terminator (JS's does not without
///   the `m` flag), and ICU's case-insensitive matching uses Unicode case folding (`ß` ~ `ss`,
///   `ſ` ~ `s`, Kelvin sign ~ `k`), whereas JS non-unicode `/i` never equates a non-ASCII code unit
///   with an ASCII one. Every pattern letter is ASCII, so JS `/i` here is plain ASCII case folding.
public enum Inflection {

    // MARK: - Public API

    /// inflection 1.13.4 `pluralize(word)` (Sequelize never passes the override argument).
    /// `memoized: false` for a word inflected once (each model name): the memo would only cost.
    public static func pluralize(_ word: String, memoized: Bool = true) -> String {
        memoized ? pluralMemo.value(for: word) { applyRules(to: $0, rules: pluralTable) } : applyRules(to: word, rules: pluralTable)
    }

    /// inflection 1.13.4 `singularize(word)`.
    public static func singularize(_ word: String, memoized: Bool = true) -> String {
        memoized ? singularMemo.value(for: word) { applyRules(to: $0, rules: singularTable) } : applyRules(to: word, rules: singularTable)
    }

    /// inflection 1.13.4 `underscore(word)`: split on `::`, put `_` before every ASCII capital,
    /// drop one leading `_` per segment, join with `/`, then JS `toLowerCase()` the whole string.
    /// `UserId` → `user_id`, `APIKeyId` → `a_p_i_key_id`, `userID` → `user_i_d`.
    public static func underscore(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count + 8)
        var segmentStart = 0   // index in `out` where the current `::` segment begins
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == ":", i + 1 < scalars.count, scalars[i + 1] == ":" {
                dropLeadingUnderscore(&out, from: segmentStart)
                out.append("/")
                segmentStart = out.count
                i += 2
                continue
            }
            if ("A"..."Z").contains(s) { out.append("_") }
            out.append(s)
            i += 1
        }
        dropLeadingUnderscore(&out, from: segmentStart)
        return jsLowercased(out)
    }

    /// Sequelize v6 `Utils.camelize`: `str.trim().replace(/[-_\s]+(.)?/g, (m, c) => c.toUpperCase())`.
    /// Every run of `-`, `_` or JS whitespace plus the one UTF-16 unit after it becomes that unit
    /// upper-cased; nothing else changes (`User_id` → `UserId`, `_owner_id` → `OwnerId`).
    ///
    /// Divergence by design: when a separator run ends the (trimmed) string, Sequelize throws
    /// `TypeError: Cannot read properties of undefined (reading 'toUpperCase')` (a model without a
    /// primary key). This function cannot throw; it drops that trailing run instead, so callers that
    /// need to report the crash must detect the case themselves (string ending in `-`/`_` after trim).
    public static func camelize(_ string: String) -> String {
        camelizeASCII(string) ?? camelizeUTF16(string)
    }

    /// The general `camelize`, on UTF-16 code units as JavaScript sees the string.
    static func camelizeUTF16(_ string: String) -> String {
        let units = Array(jsTrimmed(Array(string.utf16)))
        var out: [UInt16] = []
        out.reserveCapacity(units.count)
        var i = 0
        while i < units.count {
            guard isCamelizeSeparator(units[i]) else {
                out.append(units[i])
                i += 1
                continue
            }
            var j = i + 1
            while j < units.count, isCamelizeSeparator(units[j]) { j += 1 }
            if j < units.count {
                // `.` never stops at a line terminator here: those are all in `\s`, so the
                // greedy run has already consumed them. It does match half a surrogate pair.
                appendJSUppercased(unit: units[j], to: &out)
                i = j + 1
            } else {
                i = j   // trailing separators: JS would throw (see doc comment)
            }
        }
        return String(decoding: out, as: UTF16.self)
    }

    /// `camelize` for an ASCII string (foreign keys almost always are), without UTF-16 arrays:
    /// the same trimming and the same `[-_\s]+(.)` rule, on bytes. Nil for non-ASCII input.
    static func camelizeASCII(_ string: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(string.utf8.count)
        for byte in string.utf8 {
            guard byte < 0x80 else { return nil }
            bytes.append(byte)
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        var start = 0, end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var index = start
        while index < end {
            let byte = bytes[index]
            guard byte == 0x2D || byte == 0x5F || isSpace(byte) else {
                out.append(byte)
                index += 1
                continue
            }
            var next = index + 1
            while next < end, bytes[next] == 0x2D || bytes[next] == 0x5F || isSpace(bytes[next]) { next += 1 }
            if next < end {
                let character = bytes[next]
                out.append(character >= 0x61 && character <= 0x7A ? character - 0x20 : character)
                index = next + 1
            } else {
                index = next   // trailing separators: JS would throw (see `camelize`)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// lodash 4.17.21 `upperFirst`: upper-cases the first "symbol" (lodash's `reUnicode` unit: a
    /// code point plus an optional combining mark, variation selector, skin-tone modifier and ZWJ
    /// continuations) with JS `toUpperCase`, and leaves the rest untouched. For ordinary text that is
    /// the first character: `user_profiles` → `User_profiles`, `aPIKeys` → `APIKeys`, `''` → `''`.
    public static func upperFirst(_ string: String) -> String {
        // Fast path for the usual ASCII name: the first symbol is its first byte.
        var utf8 = Array(string.utf8)
        if let first = utf8.first, utf8.allSatisfy({ $0 < 0x80 }) {
            if first >= 0x61 && first <= 0x7A { utf8[0] = first - 0x20 } else { return string }
            return String(decoding: utf8, as: UTF8.self)
        }
        let scalars = Array(string.unicodeScalars)
        guard !scalars.isEmpty else { return "" }
        let length = lodashFirstSymbolLength(scalars)
        var result = ""
        for scalar in scalars[0..<length] {
            result += scalar.properties.uppercaseMapping
        }
        result.unicodeScalars.append(contentsOf: scalars[length...])
        return result
    }

    // MARK: - Rule application (`_apply_rules`, inflection.js l.598-620)

    /// Rules and patterns are immutable classes so the per-word rule walk copies one reference,
    /// not a struct full of arrays (retain/release traffic dominated the profile).
    final class Rule: Sendable {
        let pattern: JSPattern
        /// `nil` = guard: the word is already in the target form, return it unchanged.
        let replacement: Replacement?

        init(pattern: JSPattern, replacement: Replacement?) {
            self.pattern = pattern
            self.replacement = replacement
        }
    }

    /// A rule list plus, per possible last code unit, the sub-list (same order) of rules that can
    /// match a word ending in it. A skipped rule is one whose every alternative must end at the
    /// end of the word on a unit its final class rejects, so first-match-wins is unaffected; it
    /// just spares testing ~60 patterns per word.
    struct RuleTable: Sendable {
        let rules: [Rule]
        /// Index: folded ASCII unit 0-127, 128 = any non-ASCII unit, 129 = empty word.
        private let candidates: [[Rule]]

        init(_ rules: [Rule]) {
            self.rules = rules
            candidates = (0..<130).map { bucket in
                rules.filter { $0.pattern.mayMatch(lastUnitBucket: bucket) }
            }
        }

        func candidates(for units: [UInt16]) -> [Rule] {
            guard let last = units.last else { return candidates[129] }
            return last < 0x80 ? candidates[Int(ASCIIClass.fold(last))] : candidates[128]
        }
    }

    /// `filtered: false` tries every rule in full, without the quick rejects (tests compare).
    static func applyRules(to word: String, rules table: RuleTable, filtered: Bool = true) -> String {
        if isUncountable(word) { return word }
        let units = utf16Units(of: word)
        let rules = filtered ? table.candidates(for: units) : table.rules
        for rule in rules where rule.pattern.firstMatch(in: units, from: 0, filtered: filtered) != nil {
            guard let replacement = rule.replacement else { return word }
            return rule.pattern.replaceAll(in: units, with: replacement)
        }
        return word
    }

    /// The UTF-16 code units of a word (what JS indexes), without transcoding an ASCII word.
    static func utf16Units(of word: String) -> [UInt16] {
        let utf8 = word.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) { return utf8.map { UInt16($0) } }
        return Array(word.utf16)
    }

    /// The string of UTF-16 code units, without the general decoder when they are all ASCII.
    static func string(fromUTF16 units: [UInt16]) -> String {
        if units.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: units.count) { buffer in
                for (index, unit) in units.enumerated() { buffer[index] = UInt8(truncatingIfNeeded: unit) }
                return units.count
            }
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// `uncountable_words.indexOf(str.toLowerCase()) > -1`. Every list entry is ASCII, and the only
    /// non-ASCII code point whose JS `toLowerCase()` is pure ASCII is U+212A KELVIN SIGN (→ `k`),
    /// so mapping A-Z and U+212A and rejecting any other non-ASCII unit is exact (checked against
    /// Node 20 for every code point).
    static func isUncountable(_ word: String) -> Bool {
        guard word.utf16.count <= uncountableMaxLength else { return false }
        var lowered: [UInt8] = []
        lowered.reserveCapacity(word.utf16.count)
        for unit in word.utf16 {
            switch unit {
            case 0x41...0x5A: lowered.append(UInt8(unit) + 0x20)
            case 0..<0x80: lowered.append(UInt8(unit))
            case 0x212A: lowered.append(UInt8(ascii: "k"))
            default: return false
            }
        }
        return uncountableWords.contains(String(decoding: lowered, as: UTF8.self))
    }

    // MARK: - Tables (inflection.js 1.13.4, l.25-341 and l.348-562, in source order)

    /// The 202 active entries of `uncountable_words` (commented-out ones such as `fish` excluded).
    static let uncountableWords: Set<String> = [
        "accommodation", "adulthood", "advertising", "advice", "aggression", "aid", "air", "aircraft",
        "alcohol", "anger", "applause", "arithmetic", "assistance", "athletics", "bacon", "baggage",
        "beef", "biology", "blood", "botany", "bread", "butter", "carbon", "cardboard", "cash", "chalk",
        "chaos", "chess", "crossroads", "countryside", "dancing", "deer", "dignity", "dirt", "dust",
        "economics", "education", "electricity", "engineering", "enjoyment", "envy", "equipment",
        "ethics", "evidence", "evolution", "fame", "fiction", "flour", "flu", "food", "fuel", "fun",
        "furniture", "gallows", "garbage", "garlic", "genetics", "gold", "golf", "gossip", "gratitude",
        "grief", "guilt", "gymnastics", "happiness", "hardware", "harm", "hate", "hatred", "health",
        "heat", "help", "homework", "honesty", "honey", "hospitality", "housework", "humour", "hunger",
        "hydrogen", "ice", "importance", "inflation", "information", "innocence", "iron", "irony", "jam",
        "jewelry", "judo", "karate", "knowledge", "lack", "laughter", "lava", "leather", "leisure",
        "lightning", "linguine", "linguini", "linguistics", "literature", "litter", "livestock", "logic",
        "loneliness", "luck", "luggage", "macaroni", "machinery", "magic", "management", "mankind",
        "marble", "mathematics", "mayonnaise", "measles", "methane", "milk", "minus", "money", "mud",
        "music", "mumps", "nature", "news", "nitrogen", "nonsense", "nurture", "nutrition", "obedience",
        "obesity", "oxygen", "pasta", "patience", "physics", "poetry", "pollution", "poverty", "pride",
        "psychology", "publicity", "punctuation", "quartz", "racism", "relaxation", "reliability",
        "research", "respect", "revenge", "rice", "rubbish", "rum", "safety", "scenery", "seafood",
        "seaside", "series", "shame", "sheep", "shopping", "sleep", "smoke", "smoking", "snow", "soap",
        "software", "soil", "spaghetti", "species", "steam", "stuff", "stupidity", "sunshine",
        "symmetry", "tennis", "thirst", "thunder", "timber", "traffic", "transportation", "trust",
        "underwear", "unemployment", "unity", "validity", "veal", "vegetation", "vegetarianism",
        "vengeance", "violence", "vitality", "warmth", "wealth", "weather", "welfare", "wheat",
        "wildlife", "wisdom", "yoga", "zinc", "zoology",
    ]

    static let uncountableMaxLength = uncountableWords.map(\.utf8.count).max() ?? 0

    /// `plural_rules`: guards ("already plural") first, then replacements; first match wins.
    static let pluralTable = RuleTable(pluralRules)
    static let singularTable = RuleTable(singularRules)

    static let pluralRules: [Rule] = makeRules([
        ("^(m|wom)en$", nil),
        ("(pe)ople$", nil),
        ("(child)ren$", nil),
        ("([ti])a$", nil),
        ("((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$", nil),
        ("(database)s$", nil),
        ("(drive)s$", nil),
        ("(hi|ti)ves$", nil),
        ("(curve)s$", nil),
        ("([lr])ves$", nil),
        ("([^fo])ves$", nil),
        ("([^aeiouy]|qu)ies$", nil),
        ("(s)eries$", nil),
        ("(m)ovies$", nil),
        ("(x|ch|ss|sh)es$", nil),
        ("([m|l])ice$", nil),
        ("(bus)es$", nil),
        ("(o)es$", nil),
        ("(shoe)s$", nil),
        ("(cris|ax|test)es$", nil),
        ("(octop|vir)uses$", nil),
        ("(alias|canvas|status|campus)es$", nil),
        ("^(summons|bonus)es$", nil),
        ("^(ox)en", nil),   // no `$` in the original: matches `Oxen…` prefixes too
        ("(matr)ices$", nil),
        ("^feet$", nil),
        ("^teeth$", nil),
        ("^geese$", nil),
        ("(quiz)zes$", nil),
        ("^(whereas)es$", nil),
        ("^(criteri)a$", nil),
        ("^genera$", nil),

        ("^(m|wom)an$", "$1en"),
        ("(pe)rson$", "$1ople"),
        ("(child)$", "$1ren"),
        ("(drive)$", "$1s"),
        ("^(ox)$", "$1en"),
        ("(ax|test)is$", "$1es"),
        ("(octop|vir)us$", "$1uses"),
        ("(alias|status|canvas|campus)$", "$1es"),
        ("^(summons|bonus)$", "$1es"),
        ("(bu)s$", "$1ses"),
        ("(buffal|tomat|potat)o$", "$1oes"),
        ("([ti])um$", "$1a"),
        ("sis$", "ses"),
        ("(?:([^f])fe|([lr])f)$", "$1$2ves"),
        ("(hi|ti)ve$", "$1ves"),
        ("([^aeiouy]|qu)y$", "$1ies"),
        ("(matr)ix$", "$1ices"),
        ("(vert|ind)ex$", "$1ices"),
        ("(x|ch|ss|sh)$", "$1es"),
        ("([m|l])ouse$", "$1ice"),
        ("^foot$", "feet"),
        ("^tooth$", "teeth"),
        ("^goose$", "geese"),
        ("(quiz)$", "$1zes"),
        ("^(whereas)$", "$1es"),
        ("^(criteri)on$", "$1a"),
        ("^genus$", "genera"),
        ("s$", "s"),
        ("$", "s"),
    ])

    /// `singular_rules`: guards ("already singular") first, then replacements; first match wins.
    static let singularRules: [Rule] = makeRules([
        ("^(m|wom)an$", nil),
        ("(pe)rson$", nil),
        ("(child)$", nil),
        ("(drive)$", nil),
        ("^(ox)$", nil),
        ("(ax|test)is$", nil),
        ("(octop|vir)us$", nil),
        ("(alias|status|canvas|campus)$", nil),
        ("^(summons|bonus)$", nil),
        ("(bu)s$", nil),
        ("(buffal|tomat|potat)o$", nil),
        ("([ti])um$", nil),
        ("sis$", nil),
        ("(?:([^f])fe|([lr])f)$", nil),
        ("(hi|ti)ve$", nil),
        ("([^aeiouy]|qu)y$", nil),
        ("(x|ch|ss|sh)$", nil),
        ("(matr)ix$", nil),
        ("([m|l])ouse$", nil),
        ("^foot$", nil),
        ("^tooth$", nil),
        ("^goose$", nil),
        ("(quiz)$", nil),
        ("^(whereas)$", nil),
        ("^(criteri)on$", nil),
        ("^genus$", nil),

        ("^(m|wom)en$", "$1an"),
        ("(pe)ople$", "$1rson"),
        ("(child)ren$", "$1"),
        ("(database)s$", "$1"),
        ("(drive)s$", "$1"),
        ("^genera$", "genus"),
        ("^(criteri)a$", "$1on"),
        ("([ti])a$", "$1um"),
        ("((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$", "$1$2sis"),
        ("(hi|ti)ves$", "$1ve"),
        ("(curve)s$", "$1"),
        ("([lr])ves$", "$1f"),
        ("([a])ves$", "$1ve"),
        ("([^fo])ves$", "$1fe"),
        ("(m)ovies$", "$1ovie"),
        ("([^aeiouy]|qu)ies$", "$1y"),
        ("(s)eries$", "$1eries"),
        ("(x|ch|ss|sh)es$", "$1"),
        ("([m|l])ice$", "$1ouse"),
        ("(bus)es$", "$1"),
        ("(o)es$", "$1"),
        ("(shoe)s$", "$1"),
        ("(cris|ax|test)es$", "$1is"),
        ("(octop|vir)uses$", "$1us"),
        ("(alias|canvas|status|campus)es$", "$1"),
        ("^(summons|bonus)es$", "$1"),
        ("^(ox)en", "$1"),
        ("(matr)ices$", "$1ix"),
        ("(vert|ind)ices$", "$1ex"),
        ("^feet$", "foot"),
        ("^teeth$", "tooth"),
        ("^geese$", "goose"),
        ("(quiz)zes$", "$1"),
        ("^(whereas)es$", "$1"),
        ("ss$", "ss"),
        ("s$", ""),
    ])

    /// Compiles a constant table. The tables are fixed source text, so a failure here is a
    /// programming error, not an input error; `InflectionTests` compiles every table.
    static func makeRules(_ table: [(pattern: String, replacement: String?)]) -> [Rule] {
        table.map { entry in
            do {
                let pattern = try JSPattern(entry.pattern)
                let replacement = try entry.replacement.map {
                    try Replacement($0, groupCount: pattern.groupCount)
                }
                return Rule(pattern: pattern, replacement: replacement)
            } catch {
                fatalError("Inflection rule table: cannot compile /\(entry.pattern)/: \(error)")
            }
        }
    }

    // MARK: - Memo

    /// Model names and aliases are inflected over and over (every association, every accessor,
    /// every foreign key), so results are memoised. Keys compare by exact UTF-8 bytes rather than
    /// Swift's canonical-equivalence `==`: JS distinguishes `é` from `e`+U+0301, and so must we.
    static let pluralMemo = Memo()
    static let singularMemo = Memo()

    struct ExactKey: Hashable, Sendable {
        let string: String

        static func == (lhs: ExactKey, rhs: ExactKey) -> Bool {
            var left = lhs.string, right = rhs.string
            return left.withUTF8 { a in
                right.withUTF8 { b in
                    a.count == b.count && a.elementsEqual(b)
                }
            }
        }

        // String's own hash: byte-equal keys are equal strings, so they hash alike (a collision
        // between canonically equivalent spellings is harmless), and it is much cheaper.
        func hash(into hasher: inout Hasher) {
            hasher.combine(string)
        }
    }

    /// A lock-protected dictionary (a `Mutex`, which needs no Foundation start-up). The compute
    /// closure runs outside the lock (it is pure, so a racing duplicate computation is harmless).
    /// Bounded: cleared when it reaches `capacity`.
    final class Memo: Sendable {
        /// Split in shards, each with its own lock, so threads inflecting different names
        /// (`--jobs`) rarely wait for each other.
        private final class Shard: Sendable {
            let storage = Mutex<[ExactKey: String]>([:])
        }

        private let shards: [Shard]
        private let capacityPerShard: Int

        init(capacity: Int = 1 << 19, shardCount: Int = 16) {
            shards = (0..<shardCount).map { _ in Shard() }
            capacityPerShard = max(1, capacity / shardCount)
        }

        func value(for word: String, compute: (String) -> String) -> String {
            let key = ExactKey(string: word)
            let shard = shards[Int(UInt(bitPattern: key.hashValue) % UInt(shards.count))]
            if let cached = shard.storage.withLock({ $0[key] }) { return cached }
            let result = compute(word)
            let capacity = capacityPerShard
            shard.storage.withLock { storage in
                if storage.count >= capacity { storage.removeAll(keepingCapacity: true) }
                storage[key] = result
            }
            return result
        }
    }

    // MARK: - JS string helpers

    /// JS `WhiteSpace` ∪ `LineTerminator`: what `String.prototype.trim` strips and what `\s`
    /// matches (TAB, LF, VT, FF, CR, SPACE, NBSP, U+1680, U+2000-U+200A, LS, PS, U+202F, U+205F,
    /// U+3000, BOM).
    static func isJSWhitespace(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
             0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    static func isCamelizeSeparator(_ unit: UInt16) -> Bool {
        unit == 0x2D || unit == 0x5F || isJSWhitespace(unit)   // `[-_\s]`
    }

    static func jsTrimmed(_ units: [UInt16]) -> ArraySlice<UInt16> {
        var lower = units.startIndex
        var upper = units.endIndex
        while lower < upper, isJSWhitespace(units[lower]) { lower += 1 }
        while upper > lower, isJSWhitespace(units[upper - 1]) { upper -= 1 }
        return units[lower..<upper]
    }

    /// JS `toUpperCase()` of a one-code-unit string: full Unicode mapping (`ß` → `SS`); a lone
    /// surrogate is returned as is.
    static func appendJSUppercased(unit: UInt16, to out: inout [UInt16]) {
        guard let scalar = Unicode.Scalar(unit) else {
            out.append(unit)
            return
        }
        out.append(contentsOf: scalar.properties.uppercaseMapping.utf16)
    }

    private static func dropLeadingUnderscore(_ out: inout [Unicode.Scalar], from index: Int) {
        if index < out.count, out[index] == "_" { out.remove(at: index) }
    }

    /// JS `toLowerCase()` (V8 → ICU root locale): full Unicode lowercase mappings (`İ` → `i̇`) plus
    /// the one context-sensitive rule, Final_Sigma, which Swift's `lowercased()` does not apply.
    static func jsLowercased(_ scalars: [Unicode.Scalar]) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(scalars.count)
        for (index, scalar) in scalars.enumerated() {
            if scalar.isASCII {
                let v = scalar.value
                result.unicodeScalars.append((0x41...0x5A).contains(v)
                    ? Unicode.Scalar(UInt8(v + 0x20)) : scalar)
            } else if scalar.value == 0x03A3 {
                result.unicodeScalars.append(isFinalSigma(scalars, at: index) ? "\u{03C2}" : "\u{03C3}")
            } else {
                result += scalar.properties.lowercaseMapping
            }
        }
        return result
    }

    /// ICU's Final_Sigma test: skipping case-ignorable code points, a cased letter precedes and
    /// no cased letter follows.
    static func isFinalSigma(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        func casedLetterNext(_ indices: some Sequence<Int>) -> Bool {
            for i in indices {
                let properties = scalars[i].properties
                if properties.isCaseIgnorable { continue }
                return properties.isCased
            }
            return false
        }
        return casedLetterNext(stride(from: index - 1, through: 0, by: -1))
            && !casedLetterNext(index + 1 ..< scalars.count)
    }

    /// Length in code points of the first match of lodash's `reUnicode`
    /// (`rsFitz(?=rsFitz)|rsSymbol rsSeq`). A Swift string holds no lone surrogates, so lodash's
    /// UTF-16 classes reduce to: non-astral = scalar ≤ U+FFFF, surrogate pair = scalar > U+FFFF.
    /// Each optional piece is greedy and nothing follows it, so the first path JS tries succeeds.
    static func lodashFirstSymbolLength(_ s: [Unicode.Scalar]) -> Int {
        func isFitz(_ i: Int) -> Bool { i < s.count && (0x1F3FB...0x1F3FF).contains(s[i].value) }
        func isRegional(_ i: Int) -> Bool { i < s.count && (0x1F1E6...0x1F1FF).contains(s[i].value) }
        func isCombo(_ i: Int) -> Bool {
            guard i < s.count else { return false }
            let v = s[i].value
            return (0x0300...0x036F).contains(v) || (0xFE20...0xFE2F).contains(v)
                || (0x20D0...0x20FF).contains(v)
        }
        func isVariation(_ i: Int) -> Bool { i < s.count && (s[i].value == 0xFE0E || s[i].value == 0xFE0F) }
        // One `rsNonAstral | rsRegional | rsSurrPair` unit starting at i; returns its end.
        func base(_ i: Int) -> Int {
            if s[i].value <= 0xFFFF { return i + 1 }
            if isRegional(i) && isRegional(i + 1) { return i + 2 }
            return i + 1
        }
        // `rsOptVar reOptMod`: optional variation selector, then optional combo mark or fitz.
        func modifiers(_ i: Int) -> Int {
            var j = i
            if isVariation(j) { j += 1 }
            if isCombo(j) || isFitz(j) { j += 1 }
            return j
        }

        guard !s.isEmpty else { return 0 }
        if isFitz(0) && isFitz(1) { return 1 }
        var i = base(0)
        if s[0].value <= 0xFFFF && isCombo(i) { i += 1 }   // `rsNonAstral rsCombo?`
        i = modifiers(i)
        while i + 1 < s.count, s[i].value == 0x200D {      // `(?:ZWJ (…) rsOptVar reOptMod)*`
            i = modifiers(base(i + 1))
        }
        return i
    }
}

// MARK: - Pattern engine

extension Inflection {

    enum PatternError: Error, CustomStringConvertible {
        case unsupported(String, at: Int)
        case badReplacement(String)

        var description: String {
            switch self {
            case let .unsupported(pattern, offset): "unsupported syntax in /\(pattern)/ at offset \(offset)"
            case let .badReplacement(template): "unsupported replacement '\(template)'"
            }
        }
    }

    /// One ASCII character class after case folding; a literal is a one-member class.
    struct ASCIIClass: Sendable {
        var low: UInt64 = 0    // members 0x00-0x3F
        var high: UInt64 = 0   // members 0x40-0x7F
        var negated = false

        mutating func insert(_ byte: UInt8) {
            let folded = Self.fold(UInt16(byte))
            if folded < 64 { low |= 1 << folded } else { high |= 1 << (folded - 64) }
        }

        /// JS non-unicode `/i` canonicalises by `toUpperCase`, but never maps a unit ≥ 0x80 to one
        /// < 0x80; with ASCII-only members, a non-ASCII unit is never a member.
        func matches(_ unit: UInt16) -> Bool {
            guard unit < 0x80 else { return negated }
            let folded = Self.fold(unit)
            let member = folded < 64 ? (low >> folded) & 1 == 1 : (high >> (folded - 64)) & 1 == 1
            return member != negated
        }

        static func fold(_ unit: UInt16) -> UInt16 {
            (0x41...0x5A).contains(unit) ? unit + 0x20 : unit
        }
    }

    /// A compiled inflection pattern, flags `gi`. With no quantifiers, every alternative of the
    /// whole pattern has a fixed length, so the pattern is expanded into its linear alternatives in
    /// backtracking priority order (leftmost choice most significant). JS returns the leftmost
    /// start position and, there, the first alternative that matches; `firstMatch` does the same.
    final class JSPattern: Sendable {
        enum Atom: Sendable {
            case unit(ASCIIClass)
            case open(Int)
            case close(Int)
        }

        struct Alternative: Sendable {
            let atoms: [Atom]
            let length: Int
        }

        /// Where an alternative's unit classes sit in `classes`. Plain values, so the hot loop does
        /// no reference counting.
        private struct Span: Sendable {
            let offset: Int
            let length: Int
        }

        struct Match {
            let start: Int
            let end: Int
            /// Per group (index 0 unused): `nil` if the group did not participate.
            let groups: [Range<Int>?]
        }

        let source: String
        let anchoredStart: Bool
        /// `$` without the `m` flag: only at the very end of the string (never before a final `\n`).
        let anchoredEnd: Bool
        let groupCount: Int
        let alternatives: [Alternative]
        private let minLength: Int
        private let maxLength: Int
        private let lastUnitClass: ASCIIClass?
        /// Likewise for the unit before the last (nil: some alternative is shorter than two
        /// units or has a negated class there).
        private let secondLastUnitClass: ASCIIClass?
        private let classes: [ASCIIClass]
        private let spans: [Span]

        init(_ source: String) throws {
            self.source = source
            var parser = Parser(bytes: Array(source.utf8), source: source)
            let parsed = try parser.parse()
            anchoredStart = parsed.anchoredStart
            anchoredEnd = parsed.anchoredEnd
            groupCount = parser.groupCount
            alternatives = Self.expand(parsed.alternatives).map { atoms in
                Alternative(atoms: atoms, length: atoms.reduce(0) { n, atom in
                    if case .unit = atom { return n + 1 } else { return n }
                })
            }
            minLength = alternatives.map(\.length).min() ?? 0
            maxLength = alternatives.map(\.length).max() ?? 0
            lastUnitClass = Self.unionOfLastUnits(alternatives)
            var classes: [ASCIIClass] = []
            var spans: [Span] = []
            for alternative in alternatives {
                spans.append(Span(offset: classes.count, length: alternative.length))
                for case let .unit(characterClass) in alternative.atoms { classes.append(characterClass) }
            }
            self.classes = classes
            self.spans = spans
            var secondLast: ASCIIClass? = ASCIIClass()
            for span in spans {
                guard span.length >= 2, !classes[span.offset + span.length - 2].negated else {
                    secondLast = nil
                    break
                }
                secondLast?.low |= classes[span.offset + span.length - 2].low
                secondLast?.high |= classes[span.offset + span.length - 2].high
            }
            secondLastUnitClass = spans.isEmpty ? nil : secondLast
        }

        /// The union of the classes that can match the final unit of a match, or `nil` when some
        /// alternative is empty or ends in a negated class (no cheap filter then).
        private static func unionOfLastUnits(_ alternatives: [Alternative]) -> ASCIIClass? {
            var union = ASCIIClass()
            for alternative in alternatives {
                let last = alternative.atoms.last { atom in
                    if case .unit = atom { return true } else { return false }
                }
                guard case let .unit(characterClass) = last, !characterClass.negated else { return nil }
                union.low |= characterClass.low
                union.high |= characterClass.high
            }
            return union
        }

        /// Whether a match is possible in a word whose last unit falls in `bucket` (see `RuleTable`).
        func mayMatch(lastUnitBucket bucket: Int) -> Bool {
            guard anchoredEnd, let lastUnitClass else { return true }
            switch bucket {
            case 0..<0x80: return lastUnitClass.matches(UInt16(bucket))
            case 0x80: return false   // `lastUnitClass` is never negated, so it rejects non-ASCII
            default: return false     // empty word: every alternative needs at least one unit
            }
        }

        /// `RegExp.prototype.exec` with `lastIndex = from`.
        func firstMatch(in units: [UInt16], from: Int, filtered: Bool = true) -> Match? {
            let n = units.count
            guard from <= n else { return nil }
            var lowest = from
            var highest = n
            if anchoredStart {
                guard from == 0 else { return nil }
                highest = 0
            }
            if anchoredEnd {
                lowest = max(lowest, n - maxLength)
                highest = min(highest, n - minLength)
            }
            guard lowest <= highest else { return nil }
            // Quick rejects on the last two units (every end-anchored match ends there).
            if filtered, anchoredEnd, let lastUnitClass, n > 0, !lastUnitClass.matches(units[n - 1]) { return nil }
            if filtered, anchoredEnd, let secondLastUnitClass, n > 1, !secondLastUnitClass.matches(units[n - 2]) { return nil }
            for start in lowest...highest {
                for index in spans.indices {
                    let span = spans[index]
                    let end = start + span.length
                    if end > n || (anchoredEnd && end != n) { continue }
                    if matches(span, in: units, at: start) {
                        return Match(start: start, end: end, groups: groups(of: alternatives[index], at: start))
                    }
                }
            }
            return nil
        }

        /// Allocation-free test; the rules are tried in order for every word, so this is the hot path.
        private func matches(_ span: Span, in units: [UInt16], at start: Int) -> Bool {
            for k in 0..<span.length where !classes[span.offset + k].matches(units[start + k]) {
                return false
            }
            return true
        }

        private func groups(of alternative: Alternative, at start: Int) -> [Range<Int>?] {
            var groups = [Range<Int>?](repeating: nil, count: groupCount + 1)
            var opened = [Int](repeating: 0, count: groupCount + 1)
            var position = start
            for atom in alternative.atoms {
                switch atom {
                case .unit:
                    position += 1
                case let .open(group):
                    opened[group] = position
                case let .close(group):
                    groups[group] = opened[group]..<position
                }
            }
            return groups
        }

        /// `String.prototype.replace` with a global regex: every match, left to right; after an
        /// empty match the search resumes one unit later. (All inflection patterns are anchored, so
        /// in practice there is exactly one match.)
        func replaceAll(in units: [UInt16], with replacement: Replacement) -> String {
            var out: [UInt16] = []
            out.reserveCapacity(units.count + 8)
            var copied = 0
            var searchFrom = 0
            while let found = firstMatch(in: units, from: searchFrom) {
                out.append(contentsOf: units[copied..<found.start])
                replacement.append(found, from: units, to: &out)
                copied = found.end
                searchFrom = found.end == found.start ? found.end + 1 : found.end
            }
            out.append(contentsOf: units[copied...])
            return Inflection.string(fromUTF16: out)
        }

        // Expansion of the parse tree into linear alternatives.

        indirect enum Node {
            case unit(ASCIIClass)
            case group(capture: Int?, alternatives: [[Node]])
        }

        private static func expand(_ alternatives: [[Node]]) -> [[Atom]] {
            alternatives.flatMap(expand(sequence:))
        }

        private static func expand(sequence: [Node]) -> [[Atom]] {
            var paths: [[Atom]] = [[]]
            for node in sequence {
                let options: [[Atom]]
                switch node {
                case let .unit(characterClass):
                    // The common case: every path grows by one unit, in place.
                    for index in paths.indices { paths[index].append(.unit(characterClass)) }
                    continue
                case let .group(capture, inner):
                    options = expand(inner).map { atoms in
                        guard let capture else { return atoms }
                        return [.open(capture)] + atoms + [.close(capture)]
                    }
                }
                if options.count == 1 {
                    for index in paths.indices { paths[index].append(contentsOf: options[0]) }
                } else {
                    paths = paths.flatMap { prefix in options.map { prefix + $0 } }
                }
            }
            return paths
        }

        /// Parser for the subset the tables use: literals, `[…]`/`[^…]` (no ranges or escapes),
        /// `(…)`, `(?:…)`, `|`, a leading `^` and a trailing `$`. Anything else is rejected.
        struct Parser {
            let bytes: [UInt8]
            let source: String
            var index = 0
            var groupCount = 0

            init(bytes: [UInt8], source: String) {
                self.bytes = bytes
                self.source = source
            }

            mutating func parse() throws -> (anchoredStart: Bool, anchoredEnd: Bool, alternatives: [[Node]]) {
                var end = bytes.count
                let anchoredStart = bytes.first == UInt8(ascii: "^")
                if anchoredStart { index = 1 }
                let anchoredEnd = end > index && bytes[end - 1] == UInt8(ascii: "$")
                if anchoredEnd { end -= 1 }
                let alternatives = try parseAlternatives(until: end)
                guard index == end else { throw PatternError.unsupported(source, at: index) }
                return (anchoredStart, anchoredEnd, alternatives)
            }

            private mutating func parseAlternatives(until end: Int) throws -> [[Node]] {
                var alternatives: [[Node]] = [[]]
                while index < end {
                    let byte = bytes[index]
                    switch byte {
                    case UInt8(ascii: "|"):
                        index += 1
                        alternatives.append([])
                    case UInt8(ascii: ")"):
                        return alternatives
                    case UInt8(ascii: "("):
                        index += 1
                        var capture: Int?
                        if index + 1 < end, bytes[index] == UInt8(ascii: "?") {
                            guard bytes[index + 1] == UInt8(ascii: ":") else {
                                throw PatternError.unsupported(source, at: index)
                            }
                            index += 2
                        } else {
                            groupCount += 1
                            capture = groupCount
                        }
                        let inner = try parseAlternatives(until: end)
                        guard index < end, bytes[index] == UInt8(ascii: ")") else {
                            throw PatternError.unsupported(source, at: index)
                        }
                        index += 1
                        alternatives[alternatives.count - 1].append(.group(capture: capture, alternatives: inner))
                    case UInt8(ascii: "["):
                        index += 1
                        var characterClass = ASCIIClass()
                        if index < end, bytes[index] == UInt8(ascii: "^") {
                            characterClass.negated = true
                            index += 1
                        }
                        while index < end, bytes[index] != UInt8(ascii: "]") {
                            let member = bytes[index]
                            guard member < 0x80, member != UInt8(ascii: "\\"), member != UInt8(ascii: "-"),
                                  member != UInt8(ascii: "[") else {
                                throw PatternError.unsupported(source, at: index)
                            }
                            characterClass.insert(member)
                            index += 1
                        }
                        guard index < end else { throw PatternError.unsupported(source, at: index) }
                        index += 1
                        alternatives[alternatives.count - 1].append(.unit(characterClass))
                    default:
                        let isLetter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                        guard isLetter else { throw PatternError.unsupported(source, at: index) }
                        var characterClass = ASCIIClass()
                        characterClass.insert(byte)
                        index += 1
                        alternatives[alternatives.count - 1].append(.unit(characterClass))
                    }
                }
                return alternatives
            }
        }
    }

    /// A replacement string: literal text and `$1`…`$9` (a group that did not participate → '').
    struct Replacement: Sendable {
        enum Part: Sendable {
            case literal([UInt16])
            case group(Int)
        }

        let parts: [Part]

        init(_ template: String, groupCount: Int) throws {
            var parts: [Part] = []
            var literal: [UInt16] = []
            let units = Array(template.utf16)
            var i = 0
            while i < units.count {
                if units[i] == UInt16(UInt8(ascii: "$")) {
                    // Only a single-digit reference to an existing group is supported; `$$`, `$&`,
                    // two-digit forms etc. do not occur in the tables and are rejected.
                    guard i + 1 < units.count,
                          (0x31...0x39).contains(units[i + 1]),
                          Int(units[i + 1] - 0x30) <= groupCount,
                          i + 2 >= units.count || !(0x30...0x39).contains(units[i + 2]) else {
                        throw PatternError.badReplacement(template)
                    }
                    if !literal.isEmpty { parts.append(.literal(literal)) }
                    literal = []
                    parts.append(.group(Int(units[i + 1] - 0x30)))
                    i += 2
                } else {
                    literal.append(units[i])
                    i += 1
                }
            }
            if !literal.isEmpty { parts.append(.literal(literal)) }
            self.parts = parts
        }

        func append(_ match: JSPattern.Match, from units: [UInt16], to out: inout [UInt16]) {
            for part in parts {
                switch part {
                case let .literal(text):
                    out.append(contentsOf: text)
                case let .group(index):
                    if let range = match.groups[index] { out.append(contentsOf: units[range]) }
                }
            }
        }
    }
}
