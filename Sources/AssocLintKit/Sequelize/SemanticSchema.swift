/// The schema as Sequelize v6 would see it after every `define` and association call: models
/// indexed by name and table, and for each association its key, accessors and foreign key.

/// A model with the names Sequelize derives for it (a class: shared, never copied).
public final class ResolvedModel: Sendable {
    public let decl: ModelDecl
    /// The model's position among the declared models (first declarations, in file order): its id
    /// in the schema's indexes, cheaper to hash and compare than its name.
    public let ordinal: Int
    public let names: ModelNames
    /// `primaryKeyAttribute`: the first attribute marked `primaryKey`, else the `id` Sequelize adds.
    public let primaryKey: String
    public let tableName: String
    /// `camelize(name.singular + '_' + pk)`: the default foreign key of this model's hasMany and
    /// belongsToMany, and of an unaliased belongsTo to it.
    public let defaultForeignKey: String
    /// `camelize(singularize(modelName) + '_' + pk)`: the default foreign key of its unaliased hasOne.
    public let hasOneForeignKey: String

    /// Whether some attribute maps to a column of another name (`field`).
    let hasFieldOverrides: Bool
    /// Whether some attribute has `references`.
    let hasReferences: Bool

    public var name: String { decl.name }

    init(decl: ModelDecl, ordinal: Int) {
        self.decl = decl
        self.ordinal = ordinal
        names = ModelNames(modelName: decl.name, singularOverride: decl.singularName, pluralOverride: decl.pluralName)
        primaryKey = decl.attributes.first(where: \.primaryKey)?.name ?? "id"
        hasFieldOverrides = decl.attributes.contains { $0.field != nil }
        hasReferences = decl.attributes.contains { $0.references != nil }
        defaultForeignKey = ForeignKeyNaming.name(prefix: names.singular, key: primaryKey)
        // Without overrides, the singular and plural are the model name's own (no second inflection).
        hasOneForeignKey = decl.singularName == nil
            ? defaultForeignKey
            : ForeignKeyNaming.name(prefix: Inflection.singularize(decl.name), key: primaryKey)
        tableName = decl.tableName ?? ModelNames.defaultTableName(
            modelName: decl.name, underscored: decl.underscored, freezeTableName: decl.freezeTableName,
            plural: decl.pluralName == nil ? names.plural : nil)
    }

    /// The declared type of the attribute `key`; `INTEGER` for the `id` Sequelize adds.
    public func keyType(_ key: String) -> String? {
        if let attribute = decl.attribute(named: key) { return attribute.type }
        return key == "id" && primaryKey == "id" ? "INTEGER" : nil
    }

    /// The attribute whose name is `name`, exactly or as the same link (`authorId` ~ `author_id`).
    public func linkAttribute(named name: String) -> AttributeDecl? {
        // The exact name first (the usual case, and cheap), then another spelling of it.
        for attribute in decl.attributes where attribute.name == name { return attribute }
        return decl.attributes.first { ForeignKeyNaming.sameLink($0.name, name) }
    }
}

/// Where an association's foreign key lives.
public enum ForeignKeyHolder: Hashable, Sendable {
    case source, target
    /// The junction of a belongsToMany: a declared model or an implicit table.
    case through(String)
}

/// An association whose source and target are both declared models (a class: shared, never copied).
public final class ResolvedAssociation: Sendable {
    public let decl: AssociationDecl
    public let sourceModel: ResolvedModel
    public let targetModel: ResolvedModel
    /// The declared model that holds the foreign key: the source, the target, or a declared
    /// junction model (nil for an implicit junction table).
    public let holderModel: ResolvedModel?
    /// The accessor suffixes (`names.upperSingular`, `names.upperPlural`), kept for matching usages;
    /// the other names are built when a message needs them.
    public let upperSingular: String
    public let upperPlural: String
    /// The foreign key attribute: explicit, or Sequelize's default (§3.2).
    public let foreignKey: String
    public let foreignKeyIsExplicit: Bool
    /// `names.key`: the association's key in `Source.associations`, the name `include` uses.
    public let key: String
    public let foreignKeyHolder: ForeignKeyHolder
    /// belongsToMany only: the key of the target on the junction.
    public let otherKey: String?
    /// The column the foreign key gets on its holder (after `underscored`).
    public let foreignKeyColumn: String

