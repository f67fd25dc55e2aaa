/// `reversed-belongs-to`: `belongsTo` called on the model that does not hold the foreign key,
/// as in "Comment belongs to Post" written `Post.belongsTo(Comment)`, alone, beside a
/// `Comment.hasOne/hasMany(Post)` that agrees with it (the whole pair reversed), or beside the
/// right `Comment.belongsTo(Post)` (mutual belongsTo).
public struct ReversedBelongsToRule: Rule {
    public static let id = "reversed-belongs-to"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        return context.relationships.reversals.map { reversal in
            let association = schema.associations[reversal.association]
            let source = association.sourceModel, target = association.targetModel
            switch reversal.evidence {
            case .oppositeAssociation(let index):
                let opposite = schema.associations[index]
                // The belongsTo that pairs with the hasMany/hasOne: on its key.
                let fixed = SuggestedAssociation(target, .belongsTo, source, keyColumn: opposite.foreignKey)
                return finding(
                    "\(association.call) is reversed: \(source.name) also declares \(opposite.kind.rawValue)(\(target.name)), so the foreign key belongs on \(target.name), and belongsTo goes on the model that holds it",
                    at: association.location,
                    help: "remove this entry and declare \(fixed.described) instead; if \(source.name) really holds a second key to \(target.name) (a current or favourite one), give this belongsTo an alias, e.g. 'as: current\(target.name)'",
                    related: [RelatedLocation(opposite.location, "\(opposite.call) is declared here")])
            case .linkColumn(let column):
                return linkColumnFinding(reversal, association: association, column: column, schema: schema)
            }
        }
    }

    func linkColumnFinding(_ reversal: Reversal, association: ResolvedAssociation, column: AttributeDecl,
                           schema: SemanticSchema) -> Finding {
        let source = association.sourceModel, target = association.targetModel
        let partner = reversal.partner.map { schema.associations[$0] }
        let right = reversal.rightBelongsTo.map { schema.associations[$0] }
        let evidence = source.decl.declaresAttributes
            ? "\(source.name) has no column linking to \(target.name) while \(target.name).\(column.name) links to \(source.name)"
            : "\(target.name).\(column.name) references \(source.name) (which lists no attributes of its own)"
        let message = partner.map {
            let keys = $0.foreignKey == association.foreignKey
                ? "both put the foreign key \(association.foreignKey)" : "they put their foreign keys \(association.foreignKey) and \($0.foreignKey)"
            return "\(association.call) and \($0.call) look reversed: \(keys) on \(source.name), but \(evidence)"
        } ?? "\(association.call) looks reversed: it expects a foreign key \(association.foreignKey) on \(source.name), but \(evidence)"

        // The fix: the source owns the target, the target belongs to the source, on the column.
        let holder = SuggestedAssociation(target, .belongsTo, source, keyColumn: column.name)
        let owner: String
        if target.decl.isUniqueAlone(column) {
            // A unique key is a one-to-one, whatever the pair said.
            owner = SuggestedAssociation(source, .hasOne, target, keyColumn: column.name).described
        } else if let partner {
            // The pair's own kind, mirrored: hasOne stays a one-to-one.
            owner = SuggestedAssociation(source, partner.kind, target, keyColumn: column.name).described
        } else {
            let many = SuggestedAssociation(source, .hasMany, target, keyColumn: column.name)
            let one = SuggestedAssociation(source, .hasOne, target, keyColumn: column.name)
            owner = "\(many.described), or \(one.described) if each \(source.name) has at most one \(target.name)"
        }
        var help = "replace it with \(owner)"
        let otherSpelling = reversal.otherSpelling.map { schema.associations[$0] }
        if let right {
            help += partner.map { "; remove \($0.call)" } ?? ""
            help += "; \(right.call) already holds the key \(target.name).\(column.name)"
        } else if let otherSpelling {
            help += partner.map { "; remove \($0.call)" } ?? ""
            help += "; \(otherSpelling.call) is the right side once it names the column: give it 'foreignKey: \(column.name)'"
        } else if let partner {
            help += "; replace \(partner.call) with \(holder.described)"
        } else {
            help += "; declare \(holder.described)"
        }

        var related: [RelatedLocation] = []
        if let partner { related.append(RelatedLocation(partner.location, "\(partner.call) is declared here, reversed with it")) }
        if let right { related.append(RelatedLocation(right.location, "\(right.call) uses \(target.name).\(column.name)")) }
        related.append(RelatedLocation(target.decl.location(of: column), "\(target.name).\(column.name) links to \(source.name)"))
        return finding(message, at: association.location, help: help, related: related)
    }
}
