/// The names Sequelize v6 derives for models and associations (associations.md §1-§3).

/// `options.name` of a model: inflected from the model name, then overridden key by key.
public struct ModelNames: Hashable, Sendable {
    public var singular: String
    public var plural: String
    /// `upperFirst` of each, the accessor suffixes of unaliased associations (computed once per model).
    public var upperSingular: String
    public var upperPlural: String

    public init(modelName: String, singularOverride: String? = nil, pluralOverride: String? = nil) {
        // Each model's names are inflected once, here: no memo.
        singular = singularOverride ?? Inflection.singularize(modelName, memoized: false)
        plural = pluralOverride ?? Inflection.pluralize(modelName, memoized: false)
        upperSingular = Inflection.upperFirst(singular)
        upperPlural = Inflection.upperFirst(plural)
    }

    /// The default table name: `freezeTableName` keeps the model name, otherwise the pluralized
    /// model name (v6 ignores `name.plural` here), underscored when the model is.
    /// `plural`: `pluralize(modelName)` when the caller has it already.
    public static func defaultTableName(modelName: String, underscored: Bool, freezeTableName: Bool,
                                        plural: String? = nil) -> String {
        if freezeTableName { return modelName }
        let plural = plural ?? Inflection.pluralize(modelName)
        return underscored ? Inflection.underscore(plural) : plural
    }
}

/// The accessor methods an association mixes into its source model's instances.
public enum AccessorKind: String, Sendable, CaseIterable {
    case get, set, add, addMultiple, create, remove, removeMultiple, hasSingle, hasAll, count

    /// Whether the accessor's name is built from the singular form.
    public var usesSingular: Bool {
        switch self {
        case .add, .create, .remove, .hasSingle: return true
        default: return false
        }
    }

    /// The verb the name starts with.
    public var verb: String {
        switch self {
        case .get: return "get"
        case .set: return "set"
        case .add, .addMultiple: return "add"
        case .create: return "create"
        case .remove, .removeMultiple: return "remove"
        case .hasSingle, .hasAll: return "has"
        case .count: return "count"
        }
    }

    /// Mixin order of Sequelize (helpers.js `mixinMethods`): multi associations install
    /// get, count, hasSingle, hasAll, set, add, addMultiple, remove, removeMultiple, create.
    static let multiOrder: [AccessorKind] = [.get, .count, .hasSingle, .hasAll, .set, .add, .addMultiple, .remove, .removeMultiple, .create]
    static let singleOrder: [AccessorKind] = [.get, .set, .create]
}

public struct Accessor: Hashable, Sendable {
    public var kind: AccessorKind
    public var name: String
}

/// The association key (`as`) and the names accessors are built from (§2.2, §2.3).
public struct AssociationNames: Hashable, Sendable {
    /// `Source.associations[key]`, the name `include: [{ as }]` must use.
    public var key: String
    public var singular: String
    public var plural: String
    /// `upperFirst` of the two forms: the accessor suffixes.
    public var upperSingular: String
    public var upperPlural: String
    public var isMulti: Bool

    public init(kind: AssociationKind, alias: AssociationAlias?, target: ModelNames) {
        isMulti = kind.isMulti
        if kind.isMulti {
            switch alias {
            case .string(let name)?:
                (key, plural, singular) = (name, name, Inflection.singularize(name))
            case .object(let singularName, let pluralName)?:
                // A missing `plural` makes the key undefined; a missing `singular` gives suffix ''.
                (key, plural, singular) = (pluralName ?? "", pluralName ?? "", singularName ?? "")
            case nil:
                (key, plural, singular) = (target.plural, target.plural, target.singular)
            }
        } else {
            let name: String
            switch alias {
            case .string(let aliasName)?: name = aliasName
            case .object?: name = "[object Object]"  // v6 uses the object as a string
            case nil: name = target.singular
            }
            (key, plural, singular) = (name, name, name)
        }
        if alias == nil {
            upperSingular = target.upperSingular
            upperPlural = kind.isMulti ? target.upperPlural : target.upperSingular
        } else {
            upperSingular = Inflection.upperFirst(singular)
            upperPlural = kind.isMulti ? Inflection.upperFirst(plural) : upperSingular
        }
    }

    /// The accessors in Sequelize's mixin order (a name may repeat, e.g. addNews). Built on demand:
    /// most checks only need `accessor(_:)` or `generates(_:)`.
    public var accessors: [Accessor] {
        (isMulti ? AccessorKind.multiOrder : AccessorKind.singleOrder).map { Accessor(kind: $0, name: name(of: $0)) }
    }

    func name(of kind: AccessorKind) -> String {
        kind.verb + (isMulti && !kind.usesSingular ? upperPlural : upperSingular)
    }

    public func accessor(_ kind: AccessorKind) -> String? {
        guard isMulti || AccessorKind.singleOrder.contains(kind) else { return nil }
        return name(of: kind)
    }
}

/// A method name split into an accessor verb and the rest (`getItems` → get, `Items`), so that
/// it can be compared with many associations' names without building theirs.
struct AccessorCall {
    /// Each accessor verb and the forms it takes, from `AccessorKind` (the mixin table): on a
    /// hasMany/belongsToMany, with the singular (`addItem`) and/or the plural (`addItems`); on a
    /// hasOne/belongsTo, whether it exists at all (always with the singular). No verb is a prefix
    /// of another, so a method has at most one.
    private static let verbs: [(text: String, singular: Bool, plural: Bool, onSingle: Bool)] = {
        var verbs: [(text: String, singular: Bool, plural: Bool, onSingle: Bool)] = []
        for kind in AccessorKind.allCases where !verbs.contains(where: { $0.text == kind.verb }) {
            let kinds = AccessorKind.allCases.filter { $0.verb == kind.verb }
            verbs.append((kind.verb, kinds.contains(where: \.usesSingular), kinds.contains { !$0.usesSingular },
                          kinds.contains(where: AccessorKind.singleOrder.contains)))
        }
        return verbs
    }()