    init(decl: AssociationDecl, source: ResolvedModel, target: ResolvedModel, holder: ResolvedModel?,
         names: AssociationNames, foreignKey: String, foreignKeyIsExplicit: Bool,
         foreignKeyHolder: ForeignKeyHolder, otherKey: String?, foreignKeyColumn: String) {
        self.decl = decl
        self.sourceModel = source
        self.targetModel = target
        self.holderModel = holder
        upperSingular = names.upperSingular
        upperPlural = names.upperPlural
        key = names.key
        self.foreignKey = foreignKey
        self.foreignKeyIsExplicit = foreignKeyIsExplicit
        self.foreignKeyHolder = foreignKeyHolder
        self.otherKey = otherKey
        self.foreignKeyColumn = foreignKeyColumn
    }

    /// The key and accessor names (§2.2, §2.3).
    public var names: AssociationNames {
        AssociationNames(kind: decl.kind, alias: decl.alias, target: targetModel.names)
    }

    public var kind: AssociationKind { decl.kind }
    public var source: String { decl.source }
    public var target: String { decl.target }
    public var isSelf: Bool { sourceModel === targetModel }
    public var location: Location { decl.location }
    public var hasAlias: Bool { decl.alias != nil }

    /// What the foreign key references: the model and its key (targetKey or the target's primary
    /// key for a belongsTo; sourceKey or the source's for the others).
    public var foreignKeyReference: (model: ResolvedModel, key: String) {
        kind == .belongsTo
            ? (targetModel, decl.targetKey ?? targetModel.primaryKey)
            : (sourceModel, decl.sourceKey ?? sourceModel.primaryKey)
    }

    /// belongsToMany only: what the otherKey references (the target and its targetKey).
    public var otherKeyReference: (model: ResolvedModel, key: String)? {
        kind == .belongsToMany ? (targetModel, decl.targetKey ?? targetModel.primaryKey) : nil
    }

    /// `Author.hasMany(Post)`, as a person writes it.
    public var call: String {
        var text = "\(decl.source).\(decl.kind.rawValue)(\(decl.target)"
        if case .string(let alias)? = decl.alias { text += ", { as: '\(alias)' }" }
        return text + ")"
    }
}

/// An ordered pair of declared models, by ordinal.
public struct ModelPair: Hashable, Sendable {
    public var source: Int
    public var target: Int

    public init(source: Int, target: Int) {
        self.source = source
        self.target = target
    }

    public init(_ association: ResolvedAssociation) {
        self.init(source: association.sourceModel.ordinal, target: association.targetModel.ordinal)
    }

    public var reversed: ModelPair { ModelPair(source: target, target: source) }
}

public final class SemanticSchema: Sendable {
    public let files: [SchemaFile]
    /// The first declaration of each model name wins; later ones are duplicates.
    public let models: [String: ResolvedModel]
    /// The same models by ordinal, in file and declaration order.
    public let modelList: [ResolvedModel]
    /// The first model with each table name (explicit or default), for `references.model`.
    let modelsByTable: [String: ResolvedModel]
    /// Table names that more than one model uses.
    let sharedTables: Set<String>
    /// Ordinals of models by their lower-cased name and table name (for references written in
    /// another case); -1 where the lower-cased text belongs to several models. Built on first use:
    /// most schemas reference models and tables as they are spelt.
    private let lowercasedIndex = OnceBuilt<[String: Int]>()

