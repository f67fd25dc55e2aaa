/// The second layer of the JavaScript/TypeScript front end (issue 10): tokens to the syntax of
/// `JSSyntax.swift`. A tolerant reader, not a JavaScript engine: it parses calls, member chains,
/// object and array literals, functions, arrows and classes (with decorators), skips TypeScript
/// types, and keeps whatever else as `.other` with its parts. It never fails and always ends:
/// every loop consumes a token or stops, and nesting deeper than `maxDepth` is read as `.other`.
public struct JSProgram: Sendable {
    public var statements: [JSStatement]
    /// The comments, in order (for suppression comments).
    public var comments: [JSToken]
    /// TypeScript annotations naming one type, by the annotated name's place (`order: Order`).
    public var typeAnnotations: [SourceMark: String] = [:]
    /// Where the name of a member stands (`getItem` of `order.getItem`), by its chain's start
    /// and the name (a member expression is marked where its chain starts).
    public var memberNameMarks: [MemberName: SourceMark] = [:]
}

/// A member name in a chain: the chain's start and the name.
public struct MemberName: Hashable, Sendable {
    public var chain: SourceMark
    public var name: String
}

public enum JSParser {
    /// How deep expressions and statements may nest before the rest is skipped as `.other`.
    public static let maxDepth = 100

    public static func parse(_ bytes: [UInt8]) -> JSProgram {
        let all = JSTokenizer.tokenize(bytes)
        var parser = Parser(tokens: all.filter { $0.kind != .comment })
        let statements = parser.program()
        return JSProgram(statements: statements, comments: all.filter { $0.kind == .comment }, typeAnnotations: parser.typeAnnotations,
                         memberNameMarks: parser.memberNameMarks)
    }

    struct Parser {
        let tokens: [JSToken]
        var position = 0
        var depth = 0
        /// `@Table export class X` / `@Table export default class X`: how the last class read
        /// after its decorators was exported, if it was.
        var decoratedExport: DecoratedExport?

        enum DecoratedExport { case named, byDefault }
        /// Names annotated with one type (`order: Order`), by the name's place.
        var typeAnnotations: [SourceMark: String] = [:]
        var memberNameMarks: [MemberName: SourceMark] = [:]

        init(tokens: [JSToken]) {
            self.tokens = tokens
        }

        // MARK: tokens

        var atEnd: Bool { position >= tokens.count }
        var current: JSToken? { position < tokens.count ? tokens[position] : nil }
        func peek(_ offset: Int) -> JSToken? { position + offset < tokens.count ? tokens[position + offset] : nil }
        var mark: SourceMark { current?.mark ?? tokens.last?.mark ?? SourceMark(line: 1, column: 1) }

        func at(_ punctuator: String) -> Bool { current?.isPunctuator(punctuator) == true }
        func atWord(_ word: String) -> Bool { current?.isIdentifier(word) == true }

        mutating func advance() { if position < tokens.count { position += 1 } }

        @discardableResult
        mutating func eat(_ punctuator: String) -> Bool {
            guard at(punctuator) else { return false }
            advance()
            return true
        }

        @discardableResult
        mutating func eatWord(_ word: String) -> Bool {
            guard atWord(word) else { return false }
            advance()
            return true
        }

        /// Skips a bracketed group starting at the current opening token, nested brackets included.
        mutating func skipBalanced() {
            guard let open = current?.text, let close = ["(": ")", "[": "]", "{": "}", "<": ">"][open] else { advance(); return }
            var level = 0
            while let token = current {
                if token.kind == .punctuator {
                    if token.text == open { level += 1 }
                    if token.text == close { level -= 1; if level == 0 { advance(); return } }
                    if open == "<", [";", "{", "}"].contains(token.text) { return }  // not a type list after all
                }
                advance()
            }
        }

        /// Runs `body` one level deeper, or reads the construct as `.other` past the limit.
        mutating func nested<T>(_ fallback: T, _ body: (inout Parser) -> T) -> T {
            guard depth < JSParser.maxDepth else {
                advance()
                return fallback
            }
            depth += 1
            defer { depth -= 1 }
            return body(&self)
        }

        // MARK: statements

