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
        var otherKeyMark: SourceMark?
        var isReportedInvalid = false
        var onDelete: OptionValue<String>?
        var onUpdate: OptionValue<String>?
        var constraints: OptionValue<Bool>?
        var hooks: OptionValue<Bool>?
        var foreignKeyAllowNull: Bool?
        var hasScope = false
        var misplacedOptions: [MisplacedOption] = []
        var otherKindTargets: [String] = []
        var throughForm: ThroughForm?
        var foreignKeyType: OptionValue<String>?
        var optionsOutsideCall: OptionValue<String>?
        var unknownOptions: [MisplacedOption] = []
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

    public var otherKeyMark: SourceMark? {
        get { rare?.otherKeyMark }
        set { setRare(isAbsent: newValue == nil) { $0.otherKeyMark = newValue } }
    }

    /// `onDelete` / `onUpdate` as written (a referential action such as CASCADE).
    public var onDelete: OptionValue<String>? {
        get { rare?.onDelete }
        set { setRare(isAbsent: newValue == nil) { $0.onDelete = newValue } }
    }

    public var onUpdate: OptionValue<String>? {
        get { rare?.onUpdate }
        set { setRare(isAbsent: newValue == nil) { $0.onUpdate = newValue } }
    }

    /// `constraints: false` turns the foreign key constraint (and its referential actions) off.
    public var constraints: OptionValue<Bool>? {
        get { rare?.constraints }
        set { setRare(isAbsent: newValue == nil) { $0.constraints = newValue } }
    }

    /// `hooks: true`: an `onDelete: CASCADE` is carried out by Sequelize, instance by instance.
    public var hooks: OptionValue<Bool>? {
        get { rare?.hooks }
        set { setRare(isAbsent: newValue == nil) { $0.hooks = newValue } }
    }

    /// `foreignKey: { allowNull }`, when given.
    public var foreignKeyAllowNull: Bool? {
        get { rare?.foreignKeyAllowNull }
        set { setRare(isAbsent: newValue == nil) { $0.foreignKeyAllowNull = newValue } }
    }

    /// Whether the association has a `scope` (two associations over one key can then differ).
    public var hasScope: Bool {
        get { rare?.hasScope ?? false }
        set { setRare(isAbsent: !newValue) { $0.hasScope = newValue } }
    }

    /// Options written where Sequelize does not read them (`allowNull` beside `foreignKey` rather
    /// than inside it, `foreignKey` inside `through`).
    public var misplacedOptions: [MisplacedOption] {
        get { rare?.misplacedOptions ?? [] }
        set { setRare(isAbsent: newValue.isEmpty) { $0.misplacedOptions = newValue } }
    }

    /// The targets of the other kind keys of an entry that has several (reported by
    /// invalid-declaration): the user may have meant any of them.
    public var otherKindTargets: [String] {
        get { rare?.otherKindTargets ?? [] }
        set { setRare(isAbsent: newValue.isEmpty) { $0.otherKindTargets = newValue } }
    }

    /// How `through` names the junction, where the front end can tell: Sequelize pairs the two
    /// sides of a many-to-many by the raw value, so a string on one side and the model on the
    /// other are not paired. (The YAML format names both the same way: nil.)
    public var throughForm: ThroughForm? {
        get { rare?.throughForm }
        set { setRare(isAbsent: newValue == nil) { $0.throughForm = newValue } }
    }

    /// The type the association gives the foreign key it adds: `foreignKey: { type }`, else
    /// `keyType` (hasMany, hasOne, belongsTo). A declared attribute keeps its own type.
    public var foreignKeyType: OptionValue<String>? {
        get { rare?.foreignKeyType }
        set { setRare(isAbsent: newValue == nil) { $0.foreignKeyType = newValue } }
    }

    /// An options object the call never receives (`X.hasMany(Y), { foreignKey: 'y' }`: the comma
    /// operator), as its keys (`{ foreignKey }`) and its place: Sequelize applies its defaults.
    public var optionsOutsideCall: OptionValue<String>? {
        get { rare?.optionsOutsideCall }
        set { setRare(isAbsent: newValue == nil) { $0.optionsOutsideCall = newValue } }
    }

    /// Options Sequelize v6 does not know at all (`foreignkey`), as written in code; the front end
    /// reports them itself (kept so that extract writes them, and YAML reports them the same).
    public var unknownOptions: [MisplacedOption] {
        get { rare?.unknownOptions ?? [] }
        set { setRare(isAbsent: newValue.isEmpty) { $0.unknownOptions = newValue } }
    }

    /// Whether any of the rarely set options is set (a cheap first test for rules about them).
    public var hasRareOptions: Bool { rare != nil }

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

/// How a belongsToMany's `through` is written in code.
public enum ThroughForm: Sendable, Equatable {
    /// A string (`through: 'UserProjects'`), even when a model of that name exists.
    case name
    /// The model itself (`through: UserProject`, `through: { model: UserProject }`).
    case model
}

