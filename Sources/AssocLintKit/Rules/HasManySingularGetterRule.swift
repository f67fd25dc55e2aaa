/// `has-many-singular-getter`: `order.getItem()` where `Order.hasMany(Item)` only generates
/// `getItems()`.
public struct HasManySingularGetterRule: Rule {
    public static let id = "has-many-singular-getter"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for (file, resolutions) in zip(context.files, context.usageResolutions) {
            for (usage, resolution) in zip(file.usages, resolutions) {
                // On a hasMany reported as reversed the usage is right and the declaration wrong:
                // reversed-has-many says so (and its fix generates this getter).
                guard let model = resolution.model, let association = resolution.singularGetterMistake,
                      !context.relationships.reversedAssociations.contains(ObjectIdentifier(association)),
                      let getter = association.names.accessor(.get) else { continue }
                let instance = LintContext.instanceName(model.name)
                let place = usage.at.map { " (at \($0))" } ?? ""
                var help = "call \(instance).\(getter)()"
                if association.kind == .hasMany {
                    help += "; if each \(model.name) has only one \(association.target), the fix is \(HasOneSuggestion(replacing: association).call), which generates \(usage.method)()"
                } else {
                    help += " (the association is many-to-many, so only the plural getter exists)"
                }
                findings.append(finding(
                    "\(instance).\(usage.method)()\(place) does not exist: \(association.call) generates the plural getter \(getter)(), which returns an array",
                    at: usage.location,
                    help: help,
                    related: [RelatedLocation(association.location, "\(association.call) is declared here")]))
            }
        }
        return findings
    }
}