    var modelsByLowercasedName: [String: Int] {
        lowercasedIndex.value {
            var index: [String: Int] = [:]
            index.reserveCapacity(modelList.count * 2)
            for model in modelList {
                for text in [model.name.lowercased(), model.tableName.lowercased()] {
                    if let known = index[text], known != model.ordinal {
                        index[text] = -1
                    } else {
                        index[text] = model.ordinal
                    }
                }
            }
            return index
        }
    }
    /// Every association whose source and target are declared, in file and declaration order.
    public let associations: [ResolvedAssociation]
    /// Indices into `associations` by source model's ordinal: each model's associations are
    /// consecutive.
    let associationRanges: [Range<Int>]
    /// Indices into `associations`, each source's range sorted by (target ordinal, index): the
    /// associations between two models are one run, found by binary search.
    let indicesByTarget: [Int]
    /// The target ordinal at each position of `indicesByTarget` (searched without visiting the
    /// associations themselves).
    let sortedTargets: [Int]
    /// Whether some file could not be read completely, so declarations may be missing.
    public let isIncomplete: Bool
    /// What each association (by index) shows at a glance: rules scan this compact array and look
    /// closer only at the associations that can concern them.
    public let facts: [AssociationFacts]
    /// Models with an attribute that has `references`.
    public let modelsWithReferences: [ResolvedModel]

    /// The indices of the associations with all of `wanted`.
    public func associationIndices(with wanted: AssociationFacts) -> [Int] {
        facts.indices.filter { facts[$0].isSuperset(of: wanted) }
    }

    public init(files: [SchemaFile], jobs: Int = 1) {
        self.files = files
        let timer = PhaseTimer()
        // The first declaration of each name wins; names are inflected on all threads.
        var winners: [ModelDecl] = []
        var ordinals: [String: Int] = [:]
        for file in files {
            for decl in file.models where ordinals[decl.name] == nil {
                ordinals[decl.name] = winners.count
                winners.append(decl)
            }
        }
        let firstDeclarations = winners
        let modelList = Array(winners.indices).parallelMap(jobs: jobs) { ResolvedModel(decl: firstDeclarations[$0], ordinal: $0) }
        // The same table, with the models for the ordinals (no second round of hashing names).
        let models = ordinals.mapValues { modelList[$0] }
        var byTable: [String: ResolvedModel] = [:]
        byTable.reserveCapacity(modelList.count)
        var sharedTables = Set<String>()
        for model in modelList {
            if byTable[model.tableName] == nil {
                byTable[model.tableName] = model
            } else {
                sharedTables.insert(model.tableName)
            }
        }
        timer.lap("    models and tables")
        // Associations whose target is declared, in file and declaration order (so each source's
        // associations are consecutive), resolved on all threads.
        let frozenModels = models
        let perModel = modelList.parallelMap(jobs: jobs) { source in
            let resolved = source.decl.associations.compactMap { association in
                frozenModels[association.target].map { Self.resolve(association, source: source, target: $0, models: frozenModels) }
            }
            // Facts found while each association and its models are at hand.
            return (resolved, resolved.map(AssociationFacts.init(of:)))
        }
        var associations: [ResolvedAssociation] = []
        var facts: [AssociationFacts] = []
        let total = perModel.reduce(0) { $0 + $1.0.count }
        associations.reserveCapacity(total)
        facts.reserveCapacity(total)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(modelList.count)
        for (resolved, found) in perModel {
            ranges.append(associations.count..<associations.count + resolved.count)
            associations.append(contentsOf: resolved)
            facts.append(contentsOf: found)
        }
        var byTarget = Array(associations.indices)
        for range in ranges where range.count > 1 {
            byTarget[range].sort { (associations[$0].targetModel.ordinal, $0) < (associations[$1].targetModel.ordinal, $1) }
        }
        timer.lap("    associations")
        self.models = models
        self.modelList = modelList
        self.facts = facts
        self.modelsWithReferences = modelList.filter(\.hasReferences)
        self.modelsByTable = byTable
        self.sharedTables = sharedTables
        self.associations = associations
        self.associationRanges = ranges
        self.indicesByTarget = byTarget
        self.sortedTargets = byTarget.map { associations[$0].targetModel.ordinal }
        self.isIncomplete = files.contains(where: \.isIncomplete)
    }