/// An option's value and where it was written.
public struct OptionValue<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var mark: SourceMark
}

/// An association option written where Sequelize v6 does not read it.
public struct MisplacedOption: Sendable, Equatable {
    public enum Place: Sendable, Equatable {
        /// Beside `foreignKey` (top level) instead of inside `foreignKey: { ... }`.
        case associationOptions
        /// Inside `through: { ... }` instead of on the association.
        case through
        /// On the association, read by some kinds only (`keyType`, `uniqueKey`, `timestamps`).
        case kindSpecific
    }

    public var name: String
    public var place: Place
    public var mark: SourceMark
    /// The value as written, when it is a literal (`false`, `'INTEGER'`), as YAML would write it.
    public var value: String?
}

/// An instance method the model defines itself (`methods:`): Sequelize never overrides it with an
/// accessor, and calls to it are not unknown accessors.
public struct MethodDecl: Sendable {
    public var name: String
    public var mark: SourceMark
    /// Where it is defined in the application (`src/models/user.js:12`), if given.
    public var at: String?
    /// The file it was read from, when not the model's own (code adding methods elsewhere).
    public var path: String?
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
    /// `paranoid: true`: destroy sets `deletedAt` (an UPDATE) instead of deleting the row.
    public var paranoid = false
    public var timestamps = true
    /// `deletedAt: false`.
    public var deletedAtDisabled = false
    /// Whether destroy soft-deletes: paranoid with timestamps and a deletedAt column (v6 sets up
    /// deletedAt only inside `if (options.timestamps)`).
    public var softDeletes: Bool { paranoid && timestamps && !deletedAtDisabled }
    /// Instance methods the model defines (`methods:`).
    public var methods: [MethodDecl] = []
    /// `name: {singular, plural}` overrides.
    public var singularName: String?
    public var pluralName: String?
    /// Whether the model lists its attributes; without `attributes:` assoclint does not guess
    /// which columns exist beyond what Sequelize adds.
    public var declaresAttributes = false
    public var attributes: [AttributeDecl] = []
    public var associations: [AssociationDecl] = []
    /// Whether something the model declares could not be read (code computed at run time): rules
    /// that need the model's complete list of associations stay silent about it.
    public var isIncomplete = false
    /// Where the function that declares the model's associations is assigned (`X.associate = ...`,
    /// `static associate`), when the code does it more than once: only the last one runs.
    public var associateDefinitions: [SourceMark] = []
    /// Associations declared in an `associate` function that a later assignment replaced: they
    /// never run, so they do not exist (only associate-overwritten reports them).
    public var overwrittenAssociations: [AssociationDecl] = []
    /// Whether the model may have instance methods not known here (a class extending a base
    /// class of the application): a call is then never an unknown accessor.
    public var inheritsUnknownMethods = false
    /// Members typed as association accessors without being defined (`declare getX: ...Mixin<...>`).
    public var declaredAccessors: [DeclaredAccessor] = []
    /// Columns made unique on their own by a one-field unique index in `indexes` (Sequelize v6
    /// index `fields` name columns, not attributes).
    public var uniqueIndexFields: Set<String> = []

    public var location: Location { Location(path: path, mark: mark) }

    /// The file the attributes were read from, when not the model's own (code that calls
    /// `X.init(...)` in another file than the class).
    public var attributesPath: String?

    /// Where an attribute of this model is declared.
    public func location(of attribute: AttributeDecl) -> Location {
        Location(path: attributesPath ?? path, mark: attribute.mark)
    }

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

/// A member that only types an accessor (TypeScript `declare getTeam: BelongsToGetAssociationMixin<Team>`).
public struct DeclaredAccessor: Sendable {
    public var name: String
    /// The type as written.
    public var type: String
    public var mark: SourceMark
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

/// One decoded model file (YAML, or JavaScript/TypeScript read by the code front end).
public struct SchemaFile: Sendable {
    public var path: String
    /// Whether the file has a top-level `models:` key.
    public var isModelFile = false
    /// Whether the file could not be read completely (syntax error, limit), so models may be missing.
    public var isIncomplete = false
    /// Whether holding no declarations is normal for the file (application code saved in an
    /// editor), rather than a sign that it was named by mistake.
    public var mayDeclareNothing = false
    public var models: [ModelDecl] = []
    public var usages: [UsageDecl] = []
    /// Declarations of the wrong shape, unknown keys, and options Sequelize rejects.
    public var problems: [DeclarationProblem] = []
    /// What the YAML layer found (syntax errors, limits, duplicate keys outside `models:`).
    public var yamlIssues: [YAMLIssue] = []
    /// What the front end could not read statically (code computed at run time), each once.
    public var notes: [SourceNote] = []
    /// The suppression comments, when the front end found them itself (code files).
    public var suppressions: [SuppressionDirective]?

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
