/// `unknown-model`: an association target or a usage that names no declared model.
public struct UnknownModelRule: Rule {
    public static let id = "unknown-model"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        // A file that did not parse may declare the model: its yaml-syntax finding says so.
        guard !schema.isIncomplete else { return [] }
        var findings: [Finding] = []
        for file in context.files {
            for model in file.models {
                // A model whose associations all resolved has none to an unknown model.
                if let resolved = schema.models[model.name], resolved.decl === model,
                   schema.associationIndices(from: resolved).count == model.associations.count { continue }
                // An entry invalid-declaration reports as a whole is its finding alone.
                for association in model.associations where schema.models[association.target] == nil && !association.isReportedInvalid {
                    let call = "\(association.source).\(association.kind.rawValue)(\(association.target))"
                    findings.append(finding(
                        "\(call): no model named '\(association.target)' is declared\(suggestion(association.target, schema))",
                        at: Location(path: association.path, mark: association.targetMark),
                        help: "Sequelize throws: \(association.source).\(association.kind.rawValue) called with something that's not a subclass of Sequelize.Model"))
                }
            }
        }
        for (file, resolutions) in zip(context.files, context.usageResolutions) {
            for (usage, resolution) in zip(file.usages, resolutions) where resolution.model == nil {
                findings.append(finding(
                    "usage \(usage.call)\(usage.at.map { " at \($0)" } ?? ""): no model named '\(usage.model)' is declared\(suggestion(usage.model, schema))",
                    at: usage.location))
            }
        }
        return findings
    }

    func suggestion(_ name: String, _ schema: SemanticSchema) -> String {
        schema.nearestModelName(to: name).map { ". Did you mean '\($0)'?" } ?? ""
    }
}
