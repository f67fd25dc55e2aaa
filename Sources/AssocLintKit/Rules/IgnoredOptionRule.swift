/// `ignored-option`: an option Sequelize v6 accepts without reading it on that kind or at that
/// place, so the intent it carries is silently lost.
public struct IgnoredOptionRule: Rule {
    public static let id = "ignored-option"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        // (An association to an undeclared model is unknown-model's: Sequelize throws there first.)
        let schema = context.schema
        return schema.associationIndices(with: .rareOptions)
            .map { schema.associations[$0] }
            .filter { !$0.decl.isReportedInvalid }
            .flatMap { check($0) }
    }

    func check(_ resolved: ResolvedAssociation) -> [Finding] {
        let association = resolved.decl
        let call = resolved.call
        let kind = association.kind
        var findings: [Finding] = []
        func report(_ mark: SourceMark?, _ message: String, help: String) {
            findings.append(finding(message, at: Location(path: association.path, mark: mark ?? association.mark), help: help))
        }
        if kind == .belongsTo, let sourceKey = association.sourceKey {
            let isTargetAttribute = resolved.targetModel.decl.attribute(named: sourceKey) != nil
            report(association.sourceKeyMark, "\(call): Sequelize v6 ignores 'sourceKey' on belongsTo; the foreign key references the target's primary key",
                   help: isTargetAttribute
                       ? "to reference \(association.target).\(sourceKey), write 'targetKey: \(sourceKey)'"
                       : "remove it; 'targetKey' names the attribute of \(association.target) that the key references")
        }
        if kind == .hasMany || kind == .hasOne, let targetKey = association.targetKey {
            let isSourceAttribute = resolved.sourceModel.decl.attribute(named: targetKey) != nil
            report(association.targetKeyMark, "\(call): Sequelize v6 ignores 'targetKey' on \(kind.rawValue); the foreign key references \(association.source)'s primary key",
                   help: isSourceAttribute
                       ? "to reference \(association.source).\(targetKey), write 'sourceKey: \(targetKey)'"
                       : "remove it; 'sourceKey' names the attribute of \(association.source) that the key references")
        }
        if kind != .belongsToMany, association.otherKey != nil {
            report(association.otherKeyMark, "\(call): Sequelize v6 reads 'otherKey' only on belongsToMany; on \(kind.rawValue) it is ignored",
                   help: "remove it; the key of \(kind.rawValue) is 'foreignKey'")
        }
        if kind == .belongsTo || kind == .hasOne, association.throughMark != nil {
            report(association.throughMark, "\(call): Sequelize v6 ignores 'through' on \(kind.rawValue); only belongsToMany goes through a junction",
                   help: "use 'belongsToMany: \(association.target)' for a many-to-many, or remove 'through'")
        }
        for option in association.misplacedOptions {
            switch option.place {
            case .associationOptions where kind == .belongsToMany && option.name == "unique":
                report(option.mark, "\(call): Sequelize v6 ignores 'unique' on a belongsToMany; the junction's unique key comes from 'through: { unique }'",
                       help: "write 'through: { model: \(association.through ?? "<junction>"), unique: ... }'")
            case .associationOptions:
                report(option.mark, "\(call): Sequelize v6 ignores '\(option.name)' beside 'foreignKey'; the foreign key attribute gets its own \(option.name == "allowNull" ? "default (allowNull: true)" : "default")",
                       help: "write it inside the foreign key: 'foreignKey: { name: \(resolved.foreignKey), \(option.name): ... }'")
            case .through:
                report(option.mark, "\(call): Sequelize v6 ignores '\(option.name)' inside 'through'; it reads \(option.name) on the association itself",
                       help: "move '\(option.name)' out of 'through', next to 'through:'")
            case .kindSpecific:
                switch (option.name, kind) {
                case ("keyType", .belongsToMany):
                    report(option.mark, "\(call): Sequelize v6 ignores 'keyType' on belongsToMany; the junction's keys take the types of the keys they reference",
                           help: "remove it, or declare the junction model's key attributes with the type you want")
                case ("uniqueKey", let other) where other != .belongsToMany:
                    report(option.mark, "\(call): Sequelize v6 reads 'uniqueKey' only on belongsToMany (the junction's unique index); on \(other.rawValue) it is ignored",
                           help: "to make the foreign key unique, write 'foreignKey: { name: \(association.foreignKey ?? "<key>"), unique: true }'")
                case ("timestamps", let other) where other != .belongsToMany:
                    report(option.mark, "\(call): Sequelize v6 reads 'timestamps' only on belongsToMany (for the junction it creates); on \(other.rawValue) it is ignored",
                           help: "remove it; timestamps are a model option")
                default:
                    break
                }
            }
        }
        if let constraints = association.constraints, constraints.value == false {
            let actions = [association.onDelete.map { ("onDelete", $0) }, association.onUpdate.map { ("onUpdate", $0) }].compactMap { $0 }
            for (name, action) in actions {
                if kind == .belongsToMany {
                    report(action.mark, "\(call): '\(name): \(action.value)' has no effect with 'constraints: false': belongsToMany then adds no foreign key constraint to the junction",
                           help: "remove 'constraints: false' to have the database apply \(action.value), or remove '\(name)'")
                } else {
                    // v6 skips only the default actions: an explicit one still adds the constraint.
                    let hooks = association.hooks?.value == true && name == "onDelete"
                    report(constraints.mark, "\(call): 'constraints: false' does not stop an explicit \(name): Sequelize v6 still adds the foreign key constraint with ON \(name == "onDelete" ? "DELETE" : "UPDATE") \(action.value.uppercased())",
                           help: hooks
                               ? "with hooks: true this onDelete also drives Sequelize's cascade in code, so removing it turns that off too; if the database constraint is unwanted, the cascade has to go or be done in a hook"
                               : "to have no constraint, remove '\(name)' as well; to keep the action, remove 'constraints: false'")
                }
            }
        }
        return findings
    }
}
