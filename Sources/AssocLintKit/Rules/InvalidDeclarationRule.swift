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
        }
    }
}
