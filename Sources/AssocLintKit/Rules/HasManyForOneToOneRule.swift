/// `has-many-for-one-to-one`: `A.hasMany(B)` where B's foreign key to A is unique, so every A
/// has at most one B and `hasOne` is the association that says so.
public struct HasManyForOneToOneRule: Rule {
    public static let id = "has-many-for-one-to-one"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        var findings: [Finding] = []
        // A hasMany reported as reversed is not advised to become a hasOne: it is on the wrong model.
        for (index, association) in schema.associations.enumerated()
        where association.kind == .hasMany && !association.decl.isReportedInvalid && !context.relationships.reversed.contains(index) {
            let target = association.targetModel
            let inverse = context.relationships.inverse[index].map { schema.associations[$0] }
            let column = target.linkAttribute(named: association.foreignKey)
            var evidence: (String, Location)?
            if association.decl.foreignKeyUnique.isUniqueAlone {
                evidence = ("its foreignKey is declared unique", Location(path: association.decl.path, mark: association.decl.foreignKeyMark ?? association.decl.mark))
            } else if let column, target.decl.isUniqueAlone(column) {
                evidence = ("\(target.name).\(column.name) is unique", target.decl.location(of: column))
            } else if let column, column.primaryKey, target.decl.attributes.count(where: \.primaryKey) == 1 {
                evidence = ("\(target.name).\(column.name) is \(target.name)'s primary key", target.decl.location(of: column))
            } else if column == nil, !target.decl.uniqueIndexFields.isEmpty, target.decl.uniqueIndexFields.contains(association.foreignKeyColumn) {
                // The key is added by Sequelize, but an index makes its column unique.
                evidence = ("a unique index covers \(target.name).\(association.foreignKeyColumn) alone", target.decl.location)
            } else if let inverse, inverse.decl.foreignKeyUnique.isUniqueAlone {
                evidence = ("\(inverse.call) declares its foreignKey unique", inverse.location)
            }
            guard let (reason, place) = evidence else { continue }
            let one = HasOneSuggestion(replacing: association)
            let instance = LintContext.instanceName(association.source)
            let belongsTo = inverse.map { "keep \($0.call)" } ?? "declare \(target.name).belongsTo(\(association.source)) on the other side"
            findings.append(finding(
                "\(association.call) declares a one-to-many, but \(reason), so each \(association.source) has at most one \(target.name) and \(instance).\(association.names.accessor(.get) ?? "")() always returns at most one",
                at: association.location,
                help: "declare \(one.call) instead (it generates \(instance).\(one.getter)()), and \(belongsTo)",
                related: [RelatedLocation(place, "the foreign key is unique here")]))
        }
        return findings
    }
}
