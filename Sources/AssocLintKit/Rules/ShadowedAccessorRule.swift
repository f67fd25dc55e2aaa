/// `shadowed-accessor`: an instance method the model defines itself (`methods:`) named like an
/// accessor one of its associations generates. Sequelize never overrides an existing method, so
/// the accessor is silently not installed (associations.md §5.4, helpers.js mixinMethods).
public struct ShadowedAccessorRule: Rule {
    public static let id = "shadowed-accessor"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        var findings: [Finding] = []
        for model in schema.modelList where !model.decl.methods.isEmpty {
            let accessors = schema.accessors(of: model)
            let instance = LintContext.instanceName(model.name)
            for method in model.decl.methods {
                guard let association = accessors[method.name] else { continue }
                let place = method.at.map { " (at \($0))" } ?? ""
                findings.append(finding(
                    "\(model.name) defines its own \(method.name)()\(place), which \(association.call) would generate: Sequelize never overrides an existing method, so \(instance).\(method.name)() runs yours and the association's is not installed",
                    at: Location(path: method.path ?? model.decl.path, mark: method.mark),
                    help: "rename the method (e.g. \(method.name)Summary), or give the association an alias so its accessors get other names",
                    related: [RelatedLocation(association.location, "\(association.call) is declared here")]))
            }
        }
        return findings
    }
}