    static func resolve(_ decl: AssociationDecl, source: ResolvedModel, target: ResolvedModel,
                        models: [String: ResolvedModel]) -> ResolvedAssociation {
        let names = AssociationNames(kind: decl.kind, alias: decl.alias, target: target.names)
        let defaultKey: String
        let holder: ForeignKeyHolder
        var otherKey: String?
        var holderUnderscored: Bool
        switch decl.kind {
        case .hasMany:
            defaultKey = source.defaultForeignKey
            holder = .target
            holderUnderscored = target.decl.underscored
        case .hasOne:
            if case .string(let alias)? = decl.alias {
                defaultKey = ForeignKeyNaming.name(prefix: Inflection.singularize(alias), key: source.primaryKey)
            } else {
                defaultKey = source.hasOneForeignKey
            }
            holder = .target
            holderUnderscored = target.decl.underscored
        case .belongsTo:
            defaultKey = decl.alias == nil ? target.defaultForeignKey : ForeignKeyNaming.name(prefix: names.singular, key: target.primaryKey)
            holder = .source
            holderUnderscored = source.decl.underscored
        case .belongsToMany:
            defaultKey = decl.sourceKey.map { ForeignKeyNaming.name(prefix: source.names.singular, key: $0) } ?? source.defaultForeignKey
            let otherPrefix = source.name == target.name ? Inflection.singularize(names.key) : target.names.singular
            otherKey = decl.otherKey ?? ForeignKeyNaming.name(prefix: otherPrefix, key: decl.targetKey ?? target.primaryKey)
            let through = decl.through ?? ""
            holder = .through(through)
            // An implicit junction is defined with the source model's options.
            holderUnderscored = models[through]?.decl.underscored ?? source.decl.underscored
        }
        let foreignKey = decl.foreignKey ?? defaultKey
        let holderModel: ResolvedModel?
        switch holder {
        case .source: holderModel = source
        case .target: holderModel = target
        case .through(let name): holderModel = models[name]
        }
        let field = holderModel.flatMap { $0.hasFieldOverrides ? $0.decl.attribute(named: foreignKey)?.field : nil }
        return ResolvedAssociation(
            decl: decl, source: source, target: target, holder: holderModel, names: names, foreignKey: foreignKey, foreignKeyIsExplicit: decl.foreignKey != nil,
            foreignKeyHolder: holder, otherKey: otherKey,
            foreignKeyColumn: ForeignKeyNaming.column(attribute: foreignKey, field: field, underscored: holderUnderscored))
    }

    /// Whether `source` declares an attribute named like a link to `target`: the target's default
    /// keys, or an explicit foreignKey of one of the source's own hasMany/hasOne/belongsTo to it.
    static func sourceHasNamedLink(_ source: ResolvedModel, to target: ResolvedModel) -> Bool {
        guard !source.decl.attributes.isEmpty else { return false }
        let explicitKeys = source.decl.associations.compactMap { other in
            other.target == target.name && other.kind != .belongsToMany ? other.foreignKey : nil
        }
        return source.decl.attributes.contains { attribute in
            ForeignKeyNaming.sameLink(attribute.name, target.defaultForeignKey)
                || ForeignKeyNaming.sameLink(attribute.name, target.hasOneForeignKey)
                || explicitKeys.contains { ForeignKeyNaming.sameLink(attribute.name, $0) }
        }
    }

    // MARK: queries

    /// The indices in `associations` of the associations declared on `model`.
    public func associationIndices(from model: ResolvedModel) -> Range<Int> {
        associationRanges[model.ordinal]
    }

    public func associations(from model: ResolvedModel) -> ArraySlice<ResolvedAssociation> {
        associations[associationRanges[model.ordinal]]
    }

