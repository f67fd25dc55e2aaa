/// `unknown-source-key`: a `sourceKey` that is not an attribute of the source. hasOne throws
/// (associations.md §4.1 #9); hasMany and belongsToMany crash with a TypeError.
public struct UnknownSourceKeyRule: Rule {
    public static let id = "unknown-source-key"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        // (An association to an undeclared model is unknown-model's: Sequelize throws there first.)
        let schema = context.schema
        return schema.associationIndices(with: .rareOptions).compactMap { index in
            let association = schema.associations[index]
            let source = association.sourceModel
            guard let sourceKey = association.decl.sourceKey, association.kind != .belongsTo, !association.decl.isReportedInvalid,
                  let missing = UnknownKey.missing(sourceKey, on: source.decl) else { return nil }
            let thrown = association.kind == .hasOne
                ? "Sequelize throws: Unknown attribute \"\(sourceKey)\" passed as sourceKey, define this attribute on model \"\(source.name)\" first"
                : "Sequelize v6 crashes with TypeError: Cannot read properties of undefined (reading 'field')"
            return finding("\(association.call): sourceKey '\(sourceKey)' is not an attribute of \(source.name); \(thrown)",
                           at: Location(path: association.decl.path, mark: association.decl.sourceKeyMark ?? association.decl.mark),
                           help: "\(missing)name an attribute of \(source.name) (its primary key is the default), or declare '\(sourceKey)' on it")
        }
    }
}
