/// `through-mismatch`: the two sides of one belongsToMany give conflicting explicit keys for their
/// junction. Paired by the same `through`, the second call deletes the first call's key columns
/// from the junction (associations.md §5.10).
public struct ThroughMismatchRule: Rule {
    public static let id = "through-mismatch"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        var findings: [Finding] = []
        for index in schema.associationIndices(with: .manyToMany) {
            let association = schema.associations[index]
            // Each pair once, on the later declaration (the call that deletes the other's columns).
            guard let partnerIndex = context.relationships.inverse[index], partnerIndex < index,
                  !association.decl.isReportedInvalid else { continue }
            let earlier = schema.associations[partnerIndex]
            guard earlier.kind == .belongsToMany, !earlier.decl.isReportedInvalid else { continue }
            // Paired, the sides agree when this foreignKey is the other's otherKey and the reverse;
            // only explicit keys can disagree (defaults are reconciled).
            var conflicts: [String] = []
            if let mine = association.decl.foreignKey, let theirs = earlier.decl.otherKey, mine != theirs {
                conflicts.append("foreignKey '\(mine)' here but otherKey '\(theirs)' there")
            }
            if let mine = association.decl.otherKey, let theirs = earlier.decl.foreignKey, mine != theirs {
                conflicts.append("otherKey '\(mine)' here but foreignKey '\(theirs)' there")
            }
            let through = association.decl.through ?? ""
            if let mine = association.decl.throughForm, let theirs = earlier.decl.throughForm, mine != theirs {
                // Sequelize compares the raw values: 'X' and the model X do not pair.
                let (string, model) = mine == .name ? (association, earlier) : (earlier, association)
                findings.append(finding(
                    "\(association.call) and \(earlier.call) go through '\(through)', but \(string.call) names it as a string and \(model.call) as the model: Sequelize pairs the two sides by the raw value, so they are not paired, and the second call deletes the first one's key columns from \(through)",
                    at: association.location,
                    help: "write 'through' the same way on both sides: the model \(through) on each",
                    related: [RelatedLocation(earlier.location, "\(earlier.call) is declared here")]))
                continue
            }
            guard !conflicts.isEmpty else { continue }
            findings.append(finding(
                "\(association.call) and \(earlier.call) share the junction '\(through)' but disagree on its columns (\(conflicts.joined(separator: "; "))): the second call deletes the first one's key columns from \(through), so \(earlier.call) reads columns that no longer exist",
                at: association.location,
                help: "give both sides the same two columns: this foreignKey is the other side's otherKey, and this otherKey its foreignKey",
                related: [RelatedLocation(earlier.location, "\(earlier.call) is declared here")]))
        }
        return findings
    }
}
