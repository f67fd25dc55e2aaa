/// The syntax the JavaScript/TypeScript front end reads (issue 10): the expressions and statements
/// that declare Sequelize models and associations, with their places. Everything else is kept as
/// `.other` with its parts, so the reader can still look inside it, and nothing is guessed.

public indirect enum JSExpression: Sendable {
    case identifier(String, SourceMark)
    case this(SourceMark)
    /// A string literal, or a template literal without substitutions.
    case string(String, SourceMark)
    case number(String, SourceMark)
    case boolean(Bool, SourceMark)
    case null(SourceMark)
    /// `object.property` or `object?.property`; the mark is where the chain starts.
    case member(JSExpression, String, SourceMark)
    /// `object[index]`.
    case index(JSExpression, JSExpression, SourceMark)
    /// `callee(arguments)`; the mark is the callee's.
    case call(JSExpression, [JSExpression], SourceMark)
    case new(JSExpression, [JSExpression], SourceMark)
    case object([JSProperty], SourceMark)
    case array([JSExpression], SourceMark)
    case function(JSFunction)
    case classExpression(JSClass)
    /// `target = value` (and `+=` etc.).
    case assignment(JSExpression, String, JSExpression, SourceMark)
    /// `a, b`: the comma operator (each is evaluated, the last is the value).
    case sequence([JSExpression], SourceMark)
    case spread(JSExpression, SourceMark)
    /// `@decorator` applied to what follows (in classes).
    case decorator(JSExpression, SourceMark)
    /// Anything else (operators, a template with substitutions, a regex, ...): its parts.
    case other([JSExpression], SourceMark)

    public var mark: SourceMark {
        switch self {
        case .identifier(_, let mark), .this(let mark), .string(_, let mark), .number(_, let mark), .boolean(_, let mark),
             .null(let mark), .member(_, _, let mark), .index(_, _, let mark), .call(_, _, let mark), .new(_, _, let mark),
             .object(_, let mark), .array(_, let mark), .assignment(_, _, _, let mark), .sequence(_, let mark),
             .spread(_, let mark), .decorator(_, let mark), .other(_, let mark):
            return mark
        case .function(let function): return function.mark
        case .classExpression(let type): return type.mark
        }
    }
}

public struct JSProperty: Sendable {
    public enum Key: Sendable {
        case name(String)
        case computed(JSExpression)
    }

    /// A spread (`...x`) has the key `.computed(x)`, the value `.spread(x)` and `isSpread`.
    public var key: Key
    public var value: JSExpression
    public var isSpread = false
    public var mark: SourceMark

    /// The key as written when it is a plain name or a string.
    public var name: String? {
        if case .name(let name) = key { return name }
        return nil
    }
}

public struct JSFunction: Sendable {
    public var name: String?
    public var parameters: [JSPattern]
    public var body: [JSStatement]
    public var isArrow: Bool
    public var mark: SourceMark
}

public struct JSClass: Sendable {
    public var name: String?
    public var superclass: JSExpression?
    public var members: [JSClassMember]
    public var decorators: [JSExpression]
    public var mark: SourceMark
}

public struct JSClassMember: Sendable {
    public enum Kind: Sendable { case method, field, getter, setter }

    public var name: String
    public var kind: Kind
    public var isStatic: Bool
    /// `declare x: T` (TypeScript): types a member without creating it.
    public var isDeclared: Bool
    public var decorators: [JSExpression]
    /// The method, or the field's initializer.
    public var value: JSExpression?
    /// The type annotation's text, tokens joined (`BelongsToGetAssociationMixin<Customer>`).
    public var typeText: String?
    public var mark: SourceMark
}

public indirect enum JSPattern: Sendable {
    case identifier(String, SourceMark)
    /// `{ a, b: c, ...rest }`: the property names and their local patterns.
    case object([(key: String, value: JSPattern)], SourceMark)
    case array([JSPattern], SourceMark)
    case other(SourceMark)
}

public indirect enum JSStatement: Sendable {
    case expression(JSExpression)
    /// `const`/`let`/`var` declarations: each pattern and its initializer.
    case variables([(pattern: JSPattern, initializer: JSExpression?)], SourceMark)
    case function(JSFunction)
    case classDeclaration(JSClass)
    case returnStatement(JSExpression?, SourceMark)
    /// `import x, { a as b } from 'm'` and `import * as x from 'm'`: local name → imported name
    /// (`default`, `*` or a name).
    case importDeclaration(source: String, bindings: [(local: String, imported: String)], SourceMark)
    /// `export ...`: the declaration it exports (`export default x` is `.exportDefault`).
    case export(JSStatement, SourceMark)
    /// `export default value` (a class or function too).
    case exportDefault(JSExpression, SourceMark)
    /// `export { a, b as c }` (local → exported), or the same `from 'm'` (names of that module).
    case exportNames([(local: String, exported: String)], from: String?, SourceMark)
    /// A block, or the bodies of `if`/`for`/`while`/`try`... with the expressions in their heads.
    case block([JSStatement], SourceMark)
    /// What the reader does not look into (TypeScript `type`/`interface`, `break`, ...).
    case other(SourceMark)
}