        mutating func program() -> [JSStatement] {
            var statements: [JSStatement] = []
            while !atEnd {
                let before = position
                statements.append(statement())
                if position == before { advance() }  // never stall on a token nothing reads
            }
            return statements
        }

        mutating func block() -> [JSStatement] {
            guard eat("{") else { return [statement()] }
            var statements: [JSStatement] = []
            while !atEnd, !at("}") {
                let before = position
                statements.append(statement())
                if position == before { advance() }
            }
            eat("}")
            return statements
        }

        mutating func statement() -> JSStatement {
            nested(.other(mark)) { parser in parser.statementBody() }
        }

        mutating func statementBody() -> JSStatement {
            let start = mark
            guard let token = current else { return .other(start) }
            if token.isPunctuator(";") { advance(); return .other(start) }
            if token.isPunctuator("{") { return .block(block(), start) }
            if token.isPunctuator("@") || (token.kind == .identifier && ["class", "abstract"].contains(token.text) && isClassAhead) {
                if let type = classBody() {
                    switch decoratedExport {
                    case .named?: return .export(.classDeclaration(type), start)
                    case .byDefault?: return .exportDefault(.classExpression(type), start)
                    case nil: return .classDeclaration(type)
                    }
                }
            }
            guard token.kind == .identifier else { return .expression(expression()) }
            switch token.text {
            case "const", "let", "var":
                // `let` can be a name; a declaration is followed by a name or a pattern.
                if let next = peek(1), next.kind == .identifier || next.isPunctuator("{") || next.isPunctuator("[") {
                    advance()
                    let declarations = variableDeclarations()
                    eat(";")
                    return .variables(declarations, start)
                }
            case "function":
                return .function(function())
            case "async" where peek(1)?.isIdentifier("function") == true && peek(1)?.followsLineBreak == false:
                advance()
                return .function(function())
            case "return":
                advance()
                if atEnd || at(";") || at("}") || current?.followsLineBreak == true { eat(";"); return .returnStatement(nil, start) }
                let value = expression()
                eat(";")
                return .returnStatement(value, start)
            case "import" where !(peek(1)?.isPunctuator("(") ?? false) && !(peek(1)?.isPunctuator(".") ?? false):
                return importDeclaration()
            case "export":
                advance()
                if eatWord("default") {
                    if atWord("class") || at("@") || atWord("abstract"), let type = classBody() { return .exportDefault(.classExpression(type), start) }
                    if atWord("function") || (atWord("async") && peek(1)?.isIdentifier("function") == true) {
                        eatWord("async")
                        return .exportDefault(.function(function()), start)
                    }
                    let value = assignment()
                    eat(";")
                    return .exportDefault(value, start)
                }
                if at("{") { return exportList(start) }
                if at("*") {
                    // `export * from 'm'` (local "*" exported as "*"), `export * as ns from 'm'`.
                    advance()
                    var exported = "*"
                    if eatWord("as"), let name = current, name.kind == .identifier || name.kind == .string { exported = name.text; advance() }
                    var source: String?
                    if eatWord("from"), let token = current, token.kind == .string { source = token.text; advance() }
                    eat(";")
                    return source.map { .exportNames([("*", exported)], from: $0, start) } ?? .other(start)
                }
                eatWord("declare")
                return .export(statement(), start)
            case "if", "while", "for", "with", "switch":
                advance()
                eatWord("await")
                var parts: [JSStatement] = []
                if at("(") {
                    // The head's expressions (a for head is read as one list; its declarations too).
                    advance()
                    if atWord("const") || atWord("let") || atWord("var") { advance(); parts.append(.variables(variableDeclarations(), start)) }
                    while !atEnd, !at(")") {
                        let before = position
                        parts.append(.expression(expression()))
                        if !eat(";") && position == before { advance() }
                        if atWord("of") || atWord("in") { advance() }
                    }
                    eat(")")
                }
                parts.append(statement())
                if token.text == "if", eatWord("else") { parts.append(statement()) }
                return .block(parts, start)
            case "do", "try", "else", "finally":
                advance()
                var parts = [statement()]
                if token.text == "do", eatWord("while") { parts.append(.expression(expression())); eat(";") }
                if token.text == "try" {
                    if eatWord("catch") {
                        if at("(") { skipBalanced() }
                        parts.append(statement())
                    }
                    if eatWord("finally") { parts.append(statement()) }
                }
                return .block(parts, start)
            case "case":
                advance()
                _ = expression()
                eat(":")
                return .other(start)
            case "default" where peek(1)?.isPunctuator(":") == true:
                advance()
                eat(":")
                return .other(start)
            case "throw":
                advance()
                let value = expression()
                eat(";")
                return .expression(value)
            case "break", "continue", "debugger":
                advance()
                if current?.kind == .identifier, current?.followsLineBreak == false { advance() }
                eat(";")
                return .other(start)
            case "type", "interface", "enum", "declare", "namespace", "module":
                // TypeScript declarations: when followed by a name on the same line.
                if let next = peek(1), next.kind == .identifier, !next.followsLineBreak {
                    skipTypeDeclaration()
                    return .other(start)
                }
            default:
                break
            }
            let value = expression()
            eat(";")
            return .expression(value)
        }

