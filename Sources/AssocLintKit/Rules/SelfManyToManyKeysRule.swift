/// `self-many-to-many-keys`: a self belongsToMany whose foreignKey and otherKey end up one
/// column: its alias singularizes to the model's own singular (associations.md §5.9), or it is the
/// second of two self declarations over one junction whose default otherKey Sequelize takes from
/// the first one's foreignKey (belongs-to-many.js, paired associations).
public struct SelfManyToManyKeysRule: Rule {
    public static let id = "self-many-to-many-keys"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        return schema.associationIndices(with: .manyToMany).compactMap { index in
            let association = schema.associations[index]
            guard association.kind == .belongsToMany, association.isSelf, !association.decl.isReportedInvalid,
                  let otherKey = association.otherKey else { return nil }
            let model = association.sourceModel
            let at = Location(path: association.decl.path, mark: association.decl.aliasMark ?? association.decl.mark)
            if otherKey == association.foreignKey {
                let why = association.decl.otherKey == nil && !association.foreignKeyIsExplicit
                    ? " (otherKey comes from singularize('\(association.key)'), which is \(model.name)'s own singular)"
                    : ""
                return finding(
                    "\(association.call) uses \(otherKey) as both foreignKey and otherKey\(why): the junction has one column for both sides, so every row links a \(model.name) to itself",
                    at: at,
                    help: "name the other role in the alias (e.g. 'as: friends', otherKey friendId), or give distinct foreignKey and otherKey")
            }
            // Paired with an earlier self declaration over the same junction: a default otherKey is
            // that one's foreignKey.
            guard let partnerIndex = context.relationships.inverse[index], partnerIndex < index,
                  association.decl.otherKey == nil else { return nil }
            let earlier = schema.associations[partnerIndex]
            guard earlier.kind == .belongsToMany, earlier.isSelf, earlier.decl.through == association.decl.through,
                  earlier.foreignKey == association.foreignKey else { return nil }
            return finding(
                "\(association.call) pairs with \(earlier.call) over '\(association.decl.through ?? "")', so Sequelize takes its default otherKey from that one's foreignKey: \(association.foreignKey) is both its foreignKey and otherKey (and the first one's otherKey is rewritten to \(association.foreignKey) too), one column for both sides",
                at: at,
                help: "give both declarations explicit, crossed keys, e.g. foreignKey: followedId, otherKey: followerId on one and the reverse on the other",
                related: [RelatedLocation(earlier.location, "\(earlier.call) is declared here")])
        }
    }
}
