/// `unknown-source-key`: a `sourceKey` that is not an attribute of the source. hasOne throws
/// (associations.md §4.1 #9); hasMany and belongsToMany crash with a TypeError.
public struct UnknownSourceKeyRule: Rule {
    public static let id = "unknown-source-key"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        // (An association to an undeclared model is unknown-model's: Sequelize throws there first.)
        let schema = context.schema
        return schema.associationIndices(with: .rareOptions).compactMap { index -> Finding? in
                    let model = schema.associations[index].sourceModel.decl
                    let association = schema.associations[index].decl
                    guard let sourceKey = association.sourceKey, association.kind != .belongsTo, !association.isReportedInvalid,
                          let missing = UnknownKey.missing(sourceKey, on: model) else { return nil }
                    let call = "\(model.name).\(association.kind.rawValue)(\(association.target))"
                    let thrown = association.kind == .hasOne
                        ? "Sequelize throws: Unknown attribute \"\(sourceKey)\" passed as sourceKey, define this attribute on model \"\(model.name)\" first"
                        : "Sequelize v6 crashes with TypeError: Cannot read properties of undefined (reading 'field')"
                    return finding("\(call): sourceKey '\(sourceKey)' is not an attribute of \(model.name); \(thrown)",
                                   at: Location(path: association.path, mark: association.sourceKeyMark ?? association.mark),
                                   help: "\(missing)name an attribute of \(model.name) (its primary key is the default), or declare '\(sourceKey)' on it")
        }
    }
}
