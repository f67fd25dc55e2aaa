/// `cascade-to-parent`: `onDelete: CASCADE` with `hooks: true` on a belongsTo (or a
/// belongsToMany). Sequelize's hook cascade destroys the instances of the destroyed model's own
/// associations, whatever their kind (query-interface.js `delete`): destroying a child destroys
/// its parent, destroying a user destroys every group it belongs to.
public struct CascadeToParentRule: Rule {
    public static let id = "cascade-to-parent"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        return schema.associationIndices(with: .referentialAction).compactMap { index in
            let association = schema.associations[index]
            guard association.kind == .belongsTo || association.kind == .belongsToMany, !association.decl.isReportedInvalid,
                  let onDelete = association.decl.onDelete, ReferentialAction(onDelete.value) == .cascade,
                  let hooks = association.decl.hooks, hooks.value else { return nil }
            let instance = LintContext.instanceName(association.source)
            // A soft delete never reaches the cascade: only destroy({ force: true }) does.
            let when = association.sourceModel.decl.softDeletes
                ? "\(instance).destroy({ force: true }) (\(association.source) is paranoid)" : "\(instance).destroy()"
            let message: String, help: String
            if association.kind == .belongsTo {
                message = "\(association.call) has onDelete: \(onDelete.value) with hooks: true: \(when) loads the \(association.target) it belongs to and destroys it too (Sequelize cascades through the destroyed model's own associations, belongsTo included), with its other children"
                help = association.targetModel.decl.softDeletes
                    ? "remove 'hooks: true' from the belongsTo (an onDelete there only sets the database constraint)"
                    : "remove 'hooks: true' from the belongsTo; put 'onDelete: CASCADE, hooks: true' on \(association.target).hasMany(\(association.source)) or hasOne instead, where destroying the parent destroys its children"
            } else {
                let plural = association.targetModel.names.plural
                message = "\(association.call) has onDelete: \(onDelete.value) with hooks: true: \(when) loads every \(association.target) it is linked to and destroys them, not only the \(association.decl.through ?? "junction") rows, though other \(association.source) rows may be linked to the same \(plural)"
                help = "remove 'hooks: true': the database constraint already removes the junction rows; destroy the \(plural) explicitly where that is meant"
            }
            return finding(message, at: Location(path: association.decl.path, mark: hooks.mark), help: help,
                           related: [RelatedLocation(Location(path: association.decl.path, mark: onDelete.mark), "onDelete: \(onDelete.value) is given here")])
        }
    }
}
