/// `foreign-key-mismatch`: two declarations of one relationship that name its foreign key
/// differently, so Sequelize adds two columns (associations.md §5.1).
public struct ForeignKeyMismatchRule: Rule {
    public static let id = "foreign-key-mismatch"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        var findings: [Finding] = []
        for (index, association) in schema.associations.enumerated() {
            // (a) An inverse pair, reported once, on the hasMany/hasOne side.
            if association.kind == .hasMany || association.kind == .hasOne,
               let partnerIndex = context.relationships.inverse[index], partnerIndex != index {
                let partner = schema.associations[partnerIndex]
                if partner.kind == .belongsTo, partner.foreignKey != association.foreignKey {
                    findings.append(finding(
                        "\(association.call) and \(partner.call) name the foreign key differently (\(association.foreignKey) and \(partner.foreignKey)): Sequelize adds both columns to \(association.target), and rows created through one side are invisible to the other",
                        at: association.location,
                        help: "give both the same foreignKey, e.g. 'foreignKey: \(preferred(association, partner))' on each",
                        related: [RelatedLocation(partner.location, "\(partner.call) uses \(partner.foreignKey)")]))
                    continue
                }
            }
            // (b) The model holding the key declares it under another spelling.
            guard let holder = holderModel(of: association, in: schema), holder.decl.declaresAttributes,
                  holder.decl.attribute(named: association.foreignKey) == nil,
                  let declared = holder.linkAttribute(named: association.foreignKey) else { continue }
            findings.append(finding(
                "\(association.call) uses the foreign key \(association.foreignKey), but \(holder.name) declares \(declared.name): attribute names are case-sensitive, so Sequelize adds a second column \(association.foreignKey) next to \(declared.name)",
                at: association.location,
                help: "add 'foreignKey: \(declared.name)' to this association",
                related: [RelatedLocation(Location(path: holder.decl.path, mark: declared.mark), "\(holder.name).\(declared.name) is declared here")]))
        }
        return findings
    }

    func holderModel(of association: ResolvedAssociation, in schema: SemanticSchema) -> ResolvedModel? {
        switch association.foreignKeyHolder {
        case .source: return schema.models[association.source]
        case .target: return schema.models[association.target]
        case .through(let name): return schema.models[name]
        }
    }

    /// The name to agree on: an explicit one, or one the target already declares.
    func preferred(_ owner: ResolvedAssociation, _ holder: ResolvedAssociation) -> String {
        if owner.foreignKeyIsExplicit { return owner.foreignKey }
        if holder.foreignKeyIsExplicit { return holder.foreignKey }
        return owner.foreignKey
    }
}
