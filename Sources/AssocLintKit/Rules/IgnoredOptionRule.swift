/// `ignored-option`: an option Sequelize v6 accepts without reading it on that kind or at that
/// place, so the intent it carries is silently lost.
public struct IgnoredOptionRule: Rule {
    public static let id = "ignored-option"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        // From the declarations: the options are the source's, whatever the target.
        context.files.flatMap { file in
            file.models.flatMap { model in
                model.associations.filter { !$0.isReportedInvalid }.flatMap { check($0) }
            }
        }.sorted { $0.location < $1.location }
    }

    func check(_ association: AssociationDecl) -> [Finding] {
        let call = "\(association.source).\(association.kind.rawValue)(\(association.target))"
        let kind = association.kind
        var findings: [Finding] = []
        func report(_ mark: SourceMark?, _ message: String, help: String) {
            findings.append(finding(message, at: Location(path: association.path, mark: mark ?? association.mark), help: help))
        }
        if kind == .belongsTo, let sourceKey = association.sourceKey {
            report(association.sourceKeyMark, "\(call): Sequelize v6 ignores 'sourceKey' on belongsTo; the foreign key references the target's primary key",
                   help: "to reference another attribute of \(association.target), write 'targetKey: \(sourceKey)'")
        }
        if kind == .hasMany || kind == .hasOne, let targetKey = association.targetKey {
            report(association.targetKeyMark, "\(call): Sequelize v6 ignores 'targetKey' on \(kind.rawValue); the foreign key references \(association.source)'s primary key",
                   help: "to reference another attribute of \(association.source), write 'sourceKey: \(targetKey)'")
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
            case .associationOptions:
                report(option.mark, "\(call): Sequelize v6 ignores '\(option.name)' beside 'foreignKey'; the foreign key attribute gets its own \(option.name == "allowNull" ? "default (allowNull: true)" : "default")",
                       help: "write it inside the foreign key: 'foreignKey: { name: \(association.foreignKey ?? "<key>"), \(option.name): ... }'")
            case .through:
                report(option.mark, "\(call): Sequelize v6 ignores '\(option.name)' inside 'through'; it reads \(option.name) on the association itself",
                       help: "move '\(option.name)' out of 'through', next to 'through:'")
            }
        }
        if association.constraints?.value == false {
            for action in [association.onDelete.map { ("onDelete", $0) }, association.onUpdate.map { ("onUpdate", $0) }].compactMap({ $0 }) {
                report(action.1.mark, "\(call): '\(action.0): \(action.1.value)' has no effect with 'constraints: false': there is no foreign key constraint to carry it",
                       help: "remove 'constraints: false' to have the database apply \(action.1.value), or remove '\(action.0)'")
            }
        }
        return findings
    }
}
