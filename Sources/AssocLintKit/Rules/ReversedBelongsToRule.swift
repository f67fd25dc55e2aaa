/// `reversed-belongs-to`: `belongsTo` called on the model that does not hold the foreign key,
/// as in "Comment belongs to Post" written `Post.belongsTo(Comment)`.
public struct ReversedBelongsToRule: Rule {
    public static let id = "reversed-belongs-to"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        return context.relationships.reversals.compactMap { reversal in
            let association = schema.associations[reversal.association]
            let source = association.source, target = association.target
            guard let targetModel = schema.models[target], let sourceModel = schema.models[source] else { return nil }
            let targetInstance = LintContext.instanceName(target)
            let fixed = AssociationNames(kind: .belongsTo, alias: nil, target: sourceModel.names)
            let message: String
            let help: String
            var related: [RelatedLocation] = []
            switch reversal.evidence {
            case .oppositeAssociation(let index):
                let opposite = schema.associations[index]
                message = "\(association.call) is reversed: \(source) also declares \(opposite.kind.rawValue)(\(target)), so the foreign key belongs on \(target), and belongsTo goes on the model that holds it"
                help = "remove this entry and add '- belongsTo: \(source)' to \(target)'s associations (\(target).belongsTo(\(source)) gives \(targetInstance).\(fixed.accessor(.get) ?? "")()); if \(source) really holds a second key to \(target) (a current or favourite one), give this belongsTo an alias, e.g. 'as: current\(target)'"
                related.append(RelatedLocation(opposite.location, "\(opposite.call) is declared here"))
            case .linkColumn(let column):
                message = "\(association.call) looks reversed: it expects a foreign key \(association.foreignKey) on \(source), but \(source) has no column linking to \(target) while \(target).\(column.name) links to \(source)"
                let entry = column.name == schema.models[source]?.defaultForeignKey ? "belongsTo: \(source)" : "{ belongsTo: \(source), foreignKey: \(column.name) }"
                help = "replace it with '- \(entry)' under \(target)'s associations, and give \(source) a hasMany(\(target)) or hasOne(\(target))"
                related.append(RelatedLocation(Location(path: targetModel.decl.path, mark: column.mark), "\(target).\(column.name) links to \(source)"))
            }
            return finding(message, at: association.location, help: help, related: related)
        }
    }
}
