/// `duplicate-association`: associations of one model that Sequelize accepts but that overwrite or
/// shadow each other (associations.md §5.4-§5.6): the same key twice without an alias, two
/// associations wanting the same accessor, unaliased associations of different kinds to one
/// target, and one relationship declared twice on the same foreign key.
public struct DuplicateAssociationRule: Rule {
    public static let id = "duplicate-association"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        // Reversed associations and invalid entries are their own rules' findings, and an
        // association refused for its alias (duplicate-alias) never exists.
        let skipped = context.relationships.reversed.union(context.relationships.aliasCollisions.map(\.association))
        var findings: [Finding] = []
        for model in schema.modelList {
            let range = schema.associationIndices(from: model)
            guard range.count > 1 else { continue }
            let indices = range.filter { !skipped.contains($0) && !schema.associations[$0].decl.isReportedInvalid }
            guard indices.count > 1 else { continue }
            findings += check(model: model, indices, schema)
        }
        return findings
    }

    func check(model: ResolvedModel, _ indices: [Int], _ schema: SemanticSchema) -> [Finding] {
        var findings: [Finding] = []
        // Earlier associations of the model: scanned in a list for the usual handful, looked up
        // by key, accessor suffix and relationship in hash tables for a model with many.
        let large = indices.count > 32
        var seen: [Int] = []
        var byKey: [String: Int] = [:], bySuffix: [String: [Int]] = [:], byRelationship: [String: Int] = [:]
        for index in indices {
            let association = schema.associations[index]
            let key = association.key
            defer {
                if large {
                    if byKey[key] == nil { byKey[key] = index }
                    bySuffix[association.upperSingular, default: []].append(index)
                    if association.upperPlural != association.upperSingular { bySuffix[association.upperPlural, default: []].append(index) }
                    if !association.decl.hasScope, byRelationship[Self.relationship(association)] == nil {
                        byRelationship[Self.relationship(association)] = index
                    }
                } else {
                    seen.append(index)
                }
            }
            // (a) The same key again without an alias (with an alias, Sequelize throws: duplicate-alias).
            let sameKey = large ? byKey[key] : seen.first { schema.associations[$0].key == key }
            if !association.hasAlias, let first = sameKey {
                let earlier = schema.associations[first]
                findings.append(finding(
                    "\(association.call) has the same key '\(key)' as \(earlier.call): Sequelize keeps \(model.name).associations.\(key) for this one, but the accessors stay those of the first, and both add their foreign key",
                    besides: earlier, at: association.location,
                    help: "remove one of the two, or give this one an alias for its own role (e.g. 'as: \(Self.roleExample(association))')"))
                continue
            }
            // Earlier associations whose accessors share a suffix with this one's.
            let sharing: [Int] = large
                ? Array(Set((bySuffix[association.upperSingular] ?? []) + (bySuffix[association.upperPlural] ?? []))).sorted()
                : seen.filter { Self.shareSuffix(schema.associations[$0], association) }
            if let found = accessorCollision(association, among: sharing, model: model, schema) {
                findings.append(found)
                continue
            }
            // (d) One relationship declared twice: same kind, target and foreign key, no scope.
            guard !association.decl.hasScope else { continue }
            let sameRelationship = large
                ? byRelationship[Self.relationship(association)]
                : seen.first { !schema.associations[$0].decl.hasScope && Self.sameRelationship(schema.associations[$0], association) }
            // Two aliases over one key are deliberate (a filter alias beside the full list, as
            // `tags` and `filterTags` for an include that filters): only an unaliased one repeats.
            if let first = sameRelationship, !(association.hasAlias && schema.associations[first].hasAlias) {
                let earlier = schema.associations[first]
                findings.append(finding(
                    "\(association.call) declares the same relationship as \(earlier.call) (\(association.kind.rawValue) on the foreign key \(association.foreignKey)): two names for the same rows",
                    besides: earlier, at: association.location,
                    help: "keep one of the two; to read a subset of the rows under another name, give this one a scope"))
            }
        }
        return findings
    }

    /// (b) and (c): the first earlier association that already installed one of this one's accessors.
    func accessorCollision(_ association: ResolvedAssociation, among earlierIndices: [Int], model: ResolvedModel,
                           _ schema: SemanticSchema) -> Finding? {
        for first in earlierIndices {
            let earlier = schema.associations[first]
            let taken = Set(earlier.names.accessors.map(\.name))
            let lost = association.names.accessors.map(\.name).filter(taken.contains)
            guard !lost.isEmpty else { continue }
            let instance = LintContext.instanceName(model.name)
            let lostList = Self.unique(lost).map { "\(instance).\($0)()" }.joined(separator: ", ")
            // (c) Unaliased, of different kinds, to the same target: `include` picks the first.
            if !association.hasAlias, !earlier.hasAlias, earlier.targetModel === association.targetModel {
                return finding(
                    "\(association.call) and \(earlier.call) are both unaliased: include: \(association.target) silently uses the first, and its \(lostList) is the first's (Sequelize never overrides an installed method)",
                    besides: earlier, at: association.location,
                    help: "give this association an alias for its role (e.g. 'as: \(Self.roleExample(association))'), and use that alias in include")
            }
            // (b) Another association already installed these methods.
            return finding(
                "\(association.call) wants \(lostList), which \(earlier.call) already installed: Sequelize never overrides an installed method, so these are silently not this association's",
                besides: earlier, at: Location(path: association.decl.path, mark: association.decl.aliasMark ?? association.decl.mark),
                help: "give one of the two an alias whose accessors differ")
        }
        return nil
    }

    /// A finding about an association and the earlier one it clashes with.
    func finding(_ message: String, besides earlier: ResolvedAssociation, at location: Location, help: String) -> Finding {
        finding(message, at: location, help: help, related: [RelatedLocation(earlier.location, "\(earlier.call) is declared here")])
    }

    static func shareSuffix(_ a: ResolvedAssociation, _ b: ResolvedAssociation) -> Bool {
        a.upperSingular == b.upperSingular || a.upperSingular == b.upperPlural
            || a.upperPlural == b.upperSingular || a.upperPlural == b.upperPlural
    }

    static func sameRelationship(_ a: ResolvedAssociation, _ b: ResolvedAssociation) -> Bool {
        a.kind == b.kind && a.targetModel === b.targetModel && a.foreignKeyColumn == b.foreignKeyColumn
            && a.otherKey == b.otherKey && a.decl.through == b.decl.through
    }

    /// Kind, target, key columns and junction: what makes two declarations one relationship.
    static func relationship(_ association: ResolvedAssociation) -> String {
        "\(association.kind.rawValue)\u{0}\(association.targetModel.ordinal)\u{0}\(association.foreignKeyColumn)\u{0}\(association.otherKey ?? "")\u{0}\(association.decl.through ?? "")"
    }

    static func roleExample(_ association: ResolvedAssociation) -> String {
        let singular = LintContext.instanceName(association.targetModel.names.singular)
        return association.kind.isMulti ? "other\(Inflection.upperFirst(association.targetModel.names.plural))" : "primary\(Inflection.upperFirst(singular))"
    }

    static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
