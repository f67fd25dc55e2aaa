/// `alias-attribute-collision`: an association whose key (its alias, or the default such as
/// `User`) is also an attribute of its source, declared or added as a foreign key: Sequelize
/// throws "Naming collision between attribute ..." at boot (associations.md §4.1 #10).
public struct AliasAttributeCollisionRule: Rule {
    public static let id = "alias-attribute-collision"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        var findings: [Finding] = []
        // Foreign keys added to each model by the associations defined so far (declaration order).
        var added: [Int: [String: ResolvedAssociation]] = [:]
        for association in schema.associations where !association.decl.isReportedInvalid {
            let source = association.sourceModel
            let key = association.names.key
            // This association's own key lands on the source before the check (belongsTo).
            if association.holderModel === source, association.kind == .belongsTo {
                added[source.ordinal, default: [:]][association.foreignKey] = added[source.ordinal]?[association.foreignKey] ?? association
            }
            let message = "Naming collision between attribute '\(key)' and association '\(key)' on model \(source.name). To remedy this, change either foreignKey or as in your association definition"
            if let attribute = source.decl.attribute(named: key) {
                findings.append(finding(
                    "\(association.call): its key '\(key)' is also an attribute of \(source.name); Sequelize throws \"\(message)\"",
                    at: association.location,
                    help: renameHelp(association, key: key),
                    related: [RelatedLocation(Location(path: source.decl.path, mark: attribute.mark), "\(source.name).\(key) is declared here")]))
            } else if let adder = added[source.ordinal]?[key] {
                let whose = adder === association ? "its own foreign key" : "the foreign key of \(adder.call)"
                findings.append(finding(
                    "\(association.call): its key '\(key)' is also \(whose), an attribute of \(source.name); Sequelize throws \"\(message)\"",
                    at: association.location,
                    help: renameHelp(association, key: key),
                    related: adder === association ? [] : [RelatedLocation(adder.location, "\(adder.call) adds \(source.name).\(key)")]))
            }
            if let holder = association.holderModel, holder !== source || association.kind != .belongsTo,
               association.kind != .belongsToMany {
                added[holder.ordinal, default: [:]][association.foreignKey] = added[holder.ordinal]?[association.foreignKey] ?? association
            }
        }
        return findings
    }

    func renameHelp(_ association: ResolvedAssociation, key: String) -> String {
        association.kind == .belongsTo
            ? "name the alias after the role and the key after the column, e.g. { as: '\(key)', foreignKey: '\(key)Id' }, or rename the attribute"
            : "give the association another alias, or rename the attribute"
    }
}
