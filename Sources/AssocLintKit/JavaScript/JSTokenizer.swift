/// The first layer of the JavaScript/TypeScript front end (issue 10): bytes to tokens with their
/// line and column. It knows what a tolerant reader of Sequelize model files needs to skip
/// correctly: comments (kept, for suppression comments), strings, template literals with nested
/// `${ ... }`, regular-expression literals, numbers, identifiers, punctuators (`=>`, `?.`, `...`,
/// decorators' `@`). It never fails: bytes it cannot place become `.invalid` tokens, an unclosed
/// string, comment, template or regex ends at the end of the input (flagged `unterminated`), and
/// every step consumes at least one byte, so it always ends.
public struct JSToken: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case identifier
        /// A string literal; `text` is its value (escapes of the usual kinds decoded).
        case string
        /// A template literal without substitutions, or one piece of one; `text` is its raw text.
        case template
        case number
        case regex
        case punctuator
        /// `// ...` or `/* ... */`; `text` is the comment without its delimiters.
        case comment
        /// A byte that starts no token (kept so that nothing is silently dropped).
        case invalid
    }

    public var kind: Kind
    public var text: String
    /// Where the token starts: 1-based line and column (columns count UTF-8 bytes, as elsewhere).
    public var mark: SourceMark
    /// A string, comment, template or regex that the input ended inside.
    public var unterminated = false
    /// Whether a line break came between the previous token and this one (for the tolerant
    /// parser: automatic semicolon insertion, `return` followed by a line break).
    public var followsLineBreak = false
    /// A template piece that ends with `${`: the substitution's tokens follow, then the next piece.
    public var opensSubstitution = false
    /// A template piece that starts after a substitution's `}` (not at a backquote).
    public var continuesTemplate = false

    public func isPunctuator(_ text: String) -> Bool { kind == .punctuator && self.text == text }
    public func isIdentifier(_ text: String) -> Bool { kind == .identifier && self.text == text }
}

public enum JSTokenizer {
    /// Punctuators, longest first so that the longest match wins.
    static let punctuators: [[UInt8]] = [
        ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
        "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=",
        "&=", "|=", "^=", "<<", ">>", "**",
        "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "/", "%", "&", "|", "^", "!",
        "~", "?", ":", "=", ".", "@", "#",
    ].map { Array($0.utf8) }

    /// The punctuators by their first byte, longest first, with their text: a token's candidates
    /// are a handful instead of all sixty.
    static let punctuatorsByFirstByte: [[(bytes: [UInt8], text: String)]] = {
        var table = [[(bytes: [UInt8], text: String)]](repeating: [], count: 256)
        for candidate in punctuators {
            table[Int(candidate[0])].append((candidate, String(decoding: candidate, as: UTF8.self)))
        }
        return table
    }()

    /// Keywords after which a `/` starts a regular expression rather than a division.
    static let regexAfterKeywords: Set<String> = [
        "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else",
        "yield", "await",
    ]

    public static func tokenize(_ bytes: [UInt8]) -> [JSToken] {
        var scanner = Scanner(bytes: bytes)
        return scanner.run()
    }

    struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var lineStart = 0
        var tokens: [JSToken] = []
        var sawLineBreak = false
        /// Open `${` of template literals: the brace depth inside each, innermost last.
        var templateDepths: [Int] = []

        init(bytes: [UInt8]) {
            self.bytes = bytes
            // A byte-order mark is not part of the source, and a `#!` line is a comment.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
        }

        var mark: SourceMark { SourceMark(line: line, column: index - lineStart + 1) }

        func peek(_ offset: Int = 0) -> UInt8? {
            let position = index + offset
            return position < bytes.count ? bytes[position] : nil
        }

        /// Moves past one byte, counting lines (`\n`, `\r\n`, a lone `\r`).
        mutating func advance() {
            let byte = bytes[index]
            index += 1
            if byte == 0x0A || (byte == 0x0D && peek() != 0x0A) {
                line += 1
                lineStart = index
            }
        }

        mutating func emit(_ kind: JSToken.Kind, _ text: String, at mark: SourceMark, unterminated: Bool = false) {
            tokens.append(JSToken(kind: kind, text: text, mark: mark, unterminated: unterminated, followsLineBreak: sawLineBreak))
            sawLineBreak = false
        }