        /// A TypeScript `type`/`interface`/`enum`/`declare`/`namespace` statement: up to its
        /// end or over its braces.
        mutating func skipTypeDeclaration() {
            let keyword = current?.text
            advance()
            while let token = current {
                if token.isPunctuator("{") {
                    skipBalanced()
                    if keyword != "type" { return }
                    continue
                }
                if token.isPunctuator("(") || token.isPunctuator("[") || token.isPunctuator("<") { skipBalanced(); continue }
                if token.isPunctuator(";") { advance(); return }
                if token.followsLineBreak, position > 0, !["=", "|", "&", ",", ":", "=>"].contains(tokens[position - 1].text),
                   !["|", "&", "=", "=>", "."].contains(token.text) {
                    return
                }
                advance()
            }
        }

        mutating func skipToStatementEnd() {
            while let token = current {
                if token.isPunctuator("{") || token.isPunctuator("(") || token.isPunctuator("[") { skipBalanced(); continue }
                if token.isPunctuator(";") { advance(); return }
                if token.isPunctuator("}") { return }
                advance()
                if let next = current, next.followsLineBreak, !next.isPunctuator("."), !next.isIdentifier("from") { return }
            }
        }

        mutating func variableDeclarations() -> [(pattern: JSPattern, initializer: JSExpression?)] {
            var declarations: [(pattern: JSPattern, initializer: JSExpression?)] = []
            repeat {
                let before = position
                let target = pattern()
                eat("!")
                if eat(":") { annotate(target) }
                let initializer = eat("=") ? assignment() : nil
                declarations.append((target, initializer))
                if position == before { break }
            } while eat(",")
            return declarations
        }

        mutating func importDeclaration() -> JSStatement {
            let start = mark
            advance()  // import
            var bindings: [(local: String, imported: String)] = []
            if atWord("type"), peek(1)?.kind == .identifier || peek(1)?.isPunctuator("{") == true { advance() }
            if let token = current, token.kind == .string {
                advance()
                eat(";")
                return .importDeclaration(source: token.text, bindings: [], start)
            }
            if let token = current, token.kind == .identifier, !token.isIdentifier("from") {
                bindings.append((token.text, "default"))
                advance()
                eat(",")
            }
            if eat("*"), eatWord("as"), let local = current, local.kind == .identifier {
                bindings.append((local.text, "*"))
                advance()
            }
            if eat("{") {
                while !atEnd, !at("}") {
                    let before = position
                    eatWord("type")
                    if let name = current, name.kind == .identifier || name.kind == .string {
                        advance()
                        if eatWord("as"), let local = current, local.kind == .identifier {
                            bindings.append((local.text, name.text))
                            advance()
                        } else {
                            bindings.append((name.text, name.text))
                        }
                    }
                    eat(",")
                    if position == before { advance() }
                }
                eat("}")
            }
            var source = ""
            if eatWord("from"), let token = current, token.kind == .string {
                source = token.text
                advance()
            }
            eat(";")
            return .importDeclaration(source: source, bindings: bindings, start)
        }

