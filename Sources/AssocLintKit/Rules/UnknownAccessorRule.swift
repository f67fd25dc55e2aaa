/// `unknown-accessor`: a usage that no association of the model generates.
public struct UnknownAccessorRule: Rule {
    public static let id = "unknown-accessor"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        guard !schema.isIncomplete else { return [] }
        var findings: [Finding] = []
        for (file, resolutions) in zip(context.files, context.usageResolutions) {
            for (usage, resolution) in zip(file.usages, resolutions) {
                // A model with a declaration that could not be read may generate it there, and a
                // base class of the application may define it.
                guard let model = resolution.model, !model.decl.isIncomplete, !model.decl.inheritsUnknownMethods, !resolution.isModelMethod,
                      resolution.owner == nil, resolution.singularGetterMistake == nil else { continue }
                // (A singular getter of a reversed hasMany is reversed-has-many's finding: not unknown.)
                let accessors = schema.accessors(of: model)
                let instance = LintContext.instanceName(model.name)
                let place = usage.at.map { " (at \($0))" } ?? ""
                var message = "\(instance).\(usage.method)()\(place) is not an accessor of \(model.name)"
                var related: [RelatedLocation] = []
                if let nearest = Suggestion.nearest(to: usage.method, in: accessors.keys), let association = accessors[nearest] {
                    message += ". Did you mean '\(nearest)'?"
                    related.append(RelatedLocation(association.location, "\(association.call) generates \(nearest)()"))
                }
                let getters = accessors.keys.filter { $0.hasPrefix("get") }.sorted()
                let help = accessors.isEmpty
                    ? "\(model.name) declares no associations, so its instances have no association accessors"
                    : "\(model.name)'s association getters: \(getters.map { "\($0)()" }.joined(separator: ", "))"
                findings.append(finding(message, at: usage.location, help: help, related: related))
            }
        }
        return findings
    }
}
