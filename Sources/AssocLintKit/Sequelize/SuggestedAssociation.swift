/// An association that a help proposes, written as a call with the `foreignKey` it needs: the
/// option is given exactly when the column differs from the key Sequelize would default to
/// (hasMany and belongsTo name it from `name.singular`, hasOne from the model name, §3.2).
struct SuggestedAssociation {
    let source: ResolvedModel
    let kind: AssociationKind
    let target: ResolvedModel
    /// The explicit foreign key, when the default would name another attribute.
    let foreignKey: String?

    /// `kind` from `source` to `target`, unaliased, whose key is the attribute `column`.
    init(_ source: ResolvedModel, _ kind: AssociationKind, _ target: ResolvedModel, keyColumn column: String) {
        self.source = source
        self.kind = kind
        self.target = target
        let defaultKey: String
        switch kind {
        case .belongsTo: defaultKey = target.defaultForeignKey
        case .hasOne: defaultKey = source.hasOneForeignKey
        case .hasMany, .belongsToMany: defaultKey = source.defaultForeignKey
        }
        foreignKey = column == defaultKey ? nil : column
    }

    /// `User.hasOne(Profile, { foreignKey: 'userId' })`.
    var call: String {
        "\(source.name).\(kind.rawValue)(\(target.name)" + (foreignKey.map { ", { foreignKey: '\($0)' })" } ?? ")")
    }

    /// `user.getProfile()`: the getter it generates, on an instance of the source.
    var getter: String {
        let names = AssociationNames(kind: kind, alias: nil, target: target.names)
        return "\(LintContext.instanceName(source.name)).\(names.accessor(.get) ?? "")()"
    }

    /// `User.hasOne(Profile) (user.getProfile())`: the call and what it gives.
    var described: String { "\(call) (\(getter))" }
}
