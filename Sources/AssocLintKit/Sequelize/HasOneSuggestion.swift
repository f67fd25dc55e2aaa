/// The `hasOne` that replaces a `hasMany` used for a one-to-one: the same target, the alias in its
/// singular form, and the `foreignKey` the hasMany used when the hasOne would default to another
/// one (an aliased hasOne names its key after the alias, associations.md §3.2).
struct HasOneSuggestion {
    let call: String
    let getter: String

    init(replacing hasMany: ResolvedAssociation) {
        var alias: String?
        if case .string(let name)? = hasMany.decl.alias { alias = Inflection.singularize(name) }
        if case .object(let singular, _)? = hasMany.decl.alias { alias = singular }
        let source = hasMany.sourceModel
        let defaultKey = alias.map { ForeignKeyNaming.name(prefix: Inflection.singularize($0), key: source.primaryKey) }
            ?? source.hasOneForeignKey
        var options: [String] = []
        if let alias { options.append("as: '\(alias)'") }
        if defaultKey != hasMany.foreignKey { options.append("foreignKey: '\(hasMany.foreignKey)'") }
        if let sourceKey = hasMany.decl.sourceKey { options.append("sourceKey: '\(sourceKey)'") }
        call = "\(hasMany.source).hasOne(\(hasMany.target)" + (options.isEmpty ? "" : ", { " + options.joined(separator: ", ") + " }") + ")"
        let targetNames = hasMany.targetModel.names
        getter = AssociationNames(kind: .hasOne, alias: alias.map(AssociationAlias.string), target: targetNames).accessor(.get) ?? ""
    }
}
