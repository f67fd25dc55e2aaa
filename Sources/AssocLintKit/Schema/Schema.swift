/// Typed declarations decoded from model files. Each keeps the file and mark of the YAML it
/// came from, so findings about it point at the user's own text.

public enum AssociationKind: String, Sendable, CaseIterable {
    case hasMany, belongsTo, hasOne, belongsToMany

    /// hasMany and belongsToMany generate the ten plural/singular accessors.
    public var isMulti: Bool { self == .hasMany || self == .belongsToMany }
}

/// The `as` option: a string, or `{singular, plural}`.
public enum AssociationAlias: Hashable, Sendable {
    case string(String)
    case object(singular: String?, plural: String?)
}

/// `unique` on an attribute or foreign key: `true` makes the column unique on its own, a string
/// names a composite unique index shared with other columns.
public enum Uniqueness: Hashable, Sendable {
    case notUnique
    case unique
    case compositeIndex(String)

    public var isUniqueAlone: Bool { self == .unique }
}

public struct AttributeReference: Hashable, Sendable {
    /// `references.model`: a model name or a table name.
    public var model: String
    public var key: String?
    public var mark: SourceMark
}

public struct AttributeDecl: Sendable {
    public var name: String
    public var type: String?
    public var allowNull: Bool?
    public var primaryKey = false
    private var isUniqueAlone = false
    public var mark: SourceMark
    /// The options most attributes leave out, boxed only when one is set: a schema has hundreds
    /// of thousands of attributes.
    private var rare: Box<RareOptions>?

    private struct RareOptions: Sendable {
        var field: String?
        var references: AttributeReference?
        var compositeIndex: String?
    }

    private mutating func setRare(_ update: (inout RareOptions) -> Void) {
        var options = rare?.value ?? RareOptions()
        update(&options)
        rare = options.field == nil && options.references == nil && options.compositeIndex == nil ? nil : Box(options)
    }

    public var unique: Uniqueness {
        get {
            if let name = rare?.value.compositeIndex { return .compositeIndex(name) }
            return isUniqueAlone ? .unique : .notUnique
        }
        set {
            isUniqueAlone = newValue == .unique
            var composite: String?
            if case .compositeIndex(let name) = newValue { composite = name }
            if composite != nil || rare?.value.compositeIndex != nil { setRare { $0.compositeIndex = composite } }
        }
    }

    public var field: String? {
        get { rare?.value.field }
        set { if newValue != nil || rare != nil { setRare { $0.field = newValue } } }
    }

    public var references: AttributeReference? {
        get { rare?.value.references }
        set { if newValue != nil || rare != nil { setRare { $0.references = newValue } } }
    }

    public init(name: String, mark: SourceMark) {
        self.name = name
        self.mark = mark
    }
}

/// An immutable value on the heap, to keep a rarely set field out of a frequent struct.
final class Box<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}

/// A class, so the schema, the semantics and the rules share one copy: it is filled in while its
/// file is decoded and only read afterwards (hence `@unchecked Sendable`).
public final class AssociationDecl: @unchecked Sendable {
    public var kind: AssociationKind
    /// The model the association is declared on (Sequelize's `source`).
    public var source: String
    /// The model named by the kind key (Sequelize's `target`).
    public var target: String
    public var path: String
    /// Where the kind key (`hasMany:`) stands: findings about the association point here.
    public var mark: SourceMark
    public var targetMark: SourceMark

    public var alias: AssociationAlias?
    public var aliasMark: SourceMark?
    public var foreignKey: String?
    public var foreignKeyMark: SourceMark?
    public var through: String?
    public var throughMark: SourceMark?

    /// The options most associations leave out, allocated when one is set: a schema has
    /// hundreds of thousands of associations.
    private final class RareOptions {
        var foreignKeyUnique: Uniqueness = .notUnique
        var sourceKey: String?
        var sourceKeyMark: SourceMark?
        var targetKey: String?
        var targetKeyMark: SourceMark?
        var otherKey: String?
        var isReportedInvalid = false
    }

    private var rare: RareOptions?

    /// Updates the rare options; setting an absent value allocates nothing.
    private func setRare(isAbsent: Bool, _ update: (RareOptions) -> Void) {
        if rare == nil && isAbsent { return }
        let options = rare ?? RareOptions()
        update(options)
        rare = options
    }

    public var foreignKeyUnique: Uniqueness {
        get { rare?.foreignKeyUnique ?? .notUnique }
        set { setRare(isAbsent: newValue == .notUnique) { $0.foreignKeyUnique = newValue } }
    }

    public var sourceKey: String? {
        get { rare?.sourceKey }
        set { setRare(isAbsent: newValue == nil) { $0.sourceKey = newValue } }
    }

