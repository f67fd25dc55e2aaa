/// `reversed-has-many`: `hasMany` or `hasOne` called on the model that holds the foreign key, as in
/// "a Comment belongs to a Post" written `Comment.hasMany(Post)` while `Comment.postId` is declared.
public struct ReversedHasManyRule: Rule {
    public static let id = "reversed-has-many"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        return context.relationships.ownerReversals.map { reversal in
            let association = schema.associations[reversal.association]
            let source = association.sourceModel, target = association.targetModel
            let column = reversal.column
            let right = reversal.rightBelongsTo.map { schema.associations[$0] }
            // The fix: the target owns the source (the same kind, mirrored), the source belongs to it.
            // A unique key is a one-to-one, whatever kind was declared.
            let kind = source.decl.isUniqueAlone(column) ? .hasOne : association.kind
            let owner = SuggestedAssociation(target, kind, source, keyColumn: column.name)
            let holder = SuggestedAssociation(source, .belongsTo, target, keyColumn: column.name)
            let rightOwner = reversal.rightOwner.map { schema.associations[$0] }
            var help = rightOwner.map { "remove it: \($0.call) already owns \(source.name) through \(source.name).\(column.name)" }
                ?? "replace it with \(owner.described)"
            help += right.map { "; \($0.call) already holds the key \(source.name).\(column.name)" }
                ?? "; declare \(holder.described)"
            var related = [RelatedLocation(source.decl.location(of: column), "\(source.name).\(column.name) links to \(target.name)")]
            if let right { related.append(RelatedLocation(right.location, "\(right.call) uses \(source.name).\(column.name)")) }
            return finding(
                "\(association.call) looks reversed: it expects a foreign key \(association.foreignKey) on \(target.name), but \(target.decl.declaresAttributes ? "\(target.name) has no column linking to \(source.name) while \(source.name).\(column.name) links to \(target.name)" : "\(source.name).\(column.name) references \(target.name) (which lists no attributes of its own)"), so \(source.name) belongs to \(target.name)",
                at: association.location, help: help, related: related)
        }
    }
}