        /// `export { a, b as c }` and `export { a } from 'm'`, at `{`.
        mutating func exportList(_ start: SourceMark) -> JSStatement {
            advance()
            var names: [(local: String, exported: String)] = []
            while !atEnd, !at("}") {
                let before = position
                eatWord("type")
                if let name = current, name.kind == .identifier || name.kind == .string {
                    advance()
                    if eatWord("as"), let exported = current, exported.kind == .identifier || exported.kind == .string {
                        names.append((name.text, exported.text))
                        advance()
                    } else {
                        names.append((name.text, name.text))
                    }
                }
                eat(",")
                if position == before { advance() }
            }
            eat("}")
            var source: String?
            if eatWord("from"), let token = current, token.kind == .string {
                source = token.text
                advance()
            }
            eat(";")
            return .exportNames(names, from: source, start)
        }

        // MARK: patterns

        mutating func pattern() -> JSPattern {
            let start = mark
            if at("{") {
                advance()
                var properties: [(key: String, value: JSPattern)] = []
                while !atEnd, !at("}") {
                    let before = position
                    if eat("...") {
                        if let name = current, name.kind == .identifier { properties.append(("...", .identifier(name.text, name.mark))); advance() }
                    } else if let key = current, key.kind == .identifier || key.kind == .string {
                        advance()
                        if eat(":") {
                            properties.append((key.text, pattern()))
                        } else {
                            properties.append((key.text, .identifier(key.text, key.mark)))
                        }
                        if eat("=") { _ = assignment() }
                    } else if at("[") {
                        skipBalanced()
                        if eat(":") { _ = pattern() }
                    }
                    eat(",")
                    if position == before { advance() }
                }
                eat("}")
                return .object(properties, start)
            }
            if at("[") {
                advance()
                var elements: [JSPattern] = []
                while !atEnd, !at("]") {
                    let before = position
                    eat("...")
                    if !at(",") { elements.append(pattern()) }
                    if eat("=") { _ = assignment() }
                    eat(",")
                    if position == before { advance() }
                }
                eat("]")
                return .array(elements, start)
            }
            if let token = current, token.kind == .identifier {
                advance()
                return .identifier(token.text, token.mark)
            }
            return .other(start)
        }

        /// `(a, { b }, c = 1, ...d: T)`: a parameter list with defaults and TypeScript annotations.
        /// Skips a type annotation; when it names one type (`Order`, `Order | null`) and the
        /// pattern is a name, records it for that name (`order: Order`).
        mutating func annotate(_ pattern: JSPattern) {
            let start = position
            skipType()
            guard case .identifier(_, let mark) = pattern else { return }
            let names = tokens[start..<position].filter { !$0.isPunctuator("|") && !$0.isIdentifier("null") && !$0.isIdentifier("undefined") }
            if names.count == 1, let type = names.first, type.kind == .identifier { typeAnnotations[mark] = type.text }
        }

        mutating func parameters() -> [JSPattern] {
            var list: [JSPattern] = []
            guard eat("(") else { return list }
            while !atEnd, !at(")") {
                let before = position
                while at("@") { _ = decorator() }
                for modifier in ["public", "private", "protected", "readonly", "override"] where atWord(modifier) && peek(1)?.kind == .identifier { advance() }
                eat("...")
                let parameter = pattern()
                list.append(parameter)
                eat("?")
                if eat(":") { annotate(parameter) }
                if eat("=") { _ = assignment() }
                eat(",")
                if position == before { advance() }
            }
            eat(")")
            return list
        }

        // MARK: types

        /// Skips a TypeScript type: names, member chains, generics, unions, intersections, arrays,
        /// object and tuple types, function types and literals, up to what ends it.
        mutating func skipType() {
            var first = true
            while let token = current {
                if token.kind == .punctuator {
                    switch token.text {
                    case "<", "(", "[":
                        skipBalanced()
                    case "{":
                        // An object type only where a type is expected; otherwise a body begins.
                        guard first || ["|", "&", "=>", ":", "<", ","].contains(tokens[position - 1].text) else { return }
                        skipBalanced()
                    case "|", "&", ".", "=>", "?", "!":
                        advance()
                        first = true
                        continue
                    default:
                        return
                    }
                } else if token.kind == .identifier {
                    if !first, !["is", "extends", "keyof", "typeof", "infer", "readonly", "unique", "asserts"].contains(tokens[position - 1].text) {
                        return
                    }
                    advance()
                } else if token.kind == .string || token.kind == .number || token.kind == .template {
                    if !first { return }
                    advance()
                } else {
                    return
                }
                first = false
                // `T[]`, `T<U>` after a name.
                while at("[") && peek(1)?.isPunctuator("]") == true { advance(); advance() }
            }
        }

