/// `set-null-not-nullable`: `onDelete: SET NULL` (or `onUpdate`) on a foreign key declared
/// `allowNull: false`: deleting the referenced row fails with a NOT NULL violation.
public struct SetNullNotNullableRule: Rule {
    public static let id = "set-null-not-nullable"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        return schema.associationIndices(with: .referentialAction).flatMap { index -> [Finding] in
            let association = schema.associations[index]
            guard association.kind != .belongsToMany, !association.decl.isReportedInvalid,
                  let holder = association.holderModel else { return [] }
            // Not null by the option, or by the declared column.
            let column = holder.linkAttribute(named: association.foreignKey)
            let notNull: Location?
            if association.decl.foreignKeyAllowNull == false {
                notNull = Location(path: association.decl.path, mark: association.decl.foreignKeyMark ?? association.decl.mark)
            } else if let column, column.allowNull == false, association.decl.foreignKeyAllowNull == nil {
                notNull = holder.decl.location(of: column)
            } else {
                notNull = nil
            }
            guard let notNull else { return [] }
            return [("onDelete", association.decl.onDelete), ("onUpdate", association.decl.onUpdate)].compactMap { option, action in
                guard let action, ReferentialAction(action.value) == .setNull else { return nil }
                let referenced = association.kind == .belongsTo ? association.target : association.source
                return finding(
                    "\(association.call) says \(option): \(action.value), but its foreign key \(holder.name).\(association.foreignKey) is declared allowNull: false: \(option == "onDelete" ? "deleting" : "changing the key of") a \(referenced) fails with a NOT NULL violation instead of detaching its \(holder.name) rows",
                    at: Location(path: association.decl.path, mark: action.mark),
                    help: option == "onDelete"
                        ? "use onDelete: CASCADE (delete the rows too) or RESTRICT (refuse the delete), or allow null in \(holder.name).\(association.foreignKey)"
                        : "use onUpdate: CASCADE, or allow null in \(holder.name).\(association.foreignKey)",
                    related: [RelatedLocation(notNull, "\(holder.name).\(association.foreignKey) is declared allowNull: false here")])
            }
        }
    }
}
