/// `self-many-to-many-keys`: a self belongsToMany whose foreignKey and otherKey are one column,
/// as when its alias singularizes to the model's own singular (associations.md §5.9).
public struct SelfManyToManyKeysRule: Rule {
    public static let id = "self-many-to-many-keys"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        return schema.associationIndices(with: .manyToMany).compactMap { index in
            let association = schema.associations[index]
            guard association.kind == .belongsToMany, association.isSelf, !association.decl.isReportedInvalid,
                  let otherKey = association.otherKey, otherKey == association.foreignKey else { return nil }
            let model = association.sourceModel
            let why = association.decl.otherKey == nil && !association.foreignKeyIsExplicit
                ? " (otherKey comes from singularize('\(association.names.key)'), which is \(model.name)'s own singular)"
                : ""
            return finding(
                "\(association.call) uses \(otherKey) as both foreignKey and otherKey\(why): the junction has one column for both sides, so every row links a \(model.name) to itself",
                at: Location(path: association.decl.path, mark: association.decl.aliasMark ?? association.decl.mark),
                help: "name the other role in the alias (e.g. 'as: friends', otherKey friendId), or give distinct foreignKey and otherKey")
        }
    }
}
