/// `foreign-key-mismatch`: two declarations of one relationship that name its foreign key
/// differently, so Sequelize adds two columns (associations.md §5.1).
public struct ForeignKeyMismatchRule: Rule {
    public static let id = "foreign-key-mismatch"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        var findings: [Finding] = []
        // One finding per declared column, however many associations spell it differently.
        var reportedColumns = Set<String>()
        // A reversed association or an invalid entry is reported by its own rule: agreeing on a key
        // would only repeat the mistake.
        for (index, association) in schema.associations.enumerated()
        where !association.decl.isReportedInvalid && !context.relationships.reversed.contains(index) {
            // (a) An inverse pair whose keys land in different columns, reported on the hasMany/hasOne.
            // (Under `underscored`, authorId and author_id are one column: no finding.)
            if association.kind == .hasMany || association.kind == .hasOne,
               let partnerIndex = context.relationships.inverse[index], partnerIndex != index {
                let partner = schema.associations[partnerIndex]
                // When this side's key is the column the model declares and the partner's is not,
                // the partner alone is wrong: (b) reports it (one mistake, one finding).
                let partnerAloneWrong = Self.misspeltDeclaredLink(partner).map { $0.column == association.foreignKeyColumn } ?? false
                if partner.kind == .belongsTo, partner.foreignKeyColumn != association.foreignKeyColumn, !partnerAloneWrong,
                   !partner.decl.isReportedInvalid, !context.relationships.reversed.contains(partnerIndex) {
                    findings.append(finding(
                        "\(association.call) and \(partner.call) name the foreign key differently (\(association.foreignKey) and \(partner.foreignKey)): Sequelize adds both columns to \(association.target), and rows created through one side are invisible to the other",
                        at: association.location,
                        help: "give both the same foreignKey, e.g. 'foreignKey: \(preferred(association, partner))' on each",
                        related: [RelatedLocation(partner.location, "\(partner.call) uses \(partner.foreignKey)")]))
                    continue
                }
            }
            // (b) The model holding the key declares the link under a spelling that maps to another column.
            // (linkAttribute prefers the exact name: then the key is declared as spelt.)
            guard let (holder, declared, declaredColumn) = Self.misspeltDeclaredLink(association),
                  reportedColumns.insert("\(holder.name)\u{0}\(declared.name)\u{0}\(association.foreignKey)").inserted else { continue }
            findings.append(finding(
                "\(association.call) uses the foreign key \(association.foreignKey) (column \(association.foreignKeyColumn)), but \(holder.name) declares \(declared.name) (column \(declaredColumn)): Sequelize adds a second column \(association.foreignKeyColumn) next to \(declaredColumn)",
                at: association.location,
                help: "add 'foreignKey: \(declared.name)' to this association",
                related: [RelatedLocation(holder.decl.location(of: declared), "\(holder.name).\(declared.name) is declared here")]))
        }
        return findings
    }

    /// The link attribute the key's holder declares under another spelling that maps to another
    /// column than the association's key, if any.
    static func misspeltDeclaredLink(_ association: ResolvedAssociation) -> (holder: ResolvedModel, attribute: AttributeDecl, column: String)? {
        guard let holder = association.holderModel, holder.decl.declaresAttributes,
              let declared = holder.linkAttribute(named: association.foreignKey),
              declared.name != association.foreignKey else { return nil }
        let column = ForeignKeyNaming.column(attribute: declared.name, field: declared.field, underscored: holder.decl.underscored)
        return column == association.foreignKeyColumn ? nil : (holder, declared, column)
    }

    /// The name to agree on: an explicit one, or one the target already declares.
    func preferred(_ owner: ResolvedAssociation, _ holder: ResolvedAssociation) -> String {
        if owner.foreignKeyIsExplicit { return owner.foreignKey }
        if holder.foreignKeyIsExplicit { return holder.foreignKey }
        return owner.foreignKey
    }
}
