/// `missing-inverse`: an association declared from one side only, so the other model's
/// instances lack the accessors (`post.getAuthor()` without `Post.belongsTo(Author)`).
public struct MissingInverseRule: Rule {
    public static let id = "missing-inverse"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        guard !schema.isIncomplete else { return [] }
        let relationships = context.relationships
        var findings: [Finding] = []
        for (index, association) in schema.associations.enumerated()
        where relationships.inverse[index] == nil && !relationships.explainedByReversal.contains(index)
            && !association.decl.isReportedInvalid && !Self.invalidEntryPointsBack(association)
            // A model with a declaration that could not be read may declare the inverse there.
            && !association.targetModel.decl.isIncomplete
            // An inverse lost to a replaced `associate` is associate-overwritten's finding.
            && !association.targetModel.decl.overwrittenAssociations.contains(where: { $0.target == association.source }) {
            let source = association.sourceModel, target = association.targetModel
            let suggestion = Self.inverse(of: association, source: source, target: target)
            let instance = LintContext.instanceName(target.name)
            var message = "\(association.call) has no inverse: \(target.name) declares no \(suggestion.missing), so \(instance).\(suggestion.getter)() does not exist"
            var related = [RelatedLocation(target.decl.location, "\(target.name) is declared here")]
            if association.kind == .belongsToMany,
               let otherIndex = schema.associationIndices(of: ModelPair(source: target.ordinal, target: source.ordinal))
                   .first(where: { schema.associations[$0].kind == .belongsToMany }) {
                let other = schema.associations[otherIndex]
                // Two sides through different junctions are one mistake: reported once, on the side
                // whose model's name sorts last (an order every front end and file layout keeps).
                if relationships.inverse[otherIndex] == nil, (source.name, association.location) < (target.name, other.location) {
                    continue
                }
                // The other side exists but reads another junction table.
                // (A belongsToMany without `through` pairs with any: both have one here.)
                let through = association.decl.through ?? "", otherThrough = other.decl.through ?? ""
                let adder = association.names.accessor(.add) ?? ""
                message = "\(association.call) goes through '\(through)' but \(other.call) goes through '\(otherThrough)': rows added with \(LintContext.instanceName(source.name)).\(adder)() are invisible to \(instance).\(other.names.accessor(.get) ?? "")(), and the other way round"
                related.append(RelatedLocation(other.location, "\(other.call) uses '\(otherThrough)'"))
            } else if association.kind != .belongsToMany,
                      let back = schema.associations(from: target, to: source).first(where: { Self.couldPair(association.kind, $0.kind) }) {
                // The target does go back to the source, but over another key: another relationship.
                let getter = back.names.accessor(.get) ?? ""
                message = "\(association.call) has no inverse over \(association.foreignKey): \(back.call) goes back but uses the foreign key \(back.foreignKey), so \(instance).\(getter)() follows \(back.foreignKey), not \(association.foreignKey)"
                related.append(RelatedLocation(back.location, "\(back.call) uses \(back.foreignKey)"))
            }
            findings.append(finding(message, at: association.location,
                                    help: "add '- \(suggestion.yaml)' to \(target.name)'s associations",
                                    related: related))
        }
        return findings
    }

    /// Whether associations of these kinds, one each way, could be the two sides of one relationship.
    static func couldPair(_ kind: AssociationKind, _ back: AssociationKind) -> Bool {
        switch kind {
        case .belongsTo: return back == .hasMany || back == .hasOne
        case .hasMany, .hasOne: return back == .belongsTo
        case .belongsToMany: return back == .belongsToMany
        }
    }

    /// Whether the target has an entry that invalid-declaration reports and that names the source
    /// (in any of its kind keys): it may well be the inverse, once written right.
    static func invalidEntryPointsBack(_ association: ResolvedAssociation) -> Bool {
        association.targetModel.decl.associations.contains { entry in
            entry.isReportedInvalid && (entry.target == association.source || entry.otherKindTargets.contains(association.source))
        }
    }

    /// The declaration to add on the target: what is missing, its YAML, and the getter it creates.
    static func inverse(of association: ResolvedAssociation, source: ResolvedModel, target: ResolvedModel)
        -> (missing: String, yaml: String, getter: String) {
        var options: [(String, String)] = []
        switch association.kind {
        case .hasMany, .hasOne:
            // An unaliased belongsTo to the source defaults to the source's default key.
            if association.foreignKey != source.defaultForeignKey { options.append(("foreignKey", association.foreignKey)) }
            if let sourceKey = association.decl.sourceKey { options.append(("targetKey", sourceKey)) }
            let names = AssociationNames(kind: .belongsTo, alias: nil, target: source.names)
            return ("belongsTo(\(source.name))", yaml("belongsTo", source.name, options), names.accessor(.get) ?? "")
        case .belongsTo:
            let unique = association.decl.foreignKeyUnique.isUniqueAlone
                || source.linkAttribute(named: association.foreignKey).map(source.decl.isUniqueAlone) == true
            let kind: AssociationKind = unique ? .hasOne : .hasMany
            // hasMany names its default key from name.singular, hasOne from the model name (§3.2).
            let defaultKey = unique ? target.hasOneForeignKey : target.defaultForeignKey
            if association.foreignKey != defaultKey { options.append(("foreignKey", association.foreignKey)) }
            if let targetKey = association.decl.targetKey { options.append(("sourceKey", targetKey)) }
            let names = AssociationNames(kind: kind, alias: nil, target: source.names)
            return ("hasMany(\(source.name)) or hasOne(\(source.name))", yaml(kind.rawValue, source.name, options), names.accessor(.get) ?? "")
        case .belongsToMany:
            // Never without `through`: such an entry is invalid-declaration's alone.
            let through = association.decl.through ?? ""
            options.append(("through", through))
            if let otherKey = association.decl.otherKey { options.append(("foreignKey", otherKey)) }
            if association.foreignKeyIsExplicit { options.append(("otherKey", association.foreignKey)) }
            let names = AssociationNames(kind: .belongsToMany, alias: nil, target: source.names)
            return ("belongsToMany(\(source.name)) through \(through)",
                    yaml("belongsToMany", source.name, options), names.accessor(.get) ?? "")
        }
    }

    static func yaml(_ kind: String, _ target: String, _ options: [(String, String)]) -> String {
        if options.isEmpty { return "\(kind): \(target)" }
        return "{ \(kind): \(target), " + options.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + " }"
    }
}
