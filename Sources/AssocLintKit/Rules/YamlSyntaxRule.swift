/// `yaml-syntax`: a file that libyaml cannot parse, or that hits a safety limit.
public struct YamlSyntaxRule: Rule {
    public static let id = "yaml-syntax"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let others = context.files.count > 1
        return context.files.flatMap { file in
            file.yamlIssues.compactMap { issue -> Finding? in
                if case .duplicateKey = issue.kind { return nil }
                let help = others
                    ? "fix this file first: until it parses, assoclint does not report unknown models or missing inverses that its models might resolve"
                    : "fix the YAML at this position; nothing after it was read"
                return finding(issue.message, at: Location(path: file.path, mark: issue.mark), help: help)
            }
        }
    }
}