        // MARK: expressions

        mutating func expression() -> JSExpression {
            let start = mark
            var items = [assignment()]
            while eat(",") {
                let before = position
                items.append(assignment())
                if position == before { break }
            }
            return items.count == 1 ? items[0] : .sequence(items, start)
        }

        static let assignmentOperators: Set<String> = ["=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=", "&=", "|=", "^=", "&&=", "||=", "??="]

        mutating func assignment() -> JSExpression {
            nested(.other([], mark)) { parser in
                if let arrow = parser.arrowFunction() { return .function(arrow) }
                let start = parser.mark
                let left = parser.conditional()
                if let token = parser.current, token.kind == .punctuator, Parser.assignmentOperators.contains(token.text) {
                    parser.advance()
                    return .assignment(left, token.text, parser.assignment(), start)
                }
                return left
            }
        }

        /// An arrow function starting here, if one does: `x =>`, `(a, b) =>`, `async (a) =>`,
        /// `(a: T): R =>`.
        mutating func arrowFunction() -> JSFunction? {
            let start = mark
            let saved = position
            if atWord("async"), let next = peek(1), !next.followsLineBreak, next.kind == .identifier || next.isPunctuator("(") {
                if next.kind == .identifier, peek(2)?.isPunctuator("=>") != true { return nil }
                advance()
            }
            var parameterList: [JSPattern]
            if let token = current, token.kind == .identifier, peek(1)?.isPunctuator("=>") == true {
                parameterList = [.identifier(token.text, token.mark)]
                advance()
            } else if at("(") || at("<") {
                // Find the matching `)` and look past a return type for `=>`.
                if at("<") { skipBalanced() }
                guard at("(") else { position = saved; return nil }
                let open = position
                skipBalanced()
                if at(":") { advance(); skipType() }
                guard at("=>") else { position = saved; return nil }
                let arrowAt = position
                position = open
                parameterList = parameters()
                position = arrowAt
            } else {
                position = saved
                return nil
            }
            guard eat("=>") else { position = saved; return nil }
            let body: [JSStatement] = at("{") ? block() : [.returnStatement(assignment(), start)]
            return JSFunction(name: nil, parameters: parameterList, body: body, isArrow: true, mark: start)
        }

        mutating func conditional() -> JSExpression {
            let start = mark
            let test = binary()
            guard at("?") else { return test }
            advance()
            let consequent = assignment()
            eat(":")
            let alternate = assignment()
            return .other([test, consequent, alternate], start)
        }

        static let binaryOperators: Set<String> = [
            "+", "-", "*", "/", "%", "**", "==", "===", "!=", "!==", "<", ">", "<=", ">=", "&&", "||", "??", "&", "|", "^",
            "<<", ">>", ">>>",
        ]

        mutating func binary() -> JSExpression {
            let start = mark
            var parts = [unary()]
            while let token = current {
                if token.kind == .punctuator, Parser.binaryOperators.contains(token.text) {
                    advance()
                    let before = position
                    parts.append(unary())
                    if position == before { break }
                } else if token.isIdentifier("instanceof") || token.isIdentifier("in") {
                    advance()
                    parts.append(unary())
                } else if (token.isIdentifier("as") || token.isIdentifier("satisfies")), !token.followsLineBreak {
                    // TypeScript: the value is the left side.
                    advance()
                    if !eatWord("const") { skipType() }
                } else {
                    break
                }
            }
            return parts.count == 1 ? parts[0] : .other(parts, start)
        }

        mutating func unary() -> JSExpression {
            let start = mark
            if let token = current {
                let prefix = token.kind == .punctuator ? ["!", "-", "+", "~", "++", "--"].contains(token.text)
                    : ["typeof", "void", "delete", "await"].contains(token.text) && !(peek(1)?.isPunctuator("=>") ?? false)
                        && !(peek(1)?.isPunctuator(")") ?? false) && !(peek(1)?.isPunctuator(",") ?? false)
                if prefix {
                    advance()
                    return nested(.other([], start)) { parser in .other([parser.unary()], start) }
                }
            }
            var value = leftHandSide()
            if let token = current, !token.followsLineBreak, token.isPunctuator("++") || token.isPunctuator("--") {
                advance()
                value = .other([value], start)
            }
            return value
        }

