/// `has-one-not-unique` (opt-in): a hasOne whose foreign key column is declared and not unique, so
/// nothing stops a second row, and `getX()` then returns an arbitrary one of them.
public struct HasOneNotUniqueRule: Rule {
    public static let id = "has-one-not-unique"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        return schema.associationIndices(with: .hasOne).compactMap { index in
            let association = schema.associations[index]
            guard association.kind == .hasOne, !association.decl.isReportedInvalid, !association.decl.hasScope,
                  !association.foreignKeyIsUnique(inverse: context.relationships.inverse[index].map { schema.associations[$0] }) else { return nil }
            let target = association.targetModel
            // Only a declared column: an added one is the user's to make unique in a migration.
            guard let column = target.linkAttribute(named: association.foreignKey) else { return nil }
            let instance = LintContext.instanceName(association.source)
            return finding(
                "\(association.call) is a one-to-one, but \(target.name).\(column.name) is not unique: nothing stops a second \(target.name) row for the same \(association.source), and \(instance).\(association.names.accessor(.get) ?? "")() then returns an arbitrary one",
                at: association.location,
                help: "declare \(target.name).\(column.name) with 'unique: true' (and a unique index in the database)",
                related: [RelatedLocation(target.decl.location(of: column), "\(target.name).\(column.name) is declared here")])
        }
    }
}

extension ResolvedAssociation {
    /// Whether the foreign key column is unique on its own, by any declaration: the option, the
    /// holder's attribute (unique, or its only primary key), a one-column unique index, or the
    /// inverse belongsTo's option.
    func foreignKeyIsUnique(inverse: ResolvedAssociation?) -> Bool {
        if decl.foreignKeyUnique.isUniqueAlone { return true }
        if let holder = holderModel {
            if let column = holder.linkAttribute(named: foreignKey) {
                if holder.decl.isUniqueAlone(column) { return true }
                if column.primaryKey, holder.decl.attributes.count(where: \.primaryKey) == 1 { return true }
            } else if holder.decl.uniqueIndexFields.contains(foreignKeyColumn) {
                return true
            }
        }
        return inverse?.decl.foreignKeyUnique.isUniqueAlone == true
    }
}
