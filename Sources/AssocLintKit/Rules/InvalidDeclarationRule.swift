/// `invalid-declaration`: wrong shapes, unknown keys, repeated keys, and options Sequelize v6
/// rejects or silently misreads.
public struct InvalidDeclarationRule: Rule {
    public static let id = "invalid-declaration"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        context.files.flatMap { file -> [Finding] in
            let problems = file.problems.map { problem in
                finding(problem.message, at: Location(path: file.path, mark: problem.mark), help: problem.help,
                        related: problem.related.map { RelatedLocation(Location(path: file.path, mark: $0.mark), $0.message) })
            }
            let repeatedKeys = file.yamlIssues.compactMap { issue -> Finding? in
                guard case .duplicateKey(let key, let firstMark) = issue.kind else { return nil }
                return finding("key '\(key)' is repeated in this mapping; the later value silently replaces the earlier one",
                               at: Location(path: file.path, mark: issue.mark),
                               help: "keep one '\(key)'",
                               related: [RelatedLocation(Location(path: file.path, mark: firstMark), "first '\(key)' here")])
            }
            return problems + repeatedKeys
        } + unknownTargetKeys(context.schema)
    }

    /// `targetKey` must name an attribute of the target, which only the whole schema knows.
    func unknownTargetKeys(_ schema: SemanticSchema) -> [Finding] {
        schema.associations.compactMap { association in
            guard let targetKey = association.decl.targetKey, association.kind == .belongsTo || association.kind == .belongsToMany,
                  let target = schema.models[association.target], target.decl.declaresAttributes,
                  target.decl.attribute(named: targetKey) == nil, targetKey != target.primaryKey else { return nil }
            let help = association.kind == .belongsTo
                ? "Sequelize throws: Unknown attribute \"\(targetKey)\" passed as targetKey, define this attribute on model \"\(target.name)\" first"
                : "Sequelize v6 crashes with TypeError: Cannot read properties of undefined (reading 'field'); name an attribute of \(target.name)"
            return finding("targetKey '\(targetKey)' is not an attribute of \(target.name).\(Suggestion.phrase(for: targetKey, in: target.decl.attributes.map(\.name)))",
                           at: Location(path: association.decl.path, mark: association.decl.targetKeyMark ?? association.decl.mark),
                           help: help,
                           related: [RelatedLocation(target.decl.location, "\(target.name) is declared here")])
        }
    }
}