        mutating func leftHandSide() -> JSExpression {
            var value = primary()
            var links = 0
            while let token = current {
                // A chain longer than the nesting limit (`.then(f)` a thousand times) would nest
                // the tree as deep: what came before is dropped, and the chain goes on from there.
                links += 1
                if links > JSParser.maxDepth {
                    value = .other([], value.mark)
                    links = 0
                }
                if token.isPunctuator(".") || token.isPunctuator("?.") {
                    advance()
                    if eat("#") {}
                    if let name = current, name.kind == .identifier {
                        advance()
                        // A member chain is placed where it starts (`User` of `User.hasMany`);
                        // where the name itself stands is kept aside (for accessor calls).
                        if memberNameMarks[MemberName(chain: value.mark, name: name.text)] == nil {
                            memberNameMarks[MemberName(chain: value.mark, name: name.text)] = name.mark
                        }
                        value = .member(value, name.text, value.mark)
                    } else if token.isPunctuator("?."), at("(") {
                        value = .call(value, arguments(), value.mark)
                    } else if token.isPunctuator("?."), at("[") {
                        advance()
                        let index = expression()
                        eat("]")
                        value = .index(value, index, token.mark)
                    }
                } else if token.isPunctuator("[") {
                    advance()
                    let index = expression()
                    eat("]")
                    value = .index(value, index, token.mark)
                } else if token.isPunctuator("(") {
                    value = .call(value, arguments(), value.mark)
                } else if token.isPunctuator("!"), !(peek(1)?.isPunctuator("=") ?? false), !token.followsLineBreak {
                    advance()  // TypeScript's non-null assertion
                } else if token.isPunctuator("<"), let arguments = typeArgumentsThenCall() {
                    value = .call(value, arguments, value.mark)
                } else if token.kind == .template, !token.continuesTemplate, !token.followsLineBreak {
                    value = .other([value, template()], token.mark)  // a tagged template
                } else {
                    break
                }
            }
            return value
        }

        /// `f<T>(x)`: type arguments followed by a call; nil (and nothing consumed) otherwise.
        mutating func typeArgumentsThenCall() -> [JSExpression]? {
            let saved = position
            skipBalanced()
            guard position > saved, tokens[position - 1].isPunctuator(">"), at("(") else { position = saved; return nil }
            return arguments()
        }

        mutating func arguments() -> [JSExpression] {
            var list: [JSExpression] = []
            guard eat("(") else { return list }
            while !atEnd, !at(")") {
                let before = position
                if at("...") {
                    let start = mark
                    advance()
                    list.append(.spread(assignment(), start))
                } else {
                    list.append(assignment())
                }
                eat(",")
                if position == before { advance() }
            }
            eat(")")
            return list
        }

        mutating func primary() -> JSExpression {
            let start = mark
            guard let token = current else { return .other([], start) }
            switch token.kind {
            case .string:
                advance()
                return .string(token.text, start)
            case .number:
                advance()
                return .number(token.text, start)
            case .regex, .invalid, .comment:
                advance()
                return .other([], start)
            case .template:
                return template()
            case .punctuator:
                switch token.text {
                case "(":
                    advance()
                    let inner = at(")") ? JSExpression.other([], start) : expression()
                    eat(")")
                    return inner
                case "[":
                    advance()
                    var elements: [JSExpression] = []
                    while !atEnd, !at("]") {
                        let before = position
                        if at("...") {
                            let spreadStart = mark
                            advance()
                            elements.append(.spread(assignment(), spreadStart))
                        } else if !at(",") {
                            elements.append(assignment())
                        }
                        eat(",")
                        if position == before { advance() }
                    }
                    eat("]")
                    return .array(elements, start)
                case "{":
                    return objectLiteral()
                case "@":
                    if let type = classBody() { return .classExpression(type) }
                    return .other([], start)
                case "<":
                    // A type assertion `<T>x`, or JSX: skipped.
                    skipBalanced()
                    return .other([], start)
                default:
                    advance()
                    return .other([], start)
                }
            case .identifier:
                switch token.text {
                case "this":
                    advance()
                    return .this(start)
                case "true", "false":
                    advance()
                    return .boolean(token.text == "true", start)
                case "null":
                    advance()
                    return .null(start)
                case "function":
                    return .function(function())
                case "async" where peek(1)?.isIdentifier("function") == true:
                    advance()
                    return .function(function())
                case "class":
                    if let type = classBody() { return .classExpression(type) }
                    return .other([], start)
                case "new":
                    advance()
                    if eat(".") { advance(); return .other([], start) }  // new.target
                    let callee = nested(JSExpression.other([], start)) { parser in parser.memberOnly() }
                    if at("<") { _ = typeArgumentsThenCall() }
                    return .new(callee, at("(") ? arguments() : [], start)
                default:
                    advance()
                    return .identifier(token.text, start)
                }
            }
        }

