/// The associations Sequelize v6 refuses because their alias is already a key of their model
/// (associations.md §4.1 #4), found by replaying the declarations in order as Sequelize registers
/// them in `Model.associations`. Such an association throws, so it never exists: rules about
/// what associations do skip it.
struct AliasCollision {
    enum Kind {
        /// Its raw `as` is the key of the earlier association.
        case alias(String)
        /// Its through model's name is the key of the earlier association on `side`.
        case through(String, side: ResolvedModel)
    }

    /// Index of the refused association in `SemanticSchema.associations`.
    var association: Int
    var kind: Kind
    /// Index of the association that holds the key.
    var earlier: Int

    static func find(in schema: SemanticSchema) -> [AliasCollision] {
        var collisions: [AliasCollision] = []
        var registered: [Int: [String: Int]] = [:]  // model ordinal → key → association index
        for (index, association) in schema.associations.enumerated() where !association.decl.isReportedInvalid {
            let source = association.sourceModel
            let raw: String?
            switch association.decl.alias {
            case .string(let alias)?: raw = alias
            // An object `as` is looked up as '[object Object]', the key of a hasOne/belongsTo with one.
            case .object?: raw = association.kind.isMulti ? nil : "[object Object]"
            case nil: raw = nil
            }
            if let raw, let earlier = registered[source.ordinal]?[raw] {
                collisions.append(AliasCollision(association: index, kind: .alias(raw), earlier: earlier))
                continue
            }
            if association.kind == .belongsToMany, let through = association.decl.through {
                // Its hidden hasOne associations, one on each side, are named after the through model.
                let sides = association.isSelf ? [source] : [source, association.targetModel]
                if let (side, earlier) = sides.lazy.compactMap({ side in registered[side.ordinal]?[through].map { (side, $0) } }).first {
                    collisions.append(AliasCollision(association: index, kind: .through(through, side: side), earlier: earlier))
                    continue
                }
            }
            registered[source.ordinal, default: [:]][association.names.key] = index
        }
        return collisions
    }
}
