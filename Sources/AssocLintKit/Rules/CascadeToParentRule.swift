/// `cascade-to-parent`: a belongsTo with `onDelete: CASCADE` and `hooks: true`. Sequelize's hook
/// cascade destroys the instances of the destroyed model's own associations, whatever their kind,
/// so destroying a child destroys its parent (query-interface.js `delete`).
public struct CascadeToParentRule: Rule {
    public static let id = "cascade-to-parent"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        return schema.associationIndices(with: .referentialAction).compactMap { index in
            let association = schema.associations[index]
            guard association.kind == .belongsTo, !association.decl.isReportedInvalid,
                  let onDelete = association.decl.onDelete, ReferentialAction(onDelete.value) == .cascade,
                  let hooks = association.decl.hooks, hooks.value else { return nil }
            let child = LintContext.instanceName(association.source)
            return finding(
                "\(association.call) has onDelete: \(onDelete.value) with hooks: true: \(child).destroy() loads the \(association.target) it belongs to and destroys it too (Sequelize cascades through the destroyed model's own associations, belongsTo included), with its other children",
                at: Location(path: association.decl.path, mark: hooks.mark),
                help: "remove 'hooks: true' (and the onDelete) from the belongsTo; put 'onDelete: CASCADE, hooks: true' on \(association.target).hasMany(\(association.source)) or hasOne instead, where destroying the parent destroys its children",
                related: [RelatedLocation(Location(path: association.decl.path, mark: onDelete.mark), "onDelete: \(onDelete.value) is given here")])
        }
    }
}