        /// `new`'s callee: a primary and its member accesses, without calls.
        mutating func memberOnly() -> JSExpression {
            var value = primary()
            while at(".") {
                advance()
                guard let name = current, name.kind == .identifier else { break }
                advance()
                value = .member(value, name.text, value.mark)
            }
            return value
        }

        /// A template literal: its text when it has no substitutions, else its substitutions' parts.
        mutating func template() -> JSExpression {
            let start = mark
            guard let head = current else { return .other([], start) }
            advance()
            guard head.opensSubstitution else { return .string(head.text, start) }
            var parts: [JSExpression] = []
            var opens = true
            while opens, !atEnd {
                let before = position
                if current?.continuesTemplate != true { parts.append(expression()) }
                if let piece = current, piece.continuesTemplate {
                    advance()
                    opens = piece.opensSubstitution
                } else if position == before {
                    advance()
                }
            }
            return .other(parts, start)
        }

        mutating func objectLiteral() -> JSExpression {
            let start = mark
            advance()  // {
            var properties: [JSProperty] = []
            while !atEnd, !at("}") {
                let before = position
                let propertyStart = mark
                if eat("...") {
                    let value = assignment()
                    properties.append(JSProperty(key: .computed(value), value: .spread(value, propertyStart), isSpread: true, mark: propertyStart))
                } else {
                    // Method modifiers: get, set, async, `*`.
                    while let token = current, token.kind == .identifier, ["get", "set", "async"].contains(token.text),
                          let next = peek(1), next.kind == .identifier || next.kind == .string || next.isPunctuator("[") || next.isPunctuator("*") {
                        advance()
                    }
                    eat("*")
                    var key: JSProperty.Key?
                    if let token = current, token.kind == .identifier || token.kind == .string || token.kind == .number {
                        key = .name(token.text)
                        advance()
                    } else if eat("[") {
                        key = .computed(assignment())
                        eat("]")
                    }
                    if let key {
                        eat("?")
                        if at("(") || at("<") {
                            let method = methodRest(named: nil, at: propertyStart)
                            properties.append(JSProperty(key: key, value: .function(method), mark: propertyStart))
                        } else if eat(":") {
                            properties.append(JSProperty(key: key, value: assignment(), mark: propertyStart))
                        } else if case .name(let name) = key {
                            // Shorthand `{ a }`, or `{ a = 1 }` in a pattern.
                            if eat("=") { _ = assignment() }
                            properties.append(JSProperty(key: key, value: .identifier(name, propertyStart), mark: propertyStart))
                        }
                    }
                }
                eat(",")
                if position == before { advance() }
            }
            eat("}")
            return .object(properties, start)
        }

        /// `function name?<T>(params): R { body }`, at `function`.
        mutating func function() -> JSFunction {
            let start = mark
            eatWord("function")
            eat("*")
            var name: String?
            if let token = current, token.kind == .identifier { name = token.text; advance() }
            var method = methodRest(named: name, at: start)
            method.name = name
            return method
        }

        /// A method's or function's rest, from its type parameters or parameter list.
        mutating func methodRest(named name: String?, at start: SourceMark) -> JSFunction {
            if at("<") { skipBalanced() }
            let parameterList = parameters()
            if eat(":") { skipType() }
            let body = at("{") ? block() : []
            return JSFunction(name: name, parameters: parameterList, body: body, isArrow: false, mark: start)
        }