        mutating func run() -> [JSToken] {
            if bytes[index...].starts(with: Array("#!".utf8)) { lineComment() }
            while let byte = peek() {
                switch byte {
                case 0x0A, 0x0D:
                    sawLineBreak = true
                    advance()
                case 0x20, 0x09, 0x0B, 0x0C:
                    advance()
                case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                    lineComment()
                case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                    blockComment()
                case UInt8(ascii: "/") where regexAllowed:
                    regex()
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    string(quote: byte)
                case UInt8(ascii: "`"):
                    template(opening: true)
                case UInt8(ascii: "}") where !templateDepths.isEmpty && templateDepths[templateDepths.count - 1] == 0:
                    // The end of a `${ ... }`: the template goes on.
                    templateDepths.removeLast()
                    template(opening: false)
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    number()
                case UInt8(ascii: ".") where peek(1).map(isDigit) == true:
                    number()
                default:
                    if isIdentifierStart(byte) {
                        identifier()
                    } else if !punctuator() {
                        let start = mark
                        let length = Self.utf8Length(byte)
                        let end = min(bytes.count, index + length)
                        let text = String(decoding: bytes[index..<end], as: UTF8.self)
                        while index < end { advance() }
                        emit(.invalid, text, at: start)
                    }
                }
            }
            // A `${` still open at the end: the template it belongs to never closed.
            if !templateDepths.isEmpty, let last = tokens.lastIndex(where: { $0.kind == .template }) {
                tokens[last].unterminated = true
            }
            return tokens
        }

        // MARK: tokens

        mutating func lineComment() {
            let start = mark
            index += 2
            let from = index
            while let byte = peek(), byte != 0x0A, byte != 0x0D { index += 1 }
            emit(.comment, String(decoding: bytes[from..<index], as: UTF8.self), at: start)
        }

        mutating func blockComment() {
            let start = mark
            index += 2
            let from = index
            while index < bytes.count, !(bytes[index] == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/")) {
                if bytes[index] == 0x0A || bytes[index] == 0x0D { sawLineBreak = true }
                advance()
            }
            let closed = index < bytes.count
            let text = String(decoding: bytes[from..<index], as: UTF8.self)
            if closed { index += 2 }
            let breakInside = sawLineBreak
            emit(.comment, text, at: start, unterminated: !closed)
            // A comment with a line break counts as one for what follows it.
            sawLineBreak = breakInside
        }

        mutating func string(quote: UInt8) {
            let start = mark
            index += 1
            var value: [UInt8] = []
            var closed = false
            while let byte = peek() {
                if byte == quote { index += 1; closed = true; break }
                // A line break ends an unclosed string (JavaScript strings cannot span lines).
                if byte == 0x0A || byte == 0x0D { break }
                if byte == UInt8(ascii: "\\"), let next = peek(1) {
                    index += 2
                    switch next {
                    case UInt8(ascii: "n"): value.append(0x0A)
                    case UInt8(ascii: "t"): value.append(0x09)
                    case UInt8(ascii: "r"): value.append(0x0D)
                    case 0x0A: line += 1; lineStart = index  // a line continuation
                    case 0x0D:
                        if peek() == 0x0A { index += 1 }
                        line += 1
                        lineStart = index
                    default: value.append(next)  // \' \" \\ and the rest: the character itself
                    }
                    continue
                }
                value.append(byte)
                index += 1
            }
            emit(.string, String(decoding: value, as: UTF8.self), at: start, unterminated: !closed)
        }