    /// The verb (`get`), or nil when the method starts with none.
    let verb: String?
    private let takesSingular: Bool
    private let takesPlural: Bool
    private let existsOnSingle: Bool
    let suffix: Substring.UTF8View

    init(_ method: String) {
        let utf8 = method.utf8
        for verb in Self.verbs where utf8.starts(with: verb.text.utf8) {
            self.verb = verb.text
            (takesSingular, takesPlural, existsOnSingle) = (verb.singular, verb.plural, verb.onSingle)
            suffix = Substring(method).utf8.dropFirst(verb.text.utf8.count)
            return
        }
        verb = nil
        (takesSingular, takesPlural, existsOnSingle) = (false, false, false)
        suffix = Substring(method).utf8
    }

    func suffixEquals(_ name: String) -> Bool {
        suffix.elementsEqual(name.utf8)
    }

    /// Whether the association installs this method.
    func isGenerated(by association: ResolvedAssociation) -> Bool {
        if association.kind.isMulti {
            return (takesSingular && suffixEquals(association.upperSingular))
                || (takesPlural && suffixEquals(association.upperPlural))
        }
        return existsOnSingle && suffixEquals(association.upperSingular)
    }
}

/// Foreign-key naming (§3): every default is `camelize(prefix + '_' + key)`.
public enum ForeignKeyNaming {
    public static func name(prefix: String, key: String) -> String {
        Inflection.camelize(prefix + "_" + key)
    }

    /// The column an attribute maps to: its own `field`, or `underscore(name)` when the model holding
    /// it is underscored.
    public static func column(attribute: String, field: String? = nil, underscored: Bool) -> String {
        if let field { return field }
        return underscored ? Inflection.underscore(attribute) : attribute
    }

    /// Compares link names the way a person reads them: `authorId`, `AuthorId` and `author_id`
    /// are the same link.
    public static func normalized(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: name.utf8.lazy.filter { $0 != 0x5F }.map { $0 &+ ($0 >= 0x41 && $0 <= 0x5A ? 0x20 : 0) }, as: UTF8.self)
        }
        var result = ""
        result.reserveCapacity(name.utf8.count)
        for character in name.lowercased() where character != "_" {
            result.append(character)
        }
        return result
    }
}

extension ForeignKeyNaming {
    /// `normalized(a) == normalized(b)`, without building either (the usual ASCII case).
    public static func sameLink(_ a: String, _ b: String) -> Bool {
        var left = a.utf8.makeIterator(), right = b.utf8.makeIterator()
        while true {
            var x = left.next()
            while x == 0x5F { x = left.next() }
            var y = right.next()
            while y == 0x5F { y = right.next() }
            if x == nil && y == nil { return true }
            if (x ?? 0) >= 0x80 || (y ?? 0) >= 0x80 { return normalized(a) == normalized(b) }
            guard let x, let y else { return false }
            let lowerX = x >= 0x41 && x <= 0x5A ? x + 0x20 : x
            let lowerY = y >= 0x41 && y <= 0x5A ? y + 0x20 : y
            if lowerX != lowerY { return false }
        }
    }
}

/// Model methods that are not association accessors (Sequelize v6 `Model` instance and static
/// methods): usages of these are never reported.
public enum ModelMethods {
    public static let all: Set<String> = [
        // instance
        "where", "getDataValue", "setDataValue", "get", "set", "setAttributes", "changed", "previous",
        "save", "validate", "update", "destroy", "restore", "increment", "decrement", "equals",
        "equalsOneOf", "toJSON", "reload", "isSoftDeleted", "isNewRecord",
        // static
        "init", "sync", "drop", "schema", "getTableName", "unscoped", "addScope", "scope", "findAll",
        "findByPk", "findOne", "aggregate", "count", "findAndCountAll", "max", "min", "sum", "build",
        "bulkBuild", "create", "findOrBuild", "findOrCreate", "findCreateFind", "upsert", "bulkCreate",
        "truncate", "describe", "hasMany", "belongsTo", "hasOne", "belongsToMany", "addHook",
        "removeHook", "hasHook", "hasHooks", "runHooks", "getAttributes", "removeAttribute",
        "refreshAttributes", "findById", "findByPrimary", "all", "find", "findAndCount",
        "findOrInitialize", "insertOrUpdate",
        // Object.prototype, which every instance has
        "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toString", "toLocaleString", "valueOf",
        // hook shorthands
        "beforeValidate", "afterValidate", "validationFailed", "beforeCreate", "afterCreate",
        "beforeDestroy", "afterDestroy", "beforeRestore", "afterRestore", "beforeUpdate", "afterUpdate",
        "beforeSave", "afterSave", "beforeUpsert", "afterUpsert", "beforeBulkCreate", "afterBulkCreate",
        "beforeBulkDestroy", "afterBulkDestroy", "beforeBulkRestore", "afterBulkRestore",
        "beforeBulkUpdate", "afterBulkUpdate", "beforeFind", "beforeFindAfterExpandIncludeAll",
        "beforeFindAfterOptions", "afterFind", "beforeCount", "beforeSync", "afterSync",
    ]
}
