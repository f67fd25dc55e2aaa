/// `through-table-name`: a belongsToMany whose `through` names the table of a declared model
/// rather than the model: Sequelize defines a second, implicit model on that table with key
/// columns of its own (associations.md §3.2, `through` as a string).
public struct ThroughTableNameRule: Rule {
    public static let id = "through-table-name"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        return schema.associationIndices(with: .manyToMany).compactMap { index in
            let association = schema.associations[index]
            guard association.kind == .belongsToMany, !association.decl.isReportedInvalid,
                  let through = association.decl.through, schema.models[through] == nil,
                  let model = schema.modelsByTable[through] else { return nil }
            let keys = [association.foreignKey, association.otherKey].compactMap { $0 }.joined(separator: " and ")
            return finding(
                "\(association.call) goes through '\(through)', the table of \(model.name), not a model: Sequelize defines a second model '\(through)' on that table, with its own key columns (\(keys)), and ignores \(model.name)'s attributes and options",
                at: Location(path: association.decl.path, mark: association.decl.throughMark ?? association.decl.mark),
                help: "write 'through: \(model.name)'",
                related: [RelatedLocation(model.decl.location, "\(model.name) uses table \(through)")])
        }
    }
}
