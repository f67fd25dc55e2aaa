/// `unknown-target-key`: a `targetKey` that is not an attribute of the target. belongsTo throws
/// (associations.md §4.1 #8); belongsToMany crashes with a TypeError.
public struct UnknownTargetKeyRule: Rule {
    public static let id = "unknown-target-key"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        return schema.associationIndices(with: .rareOptions).compactMap { index in
            let association = schema.associations[index]
            guard let targetKey = association.decl.targetKey, association.kind == .belongsTo || association.kind == .belongsToMany,
                  !association.decl.isReportedInvalid else { return nil }
            let target = association.targetModel
            guard let missing = UnknownKey.missing(targetKey, on: target.decl) else { return nil }
            let thrown = association.kind == .belongsTo
                ? "Sequelize throws: Unknown attribute \"\(targetKey)\" passed as targetKey, define this attribute on model \"\(target.name)\" first"
                : "Sequelize v6 crashes with TypeError: Cannot read properties of undefined (reading 'field')"
            return finding("\(association.call): targetKey '\(targetKey)' is not an attribute of \(target.name); \(thrown)",
                           at: Location(path: association.decl.path, mark: association.decl.targetKeyMark ?? association.decl.mark),
                           help: "\(missing)name an attribute of \(target.name) (its primary key \(target.primaryKey) is the default), or declare '\(targetKey)' on it",
                           related: [RelatedLocation(target.decl.location, "\(target.name) is declared here")])
        }
    }
}

/// Whether a key option names no attribute of a model that lists its attributes (`id` exists
/// unless another primary key is declared): then the start of a help, "did you mean 'x'? ", or ""
/// without a near name.
enum UnknownKey {
    static func missing(_ key: String, on model: ModelDecl) -> String? {
        guard model.declaresAttributes, model.attribute(named: key) == nil,
              key != "id" || model.attributes.contains(where: \.primaryKey) else { return nil }
        return Suggestion.nearest(to: key, in: model.attributes.map(\.name)).map { "did you mean '\($0)'? " } ?? ""
    }
}