        mutating func decorator() -> JSExpression {
            let start = mark
            eat("@")
            return .decorator(nested(.other([], start)) { parser in parser.leftHandSide() }, start)
        }

        /// Whether `class` (or `abstract class`) starts here.
        var isClassAhead: Bool {
            if atWord("class") { return true }
            return atWord("abstract") && peek(1)?.isIdentifier("class") == true
        }

        /// A class with its decorators, at `@` or `class`; nil when no class follows the decorators.
        mutating func classBody() -> JSClass? {
            let start = mark
            var decorators: [JSExpression] = []
            while at("@") { decorators.append(decorator()) }
            decoratedExport = nil
            if eatWord("export") { decoratedExport = eatWord("default") ? .byDefault : .named }
            eatWord("abstract")
            guard eatWord("class") else { return nil }
            var name: String?
            if let token = current, token.kind == .identifier, !["extends", "implements"].contains(token.text) { name = token.text; advance() }
            if at("<") { skipBalanced() }
            var superclass: JSExpression?
            if eatWord("extends") {
                superclass = nested(.other([], start)) { parser in parser.leftHandSide() }
                if at("<") { skipBalanced() }
            }
            if eatWord("implements") {
                while !atEnd, !at("{") {
                    let before = position
                    skipType()
                    eat(",")
                    if position == before { advance() }
                }
            }
            var members: [JSClassMember] = []
            if eat("{") {
                while !atEnd, !at("}") {
                    let before = position
                    if let member = classMember() { members.append(member) }
                    eat(";")
                    if position == before { advance() }
                }
                eat("}")
            }
            return JSClass(name: name, superclass: superclass, members: members, decorators: decorators, mark: start)
        }

        static let memberModifiers: Set<String> = ["static", "public", "private", "protected", "readonly", "declare", "abstract", "override", "async", "get", "set", "accessor"]

        mutating func classMember() -> JSClassMember? {
            let start = mark
            var decorators: [JSExpression] = []
            while at("@") { decorators.append(decorator()) }
            var isStatic = false, isDeclared = false
            var kind = JSClassMember.Kind.method
            // Modifiers: a word followed by another name (not by `(`, `=`, `:`, `;`, `?`).
            while let token = current, token.kind == .identifier, Parser.memberModifiers.contains(token.text),
                  let next = peek(1), next.kind == .identifier || next.kind == .string || next.isPunctuator("[") || next.isPunctuator("#") || next.isPunctuator("*") || (token.text == "static" && next.isPunctuator("{")) {
                if token.text == "static" { isStatic = true }
                if token.text == "declare" { isDeclared = true }
                if token.text == "get" { kind = .getter }
                if token.text == "set" { kind = .setter }
                advance()
            }
            if isStatic, at("{") {
                // A static initialization block.
                let body = block()
                return JSClassMember(name: "static", kind: .method, isStatic: true, isDeclared: false, decorators: decorators,
                                     value: .function(JSFunction(name: nil, parameters: [], body: body, isArrow: false, mark: start)),
                                     typeText: nil, mark: start)
            }
            eat("*")
            eat("#")
            var name: String
            let nameMark = mark
            if let token = current, token.kind == .identifier || token.kind == .string || token.kind == .number {
                name = token.text
                advance()
            } else if at("[") {
                skipBalanced()
                name = "[computed]"
            } else {
                return nil
            }
            eat("?")
            eat("!")
            if at("(") || at("<") {
                let method = methodRest(named: name, at: nameMark)
                return JSClassMember(name: name, kind: kind, isStatic: isStatic, isDeclared: isDeclared, decorators: decorators,
                                     value: .function(method), typeText: nil, mark: nameMark)
            }
            var typeText: String?
            if eat(":") {
                let from = position
                skipType()
                typeText = tokens[from..<position].map(\.text).joined()
            }
            let value = eat("=") ? assignment() : nil
            return JSClassMember(name: name, kind: .field, isStatic: isStatic, isDeclared: isDeclared, decorators: decorators,
                                 value: value, typeText: typeText, mark: nameMark)
        }
    }
}
