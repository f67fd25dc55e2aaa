/// `declared-accessor-missing`: a TypeScript member that only types an accessor
/// (`declare getTeam: BelongsToGetAssociationMixin<Team>`) when no association of the model
/// generates it: the call type-checks and throws `TypeError: ... is not a function` at run time.
public struct DeclaredAccessorMissingRule: Rule {
    public static let id = "declared-accessor-missing"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        var findings: [Finding] = []
        for model in schema.modelList where !model.decl.declaredAccessors.isEmpty && !model.decl.isIncomplete && !model.decl.inheritsUnknownMethods {
            let accessors = schema.accessors(of: model)
            let methods = Set(model.decl.methods.map(\.name))
            let instance = LintContext.instanceName(model.name)
            for declared in model.decl.declaredAccessors where accessors[declared.name] == nil && !methods.contains(declared.name) {
                var message = "\(model.name) declares \(declared.name): \(declared.type), but no association of \(model.name) generates \(declared.name): \(instance).\(declared.name)() type-checks and throws \"TypeError: \(instance).\(declared.name) is not a function\""
                var related: [RelatedLocation] = []
                if let nearest = Suggestion.nearest(to: declared.name, in: accessors.keys), let association = accessors[nearest] {
                    message += ". Did you mean '\(nearest)'?"
                    related.append(RelatedLocation(association.location, "\(association.call) generates \(nearest)()"))
                }
                let getters = accessors.keys.filter { $0.hasPrefix("get") }.sorted()
                findings.append(finding(
                    message,
                    at: Location(path: model.decl.path, mark: declared.mark),
                    help: getters.isEmpty
                        ? "declare the association it stands for, or remove the member"
                        : "rename it to a generated accessor (\(getters.map { "\($0)()" }.joined(separator: ", "))), declare the association it stands for, or remove it",
                    related: related))
            }
        }
        return findings
    }
}