    public var sourceKeyMark: SourceMark? {
        get { rare?.sourceKeyMark }
        set { setRare(isAbsent: newValue == nil) { $0.sourceKeyMark = newValue } }
    }

    public var targetKey: String? {
        get { rare?.targetKey }
        set { setRare(isAbsent: newValue == nil) { $0.targetKey = newValue } }
    }

    public var targetKeyMark: SourceMark? {
        get { rare?.targetKeyMark }
        set { setRare(isAbsent: newValue == nil) { $0.targetKeyMark = newValue } }
    }

    public var otherKey: String? {
        get { rare?.otherKey }
        set { setRare(isAbsent: newValue == nil) { $0.otherKey = newValue } }
    }

    /// Whether `invalid-declaration` reports the entry as a whole (two kind keys, a belongsToMany
    /// without a usable `through`): it still counts as the user's intent (its other side is paired
    /// with it, its columns are evidence), but no other rule reports on it (one mistake, one finding).
    public var isReportedInvalid: Bool {
        get { rare?.isReportedInvalid ?? false }
        set { setRare(isAbsent: !newValue) { $0.isReportedInvalid = newValue } }
    }

    public var location: Location { Location(path: path, mark: mark) }

    init(kind: AssociationKind, source: String, target: String, path: String, mark: SourceMark,
         targetMark: SourceMark) {
        self.kind = kind
        self.source = source
        self.target = target
        self.path = path
        self.mark = mark
        self.targetMark = targetMark
    }
}

/// A class for the same reason as `AssociationDecl`: filled in while decoding, then only read.
public final class ModelDecl: @unchecked Sendable {
    public var name: String
    public var path: String
    /// Where the model's name stands under `models:`.
    public var mark: SourceMark
    public var tableName: String?
    public var underscored = false
    public var freezeTableName = false
    /// `name: {singular, plural}` overrides.
    public var singularName: String?
    public var pluralName: String?
    /// Whether the model lists its attributes; without `attributes:` assoclint does not guess
    /// which columns exist beyond what Sequelize adds.
    public var declaresAttributes = false
    public var attributes: [AttributeDecl] = []
    public var associations: [AssociationDecl] = []
    /// Columns made unique on their own by a one-field unique index in `indexes` (Sequelize v6
    /// index `fields` name columns, not attributes).
    public var uniqueIndexFields: Set<String> = []

    public var location: Location { Location(path: path, mark: mark) }

    public func attribute(named name: String) -> AttributeDecl? {
        attributes.first { $0.name == name }
    }

    /// Whether the attribute's values are unique on their own: `unique: true`, or a unique index
    /// over just this column. (A string `unique` names a composite index and does not count.)
    public func isUniqueAlone(_ attribute: AttributeDecl) -> Bool {
        attribute.unique.isUniqueAlone
            || (!uniqueIndexFields.isEmpty
                && uniqueIndexFields.contains(ForeignKeyNaming.column(attribute: attribute.name, field: attribute.field, underscored: underscored)))
    }

    init(name: String, path: String, mark: SourceMark) {
        self.name = name
        self.path = path
        self.mark = mark
    }
}

/// An accessor call the application makes, from `usages:`.
public struct UsageDecl: Sendable {
    public var model: String
    public var method: String
    public var path: String
    public var mark: SourceMark
    /// Where in the application the call is (`src/routes/orders.js:42`), if given.
    public var at: String?

    public var location: Location { Location(path: path, mark: mark) }
    public var call: String { "\(model).\(method)" }
}

/// One decoded YAML file.
public struct SchemaFile: Sendable {
    public var path: String
    /// Whether the file has a top-level `models:` key.
    public var isModelFile = false
    /// Whether the file could not be read completely (syntax error, limit), so models may be missing.
    public var isIncomplete = false
    public var models: [ModelDecl] = []
    public var usages: [UsageDecl] = []
    /// Declarations of the wrong shape, unknown keys, and options Sequelize rejects.
    public var problems: [DeclarationProblem] = []
    /// What the YAML layer found (syntax errors, limits, duplicate keys outside `models:`).
    public var yamlIssues: [YAMLIssue] = []

    public init(path: String) {
        self.path = path
    }
}

/// A declaration Sequelize would reject or misread, found while decoding.
public struct DeclarationProblem: Sendable {
    public var mark: SourceMark
    public var message: String
    public var help: String?
    public var related: [(mark: SourceMark, message: String)] = []

    public init(mark: SourceMark, message: String, help: String? = nil) {
        self.mark = mark
        self.message = message
        self.help = help
    }
}
