/// `alias-number`: an alias whose grammatical number contradicts its association: a plural alias
/// on belongsTo/hasOne, a singular one on hasMany/belongsToMany, an object alias whose singular
/// equals its plural. Sequelize uses the alias verbatim (associations.md §5.7).
public struct AliasNumberRule: Rule {
    public static let id = "alias-number"
    public init() {}

    /// Singular words ending in `s` that inflection takes for plurals: Latin and Greek endings
    /// (radius, corpus, focus, atlas, analysis, os), `ss`, and acronyms without a vowel (gps, sms).
    static func singularLookingPlural(_ name: String) -> Bool {
        let lower = name.lowercased()
        if ["us", "is", "os", "as", "ss", "ns"].contains(where: { lower.hasSuffix($0) }) { return true }
        let stem = lower.dropLast()
        let word = stem.reversed().prefix { $0.isLetter && $0.isLowercase }
        return !word.contains { "aeiouy".contains($0) }
    }

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        return schema.associationIndices(with: .aliased).compactMap { index in
            let association = schema.associations[index]
            guard !association.decl.isReportedInvalid, let alias = association.decl.alias else { return nil }
            let mark = association.decl.aliasMark ?? association.decl.mark
            let at = Location(path: association.decl.path, mark: mark)
            let instance = LintContext.instanceName(association.source)
            switch (alias, association.kind.isMulti) {
            case (.string(let name), false):
                // Plural: a regular English plural that inflection maps back and forth, and not a
                // singular word that only looks plural to it (focus, radius, gas, gps), nor one that
                // mirrors a target whose own name is plural (settings for UserSettings).
                let singular = Inflection.singularize(name)
                guard name.hasSuffix("s"), singular != name, Inflection.pluralize(singular) == name,
                      !Self.singularLookingPlural(name),
                      !association.target.lowercased().hasSuffix(name.lowercased()) else { return nil }
                return finding(
                    "\(association.call) has the plural alias '\(name)' for a single \(association.target): Sequelize uses it verbatim, so \(instance).\(association.names.accessor(.get) ?? "")() returns one \(association.target) (or null) and the foreign key is \(association.foreignKey)",
                    at: at,
                    help: "use the singular, 'as: \(singular)' (\(instance).get\(Inflection.upperFirst(singular))())\(association.foreignKeyIsExplicit || association.sourceModel.decl.attribute(named: association.foreignKey) == nil ? "" : ", and keep the column with 'foreignKey: \(association.foreignKey)'")")
            case (.string(let name), true):
                // Its singular, inflected while resolving, is the alias itself (first letter aside),
                // and it names the target's own singular (`post` for Post, `latestPost`): English
                // has collective nouns and gerunds (staff, team, following) that are no mistake.
                guard association.upperSingular == association.upperPlural,
                      name.lowercased().hasSuffix(association.targetModel.names.singular.lowercased()),
                      association.targetModel.names.singular != association.targetModel.names.plural else { return nil }
                let plural = Inflection.pluralize(name)
                guard plural != name, Inflection.singularize(name) == name else { return nil }
                let names = association.names
                let adds = names.accessor(.add) ?? ""
                return finding(
                    "\(association.call) has the singular alias '\(name)' for many \(association.targetModel.names.plural): Sequelize uses it as the plural, so every accessor is singular: \(instance).\(names.accessor(.get) ?? "")() returns an array, and \(instance).\(adds)() is both add-one and add-many",
                    at: at,
                    help: "use the plural, 'as: \(plural)' (\(instance).get\(Inflection.upperFirst(plural))(), \(instance).add\(Inflection.upperFirst(name))())")
            case (.object(let singular?, let plural?), true) where singular == plural:
                let names = association.names
                return finding(
                    "\(association.call) has the alias { singular: \(singular), plural: \(plural) }: with one name for both, \(instance).\(names.accessor(.add) ?? "")() is both add-one and add-many and \(instance).\(names.accessor(.get) ?? "")() reads like a single \(association.target)",
                    at: at,
                    help: "give the plural its own form, e.g. { singular: \(singular), plural: \(Inflection.pluralize(singular) == singular ? singular + "List" : Inflection.pluralize(singular)) }")
            default:
                return nil
            }
        }
    }
}
