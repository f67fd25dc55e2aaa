/// `alias-attribute-collision`: an association whose key (its alias, or the default such as
/// `User`) is also an attribute of its source, declared or added as a foreign key: Sequelize
/// throws "Naming collision between attribute ..." at boot (associations.md §4.1 #10).
public struct AliasAttributeCollisionRule: Rule {
    public static let id = "alias-attribute-collision"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        var findings: [Finding] = []
        // (1) The key is a declared attribute of the source, or the belongsTo's own key.
        for index in schema.associationIndices(with: .keyIsAttribute) {
            let association = schema.associations[index]
            guard !association.decl.isReportedInvalid else { continue }
            let source = association.sourceModel, key = association.key
            if let attribute = source.decl.attribute(named: key) {
                findings.append(finding(
                    "\(association.call): its key '\(key)' is also an attribute of \(source.name); Sequelize throws \"\(Self.message(key, source))\"",
                    at: association.location,
                    help: "rename the attribute, or give the association another alias (e.g. 'as: \(key)Record')",
                    related: [RelatedLocation(source.decl.location(of: attribute), "\(source.name).\(key) is declared here")]))
            } else {
                findings.append(finding(
                    "\(association.call): its key '\(key)' is also its own foreign key, an attribute of \(source.name); Sequelize throws \"\(Self.message(key, source))\"",
                    at: association.location,
                    help: renameHelp(association, key: key)))
            }
        }
        // (2) A foreign key another association added before: only explicit keys can be named like
        // an association (defaults end in the primary key's name). Each association once.
        var reported = Set<Int>()
        for index in schema.associationIndices(with: .explicitForeignKey) {
            let adder = schema.associations[index]
            guard adder.kind != .belongsToMany, let holder = adder.holderModel else { continue }
            for later in schema.associationIndices(from: holder) where later > index || (later == index && adder.kind != .belongsTo) {
                let association = schema.associations[later]
                guard association !== adder, association.key == adder.foreignKey, !association.decl.isReportedInvalid,
                      !schema.facts[later].contains(.keyIsAttribute), reported.insert(later).inserted else { continue }
                let key = association.key
                findings.append(finding(
                    "\(association.call): its key '\(key)' is also the foreign key of \(adder.call), an attribute of \(holder.name); Sequelize throws \"\(Self.message(key, holder))\"",
                    at: association.location,
                    help: renameHelp(association, key: key),
                    related: [RelatedLocation(adder.location, "\(adder.call) adds \(holder.name).\(key)")]))
            }
        }
        return findings.sorted { $0.location < $1.location }
    }

    static func message(_ key: String, _ source: ResolvedModel) -> String {
        "Naming collision between attribute '\(key)' and association '\(key)' on model \(source.name). To remedy this, change either foreignKey or as in your association definition"
    }

    /// For a key that is a foreign key: the alias names the role, the key the column.
    func renameHelp(_ association: ResolvedAssociation, key: String) -> String {
        association.kind == .belongsTo
            ? "name the alias after the role and the key after the column, e.g. { as: '\(key)', foreignKey: '\(key)Id' }"
            : "give the association another alias, or another foreignKey"
    }
}
