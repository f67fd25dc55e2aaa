/// `options-outside-call`: an options object written after an association call instead of inside
/// it (`Brand.hasMany(models.Item), { foreignKey: 'brandId' }`): the comma operator evaluates the
/// object and throws it away, so Sequelize applies its default key and alias.
public struct OptionsOutsideCallRule: Rule {
    public static let id = "options-outside-call"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        var findings: [Finding] = []
        for association in schema.associations {
            guard let outside = association.decl.optionsOutsideCall else { continue }
            let getter = association.names.accessor(.get) ?? ""
            let instance = LintContext.instanceName(association.source)
            findings.append(finding(
                "\(association.call) receives no options: \(outside.value) stands outside its parentheses (the comma operator evaluates the object and discards it), so Sequelize uses the foreign key \(association.foreignKey) and the accessors \(instance).\(getter)() and so on",
                at: association.location,
                help: "move the object into the call: \(association.source).\(association.kind.rawValue)(\(association.target), \(outside.value))",
                related: [RelatedLocation(Location(path: association.decl.path, mark: outside.mark), "these options never reach \(association.kind.rawValue)")]))
        }
        return findings
    }
}