    /// The indices of the associations from the pair's source to its target, in declaration order.
    public func associationIndices(of pair: ModelPair) -> ArraySlice<Int> {
        let range = associationRanges[pair.source]
        // The first position whose target is not below the pair's, then the first beyond it.
        func boundary(from low: Int, after inclusive: Bool) -> Int {
            var low = low, high = range.upperBound
            while low < high {
                let middle = (low + high) / 2
                let target = sortedTargets[middle]
                if target < pair.target || (inclusive && target == pair.target) { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let start = boundary(from: range.lowerBound, after: false)
        return indicesByTarget[start..<boundary(from: start, after: true)]
    }

    /// The associations declared on `source` whose target is `target`, in declaration order.
    public func associations(from source: ResolvedModel, to target: ResolvedModel) -> [ResolvedAssociation] {
        associationIndices(of: ModelPair(source: source.ordinal, target: target.ordinal)).map { associations[$0] }
    }

    /// The model a `references.model` names: a model name, or a table name.
    /// Exact names first; then, since table names are often written in another case
    /// (`posts` for the default table `Posts`), a single case-insensitive match.
    public func referencedModel(_ name: String) -> String? {
        if models[name] != nil { return name }
        if let byTable = modelsByTable[name], !sharedTables.contains(name) { return byTable.name }
        guard let ordinal = modelsByLowercasedName[name.lowercased()], ordinal >= 0 else { return nil }
        return modelList[ordinal].name
    }

    /// The declared model a usage or target most likely meant, for "did you mean".
    public func nearestModelName(to name: String) -> String? {
        if let sameLetters = models.keys.sorted().first(where: { $0.lowercased() == name.lowercased() }) {
            return sameLetters
        }
        if let viaTable = modelsByTable[name] { return viaTable.name }
        let singular = Inflection.singularize(name)
        if let viaSingular = models.keys.sorted().first(where: { $0.lowercased() == singular.lowercased() }) {
            return viaSingular
        }
        return Suggestion.nearest(to: name, in: models.keys)
    }

    /// Every accessor of `model` and the association that installs it (for suggestions).
    public func accessors(of model: ResolvedModel) -> [String: ResolvedAssociation] {
        var result: [String: ResolvedAssociation] = [:]
        for association in associations(from: model) {
            for accessor in association.names.accessors where result[accessor.name] == nil {
                result[accessor.name] = association
            }
        }
        return result
    }
}

// MARK: usages

/// What a usage `Model.method` refers to, worked out once and shared by the rules on usages.
public struct UsageResolution: Sendable {
    /// The model the usage names (nil: no declared model).
    public let model: ResolvedModel?
    /// Whether the method is one of Sequelize's own `Model` methods, or one the model defines
    /// itself (`methods:`): never reported.
    public let isModelMethod: Bool
    /// The association that generates the method, if any.
    public let owner: ResolvedAssociation?
    /// The hasMany/belongsToMany whose singular getter the usage calls by mistake.
    public let singularGetterMistake: ResolvedAssociation?
}

extension SemanticSchema {
    /// The model a usage names: exactly, or (when no model has that exact name) the model whose
    /// name differs only in its first letter's case, as in `order.getItems` for model `Order`.
    public func usageModel(_ name: String) -> ResolvedModel? {
        if let model = models[name] { return model }
        guard let first = name.first else { return nil }
        let flipped = (first.isUppercase ? first.lowercased() : first.uppercased()) + name.dropFirst()
        return models[flipped]
    }

    /// The model, the association that generates the method (the first: Sequelize never
    /// overrides an installed method), and for `A.getX` with no such association, the
    /// hasMany/belongsToMany whose *singular* would give `getX`.
    public func resolve(_ usage: UsageDecl) -> UsageResolution {
        let model = usageModel(usage.model)
        let isModelMethod = ModelMethods.all.contains(usage.method)
            || model?.decl.methods.contains { $0.name == usage.method } == true
        guard let model, !isModelMethod else {
            return UsageResolution(model: model, isModelMethod: isModelMethod, owner: nil, singularGetterMistake: nil)
        }
        let call = AccessorCall(usage.method)
        let candidates = associations(from: model)
        let owner = candidates.first { call.isGenerated(by: $0) }
        var mistake: ResolvedAssociation?
        if owner == nil, call.verb == AccessorKind.get.verb {
            mistake = candidates.first { $0.kind.isMulti && call.suffixEquals($0.upperSingular) }
        }
        return UsageResolution(model: model, isModelMethod: false, owner: owner, singularGetterMistake: mistake)
    }
}

/// Facts about one association, found while it is resolved (its declaration, its models and its
/// holder's attributes are at hand then), as bits in one compact array.
public struct AssociationFacts: OptionSet, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let aliased = AssociationFacts(rawValue: 1 << 0)
    public static let manyToMany = AssociationFacts(rawValue: 1 << 1)
    /// One of the rarely set options (sourceKey, targetKey, otherKey, onDelete, misplaced ones...),
    /// or a `through` on a kind that has none.
    public static let rareOptions = AssociationFacts(rawValue: 1 << 2)
    /// An `onDelete` or `onUpdate`.
    public static let referentialAction = AssociationFacts(rawValue: 1 << 3)
    public static let explicitForeignKey = AssociationFacts(rawValue: 1 << 4)
    /// Its key is a declared attribute of the source, or its own foreign key (belongsTo).
    public static let keyIsAttribute = AssociationFacts(rawValue: 1 << 5)
    /// The model holding the key declares the foreign key attribute with a type that cannot hold
    /// the referenced key (or, for a belongsToMany, its otherKey attribute does).
    public static let foreignKeyTypeMismatch = AssociationFacts(rawValue: 1 << 6)
    public static let hasOne = AssociationFacts(rawValue: 1 << 7)
    /// hasMany/hasOne whose source declares a column named like its link to the target (the
    /// target's default keys, or an explicit foreignKey of the source's own associations to it): the
    /// one clue `reversed-has-many` needs first.
    public static let sourceHasNamedLink = AssociationFacts(rawValue: 1 << 9)

    init(of association: ResolvedAssociation) {
        var facts: AssociationFacts = []
        let decl = association.decl
        if decl.alias != nil { facts.insert(.aliased) }
        if decl.kind == .belongsToMany { facts.insert(.manyToMany) }
        if decl.kind == .hasOne { facts.insert(.hasOne) }
        if decl.hasRareOptions || (decl.throughMark != nil && decl.kind != .belongsToMany) {
            facts.insert(.rareOptions)
            if decl.onDelete != nil || decl.onUpdate != nil { facts.insert(.referentialAction) }
        }
        if association.foreignKeyIsExplicit { facts.insert(.explicitForeignKey) }
        if decl.kind == .hasMany || decl.kind == .hasOne,
           SemanticSchema.sourceHasNamedLink(association.sourceModel, to: association.targetModel) {
            facts.insert(.sourceHasNamedLink)
        }
        let source = association.sourceModel
        if source.decl.attribute(named: association.key) != nil
            || (decl.kind == .belongsTo && association.foreignKey == association.key) {
            facts.insert(.keyIsAttribute)
        }
        if Self.typeMismatch(association) { facts.insert(.foreignKeyTypeMismatch) }
        self = facts
    }

    /// Whether a key attribute the association puts on its holder has a type that cannot hold
    /// the key it references.
    static func typeMismatch(_ association: ResolvedAssociation) -> Bool {
        guard association.holderModel != nil else { return false }
        let reference = association.foreignKeyReference
        if association.keyTypeMismatch(association.foreignKey, references: reference.model, key: reference.key) != nil { return true }
        guard let otherKey = association.otherKey, let other = association.otherKeyReference else { return false }
        return association.keyTypeMismatch(otherKey, references: other.model, key: other.key) != nil
    }
}

extension ResolvedAssociation {
    /// The key attribute `attribute` on the holder and the key it references, when their types
    /// cannot agree: the attribute's type (declared, else the one the association gives its
    /// foreign key: `foreignKey.type`, `keyType`), the referenced key's, and their families.
    func keyTypeMismatch(_ attribute: String, references model: ResolvedModel, key: String)
        -> (type: String, keyType: String, family: TypeFamily, keyFamily: TypeFamily)? {
        guard let holder = holderModel else { return nil }
        let declared = holder.decl.attribute(named: attribute)
        let given = declared == nil && attribute == foreignKey ? decl.foreignKeyType?.value : nil
        guard let type = declared?.type ?? given, let keyType = model.keyType(key),
              let (family, keyFamily) = TypeFamily.conflict(type, keyType) else { return nil }
        return (type, keyType, family, keyFamily)
    }
}
