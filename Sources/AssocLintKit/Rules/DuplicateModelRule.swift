/// `duplicate-model`: a model name declared twice, in one file or across files.
public struct DuplicateModelRule: Rule {
    public static let id = "duplicate-model"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for file in context.files {
            for model in file.models {
                guard let first = context.schema.models[model.name]?.decl,
                      first.path != model.path || first.mark != model.mark else { continue }
                findings.append(finding(
                    "model \(model.name) is already declared at \(first.path):\(first.mark.line); Sequelize would replace the first definition with this one",
                    at: model.location,
                    help: "merge the two definitions, or rename one of the models",
                    related: [RelatedLocation(first.location, "first declaration of \(model.name)")]))
            }
        }
        return findings
    }
}