        /// A template literal's text up to its end or to a `${` (which opens a substitution whose
        /// tokens follow, until the matching `}` resumes the template).
        mutating func template(opening: Bool) {
            let start = mark
            let count = tokens.count
            defer { if !opening, tokens.count > count { tokens[count].continuesTemplate = true } }
            index += 1  // the backquote, or the `}` that closes a substitution
            let from = index
            while let byte = peek() {
                if byte == UInt8(ascii: "`") {
                    let text = String(decoding: bytes[from..<index], as: UTF8.self)
                    index += 1
                    emit(.template, text, at: start)
                    return
                }
                if byte == UInt8(ascii: "$"), peek(1) == UInt8(ascii: "{") {
                    let text = String(decoding: bytes[from..<index], as: UTF8.self)
                    index += 2
                    emit(.template, text, at: start)
                    tokens[tokens.count - 1].opensSubstitution = true
                    templateDepths.append(0)
                    return
                }
                if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    index += 1
                }
                advance()
            }
            emit(.template, String(decoding: bytes[from..<index], as: UTF8.self), at: start, unterminated: true)
        }

        mutating func regex() {
            let start = mark
            index += 1
            let from = index
            var inClass = false
            var closed = false
            while let byte = peek(), byte != 0x0A, byte != 0x0D {
                if byte == UInt8(ascii: "\\") {
                    // An escaped line break ends the (unclosed) regex: the break is counted by run().
                    if let next = peek(1), next == 0x0A || next == 0x0D { index += 1; break }
                    index = min(bytes.count, index + 2)
                    continue
                }
                if byte == UInt8(ascii: "[") { inClass = true }
                if byte == UInt8(ascii: "]") { inClass = false }
                index += 1
                if byte == UInt8(ascii: "/") && !inClass { closed = true; break }
            }
            var text = String(decoding: bytes[from..<max(from, closed ? index - 1 : index)], as: UTF8.self)
            // Its flags.
            while let byte = peek(), isIdentifierPart(byte) { index += 1 }
            if closed { text = "/" + text + "/" }
            emit(.regex, text, at: start, unterminated: !closed)
        }

        mutating func number() {
            let start = mark
            let from = index
            // Digits, letters (hex, exponent, bigint `n`), `_` separators and a fraction point; a
            // sign only right after an exponent.
            while let byte = peek() {
                if isDigit(byte) || isASCIILetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") {
                    index += 1
                } else if (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")),
                          let previous = index > from ? bytes[index - 1] : nil,
                          previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E"),
                          !(bytes[from] == UInt8(ascii: "0") && index > from + 1 && (bytes[from + 1] | 0x20) == UInt8(ascii: "x")) {
                    index += 1
                } else {
                    break
                }
            }
            emit(.number, String(decoding: bytes[from..<index], as: UTF8.self), at: start)
        }

        mutating func identifier() {
            let start = mark
            let from = index
            while let byte = peek(), isIdentifierPart(byte) {
                index += byte >= 0x80 ? min(Self.utf8Length(byte), bytes.count - index) : 1
            }
            emit(.identifier, String(decoding: bytes[from..<index], as: UTF8.self), at: start)
        }

        mutating func punctuator() -> Bool {
            guard index < bytes.count else { return false }
            candidates: for (candidate, text) in JSTokenizer.punctuatorsByFirstByte[Int(bytes[index])] {
                guard index + candidate.count <= bytes.count else { continue }
                for offset in 1..<max(1, candidate.count) where bytes[index + offset] != candidate[offset] { continue candidates }
                // `?.` followed by a digit is `?` and a number (`a?.5:b`).
                if text == "?.", peek(2).map(isDigit) == true { continue }
                let start = mark
                index += candidate.count
                if !templateDepths.isEmpty {
                    if text == "{" { templateDepths[templateDepths.count - 1] += 1 }
                    if text == "}" { templateDepths[templateDepths.count - 1] -= 1 }
                }
                emit(.punctuator, text, at: start)
                return true
            }
            return false
        }

        // MARK: context

        /// Whether a `/` here starts a regular expression: at the start, after an operator or an
        /// opening bracket, or after a keyword such as `return`; not after a value.
        var regexAllowed: Bool {
            guard let previous = tokens.last(where: { $0.kind != .comment }) else { return true }
            switch previous.kind {
            case .number, .string, .template, .regex: return false
            case .identifier: return JSTokenizer.regexAfterKeywords.contains(previous.text)
            case .punctuator: return ![")", "]", "}", "++", "--"].contains(previous.text)
            case .comment, .invalid: return true
            }
        }

        // MARK: characters

        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

        /// Letters, `$`, `_`, a backslash (unicode escapes) and any non-ASCII byte (identifiers may
        /// be unicode; a non-ASCII punctuator is rare enough to read as part of a name).
        func isIdentifierStart(_ byte: UInt8) -> Bool {
            isASCIILetter(byte) || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "_") || byte >= 0x80
        }

        func isIdentifierPart(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }

        /// The length of the UTF-8 sequence a byte starts (1 for a stray continuation byte).
        static func utf8Length(_ byte: UInt8) -> Int {
            switch byte {
            case 0xF0...0xF7: return 4
            case 0xE0...0xEF: return 3
            case 0xC0...0xDF: return 2
            default: return 1
            }
        }
    }
}
