/// `duplicate-alias`: an `as` that is already the key of an earlier association of the same model
/// (its alias, or the default key of an unaliased one), and a belongsToMany whose through model's
/// name is such a key on either side: Sequelize throws at boot (associations.md §4.1 #4).
public struct DuplicateAliasRule: Rule {
    public static let id = "duplicate-alias"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        return context.relationships.aliasCollisions.map { collision in
            let association = schema.associations[collision.association], earlier = schema.associations[collision.earlier]
            switch collision.kind {
            case .alias(let alias): return self.collision(association, alias: alias, with: earlier, on: association.sourceModel)
            case .through(let through, let side): return throughCollision(association, through: through, side: side, with: earlier)
            }
        }
    }

    /// An alias for the association that holds the through model's name: never that name.
    static func otherAlias(than through: String) -> String {
        let lower = LintContext.instanceName(through)
        return lower == through ? "\(through)Record" : lower
    }

    static func sequelizeMessage(_ alias: String) -> String {
        "You have used the alias \(alias) in two separate associations. Aliased associations must have unique aliases."
    }

    func collision(_ association: ResolvedAssociation, alias: String, with earlier: ResolvedAssociation, on source: ResolvedModel) -> Finding {
        let what = earlier.hasAlias ? "the alias of \(earlier.call)" : "the default key of the unaliased \(earlier.call)"
        return finding(
            "\(association.call): the alias '\(alias)' is already \(what) on \(source.name); Sequelize throws \"\(Self.sequelizeMessage(alias))\"",
            at: Location(path: association.decl.path, mark: association.decl.aliasMark ?? association.decl.mark),
            help: "give one of the two another alias; each association of \(source.name) needs its own key",
            related: [RelatedLocation(earlier.location, "\(earlier.call) is declared here")])
    }

    func throughCollision(_ association: ResolvedAssociation, through: String, side: ResolvedModel, with earlier: ResolvedAssociation) -> Finding {
        finding(
            "\(association.call) goes through '\(through)', and belongsToMany adds a hidden association named '\(through)' to \(side.name), which already has \(earlier.call) under that key; Sequelize throws \"\(Self.sequelizeMessage(through))\"",
            at: Location(path: association.decl.path, mark: association.decl.throughMark ?? association.decl.mark),
            help: "give \(earlier.call) another alias (e.g. 'as: \(Self.otherAlias(than: through))'), or declare it after this belongsToMany",
            related: [RelatedLocation(earlier.location, "\(earlier.call) is declared here")])
    }
}
